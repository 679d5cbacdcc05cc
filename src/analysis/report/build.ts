/**
 * Builds the CostReport once from already-loaded inputs: the metrics each collector creates (predicted, or listed from
 * the account), who reads them, the prices, and the rules. Pure: no file or network access, so it is tested directly.
 */
import { compareMetricIdentities, metricKey, normalizeMetricIdentity, type MetricIdentity } from '../../model/metric-identity.js';
import type { PriceTable } from '../../sources/price-list/prices.js';
import { compareStrings } from '../../shared/json.js';
import { customMetricsMonthlyCost, customMetricsSaving, estimateMonthlyCost } from '../cost/model.js';
import { emfLogUsage } from '../cost/emf-logs.js';
import { BYTES_PER_GB, Decimal } from '../cost/money.js';
import type { AnalyzedMetric, CollectorFacts, Coster, DashboardFacts, RuleContext } from '../rules/context.js';
import { isAllowListed, isUnread, sumMonths } from '../rules/context.js';
import { ruleDescriptors, runRules } from '../rules/engine.js';
import type { RuleSet } from '../rules/rule-file.js';
import type { AllowList } from '../usage/allow-list.js';
import { isWildcardRead, type MetricRead } from '../usage/metric-read.js';
import { promqlMatchesSeries } from '../usage/promql-selector.js';
import type { ConsultedSource } from '../usage/usage-source.js';
import { pinnedNames, readSources, type UsageIndex } from '../usage/usage-index.js';
import type { OtlpSeries, OtlpVolume } from '../../model/otlp-prediction.js';
import { migrationPlan } from '../migration/plan.js';
import { containerInsightsCost, otlpCost } from './otlp-cost.js';
import { otlpUsage } from './otlp-usage.js';
import type { ContainerInsightsModes } from '../../model/container-insights-modes.js';
import { COST_REPORT_SCHEMA_VERSION, type CollectorReport, type CostBucket, type CostReport, type FixSummary, type MetricStatus, type ReportProblem } from './cost-report.js';

export interface MetricInput {
  readonly identity: MetricIdentity;
  /** @default 1 (data every hour of the month) */
  readonly metricMonths?: number | undefined;
  /** @default false */
  readonly rollup?: boolean | undefined;
}

export interface CollectorInputs {
  readonly facts: CollectorFacts;
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
  readonly prices: PriceTable;
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
}

export function buildCostReport(inputs: CostReportInputs): CostReport {
  const { metrics, missingReads } = analyzeMetrics(inputs);
  const totalMonths = sumMonths(metrics);
  const freeTier = inputs.freeTier === true;
  const metricsLine = customMetricsMonthlyCost(totalMonths, inputs.prices, { freeTier });
  const metricsUSD = metricsLine.status === 'priced' ? metricsLine.usd : 0;
  const dashboardsUSD = (count: number) => estimateMonthlyCost({ dashboards: count }, inputs.prices).totalUsd;
  const coster: Coster = {
    monthlyUSD: (months) => (totalMonths === 0 ? 0 : new Decimal(metricsUSD).times(months).div(totalMonths).toNumber()),
    savingUSD: (months) => {
      const line = customMetricsSaving(months, totalMonths, inputs.prices, { freeTier });
      return line.status === 'priced' ? line.usd : 0;
    },
    dashboardsUSD,
  };
  const allDashboardsUSD = estimateMonthlyCost({ dashboards: inputs.dashboards.length }, inputs.prices, { freeTier }).totalUsd;
  const logsUSD = (collector: CollectorInputs) =>
    collector.emfLogs ? estimateMonthlyCost(emfLogUsage(collector.emfLogs), inputs.prices, { freeTier }).totalUsd : 0;
  const emfLogsUSD = inputs.collectors.reduce((sum, collector) => sum.plus(logsUSD(collector)), new Decimal(0)).toNumber();
  const otlpVolumes = inputs.collectors.flatMap((collector) => (collector.otlp ? [collector.otlp] : []));
  const otlpTotal = otlpVolumes.length === 0 ? undefined : otlpCost(sumVolumes(otlpVolumes), inputs.prices, freeTier);
  const totalMonthlyUSD = new Decimal(metricsUSD).plus(allDashboardsUSD).plus(emfLogsUSD).plus(otlpTotal?.monthlyUSD ?? 0).toNumber();
  const context: RuleContext = {
    metrics,
    collectors: inputs.collectors.map((collector) => collector.facts),
    dashboards: inputs.dashboards,
    missingReads,
    allowList: inputs.allowList,
    coster,
    totalMonthlyUSD,
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
  ];
  if (metricsLine.status === 'unknown') problems.push({ where: inputs.prices.file, message: `custom metric price unknown: ${metricsLine.reason}` });
  const otlpPrice = inputs.prices.prices.otelIngestion;
  if (otlpPrice.status === 'unknown' && inputs.collectors.some((collector) => collector.otlp || collector.otlpEquivalent)) {
    problems.push({ where: inputs.prices.file, message: `OTLP ingestion price (CW:OTEL:Bytes) unknown: ${otlpPrice.reason}; OTLP costs are left out of totals; to price them: ${otlpPrice.fix}` });
  }
  return {
    schemaVersion: COST_REPORT_SCHEMA_VERSION,
    region: inputs.prices.region,
    prices: { source: inputs.prices.source, date: inputs.prices.date, file: inputs.prices.file, freeTier },
    assumptions: inputs.assumptions,
    totals: {
      customMetrics: metrics.length,
      monthlyUSD: totalMonthlyUSD,
      customMetricsMonthlyUSD: metricsUSD,
      dashboards: inputs.dashboards.length,
      dashboardsMonthlyUSD: allDashboardsUSD,
      emfLogsMonthlyUSD: emfLogsUSD,
      ...(otlpTotal ? { otlp: otlpTotal } : {}),
      unusedMetrics: unread.length,
      unusedMonthlyUSD: coster.savingUSD(sumMonths(unread)),
      fixSavingUSD: inputs.collectors
        .reduce((sum, collector) => (collector.fix ? sum.plus(collector.fix.before.monthlyUSD).minus(collector.fix.after.monthlyUSD) : sum), new Decimal(0))
        .toNumber(),
    },
    usage: {
      dashboards: inputs.dashboards.length,
      alarms: inputs.alarms,
      reads: inputs.usage.reads.length,
      allowListEntries: inputs.allowList?.active.length ?? 0,
      sources: (inputs.usageSources ?? []).map(({ label, given, summary }) => ({ label, given, summary })),
    },
    metrics: metrics.map((metric) => metricStatus(metric, context)),
    collectors: inputs.collectors.map((collector) => ({
      ...collectorReport(collector, metrics, context, logsUSD(collector)),
      ...(collector.otlp
        ? { otlp: { ...otlpCost(collector.otlp, inputs.prices, freeTier), ...(collector.otlpSeries ? otlpUsage(collector.otlpSeries, collector.otlp, inputs.usage) : {}) } }
        : {}),
      ...(collector.otlpEquivalent ? { otlpEquivalent: otlpCost(collector.otlpEquivalent, inputs.prices, freeTier) } : {}),
      ...(collector.containerInsights ? { containerInsights: containerInsightsCost(collector.containerInsights, inputs.prices, freeTier) } : {}),
    })),
    costByNamespace: buckets(metrics, context, (metric) => [metric.identity.namespace]),
    costByMetric: buckets(metrics, context, (metric) => [`${metric.identity.namespace} ${metric.identity.metricName}`]),
    costByLabel: buckets(metrics, context, (metric) => Object.keys(metric.identity.dimensions)),
    findings: runRules(context, inputs.rules),
    rules: ruleDescriptors(inputs.rules),
    problems,
    ...(inputs.migrationPlan ? { migrationPlan: planOf(inputs, metrics) } : {}),
  };
}

function planOf(inputs: CostReportInputs, metrics: readonly AnalyzedMetric[]) {
  const types = Object.assign({}, ...inputs.collectors.map((collector) => collector.otlpMetricTypes ?? {})) as Record<string, OtlpSeries['type']>;
  return migrationPlan(inputs.usage.reads, metrics.map((metric) => metric.identity), types);
}

/**
 * Each distinct identity once (two collectors sending the same metric pay for it once), with its readers, and the
 * reads that found nothing, limited to namespaces the collectors produce: an AWS/EC2 graph is not ours to judge.
 */
function analyzeMetrics(inputs: CostReportInputs): { metrics: AnalyzedMetric[]; missingReads: MetricRead[] } {
  const seen = new Map<string, AnalyzedMetric>();
  const matched = new Set<MetricRead>();
  for (const collector of inputs.collectors) {
    for (const metric of collector.metrics) {
      const key = metricKey(metric.identity);
      if (seen.has(key)) continue;
      const reads = inputs.usage.readsOf(metric.identity);
      for (const read of reads) matched.add(read);
      seen.set(key, {
        identity: metric.identity,
        metricMonths: metric.metricMonths ?? 1,
        collector: collector.facts.config,
        rollup: metric.rollup ?? false,
        readers: readSources(reads),
        // The consoles read every metric of their namespaces by design: a reader, not a guess.
        wildcardOnly: reads.length > 0 && reads.every((read) => isWildcardRead(read) && read.source.kind !== 'console'),
      });
    }
  }
  const metrics = [...seen.values()].sort((a, b) => compareMetricIdentities(a.identity, b.identity));
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
  const identity = normalizeMetricIdentity(metric.identity);
  const status: MetricStatus['status'] =
    metric.readers.length === 0 ? (isAllowListed(context, metric, 'unused-metric') ? 'allow-listed' : 'unread') : metric.wildcardOnly ? 'read-by-wildcard' : 'read';
  return {
    ...identity,
    collector: metric.collector,
    status,
    readers: metric.readers.map((reader) => ({
      source: reader.kind,
      name: reader.name,
      file: reader.file,
      where: reader.path,
      principal: reader.principal,
      lastSeen: reader.lastSeen,
      notes: reader.notes,
    })),
  };
}

function collectorReport(collector: CollectorInputs, metrics: readonly AnalyzedMetric[], context: RuleContext, emfLogsUSD: number): CollectorReport {
  const own = metrics.filter((metric) => metric.collector === collector.facts.config);
  return {
    config: collector.facts.config,
    scrape: collector.scrape,
    metrics: own.length,
    monthlyUSD: context.coster.monthlyUSD(sumMonths(own)),
    emfLogsGBPerMonth: collector.emfLogs ? new Decimal(collector.emfLogs.bytesPerMonth).div(BYTES_PER_GB).toNumber() : 0,
    emfLogsMonthlyUSD: emfLogsUSD,
    unreadMetrics: own.filter((metric) => isUnread(context, metric, 'unused-metric')).length,
    fix: collector.fix,
  };
}

function sumVolumes(volumes: readonly OtlpVolume[]): OtlpVolume {
  const sum = (key: 'series' | 'dataPointsPerScrape' | 'dataPointsPerMonth' | 'bytesPerScrape' | 'bytesPerMonth') => volumes.reduce((total, volume) => total + volume[key], 0);
  return {
    series: sum('series'), dataPointsPerScrape: sum('dataPointsPerScrape'), dataPointsPerMonth: sum('dataPointsPerMonth'),
    bytesPerScrape: sum('bytesPerScrape'), bytesPerMonth: sum('bytesPerMonth'), assumptions: [],
  };
}

/** Cost per bucket, largest first (name breaks ties), for the report's charts and tables. */
function buckets(metrics: readonly AnalyzedMetric[], context: RuleContext, keys: (metric: AnalyzedMetric) => string[]): CostBucket[] {
  const groups = new Map<string, AnalyzedMetric[]>();
  for (const metric of metrics) {
    for (const key of keys(metric)) {
      const group = groups.get(key);
      if (group) group.push(metric);
      else groups.set(key, [metric]);
    }
  }
  return [...groups.entries()]
    .map(([name, group]) => ({
      name,
      metrics: group.length,
      monthlyUSD: context.coster.monthlyUSD(sumMonths(group)),
      unreadMetrics: group.filter((metric) => isUnread(context, metric, 'unused-metric')).length,
    }))
    .sort((a, b) => b.monthlyUSD - a.monthlyUSD || compareStrings(a.name, b.name));
}
