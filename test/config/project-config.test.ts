import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadProjectConfig } from '../../src/config/project-config.js';
import { InputError } from '../../src/shared/errors.js';

async function projectWith(source: string, packageJson?: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cwdash-config-'));
  await writeFile(join(dir, 'cwdash.config.ts'), source);
  if (packageJson !== undefined) await writeFile(join(dir, 'package.json'), packageJson);
  return dir;
}

describe('project config', () => {
  test('a config in a folder that cannot resolve cwdash imports the running one (defineConfig, cwdash/api)', async () => {
    const dir = await projectWith(
      "import { defineConfig } from 'cwdash';\nimport { customMetricsMonthlyCost } from 'cwdash/api';\n" +
        "export default defineConfig({ region: typeof customMetricsMonthlyCost === 'function' ? 'eu-west-1' : 'none' });\n",
    );
    expect((await loadProjectConfig(dir)).config).toMatchObject({ region: 'eu-west-1' });
  });

  test('no file means no settings', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cwdash-config-'));
    expect(await loadProjectConfig(dir)).toEqual({ file: undefined, config: {} });
  });

  test.each([
    ['an ESM package', '{"type":"module"}'],
    ['a CommonJS folder', undefined],
  ])('a default export is read in %s, and its paths resolve against the file', async (_, packageJson) => {
    const dir = await projectWith(
      "export default { region: 'ap-northeast-1', dashboardsDir: 'dash', collectors: [{ config: 'otel.yaml', replicas: 3 }] };\n",
      packageJson,
    );
    const loaded = await loadProjectConfig(dir);
    expect(loaded.file).toBe(join(dir, 'cwdash.config.ts'));
    expect(loaded.config.region).toBe('ap-northeast-1');
    expect(loaded.config.dashboardsDir).toBe(join(dir, 'dash'));
    expect(loaded.config.collectors?.[0]).toEqual({ config: join(dir, 'otel.yaml'), replicas: 3 });
  });

  test('an unknown field is an input error naming the file and the field', async () => {
    const dir = await projectWith("export default { regoin: 'x' };\n", '{"type":"module"}');
    const error = await loadProjectConfig(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).describe()).toContain('cwdash.config.ts');
    expect((error as InputError).describe()).toContain('regoin');
  });
});
