import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/shared/errors.js';
import { readTextFile, writeFileAtomic, writeFilesAtomically } from '../../src/shared/files.js';

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'cwdash-files-'));
}

describe('files', () => {
  test('a missing file is an InputError that names the file and the fix', async () => {
    const error = await readTextFile('/nonexistent/otel.yaml', 'collector config').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).describe()).toBe(
      '/nonexistent/otel.yaml: collector config not found\n  fix: check the path, or pass the right one',
    );
  });

  test('an existing file is not replaced without overwrite, and keeps its content', async () => {
    const dir = await tempDir();
    const file = join(dir, 'a.json');
    await writeFile(file, 'mine');
    const error = await writeFileAtomic(file, 'theirs').catch((e: unknown) => e);
    expect((error as InputError).fix).toContain('--force');
    expect(await readFile(file, 'utf8')).toBe('mine');
    await writeFileAtomic(file, 'theirs', { overwrite: true });
    expect(await readFile(file, 'utf8')).toBe('theirs');
  });

  test('several files land together and leave no temp files behind', async () => {
    const dir = await tempDir();
    await writeFilesAtomically([
      { path: join(dir, 'out', 'a.json'), content: 'a' },
      { path: join(dir, 'out', 'b.json'), content: 'b' },
    ]);
    expect((await readdir(join(dir, 'out'))).sort()).toEqual(['a.json', 'b.json']);
  });

  test('a refused write writes none of the files', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'b.json'), 'keep');
    await expect(
      writeFilesAtomically([
        { path: join(dir, 'a.json'), content: 'a' },
        { path: join(dir, 'b.json'), content: 'b' },
      ]),
    ).rejects.toBeInstanceOf(InputError);
    expect((await readdir(dir)).sort()).toEqual(['b.json']);
  });
});
