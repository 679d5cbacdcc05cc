import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { loadDashboardDefinition, loadDashboardDefinitions } from '../../../src/sources/definitions/load.js';
import { buildDashboards } from '../../../src/app/build.js';
import { InputError } from '../../../src/shared/errors.js';
import { graphDefinition, tempProject } from './temp-project.js';

describe('loadDashboardDefinitions', () => {
  test('loads every *.ts in name order; a default export may be one dashboard or an array', async () => {
    const dir = await tempProject({
      'dashboards/b.ts': graphDefinition(['beta', 'gamma']),
      'dashboards/a.ts': "import { Dashboard, TextWidget } from 'cwdash';\nexport default new Dashboard({ dashboardName: 'alpha', widgets: [new TextWidget({ markdown: 'hi' })] });\n",
      'dashboards/types.d.ts': 'export {};\n',
      'dashboards/notes.md': '# not a definition\n',
    });
    const loaded = await loadDashboardDefinitions(join(dir, 'dashboards'));
    expect(loaded.map((dashboard) => [dashboard.name, dashboard.sourceFile.slice(dir.length), dashboard.messages])).toEqual([
      ['alpha', '/dashboards/a.ts', []],
      ['beta', '/dashboards/b.ts', []],
      ['gamma', '/dashboards/b.ts', []],
    ]);
    expect(loaded[0]!.body).toEqual({ widgets: [{ type: 'text', x: 0, y: 0, width: 6, height: 2, properties: { markdown: 'hi' } }] });
  });

  test('validation messages travel with each dashboard', async () => {
    const dir = await tempProject({ 'dashboards/bad.ts': graphDefinition(['bad name'], { period: 20 }) });
    const [dashboard] = await loadDashboardDefinitions(join(dir, 'dashboards'));
    expect(dashboard!.messages.map((message) => `${message.dataPath}: ${message.message}`)).toEqual([
      ': dashboard name "bad name" must be 1-255 characters of A-Z a-z 0-9 - _ (no spaces or dots)',
      '/widgets/0/properties/period: period must be 1, 5, 10, 30, or a multiple of 60 seconds, received 20 (did you mean 60?)',
    ]);
  });

  test('a widget without a region gets the default region, or an error naming the fix', async () => {
    const source = "import { Dashboard, GraphWidget, Metric } from 'cwdash';\nexport default new Dashboard({ dashboardName: 'd', widgets: [new GraphWidget({ metrics: [new Metric({ namespace: 'A', metricName: 'B' })] })] });\n";
    const dir = await tempProject({ 'dashboards/d.ts': source });
    const [withRegion] = await loadDashboardDefinitions(join(dir, 'dashboards'), { defaultRegion: 'ap-northeast-1' });
    expect(withRegion!.body.widgets[0]!.properties).toMatchObject({ region: 'ap-northeast-1' });
    const [without] = await loadDashboardDefinitions(join(dir, 'dashboards'));
    expect(without!.messages).toEqual([
      { dataPath: '/widgets/0/properties/region', message: "Should have required property 'region'", severity: 'error', source: { file: join(dir, 'dashboards/d.ts'), line: expect.any(Number) } },
    ]);
  });

  test.each([
    ['no default export', 'export const x = 1;\n', 'the file has no default export'],
    ['a default export that is not a dashboard', 'export default { widgets: [] };\n', 'the default export is not a Dashboard'],
    ['an array holding something else', "import { Dashboard } from 'cwdash';\nexport default [new Dashboard({ dashboardName: 'a' }), 42];\n", 'the default export[1] is not a Dashboard'],
  ])('%s is an input error naming the file and the fix', async (_case, source, message) => {
    const dir = await tempProject({ 'dashboards/x.ts': source });
    const error = await loadDashboardDefinition(join(dir, 'dashboards/x.ts')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(message);
    expect((error as InputError).describe()).toContain(`${join(dir, 'dashboards/x.ts')}: ${message}\n  fix: end the file with \`export default new Dashboard(`);
  });

  test('a definition that throws while loading names the file and line', async () => {
    const dir = await tempProject({ 'dashboards/x.ts': "import { Dashboard } from 'cwdash';\n\nconst n: number = 1;\nthrow new Error('boom ' + n);\nexport default new Dashboard({ dashboardName: 'x' });\n" });
    const error = (await loadDashboardDefinition(join(dir, 'dashboards/x.ts')).catch((caught: unknown) => caught)) as InputError;
    expect(error).toBeInstanceOf(InputError);
    // The line comes from the stack, which the test runner may rewrite; the CLI test checks it end to end.
    expect(error.describe()).toMatch(/x\.ts:\d+: threw while loading: boom 1/);
  });

  test('among several files (loaded together), one that fails to load is reported by name', async () => {
    const dir = await tempProject({
      'dashboards/a.ts': graphDefinition(['a']),
      'dashboards/b.ts': "import { Dashboard } from 'cwdash';\nexport default new Dashboard({ dashboardName: 'b', widgets: [missing] });\n",
      'dashboards/c.ts': graphDefinition(['c']),
    });
    const error = (await loadDashboardDefinitions(join(dir, 'dashboards')).catch((caught: unknown) => caught)) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.describe()).toMatch(/dashboards\/b\.ts:\d+: threw while loading: missing is not defined/);
    await writeFile(join(dir, 'dashboards/b.ts'), graphDefinition(['b']));
    expect((await loadDashboardDefinitions(join(dir, 'dashboards'))).map((dashboard) => dashboard.name)).toEqual(['a', 'b', 'c']);
  });

  test('two dashboards with one name are refused', async () => {
    const dir = await tempProject({ 'dashboards/a.ts': graphDefinition(['same']), 'dashboards/b.ts': graphDefinition(['same']) });
    await expect(loadDashboardDefinitions(join(dir, 'dashboards'))).rejects.toThrow(/dashboard name "same" is also defined in .*a\.ts/);
  });

  test('a missing directory says how to create one', async () => {
    const dir = await tempProject();
    const error = (await loadDashboardDefinitions(join(dir, 'nope')).catch((caught: unknown) => caught)) as InputError;
    expect(error.describe()).toBe(`${join(dir, 'nope')}: dashboards directory not found\n  fix: create it with a definition (see the README), or pass --dashboards DIR`);
  });
});

describe('buildDashboards', () => {
  test('writes <out>/<DashboardName>.json, byte-identical on every run', async () => {
    const dir = await tempProject({ 'dashboards/a.ts': graphDefinition(['one', 'two']) });
    const options = { dashboardsDir: join(dir, 'dashboards'), outDir: join(dir, 'dist') };
    const first = await buildDashboards(options);
    expect(first.failed).toBe(false);
    expect(first.written.map((path) => path.slice(dir.length))).toEqual(['/dist/one.json', '/dist/two.json']);
    const before = await readFile(join(dir, 'dist/one.json'), 'utf8');
    await buildDashboards(options);
    expect(await readFile(join(dir, 'dist/one.json'), 'utf8')).toBe(before);
    expect(JSON.parse(before)).toEqual({
      widgets: [{ type: 'metric', x: 0, y: 0, width: 6, height: 6, properties: { view: 'timeSeries', region: 'eu-west-1', metrics: [['AWS/EC2', 'CPUUtilization']] } }],
    });
  });

  test('one dashboard with an error: nothing is written', async () => {
    const dir = await tempProject({ 'dashboards/a.ts': graphDefinition(['good']), 'dashboards/b.ts': graphDefinition(['bad'], { period: 7 }) });
    const result = await buildDashboards({ dashboardsDir: join(dir, 'dashboards'), outDir: join(dir, 'dist') });
    expect(result.failed).toBe(true);
    expect(result.written).toEqual([]);
    await expect(readdir(join(dir, 'dist'))).rejects.toThrow(/ENOENT/);
  });

  test('a file in the output directory that is not a body is only replaced with force', async () => {
    const dir = await tempProject({ 'dashboards/a.ts': graphDefinition(['notes']), 'dist/notes.json': '{"mine": true}\n' });
    const options = { dashboardsDir: join(dir, 'dashboards'), outDir: join(dir, 'dist') };
    await expect(buildDashboards(options)).rejects.toThrow('file already exists and is not an output `cwdash build` wrote');
    expect(await readFile(join(dir, 'dist/notes.json'), 'utf8')).toBe('{"mine": true}\n');
    await buildDashboards({ ...options, force: true });
    expect(JSON.parse(await readFile(join(dir, 'dist/notes.json'), 'utf8'))).toHaveProperty('widgets');
    await writeFile(join(dir, 'dist/notes.json'), 'not json');
    await expect(buildDashboards(options)).rejects.toThrow(/not an output `cwdash build` wrote/);
  });
});

test("the model's own errors keep their fix and get the file", async () => {
  const dir = await tempProject({
    'dashboards/a.ts': "import { Dashboard, Duration } from 'cwdash';\nexport default new Dashboard({ dashboardName: 'a', start: '-PT1H', defaultInterval: Duration.days(1) });\n",
    'dashboards/b.ts': graphDefinition(['b']),
  });
  const error = (await loadDashboardDefinitions(join(dir, 'dashboards')).catch((caught: unknown) => caught)) as InputError;
  expect(error.describe()).toBe(
    `${join(dir, 'dashboards/a.ts')}: dashboard "a" sets both start and defaultInterval\n  fix: keep one: defaultInterval is a shorter way to write a relative start`,
  );
});
