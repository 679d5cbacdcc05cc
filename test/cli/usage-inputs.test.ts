/** The fix rests on the usage inputs: every kind of dashboard input is read, and an input that yields nothing stops the run. */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { CONFIG, ENV, NS, OTEL_LIB, SCRAPE } from '../support/task-service-example.js';

/** One row: the process CPU, as `cwdash build` writes it. */
const BODY = {
  widgets: [
    { type: 'metric', x: 0, y: 0, width: 12, height: 6, properties: { region: 'us-east-1', metrics: [[NS, 'process_cpu_user_seconds_total', 'OTelLib', OTEL_LIB]] } },
  ],
};

const API = resolve(import.meta.dirname, '../../src/index.ts');
const DEFINITION = `import { Dashboard, GraphWidget, Metric } from ${JSON.stringify(API)};
export default new Dashboard({
  dashboardName: 'from-definition',
  region: 'us-east-1',
  widgets: [new GraphWidget({ metrics: [new Metric({ namespace: '${NS}', metricName: 'process_cpu_system_seconds_total', dimensionsMap: { OTelLib: '${OTEL_LIB}' } })] })],
});
`;

function workspace(): string {
  return mkdtempSync(join(tmpdir(), 'cwdash-usage-'));
}

const report = (dir: string, extra: string[]) =>
  runCli(['cost-report', '--config', CONFIG, '--scrape', SCRAPE, '--region', 'us-east-1', '--format', 'json', ...extra], { cwd: dir, env: ENV });

describe('--dashboards reads definitions, built bodies, downloaded bodies and folders of either', () => {
  test('a folder of built bodies (cwdash build output) and get-dashboard output are dashboards', async () => {
    const dir = workspace();
    mkdirSync(join(dir, 'dist/dashboards'), { recursive: true });
    writeFileSync(join(dir, 'dist/dashboards/built.json'), JSON.stringify(BODY));
    writeFileSync(join(dir, 'dist/dashboards/downloaded.json'), JSON.stringify({ DashboardName: 'downloaded', DashboardBody: JSON.stringify(BODY) }));
    const result = await report(dir, ['--dashboards', 'dist/dashboards']);
    expect(result.exitCode, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.usage.dashboards).toBe(2);
    expect(json.totals.unusedMetrics).toBe(143);
  });

  test('a folder mixing definitions and bodies, and a single definition file', async () => {
    const dir = workspace();
    mkdirSync(join(dir, 'mixed'));
    writeFileSync(join(dir, 'mixed/api.ts'), DEFINITION);
    writeFileSync(join(dir, 'mixed/built.json'), JSON.stringify(BODY));
    const mixed = await report(dir, ['--dashboards', 'mixed']);
    expect(mixed.exitCode, mixed.stderr).toBe(0);
    expect(JSON.parse(mixed.stdout)).toMatchObject({ usage: { dashboards: 2 }, totals: { unusedMetrics: 142 } });
    const single = await report(dir, ['--dashboards', 'mixed/api.ts']);
    expect(single.exitCode, single.stderr).toBe(0);
    expect(JSON.parse(single.stdout)).toMatchObject({ usage: { dashboards: 1 }, totals: { unusedMetrics: 143 } });
  });
});

describe('no fix from nothing', () => {
  test('a folder with no dashboard is exit 2 naming it, unless --no-usage', async () => {
    const dir = workspace();
    mkdirSync(join(dir, 'empty'));
    const result = await report(dir, ['--dashboards', 'empty']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('error: empty: no dashboard: the folder holds no definition (.ts) and no body (.json)');
    expect(result.stderr).toContain('--no-usage');
    const allowed = await report(dir, ['--dashboards', 'empty', '--no-usage']);
    expect(allowed.exitCode, allowed.stderr).toBe(0);
    expect(JSON.parse(allowed.stdout).totals.unusedMetrics).toBe(144);
  });

  test('an alarms file with no alarm, or no usage input at all, is exit 2', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'alarms.json'), '{"MetricAlarms": [], "CompositeAlarms": []}');
    const alarms = await report(dir, ['--alarms', 'alarms.json']);
    expect(alarms.exitCode).toBe(2);
    expect(alarms.stderr).toContain('error: alarms.json: no alarm');
    const nothing = await report(dir, []);
    expect(nothing.exitCode).toBe(2);
    expect(nothing.stderr).toContain('no dashboard and no alarm to read usage from');
  });

  test('--write-fix refuses a config that drops every metric of a collector unless --allow-drop-all', async () => {
    const dir = workspace();
    const refused = await report(dir, ['--no-usage', '--write-fix', 'fixed']);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toMatch(/the fix for .*otel-config\.yaml would drop all 144 of its metrics/);
    expect(refused.stderr).toContain('--allow-drop-all');
    expect(existsSync(join(dir, 'fixed'))).toBe(false);
    const allowed = await report(dir, ['--no-usage', '--write-fix', 'fixed', '--allow-drop-all']);
    expect(allowed.exitCode, allowed.stderr).toBe(0);
    expect(JSON.parse(allowed.stdout).collectors[0].fix.after.metrics).toBe(0);
  });
});
