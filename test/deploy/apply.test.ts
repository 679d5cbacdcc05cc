import { beforeEach, describe, expect, test } from 'vitest';
import { applyPlan } from '../../src/app/publish.js';
import { readRemoteState } from '../../src/app/deployment.js';
import { planDeployment, type LocalDashboard } from '../../src/deploy/plan.js';
import { createCloudWatchClient } from '../../src/sources/aws/cloudwatch-client.js';
import { FAKE_CREDENTIALS_ENV, FAST_RETRY_POLICY, useFakeCloudWatch, type FakeCloudWatchServer } from '../support/fake-cloudwatch-server.js';

const cloudWatch = useFakeCloudWatch();
let server: FakeCloudWatchServer;
beforeEach(() => {
  server = cloudWatch();
});

const client = () =>
  createCloudWatchClient({ endpointUrl: server.url, callPolicy: FAST_RETRY_POLICY, dashboardRequestsPerSecond: 1000 }, { env: FAKE_CREDENTIALS_ENV });

function local(name: string, title: string): LocalDashboard {
  return { name, sourceFile: `dashboards/${name}.ts`, bodyText: JSON.stringify({ widgets: [{ type: 'text', x: 0, y: 0, width: 6, height: 2, properties: { markdown: title } }] }) };
}

async function plan(dashboards: readonly LocalDashboard[], prunePrefix?: string) {
  const cw = client();
  return { cw, plan: planDeployment(dashboards, await readRemoteState(cw, dashboards, { prunePrefix })) };
}

describe('plan and apply', () => {
  test('creates, then finds everything unchanged although CloudWatch returns other bytes', async () => {
    const dashboards = [local('ops-a', 'A'), local('ops-b', 'B')];
    const first = await plan(dashboards);
    expect(first.plan.actions.map((action) => action.kind)).toEqual(['create', 'create']);
    const result = await applyPlan(first.cw, first.plan);
    expect(result).toEqual({ applied: [{ name: 'ops-a', kind: 'create', warnings: [] }, { name: 'ops-b', kind: 'create', warnings: [] }], notAttempted: [] });
    // The stored text differs from what was sent...
    expect(server.dashboards.get('ops-a')!.body).not.toBe(dashboards[0]!.bodyText);
    server.calls.length = 0;
    const second = await plan(dashboards);
    // ...but means the same, so nothing is written.
    expect(second.plan.actions.map((action) => action.kind)).toEqual(['unchanged', 'unchanged']);
    await applyPlan(second.cw, second.plan);
    expect(server.callsOf('PutDashboard')).toHaveLength(0);
  });

  test('a dashboard changed outside cwdash is an update with its diff, and publishing restores it', async () => {
    server.putDashboardOutside('ops-a', { widgets: [{ type: 'text', x: 0, y: 0, width: 6, height: 2, properties: { markdown: 'edited in the console' } }] });
    const { cw, plan: planned } = await plan([local('ops-a', 'A')]);
    expect(planned.actions).toEqual([
      expect.objectContaining({
        kind: 'update',
        name: 'ops-a',
        changes: [{ kind: 'changed', path: '/widgets/0/properties/markdown', before: 'edited in the console', after: 'A' }],
      }),
    ]);
    await applyPlan(cw, planned);
    expect(server.dashboardBody('ops-a')).toEqual(JSON.parse(local('ops-a', 'A').bodyText));
  });

  test('a persistent 500 mid-publish stops, reports exactly what was and was not applied, and a re-run converges', async () => {
    server.inject({ operation: 'PutDashboard', kind: 'internal-error', dashboardName: 'ops-b' });
    const dashboards = [local('ops-a', 'A'), local('ops-b', 'B'), local('ops-c', 'C')];
    const first = await plan(dashboards);
    const result = await applyPlan(first.cw, first.plan);
    expect(result.applied).toEqual([{ name: 'ops-a', kind: 'create', warnings: [] }]);
    expect(result.failed).toMatchObject({ name: 'ops-b', kind: 'create', reason: 'CloudWatch failed PutDashboard with InternalServiceFault (HTTP 500) after 3 attempts' });
    expect(result.notAttempted).toEqual([{ name: 'ops-c', kind: 'create' }]);
    expect([...server.dashboards.keys()]).toEqual(['ops-a']);

    server.clearFaults();
    server.calls.length = 0;
    const again = await plan(dashboards);
    expect(again.plan.actions.map((action) => `${action.kind} ${action.name}`)).toEqual(['unchanged ops-a', 'create ops-b', 'create ops-c']);
    const finished = await applyPlan(again.cw, again.plan);
    expect(finished.failed).toBeUndefined();
    expect(server.callsOf('PutDashboard').map((call) => call.input.DashboardName)).toEqual(['ops-b', 'ops-c']);
  });

  test('CloudWatch validation errors are returned with every dataPath; warnings are kept for applied dashboards', async () => {
    server.judgeBody = (_body, name) =>
      name === 'ops-bad'
        ? { errors: [{ DataPath: '/widgets/0/properties', Message: 'Should have required property "region"' }, { DataPath: '/widgets/0/width', Message: 'Should be <= 24' }], warnings: [] }
        : { errors: [], warnings: [{ DataPath: '/widgets/0/properties/markdown', Message: 'Markdown is empty' }] };
    const { cw, plan: planned } = await plan([local('ops-a', ''), local('ops-bad', 'X')]);
    const result = await applyPlan(cw, planned);
    expect(result.applied).toEqual([{ name: 'ops-a', kind: 'create', warnings: [{ dataPath: '/widgets/0/properties/markdown', message: 'Markdown is empty' }] }]);
    expect(result.failed).toEqual({
      name: 'ops-bad',
      kind: 'create',
      sourceFile: 'dashboards/ops-bad.ts',
      reason: 'The dashboard body is invalid, there are 2 validation errors:',
      validationErrors: [
        { dataPath: '/widgets/0/properties', message: 'Should have required property "region"' },
        { dataPath: '/widgets/0/width', message: 'Should be <= 24' },
      ],
    });
  });

  test('prune deletes only undefined dashboards under the prefix, in batches of at most 100, after the writes', async () => {
    for (let i = 0; i < 205; i++) server.putDashboardOutside(`ops-old-${String(i).padStart(3, '0')}`, { widgets: [] });
    server.putDashboardOutside('other-team', { widgets: [] });
    server.putDashboardOutside('ops-a', { widgets: [] });
    server.pageSize.ListDashboards = 50;
    const { cw, plan: planned } = await plan([local('ops-a', 'A')], 'ops-');
    expect(planned.actions.filter((action) => action.kind === 'delete')).toHaveLength(205);
    const result = await applyPlan(cw, planned);
    expect(result.failed).toBeUndefined();
    expect(server.callsOf('DeleteDashboards').map((call) => (call.input.DashboardNames as string[]).length)).toEqual([100, 100, 5]);
    expect(server.calls.findIndex((call) => call.operation === 'PutDashboard')).toBeLessThan(server.calls.findIndex((call) => call.operation === 'DeleteDashboards'));
    expect([...server.dashboards.keys()].sort()).toEqual(['ops-a', 'other-team']);
  });

  test('a failed delete batch deletes nothing of that batch and reports the rest as not applied', async () => {
    for (let i = 0; i < 150; i++) server.putDashboardOutside(`ops-old-${String(i).padStart(3, '0')}`, { widgets: [] });
    server.inject({ operation: 'DeleteDashboards', kind: 'access-denied' });
    const { cw, plan: planned } = await plan([], 'ops-');
    const result = await applyPlan(cw, planned);
    expect(result.applied).toEqual([]);
    expect(result.failed).toMatchObject({ name: 'ops-old-000', kind: 'delete', reason: 'access denied: arn:aws:iam::123456789012:user/ci may not call cloudwatch:DeleteDashboards' });
    expect(result.notAttempted).toHaveLength(149);
    expect(server.dashboards.size).toBe(150);
  });
});
