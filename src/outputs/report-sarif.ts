/**
 * The cost report as SARIF 2.1.0 for GitHub code scanning: one `tool.driver.rules` entry per rule in force (the same
 * stable ids as the report, the baseline and the allow-list), one result per finding with its file location, and the
 * finding's fingerprint as a partialFingerprint so code scanning tracks the same problem across runs.
 */
import { formatMoney } from '../analysis/cost/money.js';
import type { CostReport, Finding, FindingLocation, Severity } from '../analysis/report/cost-report.js';
import { formatMetricIdentity } from '../model/metric-identity.js';
import { stableStringify } from '../shared/json.js';

export interface ReportSarifOptions {
  readonly toolVersion: string;
  /**
   * Where findings without a file of their own (budget, dashboard count) are reported: code scanning needs a location
   * for every result. Usually the project config or the first collector config.
   */
  readonly fallbackLocation: string;
}

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', note: 'note' };

export function renderReportSarif(report: CostReport, options: ReportSarifOptions): string {
  const rules = report.rules.filter((rule) => rule.enabled);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cwdash',
            semanticVersion: options.toolVersion,
            rules: rules.map((rule) => ({
              id: rule.id,
              name: pascalCase(rule.id),
              shortDescription: { text: rule.description },
              fullDescription: { text: rule.description },
              defaultConfiguration: { level: LEVEL[rule.severity] },
              help: { text: `${rule.description} Configure it in your rules file (rules/default.yaml lists every rule and parameter).` },
              properties: { tags: ['cost', 'cloudwatch'] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository root, where cwdash ran.' } } },
        results: report.findings.map((finding) => result(finding, ruleIndex.get(finding.rule), options)),
        properties: {
          regions: report.regions,
          monthlyUSD: report.totals.monthlyUSD,
          unusedMonthlyUSD: report.totals.unusedMonthlyUSD,
          assumptions: report.assumptions,
        },
      },
    ],
  };
  return stableStringify(log);
}

function result(finding: Finding, ruleIndex: number | undefined, options: ReportSarifOptions) {
  const location: FindingLocation = finding.location ?? { file: options.fallbackLocation };
  const saving = finding.savingUSD === null ? ' Saving: unknown (a price is missing).' : Number(finding.savingUSD) > 0 ? ` Saving: ${formatMoney(finding.savingUSD)}/month.` : '';
  return {
    ruleId: finding.rule,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: `${finding.message}.${saving} Fix: ${finding.fix}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeUri(location.file), uriBaseId: '%SRCROOT%' },
          region: location.line === undefined ? undefined : { startLine: location.line, startColumn: location.column },
        },
        logicalLocations: location.path ? [{ fullyQualifiedName: location.path, kind: 'element' }] : undefined,
      },
    ],
    partialFingerprints: { 'cwdashFinding/v1': finding.fingerprint },
    properties: {
      monthlyUSD: finding.monthlyUSD,
      savingUSD: finding.savingUSD,
      metrics: finding.metrics.slice(0, 100).map(formatMetricIdentity),
      metricCount: finding.metrics.length,
    },
  };
}

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
function encodeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, char: string) => char.toUpperCase());
}
