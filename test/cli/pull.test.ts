import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { dashboardProject } from '../support/dashboard-project.js';
import { FAKE_CREDENTIALS_ENV, useFakeCloudWatch, type FakeCloudWatchServer } from '../support/fake-cloudwatch-server.js';

const cloudWatch = useFakeCloudWatch();
let server: FakeCloudWatchServer;
beforeEach(() => {
  server = cloudWatch();
});

const body = (title: string) => ({
  widgets: [
    {
      type: 'metric',
      x: 0,
      y: 0,
      width: 12,
      height: 6,
      properties: { title, region: 'us-east-1', metrics: [['prod/api', 'http_requests_total', 'code', '500']], stat: 'Sum', period: 60, view: 'timeSeries' },
    },
  ],
});

function cwdash(cwd: string, args: readonly string[]) {
  return runCli(['pull', '--endpoint-url', server.url, ...args], { cwd, env: FAKE_CREDENTIALS_ENV });
}

describe('cwdash pull', () => {
  test('writes a definition that publishes back to the same dashboard (diff is empty)', async () => {
    server.putDashboardOutside('ops-api', body('Errors'));
    const cwd = await dashboardProject({});
    const pulled = await cwdash(cwd, ['ops-api']);
    expect(pulled.stderr).toContain('wrote dashboards/ops-api.ts');
    expect(pulled.exitCode).toBe(0);
    const source = await readFile(join(cwd, 'dashboards', 'ops-api.ts'), 'utf8');
    expect(source).toContain("dashboardName: 'ops-api'");
    // Make the generated `from 'cwdash'` resolve in the throw-away project, then compare with the account.
    await writeFile(join(cwd, 'dashboards', 'ops-api.ts'), source.replace("from 'cwdash'", `from ${JSON.stringify(join(import.meta.dirname, '../../src/index.ts'))}`));
    const diff = await runCli(['diff', '--endpoint-url', server.url], { cwd, env: FAKE_CREDENTIALS_ENV });
    expect(diff.stdout).toContain('Everything is up to date.');
    expect(diff.exitCode).toBe(0);
  });

  test('a PromQL chart widget is pulled as a typed ChartWidget that publishes back unchanged', async () => {
    const chartBody = JSON.parse(await readFile(join(import.meta.dirname, '../fixtures/promql/full.json'), 'utf8'));
    server.putDashboardOutside('claude-tokens', chartBody);
    const cwd = await dashboardProject({});
    expect((await cwdash(cwd, ['claude-tokens'])).exitCode).toBe(0);
    const source = await readFile(join(cwd, 'dashboards', 'claude-tokens.ts'), 'utf8');
    expect(source).toContain('new ChartWidget({');
    expect(source).not.toContain('RawWidget');
    await writeFile(join(cwd, 'dashboards', 'claude-tokens.ts'), source.replace("from 'cwdash'", `from ${JSON.stringify(join(import.meta.dirname, '../../src/index.ts'))}`));
    const diff = await runCli(['diff', '--endpoint-url', server.url], { cwd, env: FAKE_CREDENTIALS_ENV });
    expect(diff.stdout).toContain('Everything is up to date.');
    expect(diff.exitCode).toBe(0);
  });

  test('never overwrites without --force', async () => {
    server.putDashboardOutside('ops-api', body('Errors'));
    const cwd = await dashboardProject({ 'ops-api.ts': '// mine\n' });
    const refused = await cwdash(cwd, ['ops-api']);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('ops-api.ts: file already exists\n  fix: pass --force');
    expect(await readFile(join(cwd, 'dashboards', 'ops-api.ts'), 'utf8')).toBe('// mine\n');
    const forced = await cwdash(cwd, ['ops-api', '--force']);
    expect(forced.exitCode).toBe(0);
    expect(await readFile(join(cwd, 'dashboards', 'ops-api.ts'), 'utf8')).toContain('new Dashboard(');
  });

  test('--all --prefix pulls every dashboard under the prefix across pages', async () => {
    server.pageSize.ListDashboards = 1;
    for (const name of ['team-a-api', 'team-a-db', 'team-b-web']) server.putDashboardOutside(name, body(name));
    const cwd = await dashboardProject({});
    const result = await cwdash(cwd, ['--all', '--prefix', 'team-a-', '--dashboards', 'defs']);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('wrote defs/team-a-api.ts\nwrote defs/team-a-db.ts\n');
    expect(result.stderr).not.toContain('team-b-web');
  });

  test('a missing dashboard writes nothing; names and --all together is a usage error', async () => {
    server.putDashboardOutside('ops-api', body('Errors'));
    const cwd = await dashboardProject({});
    const missing = await cwdash(cwd, ['ops-api', 'ops-nope']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('error: no such dashboard in the account: ops-nope; nothing was written');
    await expect(readFile(join(cwd, 'dashboards', 'ops-api.ts'), 'utf8')).rejects.toThrow();
    const both = await cwdash(cwd, ['ops-api', '--all']);
    expect(both.exitCode).toBe(2);
    expect(both.stderr).toContain('name dashboards or pass --all, not both');
    const prefixed = await cwdash(cwd, ['ops-api', '--prefix', 'ops-']);
    expect(prefixed.exitCode).toBe(2);
    expect(prefixed.stderr).toContain('fix: drop --prefix, or pass --all --prefix P');
  });

  test('a body the importer cannot read writes nothing and exits 1', async () => {
    server.putDashboardOutside('ops-api', body('Errors'));
    server.putDashboardOutside('ops-odd', { widgets: 'not a list' });
    const cwd = await dashboardProject({});
    const result = await cwdash(cwd, ['--all', '--prefix', 'ops-']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('error: not a dashboard body cwdash can import: ops-odd (/widgets: expected array, received string); nothing was written');
    await expect(readFile(join(cwd, 'dashboards', 'ops-api.ts'), 'utf8')).rejects.toThrow();
  });
});
