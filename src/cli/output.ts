/** Where a command's rendered result goes: `--out FILE` (atomic; replaced only with `--force`), else stdout. */
import { resolve } from 'node:path';
import { writeFileAtomic } from '../shared/files.js';
import type { Io } from '../shared/io.js';

export async function writeCommandOutput(text: string, options: { readonly out?: string | undefined; readonly force: boolean }, io: Io): Promise<void> {
  if (options.out === undefined) {
    io.stdout.write(text);
    return;
  }
  await writeFileAtomic(resolve(io.cwd, options.out), text, { overwrite: options.force });
}
