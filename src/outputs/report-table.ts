/**
 * The cost report for a terminal: totals first (what a reader wants in one glance), then collectors with the fix's
 * before/after, the findings, the costliest metrics, and the assumptions every number rests on. Metric names and label
 * values come from a scrape: control characters are shown escaped, so a label cannot move the cursor or recolour.
 */
import type { CollectorReport, CostReport, Finding } from '../analysis/report/cost-report.js';
import { formatMoney } from '../analysis/cost/money.js';
import { formatMetricIdentity } from '../model/metric-identity.js';
import { formatCount } from '../shared/units.js';
import { afterFixText, incompleteLines, pricesLine, savingText, totalText } from './report-words.js';
import { migrationPlanLines } from './report-migration.js';
import { comparisonRows, otlpCell, otlpPriceNote } from './report-otlp.js';
import { renderTextTable } from './text-table.js';

export interface ReportTableOptions {
  /** How many of the costliest metric names to list. @default 10 */
  readonly topMetrics?: number;
  /** Findings listed in full (they are sorted by severity, then saving); the rest are counted. @default 25 */
  readonly maxFindings?: number;
}

export function renderReportTable(report: CostReport, options: ReportTableOptions = {}): string {
  const { totals } = report;
  const parts: string[] = [];
  parts.push(`cwdash cost report: prices for ${pricesLine(report)}; free tier ${report.freeTier ? 'applied' : 'not applied'}\n`);
  parts.push(
    renderTextTable(
      [{ header: '' }, { header: 'COUNT', align: 'right' }, { header: 'PER MONTH', align: 'right' }],
      [
        ['custom metrics', formatCount(totals.customMetrics), formatMoney(totals.customMetricsMonthlyUSD)],
        ['  read by nothing', formatCount(totals.unusedMetrics), formatMoney(totals.unusedMonthlyUSD)],
        ['dashboards', formatCount(totals.dashboards), formatMoney(totals.dashboardsMonthlyUSD)],
        ['EMF logs (ingestion + storage)', '', formatMoney(totals.emfLogsMonthlyUSD)],
        ...(totals.otlp ? [['OTLP ingestion', `${formatCount(totals.otlp.series)} series`, otlpCell(totals.otlp).replace(/^[\d,]+ series, /, '')]] : []),
        ['total', '', totalText(report)],
        ['saved by the generated fix', '', formatMoney(totals.fixSavingUSD)],
      ],
    ),
  );
  for (const line of incompleteLines(report)) parts.push(`${printable(line)}\n`);
  if (report.collectors.length > 0) {
    parts.push('\nCollectors\n');
    parts.push(
      renderTextTable(
        [
          { header: 'CONFIG' },
          { header: 'REGION' },
          { header: 'METRICS', align: 'right' },
          { header: 'UNREAD', align: 'right' },
          { header: 'PER MONTH', align: 'right' },
          { header: 'AFTER FIX', align: 'right' },
          { header: 'FIX FILE' },
        ],
        report.collectors.map((collector) => [
          printable(collector.config),
          printable(collector.region),
          formatCount(collector.metrics),
          formatCount(collector.unreadMetrics),
          formatMoney(collector.monthlyUSD),
          afterFixText(collector.fix),
          fixFileCell(collector.fix),
        ]),
      ),
    );
  }
  const comparison = comparisonRows(report);
  if (comparison.length > 0) {
    parts.push('\nClassic (custom metrics + EMF) vs OpenTelemetry (OTLP, per GB) and Container Insights modes\n');
    parts.push(
      renderTextTable(
        [{ header: 'CONFIG' }, { header: 'COMPARED WITH' }, { header: 'CLASSIC PER MONTH' }, { header: 'PER MONTH THAT WAY' }],
        comparison.map((row) => [printable(row.config), row.basis, row.classic, row.otlp]),
      ),
    );
    const note = otlpPriceNote(report);
    if (note) parts.push(`${note}\n`);
  }
  parts.push(`\nFindings (${report.findings.length})\n`);
  const maxFindings = options.maxFindings ?? 25;
  parts.push(report.findings.length === 0 ? 'none\n' : renderFindings(report.findings.slice(0, maxFindings)));
  if (report.findings.length > maxFindings) {
    parts.push(`...and ${report.findings.length - maxFindings} more with smaller savings (--format markdown, json or html lists them all)\n`);
  }
  for (const [title, buckets] of [['Cost by account and region', report.costByTarget], ['Cost by owner', report.costByOwner]] as const) {
    if (!buckets || buckets.length === 0) continue;
    parts.push(`\n${title}\n`);
    parts.push(
      renderTextTable(
        [{ header: 'NAME' }, { header: 'METRICS', align: 'right' }, { header: 'UNREAD', align: 'right' }, { header: 'PER MONTH', align: 'right' }],
        buckets.map((bucket) => [printable(bucket.name), formatCount(bucket.metrics), formatCount(bucket.unreadMetrics), formatMoney(bucket.monthlyUSD)]),
      ),
    );
  }
  const top = report.costByMetric.slice(0, options.topMetrics ?? 10);
  if (top.length > 0) {
    parts.push(`\nCostliest metric names (${top.length} of ${report.costByMetric.length})\n`);
    parts.push(
      renderTextTable(
        [{ header: 'NAMESPACE METRIC' }, { header: 'METRICS', align: 'right' }, { header: 'UNREAD', align: 'right' }, { header: 'PER MONTH', align: 'right' }],
        top.map((bucket) => [printable(bucket.name), formatCount(bucket.metrics), formatCount(bucket.unreadMetrics), formatMoney(bucket.monthlyUSD)]),
      ),
    );
  }
  if (report.migrationPlan) {
    parts.push('\nMigration plan: Classic → OpenTelemetry (PromQL)\n');
    parts.push(migrationPlanLines(report.migrationPlan, printable).map((line) => `${line}\n`).join(''));
  }
  parts.push('\nAssumptions\n');
  parts.push(report.assumptions.map((line) => `- ${printable(line)}\n`).join(''));
  if (report.problems.length > 0) {
    parts.push(`\nInputs read only in part (${report.problems.length})\n`);
    parts.push(report.problems.map((problem) => `- ${printable(problem.where)}: ${printable(problem.message)}\n`).join(''));
  }
  return parts.join('');
}

function fixFileCell(fix: CollectorReport['fix']): string {
  if (!fix) return '';
  if (fix.file) return printable(fix.file);
  return fix.after.metrics < fix.before.metrics ? '(--write-fix DIR writes it)' : 'none needed';
}

function renderFindings(findings: readonly Finding[]): string {
  return renderTextTable(
    [{ header: 'SEVERITY' }, { header: 'RULE' }, { header: 'SAVING', align: 'right' }, { header: 'FINDING' }],
    findings.map((finding) => [
      finding.severity,
      finding.rule,
      savingText(finding.savingUSD),
      `${printable(finding.message)}\nfix: ${printable(finding.fix)}${finding.metrics.length > 0 ? `\ne.g. ${printable(formatMetricIdentity(finding.metrics[0]!))}` : ''}`,
    ]),
  );
}

/** Control characters (ESC, CR, BEL...) from untrusted input shown as `\u001b`, never sent to the terminal raw. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
