import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FAKE_CREDENTIALS_ENV } from '../support/fake-cloudwatch-server.js';
import { FakeOrganization } from '../support/fake-organization.js';
import { runCli } from '../support/run-cli.js';

const PROD = '222222222222';
const DEV = '333333333333';
const DENIED = '444444444444';

let org: FakeOrganization;
let dir: string;
let env: Record<string, string>;
const metric = (name: string, pod: string) => ({ Namespace: 'prod/api', MetricName: name, Dimensions: [{ Name: 'pod', Value: pod }] });

beforeAll(async () => {
  org = await FakeOrganization.start();
  org.denyAssumeRole.add(DENIED);
  const prod = await org.cloudWatch(PROD, 'ap-northeast-1');
  prod.metrics = [metric('requests', 'a'), metric('requests', 'b'), metric('errors', 'a')];
  prod.putDashboardOutside('api', { widgets: [{ type: 'metric', properties: { region: 'ap-northeast-1', metrics: [['prod/api', 'requests', 'pod', 'a']] } }] });
  (await org.cloudWatch(DEV, 'us-east-1')).metrics = [metric('requests', 'x')];
  dir = await mkdtemp(join(tmpdir(), 'cwdash-org-report-'));
  const targets = [
    `  - name: prod\n    roleArn: arn:aws:iam::${PROD}:role/cwdash-read\n    regions: [ap-northeast-1]`,
    `  - name: dev\n    roleArn: arn:aws:iam::${DEV}:role/cwdash-read\n    regions: [us-east-1]`,
    `  - name: legacy\n    roleArn: arn:aws:iam::${DENIED}:role/cwdash-read\n    regions: [us-east-1]`,
  ];
  await writeFile(join(dir, 'targets.yaml'), `targets:\n${targets.join('\n')}\n`);
  await writeFile(join(dir, 'two.yaml'), `targets:\n${targets.slice(0, 2).join('\n')}\n`);
  env = { ...FAKE_CREDENTIALS_ENV, AWS_ENDPOINT_URL_STS: org.url, HOME: dir, AWS_CONFIG_FILE: join(dir, 'no-config') };
});
afterAll(async () => org.close());

const account = (...args: string[]) => ['--account', '--endpoint-url', org.url, '--date', '2026-12-01', ...args];

describe('cost-report and audit --account over targets', () => {
  test('one merged report: every account and region priced in its own region, the denied target listed; exit 3', async () => {
    const result = await runCli(['cost-report', ...account('--targets', 'targets.yaml', '--format', 'json')], { cwd: dir, env });
    expect(result.exitCode).toBe(3);
    const report = JSON.parse(result.stdout);
    expect(report.targets.map((target: { key: string; status: string }) => [target.key, target.status])).toEqual([
      ['prod/ap-northeast-1', 'ok'],
      ['dev/us-east-1', 'ok'],
      ['legacy/us-east-1', 'failed'],
    ]);
    expect(report.targets[2].failure.missingAction).toBe('sts:AssumeRole');
    expect(report.totals).toMatchObject({ customMetrics: 4, complete: false, monthlyUSD: null });
    expect(report.regions).toEqual(['ap-northeast-1', 'us-east-1']);
    expect(report.totals.pricedMonthlyUSD).toBe('4.20'); // 4 metrics × $0.30 + 1 dashboard × $3.00, both regions in the snapshot
    expect(report.costByTarget.map((bucket: { name: string; accountId: string; metrics: number }) => [bucket.name, bucket.accountId, bucket.metrics])).toEqual([
      ['prod/ap-northeast-1', PROD, 3],
      ['dev/us-east-1', DEV, 1],
    ]);
    // The prod dashboard reads pod a's requests: that metric is read, the others are not, and each finding names its target.
    const unread = report.metrics.filter((entry: { status: string }) => entry.status === 'unread').map((entry: { target: string; metricName: string; dimensions: { pod: string } }) => `${entry.target} ${entry.metricName} ${entry.dimensions.pod}`);
    expect(unread.sort()).toEqual(['dev/us-east-1 requests x', 'prod/ap-northeast-1 errors a', 'prod/ap-northeast-1 requests b']);
    expect(report.findings.every((finding: { target?: string }) => finding.target !== undefined)).toBe(true);
    expect(report.problems).toContainEqual(expect.objectContaining({ where: 'legacy/us-east-1' }));
  });

  test('--only one target for a CI matrix job; its JSON merges with the others into the same totals', async () => {
    for (const key of ['prod/ap-northeast-1', 'dev/us-east-1']) {
      const job = await runCli(['cost-report', ...account('--targets', 'two.yaml', '--only', key, '--format', 'json', '--out', `${key.split('/')[0]}.json`)], { cwd: dir, env });
      expect(job.exitCode).toBe(0);
    }
    const merged = await runCli(['report', 'merge', 'prod.json', 'dev.json', '--format', 'json'], { cwd: dir, env });
    expect(merged.exitCode).toBe(0);
    const together = await runCli(['cost-report', ...account('--targets', 'two.yaml', '--format', 'json')], { cwd: dir, env });
    expect(together.exitCode).toBe(0);
    const [a, b] = [JSON.parse(merged.stdout), JSON.parse(together.stdout)];
    expect(a.totals).toEqual(b.totals);
    expect(a.costByTarget).toEqual(b.costByTarget);
    expect(a.findings.map((finding: { fingerprint: string }) => finding.fingerprint)).toEqual(b.findings.map((finding: { fingerprint: string }) => finding.fingerprint));
  });

  test('report merge: --budget over the organisation total fails with --fail-on; Markdown, HTML and SARIF render the merge', async () => {
    const over = await runCli(['report', 'merge', 'prod.json', 'dev.json', '--budget', '0.5', '--fail-on', 'error', '--sarif', 'org.sarif', '--format', 'markdown'], { cwd: dir, env });
    expect(over.exitCode).toBe(1);
    expect(over.stderr).toMatch(/error: budget: the organisation's custom metrics cost \$[\d.]+\/month, \$[\d.]+ over the \$0\.50 budget/);
    const sarif = JSON.parse(await readFile(join(dir, 'org.sarif'), 'utf8'));
    expect(sarif.runs[0].results.map((result: { ruleId: string }) => result.ruleId)).toContain('budget');
    const html = await runCli(['report', 'merge', 'prod.json', 'dev.json', '--format', 'html'], { cwd: dir, env });
    expect(html.exitCode).toBe(0);
    expect(html.stdout).toContain('<html');
    const bad = await runCli(['report', 'merge', 'targets.yaml'], { cwd: dir, env });
    expect(bad.exitCode).toBe(2);
  });

  test('audit over targets: exit 3 when clean but a target could not be read; --targets without --account is exit 2', async () => {
    const audit = await runCli(['audit', ...account('--targets', 'targets.yaml', '--fail-on', 'error', '--no-usage')], { cwd: dir, env });
    expect(audit.exitCode).toBe(3);
    expect(audit.stderr).toContain('some targets could not be read');
    const noAccount = await runCli(['cost-report', '--targets', 'targets.yaml'], { cwd: dir, env });
    expect(noAccount.exitCode).toBe(2);
    expect(noAccount.stderr).toContain('needs --account');
  });
});

describe('cost by owner', () => {
  test("the project config's owner rules attribute every metric's cost to a team, in JSON, the table and Markdown", async () => {
    const project = await mkdtemp(join(tmpdir(), 'cwdash-owners-'));
    await writeFile(join(project, 'targets.yaml'), await readFile(join(dir, 'two.yaml'), 'utf8'));
    await writeFile(
      join(project, 'cwdash.config.ts'),
      "export default { owners: [{ team: 'checkout', metricName: 'errors' }, { team: 'platform', namespace: 'prod/*', dimensions: { pod: 'a' } }] };\n",
    );
    const json = await runCli(['cost-report', ...account('--targets', 'targets.yaml', '--format', 'json')], { cwd: project, env });
    expect(json.exitCode).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.costByOwner.map((bucket: { name: string; metrics: number; monthlyUSD: string }) => [bucket.name, bucket.metrics, bucket.monthlyUSD])).toEqual([
      ['(no owner)', 2, '0.60'],
      ['checkout', 1, '0.30'],
      ['platform', 1, '0.30'],
    ]);
    const table = await runCli(['cost-report', ...account('--targets', 'targets.yaml')], { cwd: project, env });
    expect(table.stdout).toMatch(/Cost by owner\nNAME\s+METRICS\s+UNREAD\s+PER MONTH\n\(no owner\)\s+2\s+2\s+\$0\.60/);
    expect(table.stdout).toMatch(/Cost by account and region\n/);
    const markdown = await runCli(['cost-report', ...account('--targets', 'targets.yaml', '--format', 'markdown')], { cwd: project, env });
    expect(markdown.stdout).toContain('# Cost by owner');
    expect(markdown.stdout).toContain('# Accounts and regions (2)');
  });
});
