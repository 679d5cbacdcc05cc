import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { runCli } from '../support/run-cli.js';
import { tempProject } from '../sources/definitions/temp-project.js';
import { loadBodyVectors } from '../model/body/vectors.js';

const vector = loadBodyVectors().find((candidate) => candidate.name === 'MathExpressions can be added to a graph')!;

describe('cwdash import', () => {
  test('writes dashboards/NAME.ts, which builds back to the same body', async () => {
    const cwd = await tempProject();
    await writeFile(join(cwd, 'body.json'), JSON.stringify(vector.body));
    const result = await runCli(['import', 'body.json', '--name', 'math'], { cwd });
    expect(result).toEqual({ exitCode: 0, stdout: '', stderr: 'wrote dashboards/math.ts; `cwdash build` turns it back into the same body\n' });
    expect(await readFile(join(cwd, 'dashboards/math.ts'), 'utf8')).toContain("import { Dashboard, GraphWidget, MathExpression, Metric } from 'cwdash';");
    expect((await runCli(['build'], { cwd })).exitCode).toBe(0);
    expect(JSON.parse(await readFile(join(cwd, 'dist/dashboards/math.json'), 'utf8'))).toEqual(vector.body);
  });

  test('a definition written to a folder outside any project builds: cwdash resolves to the running one', async () => {
    const tmp = await mkdtemp(join(tmpdir(), 'cwdash-anywhere-'));
    await writeFile(join(tmp, 'body.json'), JSON.stringify(vector.body));
    expect((await runCli(['import', 'body.json', '--name', 'math', '--out', join(tmp, 'elsewhere/d.ts')], { cwd: tmp })).exitCode).toBe(0);
    const built = await runCli(['build', '--dashboards', join(tmp, 'elsewhere'), '--out', join(tmp, 'out')], { cwd: tmp });
    expect(built).toMatchObject({ exitCode: 0, stderr: expect.stringContaining('built 1 dashboard') });
    expect(JSON.parse(await readFile(join(tmp, 'out/math.json'), 'utf8'))).toEqual(vector.body);
    expect((await runCli(['validate', join(tmp, 'elsewhere/d.ts')], { cwd: tmp })).exitCode).toBe(0);
    expect((await runCli(['preview', '--dashboards', join(tmp, 'elsewhere'), '--out', join(tmp, 'preview')], { cwd: tmp })).exitCode).toBe(0);
    expect(await readFile(join(tmp, 'preview/math.html'), 'utf8')).toContain('<html');
    const report = await runCli(['cost-report', '--dashboards', join(tmp, 'elsewhere'), '--format', 'json'], { cwd: tmp });
    expect(JSON.parse(report.stdout).usage).toMatchObject({ dashboards: 1 });
  });

  test('refuses to overwrite without --force', async () => {
    const cwd = await tempProject({ 'dashboards/math.ts': '// mine\n' });
    await writeFile(join(cwd, 'body.json'), JSON.stringify(vector.body));
    const refused = await runCli(['import', 'body.json', '--name', 'math'], { cwd });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toBe(`error: ${join(cwd, 'dashboards/math.ts')}: file already exists\n  fix: pass --force to replace it, or choose another output path\n`);
    expect(await readFile(join(cwd, 'dashboards/math.ts'), 'utf8')).toBe('// mine\n');
    expect((await runCli(['import', 'body.json', '--name', 'math', '--force'], { cwd })).exitCode).toBe(0);
    expect(await readFile(join(cwd, 'dashboards/math.ts'), 'utf8')).toContain('new MathExpression');
  });

  test('get-dashboard output: the name comes from the response; --print prints', async () => {
    const cwd = await tempProject();
    await writeFile(join(cwd, 'got.json'), JSON.stringify({ DashboardName: 'payments', DashboardBody: JSON.stringify(vector.body) }));
    const result = await runCli(['import', 'got.json', '--print'], { cwd });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("dashboardName: 'payments'");
  });

  test('a missing or invalid name, and a body of the wrong shape, are refused with the fix', async () => {
    const cwd = await tempProject();
    await writeFile(join(cwd, 'body.json'), JSON.stringify(vector.body));
    expect((await runCli(['import', 'body.json'], { cwd })).stderr).toBe('error: name the dashboard\n  fix: pass --name NAME (the DashboardName; also the file name)\n');
    expect((await runCli(['import', 'body.json', '--name', 'a b'], { cwd })).exitCode).toBe(2);
    await writeFile(join(cwd, 'wrong.json'), JSON.stringify({ widgets: [{ type: 'metric', properties: {} }] }));
    const wrong = await runCli(['import', 'wrong.json', '--name', 'w'], { cwd });
    expect(wrong.exitCode).toBe(1);
    expect(wrong.stderr).toContain("error: wrong.json: /widgets/0/properties/region: Should have required property 'region'\n");
    expect(wrong.stderr).toContain('the body does not have the shape of a dashboard body, so it cannot be imported');
  });

  test('a body with validation errors: exit 1 and nothing written, unless --force', async () => {
    const cwd = await tempProject();
    const body = { widgets: [{ type: 'metric', x: 0, y: 0, width: 6, height: 6, properties: { region: 'us-east-1', metrics: [['App', 'Requests']], period: 20 } }] };
    await writeFile(join(cwd, 'bad.json'), JSON.stringify(body));
    const refused = await runCli(['import', 'bad.json', '--name', 'bad'], { cwd });
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain('error: bad.json: /widgets/0/properties/period: period must be 1, 5, 10, 30, or a multiple of 60 seconds');
    expect(refused.stderr).toContain('the body has 1 error (above): nothing was written');
    expect(existsSync(join(cwd, 'dashboards/bad.ts'))).toBe(false);
    const forced = await runCli(['import', 'bad.json', '--name', 'bad', '--force'], { cwd });
    expect(forced.exitCode).toBe(1);
    expect(existsSync(join(cwd, 'dashboards/bad.ts'))).toBe(true);
  });

  test('widgets kept as RawWidget are named, so they can be reviewed', async () => {
    const cwd = await tempProject();
    // A chart query in another language: the typed ChartWidget writes PromQL only.
    const chart = { type: 'chart', x: 0, y: 0, width: 6, height: 6, properties: { region: 'us-west-2', data: { queries: [{ id: 'a', type: 'cloudwatch-metrics', language: 'SQL', query: 'SELECT 1' }] } } };
    await writeFile(join(cwd, 'body.json'), JSON.stringify({ widgets: [{ type: 'text', x: 6, y: 0, width: 6, height: 2, properties: { markdown: 'a' } }, chart] }));
    const result = await runCli(['import', 'body.json', '--name', 'other'], { cwd });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('note: widget 1 (chart) kept as RawWidget JSON: no typed widget reproduces it exactly\n');
  });
});
