import { beforeEach, describe, expect, test } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { dashboardProject, textDashboards } from '../support/dashboard-project.js';
import { FAKE_CREDENTIALS_ENV, useFakeCloudWatch, type FakeCloudWatchServer } from '../support/fake-cloudwatch-server.js';

const cloudWatch = useFakeCloudWatch();
let server: FakeCloudWatchServer;
beforeEach(() => {
  server = cloudWatch();
});

const widget = (markdown: string) => ({ type: 'text', x: 0, y: 0, width: 6, height: 2, properties: { markdown } });

describe('cwdash diff', () => {
  test('shows the plan with a JSON diff per changed dashboard and exits 1', async () => {
    server.putDashboardOutside('ops-api', { widgets: [widget('edited in the console'), widget('extra')] });
    server.putDashboardOutside('ops-db', { widgets: [widget('DB')] });
    server.putDashboardOutside('ops-old', { widgets: [] });
    const cwd = await dashboardProject({ 'ops.ts': textDashboards(['ops-api', 'API'], ['ops-db', 'DB'], ['ops-new', 'New']) });
    const result = await runCli(['diff', '--endpoint-url', server.url, '--prefix', 'ops-', '--prune'], { cwd, env: FAKE_CREDENTIALS_ENV });
    expect(result.stdout).toBe(
      [
        'Plan: 1 to create, 1 to update, 1 to delete, 1 unchanged',
        '',
        'ACTION     DASHBOARD  SOURCE',
        'update     ops-api    dashboards/ops.ts',
        'unchanged  ops-db     dashboards/ops.ts',
        'create     ops-new    dashboards/ops.ts',
        'delete     ops-old    (not defined)',
        '',
        '~ ops-api (dashboards/ops.ts)',
        '    ~ /widgets/0/properties/markdown: "edited in the console" → "API"',
        '    - /widgets/1: {"height":2,"properties":{"markdown":"extra"},"type":"text","width":6,"x":0,"y":0}',
        '',
      ].join('\n'),
    );
    expect(result.exitCode).toBe(1);
    expect(server.callsOf('PutDashboard')).toHaveLength(0);
    expect(server.callsOf('DeleteDashboards')).toHaveLength(0);
  });

  test('JSON output is versioned and stable; no changes exits 0', async () => {
    server.putDashboardOutside('ops-api', { widgets: [widget('API')] });
    const cwd = await dashboardProject({ 'ops.ts': textDashboards(['ops-api', 'API']) });
    const args = ['diff', '--endpoint-url', server.url, '--format', 'json'];
    const first = await runCli(args, { cwd, env: FAKE_CREDENTIALS_ENV });
    expect(first.exitCode).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({
      changes: false,
      dashboards: [{ action: 'unchanged', changes: [], name: 'ops-api', sourceFile: 'dashboards/ops.ts' }],
      dryRun: false,
      schemaVersion: 1,
      summary: { create: 0, delete: 0, unchanged: 1, update: 0 },
    });
    const second = await runCli(args, { cwd, env: FAKE_CREDENTIALS_ENV });
    expect(second.stdout).toBe(first.stdout);
  });

  test('without a region anywhere it says how to set one', async () => {
    const cwd = await dashboardProject({ 'ops.ts': textDashboards(['ops-api', 'API']) });
    const env = { AWS_ACCESS_KEY_ID: 'AKIDFAKE', AWS_SECRET_ACCESS_KEY: 'x', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' };
    const result = await runCli(['diff', '--endpoint-url', server.url], { cwd, env });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('error: no AWS region is configured\n  fix: pass --region, set AWS_REGION');
  });

  test('a GetDashboard that never answers ends in an error naming the call, not silence', async () => {
    server.putDashboardOutside('ops-api', { widgets: [] });
    server.inject({ operation: 'GetDashboard', kind: 'no-answer' });
    const cwd = await dashboardProject({ 'ops.ts': textDashboards(['ops-api', 'API']) });
    const env = { ...FAKE_CREDENTIALS_ENV, CWDASH_AWS_REQUEST_TIMEOUT: '0.3', CWDASH_AWS_CALL_DEADLINE: '30' };
    const result = await runCli(['diff', '--endpoint-url', server.url], { cwd, env });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/CloudWatch GetDashboard failed \(TimeoutError\); retrying in/);
    expect(result.stderr).toContain('error: CloudWatch did not answer GetDashboard (no answer within 0.3 s per request, 3 attempts)');
  });
});
