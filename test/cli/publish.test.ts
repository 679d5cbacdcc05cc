import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { dashboardProject, textDashboards } from '../support/dashboard-project.js';
import { FAKE_CREDENTIALS_ENV, useFakeCloudWatch, type FakeCloudWatchServer } from '../support/fake-cloudwatch-server.js';

const cloudWatch = useFakeCloudWatch();
let server: FakeCloudWatchServer;
beforeEach(() => {
  server = cloudWatch();
});

function cwdash(cwd: string, args: readonly string[], stdin?: string) {
  return runCli(['publish', '--endpoint-url', server.url, ...args], { cwd, env: FAKE_CREDENTIALS_ENV, ...(stdin === undefined ? {} : { stdin }) });
}

describe('cwdash publish', () => {
  test('creates every dashboard, then a second run sends no PutDashboard', async () => {
    const cwd = await dashboardProject({ 'ops.ts': textDashboards(['ops-api', 'API'], ['ops-db', 'DB']) });
    const first = await cwdash(cwd, []);
    expect(first.stderr).not.toContain('error');
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toBe(
      [
        'Plan: 2 to create, 0 to update, 0 to delete, 0 unchanged',
        '',
        'ACTION  DASHBOARD  SOURCE             RESULT',
        'create  ops-api    dashboards/ops.ts  applied',
        'create  ops-db     dashboards/ops.ts  applied',
        '',
      ].join('\n'),
    );
    expect(server.dashboardBody('ops-api')).toMatchObject({ widgets: [{ type: 'text', properties: { markdown: 'API' } }] });

    server.calls.length = 0;
    const second = await cwdash(cwd, []);
    expect(second.exitCode).toBe(0);
    expect(second.stdout).toContain('Everything is up to date.');
    expect(server.callsOf('PutDashboard')).toHaveLength(0);
  });

  test('a local validation error sends nothing and exits 1', async () => {
    const cwd = await dashboardProject({ 'ops.ts': textDashboards(['ops-api', 'API'], ['bad name!', 'x']) });
    const result = await cwdash(cwd, []);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/error: dashboards\/ops\.ts \(bad name!\): /);
    expect(result.stderr).toContain('1 of 2 dashboards have validation errors; nothing was sent to CloudWatch');
    expect(server.calls).toHaveLength(0);
  });

  test('--dry-run prints the plan with diffs and writes nothing', async () => {
    server.putDashboardOutside('ops-api', { widgets: [{ type: 'text', x: 0, y: 0, width: 6, height: 6, properties: { markdown: 'changed in the console' } }] });
    const cwd = await dashboardProject({ 'ops.ts': textDashboards(['ops-api', 'API']) });
    const result = await cwdash(cwd, ['--dry-run']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Plan: 0 to create, 1 to update, 0 to delete, 0 unchanged (dry run: nothing sent)');
    expect(result.stdout).toContain('    ~ /widgets/0/properties/markdown: "changed in the console" → "API"\n');
    expect(server.callsOf('PutDashboard')).toHaveLength(0);
  });

  test('CloudWatch rejecting a body shows every dataPath against the source file and what was applied', async () => {
    server.judgeBody = (_body, name) =>
      name === 'ops-db'
        ? { errors: [{ DataPath: '/widgets/0/properties/markdown', Message: 'Should NOT be shorter than 1 characters' }, { DataPath: '/widgets/0/width', Message: 'Should be <= 24' }], warnings: [] }
        : { errors: [], warnings: [{ DataPath: '/widgets/0', Message: 'Widget may not render' }] };
    const cwd = await dashboardProject({ 'ops.ts': textDashboards(['ops-api', 'API'], ['ops-db', 'DB'], ['ops-web', 'Web']) });
    const result = await cwdash(cwd, []);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('warning: dashboards/ops.ts: ops-api: /widgets/0: Widget may not render (CloudWatch saved it anyway)');
    expect(result.stderr).toContain('error: dashboards/ops.ts: ops-db: /widgets/0/properties/markdown: Should NOT be shorter than 1 characters');
    expect(result.stderr).toContain('error: dashboards/ops.ts: ops-db: /widgets/0/width: Should be <= 24');
    expect(result.stderr).toContain(
      'error: dashboards/ops.ts: CloudWatch rejected the body of ops-db: The dashboard body is invalid, there are 2 validation errors: (applied: create ops-api; not applied: create ops-db, create ops-web)',
    );
    expect(result.stdout).toMatch(/create  ops-db +dashboards\/ops\.ts +failed/);
    expect([...server.dashboards.keys()]).toEqual(['ops-api']);

    const again = await cwdash(cwd, ['--format', 'json']);
    expect(again.exitCode).toBe(1);
    expect(JSON.parse(again.stdout).dashboards).toEqual([
      { action: 'unchanged', changes: [], name: 'ops-api', result: 'unchanged', sourceFile: 'dashboards/ops.ts', warnings: [] },
      {
        action: 'create',
        changes: [],
        error: 'The dashboard body is invalid, there are 2 validation errors:',
        name: 'ops-db',
        result: 'failed',
        sourceFile: 'dashboards/ops.ts',
        validationErrors: [
          { dataPath: '/widgets/0/properties/markdown', message: 'Should NOT be shorter than 1 characters' },
          { dataPath: '/widgets/0/width', message: 'Should be <= 24' },
        ],
        warnings: [],
      },
      { action: 'create', changes: [], name: 'ops-web', result: 'not-attempted', sourceFile: 'dashboards/ops.ts', warnings: [] },
    ]);
  });

  test('throttling and a 500 mid-publish: the run stops with an exact account, and a re-run converges', async () => {
    server.inject({ operation: 'GetDashboard', kind: 'throttle', times: 2 });
    server.inject({ operation: 'PutDashboard', kind: 'internal-error', dashboardName: 'ops-db' });
    const cwd = await dashboardProject({ 'ops.ts': textDashboards(['ops-api', 'API'], ['ops-db', 'DB'], ['ops-web', 'Web']) });
    const failed = await cwdash(cwd, []);
    expect(failed.exitCode).toBe(2);
    expect(failed.stderr).toMatch(/CloudWatch is throttling GetDashboard; retrying in/);
    expect(failed.stderr).toContain(
      'error: create ops-db failed: CloudWatch failed PutDashboard with InternalServiceFault (HTTP 500) after 3 attempts (applied: create ops-api; not applied: create ops-db, create ops-web)',
    );
    expect(failed.stderr).toContain('run publish again: it continues where it stopped');

    server.clearFaults();
    server.calls.length = 0;
    const rerun = await cwdash(cwd, ['--format', 'json']);
    expect(rerun.exitCode).toBe(0);
    const report = JSON.parse(rerun.stdout);
    expect(report).toMatchObject({ schemaVersion: 1, changes: true, summary: { create: 2, unchanged: 1, update: 0, delete: 0 } });
    expect(report.dashboards.map((entry: { name: string; result: string }) => `${entry.name} ${entry.result}`)).toEqual([
      'ops-api unchanged',
      'ops-db applied',
      'ops-web applied',
    ]);
    expect(server.callsOf('PutDashboard').map((call) => call.input.DashboardName)).toEqual(['ops-db', 'ops-web']);
  });

  test('--prune refuses without an answer on a non-TTY stdin: exit 2, nothing changed', async () => {
    server.putDashboardOutside('ops-old', { widgets: [] });
    server.putDashboardOutside('other-team', { widgets: [] });
    const cwd = await dashboardProject({ 'ops.ts': textDashboards(['ops-api', 'API']) });
    const result = await cwdash(cwd, ['--prefix', 'ops-', '--prune']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('1 dashboard is no longer defined and will be deleted:\n  - ops-old\nDelete it? [y/N] \nerror: refusing to delete 1 dashboard without confirmation');
    expect(result.stderr).toContain('fix: pass --yes');
    expect(server.callsOf('PutDashboard')).toHaveLength(0);
    expect(server.callsOf('DeleteDashboards')).toHaveLength(0);
  });

  test('--prune deletes after "y" on stdin, or with --yes; never outside the prefix', async () => {
    server.putDashboardOutside('ops-old', { widgets: [] });
    server.putDashboardOutside('other-team', { widgets: [] });
    const cwd = await dashboardProject({ 'ops.ts': textDashboards(['ops-api', 'API']) });
    const answered = await cwdash(cwd, ['--prefix', 'ops-', '--prune'], 'y\n');
    expect(answered.exitCode).toBe(0);
    expect(answered.stdout).toMatch(/delete +ops-old +\(not defined\) +applied/);
    expect([...server.dashboards.keys()].sort()).toEqual(['ops-api', 'other-team']);

    server.putDashboardOutside('ops-older', { widgets: [] });
    const yes = await cwdash(cwd, ['--prefix', 'ops-', '--prune', '--yes']);
    expect(yes.exitCode).toBe(0);
    expect([...server.dashboards.keys()].sort()).toEqual(['ops-api', 'other-team']);
  });

  test('answering no deletes nothing; --prune without a prefix, or with nothing defined, is a usage error', async () => {
    server.putDashboardOutside('ops-old', { widgets: [] });
    const cwd = await dashboardProject({ 'ops.ts': textDashboards(['ops-api', 'API']) });
    const declined = await cwdash(cwd, ['--prefix', 'ops-', '--prune'], 'n\n');
    expect(declined.exitCode).toBe(2);
    expect(declined.stderr).toContain('deletion not confirmed: nothing was changed');
    expect(server.dashboards.has('ops-old')).toBe(true);
    const noPrefix = await cwdash(cwd, ['--prune']);
    expect(noPrefix.exitCode).toBe(2);
    expect(noPrefix.stderr).toContain('--prune needs a dashboard name prefix');
    const empty = await dashboardProject({});
    const nothingDefined = await cwdash(empty, ['--prefix', 'ops-', '--prune', '--yes']);
    expect(nothingDefined.exitCode).toBe(2);
    expect(nothingDefined.stderr).toContain('no dashboards are defined in dashboards; --prune would delete every dashboard under "ops-"');
    expect(server.dashboards.has('ops-old')).toBe(true);
  });

  test('--only, the prefix check and the project config', async () => {
    const cwd = await dashboardProject({ 'ops.ts': textDashboards(['ops-api', 'API'], ['ops-db', 'DB']) });
    const only = await cwdash(cwd, ['--only', 'ops-db']);
    expect(only.exitCode).toBe(0);
    expect([...server.dashboards.keys()]).toEqual(['ops-db']);
    const unknown = await cwdash(cwd, ['--only', 'nope']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('--only names no defined dashboard: nope\n  fix: choose from: ops-api, ops-db');
    await writeFile(join(cwd, 'cwdash.config.ts'), "export default { prefix: 'team-b-' };\n");
    const outside = await cwdash(cwd, []);
    expect(outside.exitCode).toBe(2);
    expect(outside.stderr).toContain('error: dashboards/ops.ts: dashboard "ops-api" is outside the prefix "team-b-" that cwdash manages');
  });

  test('access denied names the IAM action', async () => {
    server.inject({ operation: 'GetDashboard', kind: 'access-denied' });
    const cwd = await dashboardProject({ 'ops.ts': textDashboards(['ops-api', 'API']) });
    const result = await cwdash(cwd, []);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('error: access denied: arn:aws:iam::123456789012:user/ci may not call cloudwatch:GetDashboard');
    expect(result.stderr).not.toContain('    at ');
  });
});
