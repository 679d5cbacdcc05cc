/**
 * The files a source path names: the file itself, or every matching file below a directory at any depth (CloudTrail
 * delivers to `AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/`), in path order so every run reads them alike.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { compareStrings } from './json.js';
import { readError } from './files.js';

export async function filesUnder(path: string, what: string, accept: (name: string) => boolean): Promise<string[]> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(path)).isDirectory();
  } catch (error) {
    throw readError(path, what, error);
  }
  if (!isDirectory) return [path];
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => compareStrings(a.name, b.name));
    for (const entry of entries) {
      const child = join(dir, entry.name);
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile() && accept(entry.name)) found.push(child);
    }
  };
  await walk(path);
  return found;
}
