import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/shared/errors.js';
import { importTypeScriptModule } from '../../src/shared/typescript-module.js';

async function moduleFile(source: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cwdash-ts-'));
  await writeFile(join(dir, 'package.json'), '{"type":"module"}');
  await writeFile(join(dir, 'def.ts'), source);
  return join(dir, 'def.ts');
}

async function loadError(source: string): Promise<InputError> {
  const error = await importTypeScriptModule(await moduleFile(source)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('importTypeScriptModule', () => {
  test('a syntax error names the line and the compiler message, not a stack', async () => {
    const error = await loadError("export const a = 1;\nexport default { region: 'x',, };\n");
    expect(error.describe()).toMatch(/def\.ts:2: does not compile: Expected .* but found ","\n {2}fix: fix the syntax error/);
  });

  test('a package that is not installed gets the install command as the fix', async () => {
    const error = await loadError("import { x } from 'no-such-package-cwdash';\nexport default x;\n");
    expect(error.describe()).toContain('imports package "no-such-package-cwdash"');
    expect(error.fix).toBe('install it in the project that holds the file (npm install --save-dev no-such-package-cwdash)');
  });

  test('a module that loads gives its exports', async () => {
    expect((await importTypeScriptModule(await moduleFile('export const answer: number = 42;\n'))).answer).toBe(42);
  });

  test("the Go collector setting esbuild's service is started with does not leak into the environment", async () => {
    const file = await moduleFile('export const answer: number = 42;\n');
    const saved = process.env.GOGC;
    try {
      delete process.env.GOGC;
      await importTypeScriptModule(file);
      expect(process.env.GOGC).toBeUndefined();
      process.env.GOGC = '50';
      await importTypeScriptModule(file);
      expect(process.env.GOGC).toBe('50');
    } finally {
      if (saved === undefined) delete process.env.GOGC;
      else process.env.GOGC = saved;
    }
  });
});
