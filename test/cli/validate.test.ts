import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { runCli } from '../support/run-cli.js';
import { graphDefinition, tempProject } from '../sources/definitions/temp-project.js';
import { VECTORS_FILE, loadBodyVectors } from '../model/body/vectors.js';

describe('cwdash validate', () => {
  test('clean bodies and definitions pass; the summary counts them', async () => {
    const cwd = await tempProject({ 'dashboards/a.ts': graphDefinition(['a']) });
    await writeFile(join(cwd, 'body.json'), JSON.stringify(loadBodyVectors()[0]!.body));
    const result = await runCli(['validate', 'body.json', 'dashboards/a.ts'], { cwd });
    expect(result).toEqual({ exitCode: 0, stdout: '', stderr: '2 dashboards: 0 errors, 0 warnings: valid\n' });
  });

  test('errors exit 1 with dataPath messages, all of them; get-dashboard output is unwrapped and its name checked', async () => {
    const cwd = await tempProject();
    const body = { widgets: [{ type: 'metric', width: 6, height: 6, properties: { metrics: [['AWS/EC2', 'CPUUtilization', 'InstanceId']] } }] };
    await writeFile(join(cwd, 'got.json'), JSON.stringify({ DashboardArn: 'arn:aws:cloudwatch::123456789012:dashboard/my dash', DashboardName: 'my dash', DashboardBody: JSON.stringify(body) }));
    const result = await runCli(['validate', 'got.json'], { cwd });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      'error: got.json (my dash): (body): dashboard name "my dash" must be 1-255 characters of A-Z a-z 0-9 - _ (no spaces or dots)\n' +
        "error: got.json (my dash): /widgets/0/properties/region: Should have required property 'region'\n" +
        'error: got.json (my dash): /widgets/0/properties/metrics/0/2: dimension "InstanceId" has no value; dimensions are name/value pairs\n' +
        '1 dashboard: 3 errors, 0 warnings\n',
    );
  });

  test('--format json writes a versioned report to stdout', async () => {
    const cwd = await tempProject();
    await writeFile(join(cwd, 'b.json'), JSON.stringify({ widgets: [{ type: 'text', x: 0, y: 0, width: 30, properties: { markdown: 'x' } }] }));
    const result = await runCli(['validate', '--format', 'json', 'b.json'], { cwd });
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      schemaVersion: 1,
      errors: 1,
      warnings: 0,
      dashboards: [
        {
          file: 'b.json', name: null, valid: false,
          messages: [{ dataPath: '/widgets/0/width', message: 'width must be an integer from 1 to 24 (the grid is 24 columns wide), received 30', severity: 'error', line: 1 }],
        },
      ],
    });
  });

  test('messages about a body file name the line of the offending value', async () => {
    const cwd = await tempProject();
    const body = { widgets: [{ type: 'text', properties: { markdown: 'ok' } }, { type: 'metric', width: 6, height: 6, properties: { region: 'eu-west-1', metrics: [['AWS/EC2', 'CPUUtilization', { period: 45 }]] } }] };
    await writeFile(join(cwd, 'pretty.json'), `${JSON.stringify(body, null, 2)}\n`);
    const result = await runCli(['validate', 'pretty.json'], { cwd });
    expect(result.stderr).toBe(
      'error: pretty.json:20: /widgets/1/properties/metrics/0/2/period: period must be 1, 5, 10, 30, or a multiple of 60 seconds, received 45 (did you mean 60?)\n' +
        '1 dashboard: 1 error, 0 warnings\n',
    );
  });

  test('a byte-order mark is fine', async () => {
    const cwd = await tempProject();
    await writeFile(join(cwd, 'bom.json'), `\uFEFF${JSON.stringify({ widgets: [] })}`);
    expect(await runCli(['validate', 'bom.json'], { cwd })).toMatchObject({ exitCode: 0 });
  });

  test('malformed JSON is an input error with line and column', async () => {
    const cwd = await tempProject();
    await writeFile(join(cwd, 'bad.json'), '{\n  "widgets": [\n    {"type": "text",}\n  ]\n}\n');
    const result = await runCli(['validate', 'bad.json'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^error: bad\.json:3:21: not valid JSON: .*\n {2}fix: fix the JSON syntax/);
  });

  test('a missing file is an input error', async () => {
    const result = await runCli(['validate', 'nope.json'], { cwd: await tempProject() });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('nope.json: dashboard body file not found');
  });

  test('the shared vectors file itself is not a body: a clear message', async () => {
    const result = await runCli(['validate', VECTORS_FILE]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("/widgets: Should have required property 'widgets'");
  });
});

test('a directory stands for the bodies and definitions in it', async () => {
  const cwd = await tempProject({ 'dashboards/a.ts': graphDefinition(['a']) });
  expect((await runCli(['build'], { cwd })).exitCode).toBe(0);
  await writeFile(join(cwd, 'dist/dashboards/notes.txt'), 'not a body');
  const result = await runCli(['validate', '--format', 'json', 'dist/dashboards', 'dashboards'], { cwd });
  expect(result.exitCode).toBe(0);
  expect((JSON.parse(result.stdout) as { dashboards: { file: string }[] }).dashboards.map((dashboard) => dashboard.file)).toEqual([
    'dist/dashboards/a.json',
    'dashboards/a.ts',
  ]);
});
