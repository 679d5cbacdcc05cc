import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FAKE_CREDENTIALS_ENV } from '../support/fake-cloudwatch-server.js';
import { FakeOrganization } from '../support/fake-organization.js';
import { runCli } from '../support/run-cli.js';

const PROD = '222222222222';
const DENIED = '444444444444';

let org: FakeOrganization;
let dir: string;
let env: Record<string, string>;
beforeAll(async () => {
  org = await FakeOrganization.start();
  org.accounts.push({ id: PROD, name: 'prod' }, { id: DENIED, name: 'legacy' });
  org.denyAssumeRole.add(DENIED);
  const prod = await org.cloudWatch(PROD, 'eu-west-1');
  prod.metrics = [
    { Namespace: 'prod/api', MetricName: 'requests', Dimensions: [{ Name: 'pod', Value: 'a' }] },
    { Namespace: 'prod/api', MetricName: 'requests', Dimensions: [{ Name: 'pod', Value: 'b' }] },
    { Namespace: 'prod/jobs', MetricName: 'runs' },
    { Namespace: 'AWS/EC2', MetricName: 'CPUUtilization' },
  ];
  prod.putDashboardOutside('api', { widgets: [] });
  prod.metricAlarms = [{ AlarmName: 'api-errors', Namespace: 'prod/api', MetricName: 'requests', Dimensions: [], StateValue: 'OK', Period: 60 }];
  dir = await mkdtemp(join(tmpdir(), 'cwdash-inventory-'));
  await writeFile(
    join(dir, 'targets.yaml'),
    `targets:\n  - name: prod\n    roleArn: arn:aws:iam::${PROD}:role/cwdash-read\n    regions: [eu-west-1]\n  - name: legacy\n    roleArn: arn:aws:iam::${DENIED}:role/cwdash-read\n    regions: [us-east-1]\n`,
  );
  env = { ...FAKE_CREDENTIALS_ENV, AWS_ENDPOINT_URL_STS: org.url, AWS_ENDPOINT_URL_ORGANIZATIONS: org.url, HOME: dir };
});
afterAll(async () => org.close());

describe('cwdash inventory', () => {
  test('--targets: one row per account and region, the denied one with the IAM action it lacks; exit 3 (partial)', async () => {
    const result = await runCli(['inventory', '--targets', 'targets.yaml', '--endpoint-url', org.url], { cwd: dir, env });
    expect(result.exitCode).toBe(3);
    expect(result.stdout).toMatch(/^prod\/eu-west-1\s+222222222222\s+3\s+1\s+1\s+ok$/m);
    expect(result.stdout).toMatch(/^legacy\/us-east-1\s+444444444444\s+failed: .*\(needs sts:AssumeRole\)$/m);
    expect(result.stdout).toMatch(/^total \(1 of 2 targets, PARTIAL\)\s+3\s+1\s+1\s+1 failed$/m);
  });

  test('--format json is versioned, lists every target in file order and says the totals are partial', async () => {
    const result = await runCli(['inventory', '--targets', 'targets.yaml', '--endpoint-url', org.url, '--format', 'json'], { cwd: dir, env });
    const json = JSON.parse(result.stdout);
    expect(json.schemaVersion).toBe(1);
    expect(json.targets.map((target: { key: string; status: string }) => [target.key, target.status])).toEqual([
      ['prod/eu-west-1', 'ok'],
      ['legacy/us-east-1', 'failed'],
    ]);
    expect(json.targets[0].inventory.namespaces).toEqual([
      { namespace: 'prod/api', metrics: 2 },
      { namespace: 'prod/jobs', metrics: 1 },
    ]);
    expect(json.targets[1].failure.missingAction).toBe('sts:AssumeRole');
    expect(json.totals).toMatchObject({ customMetrics: 3, targetsRead: 1, targetsFailed: 1, partial: true });
  });

  test('--only keeps one target; a name that matches nothing is exit 2', async () => {
    const ok = await runCli(['inventory', '--targets', 'targets.yaml', '--only', 'prod', '--endpoint-url', org.url, '--format', 'json'], { cwd: dir, env });
    expect(ok.exitCode).toBe(0);
    expect(JSON.parse(ok.stdout).totals.partial).toBe(false);
    const typo = await runCli(['inventory', '--targets', 'targets.yaml', '--only', 'prdo'], { cwd: dir, env });
    expect(typo.exitCode).toBe(2);
    expect(typo.stderr).toMatch(/--only prdo matches no target.*\n.*prod\/eu-west-1, legacy\/us-east-1/);
  });

  test('cwdash targets prints the CI matrix; --organization needs --role-name and --regions', async () => {
    const listed = await runCli(['targets', '--targets', 'targets.yaml', '--format', 'json'], { cwd: dir, env });
    expect(JSON.parse(listed.stdout)).toEqual([
      { key: 'prod/eu-west-1', name: 'prod', accountId: PROD, region: 'eu-west-1' },
      { key: 'legacy/us-east-1', name: 'legacy', accountId: DENIED, region: 'us-east-1' },
    ]);
    const incomplete = await runCli(['targets', '--organization'], { cwd: dir, env });
    expect(incomplete.exitCode).toBe(2);
    expect(incomplete.stderr).toContain('--organization needs --role-name NAME and --regions R...');
    const org_ = await runCli(['targets', '--organization', '--role-name', 'Reader', '--regions', 'eu-west-1', '--format', 'json'], { cwd: dir, env });
    expect(JSON.parse(org_.stdout).map((row: { key: string }) => row.key)).toEqual([`prod-${PROD}/eu-west-1`, `legacy-${DENIED}/eu-west-1`]);
  });

  test('without targets: the current credentials in the region the region rule gives', async () => {
    const result = await runCli(['inventory', '--endpoint-url', org.url, '--region', 'eu-west-1'], { cwd: dir, env });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^current-account\/eu-west-1\s+0\s+0\s+0\s+ok$/m);
    const noRegion = await runCli(['inventory', '--endpoint-url', org.url], { cwd: dir, env: { ...env, AWS_REGION: '' } });
    expect(noRegion.exitCode).toBe(2);
    expect(noRegion.stderr).toContain('no AWS region');
  });
});
