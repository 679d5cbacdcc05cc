import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { renderReportSarif } from '../../src/outputs/report-sarif.js';
import { NS, reportFor } from '../analysis/report/fixtures.js';

const run = promisify(execFile);
const MULTITOOL = new URL('../../node_modules/.bin/sarif-multitool', import.meta.url).pathname;

async function sarifLog() {
  const body = { widgets: [{ type: 'metric', properties: { metrics: [[NS, 'missing_metric']] } }] };
  const report = await reportFor({ body, budgetUSD: 1 });
  return renderReportSarif(report, { toolVersion: '0.1.0', fallbackLocation: 'cwdash.config.ts' });
}

describe('SARIF 2.1.0', () => {
  test('one rule per rule in force, one result per finding with a location and a stable fingerprint', async () => {
    const log = JSON.parse(await sarifLog());
    const run0 = log.runs[0];
    expect(log.version).toBe('2.1.0');
    expect(run0.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual([
      'unused-metric',
      'read-only-by-wildcard',
      'high-cardinality-dimension',
      'rollup-duplicates',
      'resource-attribute-dimension',
      'dashboard-missing-metric',
      'dashboard-over-free-tier',
      'budget',
    ]);
    const results = run0.results as { ruleId: string; ruleIndex: number; level: string; locations: unknown[]; partialFingerprints: Record<string, string> }[];
    expect(results.map((result) => `${result.level} ${result.ruleId}`)).toEqual([
      'error budget',
      'error dashboard-missing-metric',
      'warning unused-metric',
      'warning rollup-duplicates',
      'warning unused-metric',
    ]);
    for (const result of results) {
      expect(run0.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(result.locations).toHaveLength(1);
      expect(result.partialFingerprints['cwdashFinding/v1']).toMatch(new RegExp(`^${result.ruleId}:`));
    }
    expect(results[0]!.locations[0]).toMatchObject({ physicalLocation: { artifactLocation: { uri: 'cwdash.config.ts' } } });
    expect(results[1]!.locations[0]).toMatchObject({
      physicalLocation: { artifactLocation: { uri: 'dashboards/task-service.ts', uriBaseId: '%SRCROOT%' } },
      logicalLocations: [{ fullyQualifiedName: '/widgets/0/properties/metrics/0' }],
    });
  });

  test('validates against the SARIF 2.1.0 schema (Microsoft SARIF Multitool)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cwdash-sarif-'));
    const file = join(dir, 'report.sarif');
    writeFileSync(file, await sarifLog());
    await run(MULTITOOL, ['validate', file, '--output', join(dir, 'validation.sarif'), '--quiet']);
    const validation = JSON.parse(readFileSync(join(dir, 'validation.sarif'), 'utf8'));
    const problems = (validation.runs[0].results as { level: string; ruleId: string; message: { id?: string; arguments?: string[] } }[])
      .filter((result) => result.level === 'error')
      .map((result) => `${result.ruleId} ${JSON.stringify(result.message.arguments)}`);
    expect(problems).toEqual([]);
    // The validator really checks: a broken log gives schema errors.
    writeFileSync(file, JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: {} }, results: [{ level: 'bogus' }] }] }));
    await run(MULTITOOL, ['validate', file, '--output', join(dir, 'broken.sarif'), '--quiet']);
    const broken = JSON.parse(readFileSync(join(dir, 'broken.sarif'), 'utf8'));
    expect(broken.runs[0].results.filter((result: { level: string }) => result.level === 'error').length).toBeGreaterThanOrEqual(3);
  }, 120_000);
});
