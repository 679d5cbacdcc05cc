/**
 * `cwdash report merge`: the cost reports of several accounts and regions (one JSON per CI matrix job, or one per
 * target of a local run) as one report of the same schema. Money is summed exactly from the cent strings (never
 * through floats); one unknown amount keeps its sum unknown. Every collector, metric and finding is tagged with the
 * target it came from, `targets` lists every input target (the failed ones with their reason), and the totals say they
 * are incomplete when a target could not be read.
 */
import { compareStrings } from '../../shared/json.js';
import { Decimal, type Usd } from '../cost/money.js';
import { COST_REPORT_SCHEMA_VERSION, type CostBucket, type CostReport, type MigrationPlan, type OtlpCost, type ReportTarget } from './cost-report.js';
import { OTLP_BYTES_PER_GB } from './otlp-cost.js';

export interface MergeInput {
  /** Where the report came from (its file), for messages when it names no target. */
  readonly source: string;
  readonly report: CostReport;
}

export function mergeCostReports(inputs: readonly MergeInput[], unread: readonly ReportTarget[] = []): CostReport {
  const given = inputs.length > 0 ? inputs : [{ source: '(no report)', report: emptyReport(unread) }];
  const parts = given.map((input) => ({ report: input.report, targets: input.report.targets ?? [], label: labelOf(input) }));
  const reports = parts.map((part) => part.report);
  const totals = reports.map((report) => report.totals);
  const targets = [...parts.flatMap((part) => part.targets), ...(inputs.length > 0 ? unread : [])];
  const failed = targets.filter((target) => target.status === 'failed');
  const usd = (pick: (part: CostReport['totals']) => Usd) => sumUsd(totals.map(pick));
  const monthlyUSD = failed.length > 0 ? null : usd((part) => part.monthlyUSD);
  return {
    schemaVersion: reports[0]!.schemaVersion,
    regions: unique(reports.flatMap((report) => report.regions)).sort(compareStrings),
    prices: uniqueBy(reports.flatMap((report) => report.prices), (price) => JSON.stringify(price)).sort((a, b) => compareStrings(a.region, b.region) || compareStrings(a.date, b.date)),
    freeTier: reports.every((report) => report.freeTier),
    assumptions: unique(parts.flatMap((part) => part.report.assumptions.map((line) => `${part.label}: ${line}`))),
    totals: {
      customMetrics: sum(totals.map((part) => part.customMetrics)),
      monthlyUSD,
      pricedMonthlyUSD: sumUsd(totals.map((part) => part.pricedMonthlyUSD))!,
      complete: failed.length === 0 && totals.every((part) => part.complete),
      unpriced: totals.flatMap((part) => part.unpriced),
      customMetricsMonthlyUSD: usd((part) => part.customMetricsMonthlyUSD),
      dashboards: sum(totals.map((part) => part.dashboards)),
      dashboardsMonthlyUSD: usd((part) => part.dashboardsMonthlyUSD),
      emfLogsMonthlyUSD: usd((part) => part.emfLogsMonthlyUSD),
      ...(totals.some((part) => part.otlp !== undefined) ? { otlp: mergeOtlp(totals.flatMap((part) => (part.otlp ? [part.otlp] : []))) } : {}),
      unusedMetrics: sum(totals.map((part) => part.unusedMetrics)),
      unusedMonthlyUSD: usd((part) => part.unusedMonthlyUSD),
      fixSavingUSD: usd((part) => part.fixSavingUSD),
    },
    usage: {
      dashboards: sum(reports.map((report) => report.usage.dashboards)),
      alarms: sum(reports.map((report) => report.usage.alarms)),
      reads: sum(reports.map((report) => report.usage.reads)),
      allowListEntries: sum(reports.map((report) => report.usage.allowListEntries)),
      sources: parts.flatMap((part) => part.report.usage.sources.map((source) => ({ ...source, summary: `${part.label}: ${source.summary}` }))),
    },
    metrics: parts.flatMap((part) => part.report.metrics),
    collectors: parts.flatMap((part) => part.report.collectors),
    costByNamespace: mergeBuckets(reports.map((report) => report.costByNamespace)),
    costByMetric: mergeBuckets(reports.map((report) => report.costByMetric)),
    costByLabel: mergeBuckets(reports.map((report) => report.costByLabel)),
    costByOwner: mergeBuckets(reports.map((report) => report.costByOwner ?? [])),
    costByTarget: parts.flatMap((part) => part.report.costByTarget ?? []),
    findings: parts.flatMap((part) => part.report.findings),
    rules: uniqueBy(reports.flatMap((report) => report.rules), (rule) => rule.id).sort((a, b) => compareStrings(a.id, b.id)),
    problems: [
      ...parts.flatMap((part) => part.report.problems.map((problem) => ({ ...problem, where: `${part.label}: ${problem.where}` }))),
      ...failed.map((target) => ({ where: target.key, message: `not read: ${target.failure?.message ?? 'unknown reason'}${target.failure?.missingAction ? ` (needs ${target.failure.missingAction})` : ''}` })),
    ],
    ...(reports.some((report) => report.migrationPlan) ? { migrationPlan: mergeMigrationPlans(parts) } : {}),
    targets,
  };
}

/** The OTLP volumes summed; the price is the one they share, or says they were priced apart. */
function mergeOtlp(costs: readonly OtlpCost[]): OtlpCost {
  const samePrice = costs.every((cost) => JSON.stringify(cost.price) === JSON.stringify(costs[0]!.price));
  const optional = (field: 'unreadSeries' | 'unreadBytesPerMonth') =>
    costs.every((cost) => cost[field] !== undefined) ? { [field]: sum(costs.map((cost) => cost[field]!)) } : {};
  return {
    series: sum(costs.map((cost) => cost.series)),
    dataPointsPerMonth: sum(costs.map((cost) => cost.dataPointsPerMonth)),
    bytesPerMonth: sum(costs.map((cost) => cost.bytesPerMonth)),
    gbPerMonth: new Decimal(sum(costs.map((cost) => cost.bytesPerMonth))).div(OTLP_BYTES_PER_GB).toNumber(),
    monthlyUSD: sumUsd(costs.map((cost) => cost.monthlyUSD)),
    ...optional('unreadSeries'),
    ...optional('unreadBytesPerMonth'),
    price: samePrice
      ? costs[0]!.price
      : { status: 'unknown', reason: 'the targets are priced at different rates (their regions differ): each collector\'s otlp.price has its own', fix: 'read collectors[].otlp per target' },
  };
}

function mergeMigrationPlans(parts: readonly { readonly report: CostReport; readonly label: string }[]): MigrationPlan {
  const plans = parts.flatMap((part) => (part.report.migrationPlan ? [{ plan: part.report.migrationPlan, label: part.label }] : []));
  return {
    phases: plans[0]!.plan.phases,
    items: plans.flatMap(({ plan, label }) => plan.items.map((item) => ({ ...item, consumer: { ...item.consumer, name: `${label}: ${item.consumer.name}` } }))),
    manualConsumers: sum(plans.map(({ plan }) => plan.manualConsumers)),
  };
}

/** Reads of one target are labelled by its key; a report from a run without targets, by its file. */
function labelOf(input: MergeInput): string {
  const targets = input.report.targets ?? [];
  return targets.length === 1 ? targets[0]!.key : input.source;
}

/**
 * One target's report, tagged: every collector, metric and finding names the target, a finding's fingerprint starts
 * with it (a baseline of a merged report must tell prod's finding from dev's), and `costByTarget` and `targets` hold
 * its one entry.
 */
export function tagTarget(report: CostReport, target: ReportTarget): CostReport {
  const key = target.key;
  const { totals } = report;
  return {
    ...report,
    metrics: report.metrics.map((metric) => ({ ...metric, target: key })),
    collectors: report.collectors.map((collector) => ({ ...collector, target: key })),
    findings: report.findings.map((finding) => ({ ...finding, target: key, fingerprint: `${key}:${finding.fingerprint}` })),
    costByTarget: [
      {
        name: key,
        ...(target.accountId === undefined ? {} : { accountId: target.accountId }),
        region: target.region,
        metrics: totals.customMetrics,
        monthlyUSD: totals.monthlyUSD,
        unreadMetrics: totals.unusedMetrics,
        unreadMonthlyUSD: totals.unusedMonthlyUSD,
      },
    ],
    targets: [target],
  };
}

/** The report of nothing (every target failed): zero counts and amounts, so the merge still lists the targets. */
function emptyReport(targets: readonly ReportTarget[]): CostReport {
  const zero = '0.00';
  return {
    schemaVersion: COST_REPORT_SCHEMA_VERSION,
    regions: [],
    prices: [],
    freeTier: false,
    assumptions: [],
    totals: {
      customMetrics: 0,
      monthlyUSD: zero,
      pricedMonthlyUSD: zero,
      complete: true,
      unpriced: [],
      customMetricsMonthlyUSD: zero,
      dashboards: 0,
      dashboardsMonthlyUSD: zero,
      emfLogsMonthlyUSD: zero,
      unusedMetrics: 0,
      unusedMonthlyUSD: zero,
      fixSavingUSD: zero,
    },
    usage: { dashboards: 0, alarms: 0, reads: 0, allowListEntries: 0, sources: [] },
    metrics: [],
    collectors: [],
    costByNamespace: [],
    costByMetric: [],
    costByLabel: [],
    findings: [],
    rules: [],
    problems: [],
    targets,
  };
}

/** Buckets of the same name summed (metrics, money, unread), largest cost first, name breaking ties. */
export function mergeBuckets(lists: readonly (readonly CostBucket[])[]): CostBucket[] {
  const byName = new Map<string, CostBucket[]>();
  for (const bucket of lists.flat()) {
    const group = byName.get(bucket.name);
    if (group) group.push(bucket);
    else byName.set(bucket.name, [bucket]);
  }
  return [...byName.entries()]
    .map(([name, group]) => ({
      name,
      metrics: sum(group.map((bucket) => bucket.metrics)),
      monthlyUSD: sumUsd(group.map((bucket) => bucket.monthlyUSD)),
      unreadMetrics: sum(group.map((bucket) => bucket.unreadMetrics)),
    }))
    .sort((a, b) => compareUsd(b.monthlyUSD, a.monthlyUSD) || compareStrings(a.name, b.name));
}

/** The exact sum of cent strings; unknown when any part is. */
export function sumUsd(amounts: readonly Usd[]): Usd {
  if (amounts.some((amount) => amount === null)) return null;
  return amounts.reduce((total, amount) => total.plus(amount!), new Decimal(0)).toFixed(2);
}

/** Unknown amounts sort below every known one. */
function compareUsd(a: Usd, b: Usd): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  return new Decimal(a).comparedTo(b);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function uniqueBy<T>(values: readonly T[], key: (value: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const value of values) if (!seen.has(key(value))) seen.set(key(value), value);
  return [...seen.values()];
}

