/**
 * A folder of generated outputs that cwdash owns file by file (`build`'s `<out>/<DashboardName>.json`). A manifest
 * in the folder lists the files the last run wrote, so only those are ever replaced or cleaned without --force, and
 * it doubles as a journal, so a run killed at any point leaves the old set or (after the next run) the new one:
 *
 * 1. every new file is written to a temp file beside its target (a kill here leaves the old set; the temps are
 *    removed by the next run, whose process check tells they are dead);
 * 2. the manifest is replaced, in one rename, by one that records the pending renames and deletions;
 * 3. the renames and deletions run, then the manifest is replaced by the final list.
 *
 * A manifest with pending work means a run died in step 3: the next `openOutputFolder` finishes it.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { InputError } from './errors.js';
import { fileExists, removeDeadTempFiles, tempPathFor, writeFileAtomic } from './files.js';
import { fileInFolder } from './safe-path.js';
import { parseBoundedJson } from './input-limits.js';
import { compareStrings } from './json.js';

const manifestSchema = z.object({
  schemaVersion: z.literal(1),
  writtenBy: z.string(),
  /** File name → SHA-256 of the content written. */
  files: z.record(z.string(), z.string()),
  pending: z
    .object({
      files: z.record(z.string(), z.string()),
      renames: z.array(z.tuple([z.string(), z.string()])),
      deletes: z.array(z.string()),
    })
    .optional(),
});
type Manifest = z.infer<typeof manifestSchema>;

export interface OutputFolder {
  readonly dir: string;
  /** The manifest's file name in `dir`, e.g. `.cwdash-build.manifest`. */
  readonly manifestName: string;
  /** The command writing it, recorded in the manifest: `cwdash build`. */
  readonly writtenBy: string;
  /** File name (in `dir`) → SHA-256 of what the last completed run wrote there. */
  readonly written: ReadonlyMap<string, string>;
}

export interface OutputFile {
  /** A plain file name inside the folder. */
  readonly name: string;
  readonly content: string;
}

/**
 * Reads the manifest. Unless `readOnly`, first finishes a run that died while switching sets (its temp files are the
 * new outputs), then removes the temp files of dead runs.
 */
export async function openOutputFolder(dir: string, manifestName: string, writtenBy: string, readOnly = false): Promise<OutputFolder> {
  let manifest = await readManifest(dir, manifestName);
  if (!readOnly) {
    if (manifest?.pending) manifest = await finish(dir, manifestName, manifest);
    await removeDeadTempFiles(dir);
  }
  const files = manifest?.pending ? manifest.pending.files : (manifest?.files ?? {});
  return { dir, manifestName, writtenBy, written: new Map(Object.entries(files)) };
}

/**
 * Whether `name` is still what this folder's writer put there: listed in the manifest and unchanged since (a file
 * edited by hand is the user's now). A missing file counts as ours.
 */
export async function isOurs(folder: OutputFolder, name: string): Promise<boolean> {
  const content = await readFile(fileInFolder(folder.dir, name, '')).catch(() => undefined);
  return content === undefined || folder.written.get(name) === sha256(content);
}

function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Makes `files` the folder's outputs. An existing file the manifest does not list is someone else's: refused unless
 * `force`. `remove` (earlier outputs no definition builds any more) are deleted in the same switch; earlier outputs
 * neither rewritten nor removed stay listed, so a later run can still clean them.
 */
export async function replaceOutputs(folder: OutputFolder, files: readonly OutputFile[], options: { force?: boolean; remove?: readonly string[] } = {}): Promise<void> {
  const { dir } = folder;
  const paths = files.map((file) => fileInFolder(dir, file.name, ''));
  if (!options.force) {
    for (const [index, file] of files.entries()) {
      if (!(await isOurs(folder, file.name))) {
        throw new InputError(`file already exists and is not an output \`${folder.writtenBy}\` wrote (${folder.manifestName} does not list it as it is); nothing was written`, {
          location: { file: paths[index]! },
          fix: 'pass --force to replace it, or choose another output directory',
        });
      }
    }
  }
  const deletes = (options.remove ?? []).filter((name) => folder.written.has(name));
  const names = new Set(files.map((file) => file.name));
  const renames: [string, string][] = [];
  try {
    await mkdir(dir, { recursive: true });
    for (const [index, file] of files.entries()) {
      const temp = tempPathFor(paths[index]!);
      renames.push([temp, file.name]);
      await writeFile(temp, file.content);
    }
  } catch (error) {
    await Promise.all(renames.map(([temp]) => rm(temp, { force: true })));
    throw new InputError(`cannot write output: ${String(error)}`, { cause: error });
  }
  // Earlier outputs neither rewritten nor deleted stay listed, so a later run can still clean them.
  const final: Record<string, string> = {};
  for (const [name, hash] of folder.written) if (!names.has(name) && !deletes.includes(name)) final[name] = hash;
  for (const file of files) final[file.name] = sha256(file.content);
  const manifest: Manifest = {
    schemaVersion: 1,
    writtenBy: folder.writtenBy,
    files: Object.fromEntries(folder.written),
    pending: { files: sorted(final), renames: renames.map(([temp, name]) => [temp.slice(dir.length + 1), name]), deletes },
  };
  await writeManifest(dir, folder.manifestName, manifest);
  await finish(dir, folder.manifestName, manifest);
}

function sorted(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareStrings(a, b)));
}

/** Step 3: the pending renames (those already done have no temp file left) and deletions, then the final list. */
async function finish(dir: string, manifestName: string, manifest: Manifest): Promise<Manifest> {
  const pending = manifest.pending!;
  for (const [temp, name] of pending.renames) {
    const from = fileInFolder(dir, temp, '');
    if (await fileExists(from)) await rename(from, fileInFolder(dir, name, ''));
  }
  for (const name of pending.deletes) await rm(fileInFolder(dir, name, ''), { force: true });
  const done: Manifest = { schemaVersion: 1, writtenBy: manifest.writtenBy, files: pending.files };
  await writeManifest(dir, manifestName, done);
  return done;
}

async function readManifest(dir: string, manifestName: string): Promise<Manifest | undefined> {
  const path = join(dir, manifestName);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined; // no manifest yet: nothing in the folder is ours
  }
  let parsed;
  try {
    parsed = manifestSchema.safeParse(parseBoundedJson(text));
  } catch {
    parsed = undefined;
  }
  if (!parsed?.success) {
    throw new InputError(`${manifestName} is not a cwdash output manifest`, {
      location: { file: path },
      fix: 'delete it (then files in the folder count as not written by cwdash, and replacing them needs --force)',
    });
  }
  return parsed.data;
}

async function writeManifest(dir: string, manifestName: string, manifest: Manifest): Promise<void> {
  await writeFileAtomic(join(dir, manifestName), `${JSON.stringify(manifest, null, 2)}\n`, { overwrite: true });
}
