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
import { mkdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
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
export async function replaceOutputs(folder: OutputFolder, files: readonly OutputFile[], options: CommitOptions = {}): Promise<void> {
  const staged = new StagedOutputs(folder.dir);
  for (const file of files) staged.add(file);
  await staged.commit(folder, options);
}

export interface CommitOptions {
  readonly force?: boolean;
  readonly remove?: readonly string[];
}

/**
 * Step 1 while the caller still makes the rest: each output added starts being written to its temp file at once, so
 * the disk works while the next output is made (the caller lets the event loop run between outputs). Until `commit`
 * nothing but temp files exists, and `discard` removes them, with the folder if this created it: a run that fails
 * after some outputs were added leaves the folder as it was. Once `commit` has journalled them, `discard` does nothing.
 */
export class StagedOutputs {
  private readonly temps: { readonly name: string; readonly temp: string; readonly hash: string }[] = [];
  /** Per added file, in order: its write's failure, if it failed. */
  private readonly writes: Promise<{ readonly error: unknown } | undefined>[] = [];
  /** The folder, made on the first add (a run that stages nothing leaves no empty folder): the first directory created. */
  private folder: Promise<string | undefined> | undefined;
  /** Set once the journal names the temp files: from then on they are the folder's, to be switched in. */
  private journalled = false;

  constructor(private readonly dir: string) {}

  add(file: OutputFile): void {
    const temp = tempPathFor(fileInFolder(this.dir, file.name, ''));
    this.temps.push({ name: file.name, temp, hash: sha256(file.content) });
    this.folder ??= mkdir(this.dir, { recursive: true });
    const written = this.folder.then(() => writeFile(temp, file.content));
    this.writes.push(written.then(() => undefined, (error: unknown) => ({ error })));
  }

  /** Steps 2 and 3: checks the targets (see replaceOutputs), then switches the staged files in. */
  async commit(folder: OutputFolder, options: CommitOptions = {}): Promise<void> {
    const { dir } = folder;
    if (resolve(dir) !== resolve(this.dir)) throw new Error(`outputs staged in ${this.dir} cannot be committed to ${dir}`);
    const failure = (await Promise.all(this.writes)).find((outcome) => outcome !== undefined);
    if (!options.force) {
      for (const { name } of this.temps) {
        if (!(await isOurs(folder, name))) {
          await this.discard();
          throw new InputError(`file already exists and is not an output \`${folder.writtenBy}\` wrote (${folder.manifestName} does not list it as it is); nothing was written`, {
            location: { file: fileInFolder(dir, name, '') },
            fix: 'pass --force to replace it, or choose another output directory',
          });
        }
      }
    }
    if (failure) {
      const { error } = failure;
      await this.discard();
      throw new InputError(`cannot write output: ${String(error)}`, { cause: error });
    }
    const deletes = (options.remove ?? []).filter((name) => folder.written.has(name));
    const names = new Set(this.temps.map((staged) => staged.name));
    // Earlier outputs neither rewritten nor deleted stay listed, so a later run can still clean them.
    const final: Record<string, string> = {};
    for (const [name, hash] of folder.written) if (!names.has(name) && !deletes.includes(name)) final[name] = hash;
    for (const staged of this.temps) final[staged.name] = staged.hash;
    const manifest: Manifest = {
      schemaVersion: 1,
      writtenBy: folder.writtenBy,
      files: Object.fromEntries(folder.written),
      pending: { files: sorted(final), renames: this.temps.map(({ temp, name }) => [basename(temp), name]), deletes },
    };
    this.journalled = true;
    await writeManifest(dir, folder.manifestName, manifest);
    await finish(dir, folder.manifestName, manifest);
  }

  /** Removes the temp files, and the folder (up to the first one created) if this run created it and it is empty. */
  async discard(): Promise<void> {
    if (this.journalled) return;
    await Promise.all(this.writes);
    // Best effort (a write may have failed because the folder is not there): a temp file left over is a dead run's
    // to the next run, which removes it.
    await Promise.all(this.temps.map(({ temp }) => rm(temp, { force: true }).catch(() => undefined)));
    const created = await this.folder?.catch(() => undefined);
    if (created === undefined) return;
    for (let dir = resolve(this.dir); ; dir = dirname(dir)) {
      if (!(await rmdir(dir).then(() => true, () => false)) || dir === resolve(created)) return;
    }
  }
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
