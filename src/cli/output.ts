/**
 * Where a command's rendered result goes: `--out FILE` (atomic; replaced only with `--force`), else stdout. A result
 * given in pieces (a million metrics as JSON) is written in batches of about 64 KB, at the reader's pace, and
 * never joined whole; to the process's stdout, a long one is written by a second thread (`OutputStream.writeBatches`).
 */
import { resolve } from 'node:path';
import { writeFileAtomic } from '../shared/files.js';
import type { Io } from '../shared/io.js';

// Under V8's large-object size (128 KiB), so each batch dies young instead of waiting for a full collection.
const BATCH_CHARACTERS = 1 << 16;

export async function writeCommandOutput(
  output: string | Iterable<string>,
  options: { readonly out?: string | undefined; readonly force: boolean },
  io: Io,
): Promise<void> {
  const content = typeof output === 'string' ? output : inBatches(output);
  if (options.out !== undefined) {
    await writeFileAtomic(resolve(io.cwd, options.out), content, { overwrite: options.force });
    return;
  }
  if (typeof content !== 'string' && io.stdout.writeBatches) {
    await io.stdout.writeBatches(content);
    return;
  }
  for (const batch of typeof content === 'string' ? [content] : content) {
    io.stdout.write(batch);
    await io.stdout.drained?.();
  }
}

function* inBatches(pieces: Iterable<string>): Generator<string> {
  let batch: string[] = [];
  let size = 0;
  for (const piece of pieces) {
    batch.push(piece);
    size += piece.length;
    if (size >= BATCH_CHARACTERS) {
      yield batch.join('');
      batch = [];
      size = 0;
    }
  }
  if (batch.length > 0) yield batch.join('');
}
