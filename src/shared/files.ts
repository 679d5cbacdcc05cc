/**
 * File access with the two promises every command makes: a read error names the file and the fix, and a write is
 * atomic (temp file + rename) and never replaces a user's file unless asked to.
 */
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, basename, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { InputError, errnoCode } from './errors.js';

export async function readTextFile(file: string, what = 'file'): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw readError(file, what, error);
  }
}

export async function fileExists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return false;
    throw readError(file, 'file', error);
  }
}

export function readError(file: string, what: string, error: unknown): InputError {
  const code = errnoCode(error);
  if (code === 'ENOENT') {
    return new InputError(`${what} not found`, { location: { file }, fix: 'check the path, or pass the right one' });
  }
  if (code === 'EISDIR') {
    return new InputError(`expected a ${what}, found a directory`, { location: { file }, fix: 'name a file' });
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new InputError(`permission denied reading ${what}`, { location: { file }, fix: 'check file permissions' });
  }
  return new InputError(`cannot read ${what}: ${String(error)}`, { location: { file }, cause: error });
}

export interface WriteOptions {
  /** Replace an existing file. Without it an existing file is an error that names `--force`. */
  readonly overwrite?: boolean;
}

export interface PendingFile {
  readonly path: string;
  /** The bytes, or text in pieces (written one after another, never joined). */
  readonly content: string | Uint8Array | Iterable<string>;
}

/** Writes one file atomically. */
export async function writeFileAtomic(path: string, content: PendingFile['content'], options: WriteOptions = {}): Promise<void> {
  await writeFilesAtomically([{ path, content }], options);
}

/**
 * Writes several files so that either all of them land or none does: every temp file is written first, and only then
 * are they renamed into place. A failure before the renames removes the temp files and leaves the targets as they were.
 */
export async function writeFilesAtomically(files: readonly PendingFile[], options: WriteOptions = {}): Promise<void> {
  const seen = new Set<string>();
  for (const file of files) {
    const path = resolve(file.path);
    if (seen.has(path)) {
      throw new InputError('two outputs of one run would be written to the same file; nothing was written', {
        location: { file: file.path },
        fix: 'give the inputs distinct names, or write them to different places',
      });
    }
    seen.add(path);
  }
  if (!options.overwrite) {
    for (const file of files) {
      if (await fileExists(file.path)) {
        throw new InputError('file already exists', {
          location: { file: file.path },
          fix: 'pass --force to replace it, or choose another output path',
        });
      }
    }
  }
  const temps: string[] = [];
  try {
    for (const file of files) {
      await mkdir(dirname(file.path), { recursive: true });
      const temp = tempPathFor(file.path);
      temps.push(temp);
      await writeFile(temp, file.content);
    }
  } catch (error) {
    await Promise.all(temps.map((temp) => rm(temp, { force: true })));
    throw new InputError(`cannot write output: ${String(error)}`, { cause: error });
  }
  for (const [index, file] of files.entries()) {
    await rename(temps[index]!, file.path);
  }
}

/** `.<name>.tmp-<pid>-<random>` beside `path`: the pid tells a later run whether the writer is still alive. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
}

const TEMP_FILE = /^\..+\.tmp-(?:(\d+)-)?[0-9a-f]{12}$/;
/** Temp files of earlier versions carry no pid: removed once they are this old. */
const PIDLESS_TEMP_AGE_MS = 60 * 60 * 1000;

/**
 * Removes the temp files a killed cwdash left in `dir` (a run that dies between writing a temp file and renaming it
 * leaves it behind): those whose writing process is gone, and pid-less ones of earlier versions older than an hour.
 */
export async function removeDeadTempFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMP_FILE.exec(name);
    if (!match) continue;
    const path = join(dir, name);
    const dead = match[1] !== undefined ? !processAlive(Number(match[1])) : await olderThan(path, PIDLESS_TEMP_AGE_MS);
    if (dead) {
      await rm(path, { force: true });
      removed.push(path);
    }
  }
  return removed;
}

async function olderThan(path: string, ms: number): Promise<boolean> {
  const info = await stat(path).catch(() => undefined);
  return info !== undefined && Date.now() - info.mtimeMs > ms;
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoCode(error) === 'EPERM'; // alive, another user's
  }
}
