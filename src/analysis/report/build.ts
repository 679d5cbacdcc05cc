/**
 * Builds the CostReport once from already-loaded inputs: the metrics each collector creates (predicted, or listed from
 * the account), who reads them, the prices, and the rules. Pure: no file or network access, so it is tested directly.
 */
import { compareMetricIdentities, metricKey, normalizeMetricIdentity, type MetricIdentity } from '../../model/metric-identity.js';
import type { PriceTable } from '../../sources/price-list/prices.js';
import { compareStrings } from '../../shared/json.js';
import { formatCount } from '../../shared/units.js';
import type { ResolvedRegion } from '../../model/region.js';
import { customMetricsMonthlyCost, customMetricsSaving, estimateMonthlyCost, type CostLine, type UnpricedLine } from '../cost/model.js';
import { emfLogUsage } from '../cost/emf-logs.js';
import { allocateCents, BYTES_PER_GB, Decimal, sumCents, toCents } from '../cost/money.js';
import type { AnalyzedMetric, CollectorFacts, Coster, DashboardFacts, RuleContext } from '../rules/context.js';
import { groupBy, isAllowListed, isUnread, sumMonths, usd } from '../rules/context.js';
import { ruleDescriptors, runRules } from '../rules/engine.js';
import type { RuleSet } from '../rules/rule-file.js';
import type { AllowList } from '../usage/allow-list.js';
import { isWildcardRead, type MetricRead } from '../usage/metric-read.js';
import { promqlMatchesSeries } from '../usage/promql-selector.js';
import type { ConsultedSource } from '../usage/usage-source.js';
import { evidenceOf } from '../usage/usage-rows.js';
import { pinnedNames, readSources, type UsageIndex } from '../usage/usage-index.js';
import type { OtlpSeries, OtlpVolume } from '../../model/otlp-prediction.js';
import { migrationPlan } from '../migration/plan.js';
import { containerInsightsCost, otlpCost, type OtlpCost } from './otlp-cost.js';
import { otlpUsage } from './otlp-usage.js';
import { ownerOf, type OwnerRule } from './owners.js';
import type { ContainerInsightsModes } from '../../model/container-insights-modes.js';
import { COST_REPORT_SCHEMA_VERSION, type CostBucket, type CostReport, type FixSummary, type MetricStatus, type ReportProblem, type UnpricedCharge } from './cost-report.js';

export interface MetricInput {
  readonly identity: MetricIdentity;
  /** @default 1 (data every hour of the month) */
  readonly metricMonths?: number | undefined;
  /** @default false */
  readonly rollup?: boolean | undefined;
}

export interface CollectorInputs {
  readonly facts: CollectorFacts;
  /** The region the collector sends to (and is priced in), and the rule that chose it. */
  readonly region: ResolvedRegion;
  readonly scrape?: string | undefined;
  readonly metrics: readonly MetricInput[];
  /** Predicted EMF bytes per month and the log group's retention (days; 0 or absent = never expires). */
  readonly emfLogs?: { readonly bytesPerMonth: number; readonly retentionDays?: number | undefined } | undefined;
  readonly fix?: FixSummary | undefined;
  /** OTLP the collector sends to CloudWatch; for awsemf collectors, the same data as it would be over OTLP. */
  readonly otlp?: OtlpVolume | undefined;
  readonly otlpEquivalent?: OtlpVolume | undefined;
  readonly otlpMetricTypes?: Readonly<Record<string, OtlpSeries['type']>> | undefined;
  readonly containerInsights?: ContainerInsightsModes | undefined;
  /** The series of `otlp`, for what PromQL reads of them. */
  readonly otlpSeries?: readonly OtlpSeries[] | undefined;
}

export interface CostReportInputs {
  /** The price table of every region a collector is in, and of `dashboardsRegion`. */
  readonly prices: ReadonlyMap<string, PriceTable>;
  /**
   * Where the dashboards are priced (they are an account-wide product, the same in every region's table) and where
   * the free tier, which is account-wide too, is subtracted, once.
   */
  readonly dashboardsRegion: string;
  readonly collectors: readonly CollectorInputs[];
  readonly usage: UsageIndex;
  readonly dashboards: readonly DashboardFacts[];
  readonly alarms: number;
  readonly allowList?: AllowList | undefined;
  readonly rules: RuleSet;
  readonly budgetUSD?: number | undefined;
  /** @default false: the conservative default, like Infracost. */
  readonly freeTier?: boolean | undefined;
  readonly assumptions: readonly string[];
  readonly problems?: readonly ReportProblem[] | undefined;
  /** Every usage source, given or not (default: none listed). */
  readonly usageSources?: readonly ConsultedSource[] | undefined;
  /** Add the Classic → OTLP migration plan (`--migration-plan`). @default false */
  readonly migrationPlan?: boolean | undefined;
  /** The project config's `owners` rules: adds `costByOwner`. */
  readonly owners?: readonly OwnerRule[] | undefined;
}

export function buildCostReport(inputs: CostReportInputs): CostReport {
  const { metrics, missingReads } = analyzeMetrics(inputs);
  const pricing = regionPricing(inputs, metrics);
  const coster = costerOf(pricing, inputs);
  const unpriced = new Unpriced();
  for (const region of pricing.values()) if (region.line.status === 'unknown') unpriced.add(region.line, region.prices.region);
  const dashboardsLine = estimateMonthlyCost({ dashboards: inputs.dashboards.length }, priceTable(inputs, inputs.dashboardsRegion), {
    freeTier: inputs.freeTier === true,
  });
  for (const line of dashboardsLine.lines) if (line.status === 'unknown') unpriced.add(line, inputs.dashboardsRegion);
  const logs = inputs.collectors.map((collector) => emfLogsCost(collector, inputs, unpriced));
  // OTLP ingestion of the collectors that send OTLP is billed (and in the total); the awsemf collectors' OTLP
  // equivalent is a what-if, shown beside them only.
  const otlp = inputs.collectors.map((collector) => (collector.otlp ? collectorOtlp(collector, collector.otlp, inputs) : undefined));
  const otlpEquivalent = inputs.collectors.map((collector) => (collector.otlpEquivalent ? collectorOtlp(collector, collector.otlpEquivalent, inputs) : undefined));
  inputs.collectors.forEach((collector, index) => {
    const cost = otlp[index];
    if (cost?.price.status === 'unknown') {
      unpriced.add({ status: 'unknown', feature: 'otelIngestion', title: 'OTLP ingestion (CW:OTEL:Bytes)', quantity: cost.gbPerMonth, quantityUnit: 'GB', reason: cost.price.reason, fix: cost.price.fix }, collector.region.region);
    }
  });
  const otlpTotal = sumOtlp(otlp.filter((cost): cost is OtlpCost => cost !== undefined));

  // Each part is rounded once; the total is their exact sum, so the parts add up to it to the cent.
  const exactMetrics = sumKnown([...pricing.values()].map((region) => (region.line.status === 'priced' ? new Decimal(region.line.usd) : null)));
  const metricsUSD = exactMetrics === null ? null : toCents(exactMetrics);
  const dashboardsUSD = dashboardsLine.complete ? toCents(dashboardsLine.totalUsd) : null;
  const logsUSD = logs.every((cost) => cost !== null) ? sumCents(logs as string[]) : null;
  const pricedParts = [
    metricsUSD ?? pricedPart(pricing),
    dashboardsUSD ?? '0.00',
    sumCents(logs.filter((cost) => cost !== null)),
    otlpTotal?.monthlyUSD ?? '0.00',
  ];
  const pricedMonthlyUSD = sumCents(pricedParts);
  const complete = metricsUSD !== null && dashboardsUSD !== null && logsUSD !== null && (otlpTotal === undefined || otlpTotal.monthlyUSD !== null);
  const context: RuleContext = {
    metrics,
    collectors: inputs.collectors.map((collector) => collector.facts),
    dashboards: inputs.dashboards,
    missingReads,
    allowList: inputs.allowList,
    coster,
    totalMonthlyUSD: complete ? new Decimal(pricedMonthlyUSD) : null,
    pricedMonthlyUSD: new Decimal(pricedMonthlyUSD),
    budgetUSD: inputs.budgetUSD,
    usageSources: inputs.usageSources ?? [],
  };
  const unread = metrics.filter((metric) => isUnread(context, metric, 'unused-metric'));
  const problems: ReportProblem[] = [
    ...(inputs.problems ?? []),
    ...inputs.usage.problems.map((problem) => ({
      where: [problem.source.file ?? `${problem.source.kind} ${problem.source.name}`, problem.source.path].filter(Boolean).join(': '),
      message: problem.message,
    })),
    ...(inputs.allowList?.expired ?? []).map((entry) => ({
      where: `${inputs.allowList!.file}${entry.line === undefined ? '' : `:${entry.line}`}`,
      message: `allow-list entry for ${entry.namespace} ${entry.metricName ?? '*'} expired on ${entry.expires}; it no longer applies`,
    })),
    ...unpriced.list().map((charge) => ({
      where: `prices ${charge.region}`,
      message: `${charge.charge} price unknown in ${charge.region} (${formatCount(charge.quantity, 3)} ${charge.unit} unpriced, left out of the total): ${charge.fix}`,
    })),
  ];
  const collectorMetrics = inputs.collectors.map((collector) => metrics.filter((metric) => metric.collector === collector.facts.config));
  const collectorUSD = splitCents(metricsUSD, collectorMetrics.map((own) => coster.monthlyUSD(own)));
  const whatIf = otlpEquivalent.find((cost) => cost?.price.status === 'unknown');
  if (whatIf?.price.status === 'unknown' && !otlp.some((cost) => cost?.price.status === 'unknown')) {
    problems.push({ where: 'prices', message: `OTLP ingestion price (CW:OTEL:Bytes) unknown: ${whatIf.price.reason}; the "if over OTLP" costs are unknown; to price them: ${whatIf.price.fix}` });
  }
  const report: CostReport = {
    schemaVersion: COST_REPORT_SCHEMA_VERSION,
    regions: [...pricing.keys(), inputs.dashboardsRegion].filter((region, index, all) => all.indexOf(region) === index).sort(compareStrings),
    prices: [...new Set([...pricing.keys(), inputs.dashboardsRegion])].sort(compareStrings).map((region) => {
      const table = priceTable(inputs, region);
      return { region, source: table.source, date: table.date, file: table.file };
    }),
    freeTier: inputs.freeTier === true,
    assumptions: inputs.assumptions,
    totals: {
      customMetrics: metrics.length,
      monthlyUSD: complete ? pricedMonthlyUSD : null,
      pricedMonthlyUSD,
      complete,
      unpriced: unpriced.list(),
      customMetricsMonthlyUSD: metricsUSD,
      dashboards: inputs.dashboards.length,
      dashboardsMonthlyUSD: dashboardsUSD,
      emfLogsMonthlyUSD: logsUSD,
      ...(otlpTotal ? { otlp: otlpTotal } : {}),
      unusedMetrics: unread.length,
      unusedMonthlyUSD: usd(coster.savingUSD(unread)),
      fixSavingUSD: null, // withFixes
    },
    usage: {
      dashboards: inputs.dashboards.length,
      alarms: inputs.alarms,
      reads: inputs.usage.reads.length,
      allowListEntries: inputs.allowList?.active.length ?? 0,
      sources: (inputs.usageSources ?? []).map(({ label, given, summary }) => ({ label, given, summary })),
    },
    metrics: metrics.map((metric) => metricStatus(metric, context)),
    collectors: inputs.collectors.map((collector, index) => ({
      config: collector.facts.config,
      region: collector.region.region,
      regionRule: collector.region.rule,
      scrape: collector.scrape,
      metrics: collectorMetrics[index]!.length,
      monthlyUSD: collectorUSD[index]!,
      emfLogsGBPerMonth: collector.emfLogs ? new Decimal(collector.emfLogs.bytesPerMonth).div(BYTES_PER_GB).toNumber() : 0,
      emfLogsMonthlyUSD: logs[index]!,
      unreadMetrics: collectorMetrics[index]!.filter((metric) => isUnread(context, metric, 'unused-metric')).length,
      fix: undefined, // withFixes
      ...(otlp[index] ? { otlp: { ...otlp[index], ...(collector.otlpSeries && collector.otlp ? otlpUsage(collector.otlpSeries, collector.otlp, inputs.usage) : {}) } } : {}),
      // A dual-write collector already sends the same series over OTLP: its `otlp` is the comparison.
      ...(otlpEquivalent[index] && !collector.otlp ? { otlpEquivalent: otlpEquivalent[index] } : {}),
      ...(collector.containerInsights ? { containerInsights: regionalContainerInsights(collector, inputs) } : {}),
    })),
    costByNamespace: buckets(metrics, context, metricsUSD, (metric) => [metric.identity.namespace]),
    costByMetric: buckets(metrics, context, metricsUSD, (metric) => [`${metric.identity.namespace} ${metric.identity.metricName}`]),
    costByLabel: buckets(metrics, context, null, (metric) => Object.keys(metric.identity.dimensions)),
    ...(inputs.owners && inputs.owners.length > 0
      ? { costByOwner: buckets(metrics, context, metricsUSD, (metric) => [ownerOf(metric.identity, inputs.owners!)]) }
      : {}),
    findings: runRules(context, inputs.rules),
    rules: ruleDescriptors(inputs.rules),
    problems,
    ...(inputs.migrationPlan ? { migrationPlan: planOf(inputs, metrics) } : {}),
  };
  return withFixes(report, inputs.collectors.map((collector) => collector.fix));
}

/**
 * The report with each collector's fix and what the fixes save together. Nothing else in the report depends on the
 * fixes, so a caller can build the report first and add them once they are worked out (on a second thread meanwhile).
 */
export function withFixes(report: CostReport, fixes: readonly (FixSummary | undefined)[]): CostReport {
  const savings = fixes.map((fix) => (fix ? fixSaving(fix) : '0.00'));
  return {
    ...report,
    totals: { ...report.totals, fixSavingUSD: savings.every((saving) => saving !== null) ? sumCents(savings as string[]) : null },
    collectors: report.collectors.map((collector, index) => ({ ...collector, fix: fixes[index] })),
  };
}

/** The custom metrics of one region: tiers are account-wide per region, so each region is priced on its own total. */
interface RegionPricing {
  readonly prices: PriceTable;
  readonly months: number;
  readonly line: CostLine;
  readonly freeTier: boolean;
}

function regionPricing(inputs: CostReportInputs, metrics: readonly AnalyzedMetric[]): Map<string, RegionPricing> {
  const regions = [...new Set(inputs.collectors.map((collector) => collector.region.region))].sort(compareStrings);
  const pricing = new Map<string, RegionPricing>();
  for (const region of regions) {
    const months = sumMonths(metrics.filter((metric) => metric.region === region));
    const prices = priceTable(inputs, region);
    const freeTier = inputs.freeTier === true && region === inputs.dashboardsRegion;
    pricing.set(region, { prices, months, line: customMetricsMonthlyCost(months, prices, { freeTier }), freeTier });
  }
  return pricing;
}

function costerOf(pricing: ReadonlyMap<string, RegionPricing>, inputs: CostReportInputs): Coster {
  const perRegion = (metrics: readonly AnalyzedMetric[], price: (region: RegionPricing, months: number) => Decimal | null): Decimal | null => {
    const parts: (Decimal | null)[] = [];
    // Usually every metric is in one region: priced as one group, without grouping.
    const only = metrics[0]?.region;
    const groups = metrics.every((metric) => metric.region === only) ? (only === undefined ? [] : [[only, metrics] as const]) : groupBy(metrics, (metric) => metric.region);
    for (const [region, group] of groups) {
      const regional = pricing.get(region);
      parts.push(regional === undefined ? null : price(regional, sumMonths(group)));
    }
    return sumKnown(parts);
  };
  return {
    monthlyUSD: (metrics) =>
      perRegion(metrics, (region, months) =>
        region.line.status !== 'priced' ? null : region.months === 0 ? new Decimal(0) : new Decimal(region.line.usd).times(months).div(region.months),
      ),
    savingUSD: (metrics) =>
      perRegion(metrics, (region, months) => {
        const line = customMetricsSaving(months, region.months, region.prices, { freeTier: region.freeTier });
        return line.status === 'priced' ? new Decimal(line.usd) : null;
      }),
    dashboardsUSD: (count) => {
      const breakdown = estimateMonthlyCost({ dashboards: count }, priceTable(inputs, inputs.dashboardsRegion));
      return breakdown.complete ? new Decimal(breakdown.totalUsd) : null;
    },
  };
}

function priceTable(inputs: CostReportInputs, region: string): PriceTable {
  const table = inputs.prices.get(region);
  if (table === undefined) throw new Error(`no price table loaded for ${region}`);
  return table;
}

/** Ingestion + storage of one collector's EMF in its region, rounded once; null (and listed) when a price is unknown. */
function emfLogsCost(collector: CollectorInputs, inputs: CostReportInputs, unpriced: Unpriced): string | null {
  if (!collector.emfLogs) return '0.00';
  const region = collector.region.region;
  const breakdown = estimateMonthlyCost(emfLogUsage(collector.emfLogs), priceTable(inputs, region), {
    freeTier: inputs.freeTier === true && region === inputs.dashboardsRegion,
  });
  for (const line of breakdown.lines) if (line.status === 'unknown') unpriced.add(line, region);
  return breakdown.complete ? toCents(breakdown.totalUsd) : null;
}

/** What a fix saves: before minus after, both already in cents. */
function fixSaving(fix: FixSummary): string | null {
  return fix.before.monthlyUSD === null || fix.after.monthlyUSD === null ? null : new Decimal(fix.before.monthlyUSD).minus(fix.after.monthlyUSD).toFixed(2);
}

/** The priced regions' custom metrics, when some region is not priced (the lower bound in `pricedMonthlyUSD`). */
function pricedPart(pricing: ReadonlyMap<string, RegionPricing>): string {
  return toCents([...pricing.values()].reduce((sum, region) => (region.line.status === 'priced' ? sum.plus(region.line.usd) : sum), new Decimal(0)));
}

function sumKnown(parts: readonly (Decimal | null)[]): Decimal | null {
  let sum = new Decimal(0);
  for (const part of parts) {
    if (part === null) return null;
    sum = sum.plus(part);
  }
  return sum;
}

function planOf(inputs: CostReportInputs, metrics: readonly AnalyzedMetric[]) {
  const types = Object.assign({}, ...inputs.collectors.map((collector) => collector.otlpMetricTypes ?? {})) as Record<string, OtlpSeries['type']>;
  return migrationPlan(inputs.usage.reads, metrics.map((metric) => metric.identity), types);
}

/**
 * Parts of a total as cents that add up to the total exactly (largest remainders); all unknown when the total is.
 * A part that is unknown on its own (its region has no price) stays unknown.
 */
function splitCents(total: string | null, exactParts: readonly (Decimal | null)[]): (string | null)[] {
  if (total === null) return exactParts.map((part) => usd(part));
  const known = exactParts.filter((part): part is Decimal => part !== null);
  const { parts } = allocateCents(known);
  let next = 0;
  return exactParts.map((part) => (part === null ? null : parts[next++]!));
}

/** Unpriced charges, merged per charge and region, in a stable order. */
class Unpriced {
  private readonly charges = new Map<string, UnpricedCharge>();

  add(line: UnpricedLine, region: string): void {
    const key = `${region}\u0000${line.title}`;
    const before = this.charges.get(key);
    const quantity = new Decimal(before?.quantity ?? 0).plus(line.quantity).toNumber();
    this.charges.set(key, { charge: line.title, region, quantity, unit: line.quantityUnit, fix: line.fix });
  }

  list(): UnpricedCharge[] {
    return [...this.charges.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, charge]) => charge);
  }
}


/**
 * Each distinct identity once per region (two collectors sending the same metric to one region pay for it once), with its readers, and the
 * reads that found nothing, limited to namespaces the collectors produce: an AWS/EC2 graph is not ours to judge.
 */
function analyzeMetrics(inputs: CostReportInputs): { metrics: AnalyzedMetric[]; missingReads: MetricRead[] } {
  const seen = new Set<string>();
  const analyzed: AnalyzedMetric[] = [];
  const matched = new Set<MetricRead>();
  // One collector's metrics are distinct already (a prediction's identities, or ListMetrics' deduplicated).
  const overlapping = inputs.collectors.length > 1;
  for (const collector of inputs.collectors) {
    for (const metric of collector.metrics) {
      if (overlapping) {
        // A metric is per region: the same identity sent to two regions is two metrics, billed twice.
        const key = `${collector.region.region}\u0000${metricKey(metric.identity)}`;
        if (seen.has(key)) continue;
        seen.add(key);
      }
      const reads = inputs.usage.readsOf(metric.identity);
      for (const read of reads) matched.add(read);
      analyzed.push({
        identity: metric.identity,
        metricMonths: metric.metricMonths ?? 1,
        collector: collector.facts.config,
        region: collector.region.region,
        rollup: metric.rollup ?? false,
        readers: readSources(reads),
        // The consoles read every metric of their namespaces by design: a reader, not a guess.
        wildcardOnly: reads.length > 0 && reads.every((read) => isWildcardRead(read) && read.source.kind !== 'console'),
      });
    }
  }
  const metrics = analyzed.sort((a, b) => compareMetricIdentities(a.identity, b.identity));
  const namespaces = new Set(metrics.map((metric) => metric.identity.namespace));
  const judged = new Set(['dashboard', 'alarm', 'grafana']);
  const missingReads = inputs.usage.reads.filter((read) => {
    const { namespace } = pinnedNames(read);
    return !matched.has(read) && judged.has(read.source.kind) && namespace !== undefined && namespaces.has(namespace);
  });
  return { metrics, missingReads: [...missingReads, ...missingPromQLReads(inputs, judged)] };
}

/**
 * PromQL reads that find none of the OTLP series the collectors send, limited to services they send
 * (`@resource.service.name`, the scrape job): another team's service is not ours to judge.
 */
function missingPromQLReads(inputs: CostReportInputs, judged: ReadonlySet<string>): MetricRead[] {
  const series = inputs.collectors.flatMap((collector) => collector.otlpSeries ?? []);
  const services = new Set(series.map((one) => one.labels[SERVICE_LABEL]).filter((name) => name !== undefined));
  return inputs.usage.reads.filter((read) => {
    if (read.kind !== 'promql' || !judged.has(read.source.kind)) return false;
    const service = read.selector.matchers.find((matcher) => matcher.label === SERVICE_LABEL && matcher.operator === '=');
    return service !== undefined && services.has(service.value) && !series.some((one) => promqlMatchesSeries(read.selector, one));
  });
}

const SERVICE_LABEL = '@resource.service.name';

function metricStatus(metric: AnalyzedMetric, context: RuleContext): MetricStatus {
  const { namespace, metricName, dimensions } = normalizeMetricIdentity(metric.identity);
  const status: MetricStatus['status'] =
    metric.readers.length === 0 ? (isAllowListed(context, metric, 'unused-metric') ? 'allow-listed' : 'unread') : metric.wildcardOnly ? 'read-by-wildcard' : 'read';
  return { namespace, metricName, dimensions, collector: metric.collector, status, readers: metric.readers.length === 0 ? [] : metric.readers.map(evidenceOf) };
}

/** A collector's Container Insights modes priced in its own region. */
function regionalContainerInsights(collector: CollectorInputs, inputs: CostReportInputs) {
  const region = collector.region.region;
  return containerInsightsCost(collector.containerInsights!, priceTable(inputs, region), inputs.freeTier === true && region === inputs.dashboardsRegion);
}

/** A collector's OTLP volume priced in its own region (the free tier only where it is taken). */
function collectorOtlp(collector: CollectorInputs, volume: OtlpVolume, inputs: CostReportInputs): OtlpCost {
  const region = collector.region.region;
  return otlpCost(volume, priceTable(inputs, region), inputs.freeTier === true && region === inputs.dashboardsRegion);
}

/** Every collector's OTLP export together: volumes added, costs (already cents) added, unknown if any is. */
function sumOtlp(costs: readonly OtlpCost[]): OtlpCost | undefined {
  if (costs.length === 0) return undefined;
  const add = (key: 'series' | 'dataPointsPerMonth' | 'bytesPerMonth' | 'gbPerMonth') => costs.reduce((total, cost) => total.plus(cost[key]), new Decimal(0)).toNumber();
  const known = costs.every((cost) => cost.monthlyUSD !== null);
  return {
    series: add('series'),
    dataPointsPerMonth: add('dataPointsPerMonth'),
    bytesPerMonth: add('bytesPerMonth'),
    gbPerMonth: add('gbPerMonth'),
    monthlyUSD: known ? sumCents(costs.map((cost) => cost.monthlyUSD!)) : null,
    price: costs.find((cost) => cost.price.status === 'unknown')?.price ?? costs[0]!.price,
  };
}

/**
 * Cost per bucket, largest first (name breaks ties), for the report's charts and tables. When the buckets partition
 * the metrics (`total` given), their cents add up to the total exactly.
 */
function buckets(metrics: readonly AnalyzedMetric[], context: RuleContext, total: string | null, keys: (metric: AnalyzedMetric) => string[]): CostBucket[] {
  const groups = new Map<string, AnalyzedMetric[]>();
  for (const metric of metrics) {
    for (const key of keys(metric)) {
      const group = groups.get(key);
      if (group) group.push(metric);
      else groups.set(key, [metric]);
    }
  }
  const entries = [...groups.entries()];
  const exact = entries.map(([, group]) => context.coster.monthlyUSD(group));
  const amounts = total === null ? exact.map((amount) => usd(amount)) : splitCents(total, exact);
  return entries
    .map(([name, group], index) => ({
      name,
      metrics: group.length,
      monthlyUSD: amounts[index]!,
      unreadMetrics: group.filter((metric) => isUnread(context, metric, 'unused-metric')).length,
    }))
    .sort((a, b) => compareAmounts(a.monthlyUSD, b.monthlyUSD) || compareStrings(a.name, b.name));
}

/** Larger first; unknown amounts last. */
function compareAmounts(a: string | null, b: string | null): number {
  if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0);
  return new Decimal(b).comparedTo(a);
}
