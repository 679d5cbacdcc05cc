/**
 * File names made from data (dashboard names from an account or a definition): the file must be one plain name
 * directly inside the target folder, whatever the name holds (`../x`, `/etc/x`, `a/b`, `..`), so no input can make
 * cwdash write elsewhere.
 */
import { basename, dirname, resolve } from 'node:path';
import { InputError } from './errors.js';

/** `<dir>/<name><extension>`, or an InputError when that path would not be a file directly inside `dir`. */
export function fileInFolder(dir: string, name: string, extension: string): string {
  const folder = resolve(dir);
  const file = `${name}${extension}`;
  const path = resolve(folder, file);
  const plain = name !== '' && !/[/\\\u0000]/.test(name) && name !== '.' && name !== '..';
  if (!plain || dirname(path) !== folder || basename(path) !== file) {
    throw new InputError(`refusing to write ${JSON.stringify(file)}: the name is not a plain file name inside ${folder}`, {
      fix: 'dashboard names are 1-255 characters of A-Z a-z 0-9 - _; rename the dashboard',
    });
  }
  return path;
}
