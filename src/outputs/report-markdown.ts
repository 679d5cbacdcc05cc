/**
 * The cost report as GitHub-flavoured Markdown, for `$GITHUB_STEP_SUMMARY` and pull-request comments: totals, the
 * fix's before/after per collector, findings with their savings, and the assumptions. Names and label values come
 * from a scrape, so every one is made inert (markdown-text.ts): no HTML, links, images, mentions or table breaks.
 */
import { formatMoney } from '../analysis/cost/money.js';
import type { CostReport, Finding } from '../analysis/report/cost-report.js';
import { formatMetricIdentity } from '../model/metric-identity.js';
import { formatCount } from '../shared/units.js';
import { afterFixText, fixSavingText, incompleteLines, pricesLine, savingText, totalText } from './report-words.js';
import { migrationPlanLines } from './report-migration.js';
import { comparisonRows, otlpPriceNote } from './report-otlp.js';
import { inertCode as code, inertMarkdown as md } from './markdown-text.js';

export interface ReportMarkdownOptions {
  /** Findings listed in full; the rest are counted. @default 50 */
  readonly maxFindings?: number;
  /** Heading level of the title. @default 2 */
  readonly headingLevel?: number;
}

const SEVERITY_MARK = { error: '🔴 error', warning: '🟠 warning', note: '🔵 note' } as const;

export function renderReportMarkdown(report: CostReport, options: ReportMarkdownOptions = {}): string {
  const h = '#'.repeat(options.headingLevel ?? 2);
  const { totals } = report;
  const lines: string[] = [];
  lines.push(`${h} cwdash cost report: ${md(report.regions.join(', '))}`, '');
  lines.push(
    `**${totalText(report)}/month** predicted: ${formatCount(totals.customMetrics)} custom metrics (${formatMoney(totals.customMetricsMonthlyUSD)}), ` +
      `${formatCount(totals.dashboards)} dashboards (${formatMoney(totals.dashboardsMonthlyUSD)}), EMF logs (${formatMoney(totals.emfLogsMonthlyUSD)}). ` +
      `**${formatCount(totals.unusedMetrics)} metrics are read by nothing: ${formatMoney(totals.unusedMonthlyUSD)}/month.** ` +
      `The generated fix saves ${formatMoney(totals.fixSavingUSD)}/month.`,
    '',
  );
  for (const line of incompleteLines(report)) lines.push(`> ⚠️ ${md(line)}`, '');
  if (report.collectors.length > 0) {
    lines.push('| Collector config | Region | Metrics | Unread | Per month | After fix | Saving |', '|---|---|--:|--:|--:|--:|--:|');
    for (const collector of report.collectors) {
      lines.push(
        `| ${code(collector.config)} | ${md(collector.region)} | ${formatCount(collector.metrics)} | ${formatCount(collector.unreadMetrics)} | ${formatMoney(collector.monthlyUSD)} | ` +
          `${md(afterFixText(collector.fix))} | ${fixSavingText(collector.fix)} |`,
      );
    }
    lines.push('');
  }
  const comparison = comparisonRows(report);
  if (comparison.length > 0) {
    lines.push(`${h}# Classic vs OpenTelemetry (OTLP, per GB) and Container Insights modes`, '', '| Collector config | Compared with | Classic per month | Per month that way |', '|---|---|---|---|');
    for (const row of comparison) lines.push(`| ${code(row.config)} | ${row.basis} | ${md(row.classic)} | ${md(row.otlp)} |`);
    const note = otlpPriceNote(report);
    lines.push('', ...(note ? [md(note), ''] : []));
  }
  const max = options.maxFindings ?? 50;
  if (report.targets && report.targets.length > 0) {
    lines.push(`${h}# Accounts and regions (${report.targets.length})`, '', '| Target | Account | Metrics | Unread | Per month | Unread per month | Status |', '|---|---|--:|--:|--:|--:|---|');
    for (const target of report.targets) {
      const cost = report.costByTarget?.find((bucket) => bucket.name === target.key);
      const status = target.status === 'ok' ? 'read' : `not read: ${md(target.failure?.message ?? '')}${target.failure?.missingAction ? ` (needs ${code(target.failure.missingAction)})` : ''}`;
      lines.push(
        `| ${code(target.key)} | ${md(target.accountId ?? '')} | ${cost ? formatCount(cost.metrics) : '-'} | ${cost ? formatCount(cost.unreadMetrics) : '-'} | ` +
          `${cost ? formatMoney(cost.monthlyUSD) : 'unknown'} | ${cost ? formatMoney(cost.unreadMonthlyUSD) : 'unknown'} | ${status} |`,
      );
    }
    lines.push('');
  }
  if (report.costByOwner && report.costByOwner.length > 0) {
    lines.push(`${h}# Cost by owner`, '', '| Team | Metrics | Unread | Per month |', '|---|--:|--:|--:|');
    for (const bucket of report.costByOwner) lines.push(`| ${md(bucket.name)} | ${formatCount(bucket.metrics)} | ${formatCount(bucket.unreadMetrics)} | ${formatMoney(bucket.monthlyUSD)} |`);
    lines.push('');
  }
  lines.push(`${h}# Findings (${report.findings.length})`, '');
  if (report.findings.length === 0) lines.push('No findings.', '');
  else {
    lines.push('| Severity | Rule | Saving/month | Finding | Fix |', '|---|---|--:|---|---|');
    for (const finding of report.findings.slice(0, max)) lines.push(findingRow(finding));
    if (report.findings.length > max) lines.push('', `…and ${report.findings.length - max} more (see the JSON or SARIF report).`);
    lines.push('');
  }
  if (report.migrationPlan) {
    lines.push(`${h}# Migration plan: Classic → OpenTelemetry (PromQL)`, '', '```text', ...migrationPlanLines(report.migrationPlan, (text) => text.replaceAll('```', "'''")), '```', '');
  }
  lines.push('<details><summary>Assumptions</summary>', '');
  for (const assumption of report.assumptions) lines.push(`- ${md(assumption)}`);
  lines.push(
    `- prices: ${md(pricesLine(report))}, free tier ${report.freeTier ? 'applied' : 'not applied'}`,
    '',
    '</details>',
    '',
  );
  if (report.problems.length > 0) {
    lines.push(`${h}# Inputs read only in part (${report.problems.length})`, '');
    for (const problem of report.problems) lines.push(`- ${code(problem.where)}: ${md(problem.message)}`);
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

function findingRow(finding: Finding): string {
  const where = finding.location ? `<br>${code(`${finding.location.file}${finding.location.line ? `:${finding.location.line}` : ''}`)}` : '';
  const example = finding.metrics.length > 0 ? `<br>e.g. ${code(formatMetricIdentity(finding.metrics[0]!))}` : '';
  return (
    `| ${SEVERITY_MARK[finding.severity]} | ${code(finding.rule)} | ${savingText(finding.savingUSD)} | ` +
    `${md(finding.message)}${example}${where} | ${md(finding.fix)} |`
  );
}
