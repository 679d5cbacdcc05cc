import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runOverTargets, selectTargets, type TargetRunOptions } from '../../src/app/targets-run.js';
import { fetchAccountInventory } from '../../src/sources/account/inventory.js';
import { FAKE_CREDENTIALS_ENV, FAST_RETRY_POLICY } from '../support/fake-cloudwatch-server.js';
import { FakeOrganization } from '../support/fake-organization.js';

const PROD = '222222222222';
const DEV = '333333333333';
const DENIED = '444444444444';

let org: FakeOrganization;
let options: TargetRunOptions;
beforeAll(async () => {
  org = await FakeOrganization.start();
  org.accounts.push({ id: PROD, name: 'prod' }, { id: DEV, name: 'dev' }, { id: DENIED, name: 'legacy' }, { id: '555555555555', name: 'gone', status: 'SUSPENDED' });
  org.listAccountsPageSize = 2;
  org.denyAssumeRole.add(DENIED);
  org.disabledRegions.add(`${DEV}/ap-east-1`);
  const metric = (name: string) => ({ Namespace: 'prod/api', MetricName: name, Dimensions: [{ Name: 'pod', Value: 'a' }] });
  (await org.cloudWatch(PROD, 'eu-west-1')).metrics = [metric('requests'), metric('errors')];
  (await org.cloudWatch(PROD, 'us-east-1')).metrics = [metric('requests')];
  const throttled = await org.cloudWatch(DEV, 'eu-west-1');
  throttled.metrics = [metric('requests')];
  throttled.inject({ operation: 'ListMetrics', kind: 'throttle' });
  (await org.cloudWatch(DEV, 'us-east-1')).metrics = [metric('requests'), metric('errors'), metric('latency')];
  options = {
    endpointUrl: org.url,
    env: { ...FAKE_CREDENTIALS_ENV, AWS_ENDPOINT_URL_STS: org.url, AWS_ENDPOINT_URL_ORGANIZATIONS: org.url },
    callPolicy: { ...FAST_RETRY_POLICY, throttleAttempts: 3 },
    concurrency: 2,
    runId: 'test',
  };
});
afterAll(async () => org.close());

const countMetrics = async (_unit: unknown, client: Parameters<typeof fetchAccountInventory>[0]) => (await fetchAccountInventory(client)).metrics.length;

describe('runOverTargets', () => {
  test('reads every account and region through its assumed role; a denied, throttled or disabled one fails alone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cwdash-targets-'));
    const file = join(dir, 'targets.yaml');
    await writeFile(
      file,
      [
        'targets:',
        `  - name: prod`,
        `    roleArn: arn:aws:iam::${PROD}:role/cwdash-read`,
        `    externalId: prod-secret`,
        `    regions: [eu-west-1, us-east-1]`,
        `  - name: dev`,
        `    roleArn: arn:aws:iam::${DEV}:role/cwdash-read`,
        `    regions: [eu-west-1, us-east-1, ap-east-1]`,
        `  - name: legacy`,
        `    roleArn: arn:aws:iam::${DENIED}:role/cwdash-read`,
        `    regions: [us-east-1]`,
      ].join('\n'),
    );
    org.externalIds.set(PROD, 'prod-secret');
    const units = await selectTargets({ targetsFile: file }, options);
    const results = await runOverTargets(units, options, countMetrics);
    const summary = results.map((result) => [result.key, result.status === 'ok' ? result.value : result.failure.missingAction ?? result.failure.message.split(':')[0]]);
    expect(summary).toEqual([
      ['prod/eu-west-1', 2],
      ['prod/us-east-1', 1],
      ['dev/eu-west-1', 'CloudWatch kept throttling ListMetrics after 3 attempts'],
      ['dev/us-east-1', 3],
      ['dev/ap-east-1', 'the region is not enabled for this account'],
      ['legacy/us-east-1', 'sts:AssumeRole'],
    ]);
    expect(results.find((result) => result.key === 'prod/eu-west-1')?.accountId).toBe(PROD);
    // The roles were assumed with the caller's keys, the external id and a session name CloudTrail can attribute.
    const prodCalls = org.assumeRoleCalls.filter((call) => call.roleArn.includes(PROD));
    expect(prodCalls.every((call) => call.externalId === 'prod-secret' && call.sessionName === 'cwdash-test')).toBe(true);
    expect(prodCalls.every((call) => call.callerAccessKeyId === FAKE_CREDENTIALS_ENV.AWS_ACCESS_KEY_ID)).toBe(true);
  });

  test('--organization lists the active accounts over every page and assumes the named role in each', async () => {
    org.externalIds.clear();
    const units = await selectTargets({ organization: { roleName: 'OrgReader', regions: ['us-east-1'] } }, options);
    expect(units.map((unit) => [unit.key, unit.target.roleArn])).toEqual([
      [`prod-${PROD}/us-east-1`, `arn:aws:iam::${PROD}:role/OrgReader`],
      [`dev-${DEV}/us-east-1`, `arn:aws:iam::${DEV}:role/OrgReader`],
      [`legacy-${DENIED}/us-east-1`, `arn:aws:iam::${DENIED}:role/OrgReader`],
    ]);
    const results = await runOverTargets(units, options, countMetrics);
    expect(results.map((result) => result.status)).toEqual(['ok', 'ok', 'failed']);
  });

  test('--targets and --organization together are a usage error', async () => {
    await expect(selectTargets({ targetsFile: 'x.yaml', organization: { roleName: 'R', regions: ['us-east-1'] } }, options)).rejects.toThrow(/both choose the accounts/);
  });
});
