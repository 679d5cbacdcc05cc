import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, test } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { CONFIG, ENV, NS, OTEL_LIB, SCRAPE } from '../support/task-service-example.js';


function workspace(rows: unknown[][]) {
  const dir = mkdtempSync(join(tmpdir(), 'cwdash-audit-'));
  writeFileSync(join(dir, 'board.json'), JSON.stringify({ widgets: [{ type: 'metric', properties: { region: 'us-east-1', metrics: rows } }] }));
  return dir;
}

const cpuRow = [NS, 'process_cpu_user_seconds_total', 'OTelLib', OTEL_LIB];
const audit = (dir: string, ...extra: string[]) =>
  runCli(['audit', '--config', CONFIG, '--scrape', SCRAPE, '--dashboards', join(dir, 'board.json'), '--region', 'us-east-1', ...extra], { cwd: dir, env: ENV });

describe('cwdash audit', () => {
  test('exit 0 below the threshold, 1 at or above it', async () => {
    const dir = workspace([cpuRow]);
    const clean = await audit(dir, '--fail-on', 'error');
    expect(clean.exitCode).toBe(0);
    expect(clean.stderr).toContain('audit passed: no new findings at error or above');
    const failing = await audit(dir, '--fail-on', 'warning');
    expect(failing.exitCode).toBe(1);
    expect(failing.stderr).toMatch(/^warning: unused-metric: http_request_duration_seconds/m);
    expect(failing.stderr).not.toContain('warning: warning');
    expect(failing.stderr).toMatch(/audit failed: \d+ new finding\(s\) at warning or above/);
  });

  test('--budget turns the budget rule on', async () => {
    const dir = workspace([cpuRow]);
    const result = await audit(dir, '--budget', '10', '--format', 'json');
    expect(result.exitCode).toBe(1);
    const budget = JSON.parse(result.stdout).findings.find((finding: { rule: string }) => finding.rule === 'budget');
    // 144 metrics × $0.30 + 1 dashboard × $3 = $46.20, plus the EMF logs.
    expect(budget.message).toMatch(/^predicted \$4[67]\.\d\d\/month is \$3[67]\.\d\d over the \$10\.00 budget$/);
    const totals = JSON.parse(result.stdout).totals;
    expect(budget.monthlyUSD).toBe(totals.monthlyUSD);
    expect(Number(totals.monthlyUSD)).toBeCloseTo(46.2 + Number(totals.emfLogsMonthlyUSD), 8);
  });

  test('a baseline written at the project root matches from a subfolder (paths are relative to the root)', async () => {
    const dir = workspace([cpuRow]);
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, 'collector'));
    mkdirSync(join(dir, 'examples'));
    copyFileSync(CONFIG, join(dir, 'collector/otel-config.yaml'));
    const run = (cwd: string, up: string, ...extra: string[]) =>
      runCli(['audit', '--config', `${up}collector/otel-config.yaml`, '--scrape', SCRAPE, '--dashboards', `${up}board.json`, '--region', 'us-east-1', '--baseline', `${up}baseline.json`, ...extra], {
        cwd,
        env: ENV,
      });
    expect((await run(dir, '', '--write-baseline')).exitCode).toBe(0);
    const fingerprints = JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8')).findings.map((finding: { fingerprint: string }) => finding.fingerprint);
    expect(fingerprints).toContain(`unused-metric:collector/otel-config.yaml:${NS}:http_request_duration_seconds`);
    const below = await run(join(dir, 'examples'), '../', '--fail-on', 'note');
    expect(below.stderr).toMatch(/audit passed: no new findings at note or above \(\d+ in the baseline\)/);
    expect(below.exitCode).toBe(0);
  });

  test('a budget overrun is never absorbed by the baseline', async () => {
    const dir = workspace([cpuRow]);
    expect((await audit(dir, '--budget', '1', '--baseline', 'baseline.json', '--write-baseline')).exitCode).toBe(0);
    const baseline = JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8'));
    expect(baseline.findings.map((finding: { rule: string }) => finding.rule)).not.toContain('budget');
    const next = await audit(dir, '--budget', '1', '--baseline', 'baseline.json');
    expect(next.exitCode).toBe(1);
    expect(next.stderr).toMatch(/^error: budget: predicted \$\d+\.\d\d\/month is \$\d+\.\d\d over the \$1\.00 budget$/m);
    // Even a baseline that lists it (a cost-report JSON, say) does not accept it.
    const report = await audit(dir, '--budget', '1', '--format', 'json', '--out', 'report.json');
    expect(report.exitCode).toBe(1);
    expect((await audit(dir, '--budget', '1', '--baseline', 'report.json')).exitCode).toBe(1);
  });

  test('a baseline accepts today\'s findings; only new ones fail', async () => {
    const dir = workspace([cpuRow]);
    const written = await audit(dir, '--baseline', 'baseline.json', '--write-baseline');
    expect(written.exitCode).toBe(0);
    const baseline = JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8'));
    expect(baseline.schemaVersion).toBe(1);
    expect(baseline.findings.length).toBeGreaterThan(10);
    const accepted = await audit(dir, '--baseline', 'baseline.json', '--fail-on', 'warning');
    expect(accepted.exitCode).toBe(0);
    expect(accepted.stderr).toMatch(/in the baseline/);

    // A dashboard row for a metric the collector never makes: a new error-level finding.
    writeFileSync(join(dir, 'board.json'), JSON.stringify({ widgets: [{ type: 'metric', properties: { metrics: [cpuRow, [NS, 'http_requests_total', 'code', '500']] } }] }));
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '# earlier step\n');
    const fresh = await audit(dir, '--baseline', 'baseline.json', '--sarif', 'cwdash.sarif', '--format', 'json', '--out', 'report.json');
    expect(fresh.exitCode).toBe(1);
    expect(fresh.stderr).toContain(`error: dashboard-missing-metric: dashboard board /widgets/0/properties/metrics/1 reads ${NS} http_requests_total {code=500}`);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(report.findings.some((finding: { rule: string }) => finding.rule === 'dashboard-missing-metric')).toBe(true);
    const sarif = JSON.parse(readFileSync(join(dir, 'cwdash.sarif'), 'utf8'));
    expect(sarif.runs[0].results.map((result: { ruleId: string }) => result.ruleId)).toContain('dashboard-missing-metric');

    // The same run inside GitHub Actions appends Markdown to the job summary.
    const inActions = await runCli(
      ['audit', '--config', CONFIG, '--scrape', SCRAPE, '--dashboards', join(dir, 'board.json'), '--region', 'us-east-1', '--baseline', 'baseline.json', '--out', 'again.txt'],
      { cwd: dir, env: { ...ENV, GITHUB_STEP_SUMMARY: summary } },
    );
    expect(inActions.exitCode).toBe(1);
    const markdown = readFileSync(summary, 'utf8');
    expect(markdown.startsWith('# earlier step\n❌ cwdash audit failed: 1 new finding at error or above.')).toBe(true);
    // Values from the inputs are escaped for Markdown; rendered, they read as written.
    const rendered = new MarkdownIt({ html: true }).render(markdown);
    expect(rendered).toContain('<h2>cwdash cost report: us-east-1</h2>');
    expect(rendered).toContain('<code>dashboard-missing-metric</code>');
  });

  test('usage mistakes exit 2', async () => {
    const dir = workspace([cpuRow]);
    const noFile = await audit(dir, '--write-baseline');
    expect(noFile.exitCode).toBe(2);
    expect(noFile.stderr).toContain('--write-baseline needs --baseline FILE');
    const badLevel = await audit(dir, '--fail-on', 'critical');
    expect(badLevel.exitCode).toBe(2);
    writeFileSync(join(dir, 'broken.json'), '{"findings": []}');
    const badBaseline = await audit(dir, '--baseline', 'broken.json');
    expect(badBaseline.exitCode).toBe(2);
    expect(badBaseline.stderr).toMatch(/broken\.json: \/schemaVersion: invalid baseline/);
  });
});
