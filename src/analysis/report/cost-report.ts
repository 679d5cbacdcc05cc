/**
 * The one versioned report object every output renders (one model, many renderers): built once by
 * `buildCostReport`, rendered by `outputs/report-*.ts`, and read back from JSON for baselines. Bump
 * COST_REPORT_SCHEMA_VERSION on any change a reader of the JSON would notice; the README documents the fields.
 */
import type { MetricIdentity } from '../../model/metric-identity.js';
import type { UsageEvidence } from '../usage/usage-rows.js';
import type { Usd } from '../cost/money.js';
import type { ContainerInsightsCost, OtlpCost } from './otlp-cost.js';
import type { MigrationPlan } from '../migration/plan.js';

export type { ContainerInsightsCost, OtlpCost } from './otlp-cost.js';
export type { MigrationItem, MigrationPlan } from '../migration/plan.js';
export type { Usd };

/**
 * 2: collectors and totals carry the OpenTelemetry path's cost (`otlp`, `otlpEquivalent`, `totals.otlp`); `migrationPlan`.
 * 3: money as decimal strings rounded once to the cent (`null` when unknown), per-region prices (`regions`, `prices`
 * as a list, `region` per collector), `totals.complete`/`pricedMonthlyUSD`/`unpriced`, paths relative to the project
 * root; organisation-wide runs: `targets`, `costByTarget`, `costByOwner` and a `target` on collectors, metrics and
 * findings.
 */
export const COST_REPORT_SCHEMA_VERSION = 3;

export type Severity = 'error' | 'warning' | 'note';

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { note: 0, warning: 1, error: 2 };

export interface FindingLocation {
  /** Relative to the project root (see `projectRoot`), with `/` separators, so SARIF and baselines are portable. */
  readonly file: string;
  readonly line?: number | undefined;
  readonly column?: number | undefined;
  /** JSON pointer or dotted YAML path inside the file. */
  readonly path?: string | undefined;
}

export interface Finding {
  /** Stable rule id (`unused-metric`): SARIF ruleId, baseline key and allow-list key. */
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  /** The metrics involved, sorted. */
  readonly metrics: readonly MetricIdentity[];
  /** What the involved metrics cost per month; null when a price they need is unknown. */
  readonly monthlyUSD: Usd;
  /** What applying `fix` saves per month ("0.00" when the fix saves nothing, e.g. a missing metric). */
  readonly savingUSD: Usd;
  readonly fix: string;
  readonly location?: FindingLocation | undefined;
  /**
   * Identity of the finding that survives cost and count changes (rule + subject), for baselines and SARIF
   * partialFingerprints: the same problem keeps its fingerprint when the scrape grows.
   */
  readonly fingerprint: string;
  /** The account and region (`name/region`) it was found in, in organisation-wide reports. */
  readonly target?: string | undefined;
}

export interface CostBucket {
  readonly name: string;
  readonly metrics: number;
  readonly monthlyUSD: Usd;
  readonly unreadMetrics: number;
}

export interface CollectorReport {
  readonly config: string;
  /** The region its metrics are sent to and priced in, and the rule that chose it. */
  readonly region: string;
  readonly regionRule: string;
  readonly scrape?: string | undefined;
  readonly metrics: number;
  /** Custom metrics of this collector, per month (the collectors' amounts add up to the total's). */
  readonly monthlyUSD: Usd;
  /** EMF bytes ingested into CloudWatch Logs per month, in GB (2^30 bytes, as AWS bills), and their ingestion + storage cost. */
  readonly emfLogsGBPerMonth: number;
  readonly emfLogsMonthlyUSD: Usd;
  readonly unreadMetrics: number;
  /** The generated fix for this collector, when one was computed. */
  readonly fix?: FixSummary | undefined;
  /** What the collector's OTLP export to CloudWatch costs (ingestion per GB), beside the Classic figures above. */
  readonly otlp?: OtlpCost | undefined;
  /** For an awsemf collector: the same series over OTLP instead (the Classic-vs-OTLP trade). */
  readonly otlpEquivalent?: OtlpCost | undefined;
  /** With a cluster inventory: what the cluster's Container Insights would cost in modes B and C. */
  readonly containerInsights?: ContainerInsightsCost | undefined;
  /** The account and region (`name/region`) whose metrics these are, in organisation-wide reports. */
  readonly target?: string | undefined;
}

/** One account and region of an organisation-wide run, read or not. */
export interface ReportTarget {
  /** `name/region`. */
  readonly key: string;
  readonly name: string;
  readonly accountId?: string | undefined;
  readonly region: string;
  readonly status: 'ok' | 'failed';
  /** Why it could not be read, and the IAM action it lacked when AWS said which. */
  readonly failure?: { readonly message: string; readonly fix?: string | undefined; readonly missingAction?: string | undefined } | undefined;
}

/** What one account and region costs, in organisation-wide reports. */
export interface TargetCost extends CostBucket {
  readonly accountId?: string | undefined;
  readonly region: string;
  readonly unreadMonthlyUSD: Usd;
}

export interface FixSummary {
  /** The file the fix was written to; undefined when only computed (no --write-fix). */
  readonly file?: string | undefined;
  readonly exporter: string;
  readonly before: { readonly metrics: number; readonly monthlyUSD: Usd };
  readonly after: { readonly metrics: number; readonly monthlyUSD: Usd };
  /** Read metrics that the fixed config no longer produces (should be empty; explained when not). */
  readonly lostReads: readonly MetricIdentity[];
  readonly notes: readonly string[];
}

/** Who reads one metric: `read`, `read-by-wildcard` (only patterns match it), `allow-listed` or `unread`. */
export interface MetricStatus {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: Readonly<Record<string, string>>;
  readonly collector: string;
  readonly status: 'read' | 'read-by-wildcard' | 'allow-listed' | 'unread';
  /** Who reads it: the same evidence `cwdash usage` prints. */
  readonly readers: readonly UsageEvidence[];
  /** The account and region (`name/region`) it is billed in, in organisation-wide reports. */
  readonly target?: string | undefined;
}

export interface UsageSourceSummary {
  readonly label: string;
  readonly given: boolean;
  readonly summary: string;
}

export interface RuleDescriptor {
  readonly id: string;
  readonly severity: Severity;
  readonly description: string;
  readonly enabled: boolean;
}

export interface ReportProblem {
  readonly where: string;
  readonly message: string;
}

/** A charge with no known price: what is missing, so "incomplete" says what and how to get it. */
export interface UnpricedCharge {
  readonly charge: string;
  readonly region: string;
  readonly quantity: number;
  readonly unit: string;
  readonly fix: string;
}

export interface PriceTableUsed {
  readonly region: string;
  readonly source: string;
  readonly date: string;
  readonly file: string;
}

export interface CostReport {
  readonly schemaVersion: typeof COST_REPORT_SCHEMA_VERSION;
  /** Every region priced, sorted. */
  readonly regions: readonly string[];
  /** The price table of each region, sorted by region. */
  readonly prices: readonly PriceTableUsed[];
  /** Whether the account-wide free tier is subtracted (once, in the first region of `regions`). */
  readonly freeTier: boolean;
  /** Every input a number depends on, in words a reader can check: collector version, replicas, scrape interval... */
  readonly assumptions: readonly string[];
  readonly totals: {
    readonly customMetrics: number;
    /** customMetrics + dashboards + emfLogs, exactly; null when any of them is unknown (see `unpriced`). */
    readonly monthlyUSD: Usd;
    /** The sum of the parts whose price is known: the total when `complete`, a lower bound otherwise. */
    readonly pricedMonthlyUSD: string;
    readonly complete: boolean;
    readonly unpriced: readonly UnpricedCharge[];
    readonly customMetricsMonthlyUSD: Usd;
    readonly dashboards: number;
    readonly dashboardsMonthlyUSD: Usd;
    /** EMF log ingestion and storage (the other two ways EMF is billed). */
    readonly emfLogsMonthlyUSD: Usd;
    /** Every collector's OTLP export together (in `monthlyUSD`; unknown, and listed in `unpriced`, when its price is). */
    readonly otlp?: OtlpCost | undefined;
    readonly unusedMetrics: number;
    readonly unusedMonthlyUSD: Usd;
    /** The sum over collectors of what their generated fix saves. */
    readonly fixSavingUSD: Usd;
  };
  readonly usage: {
    readonly dashboards: number;
    readonly alarms: number;
    readonly reads: number;
    readonly allowListEntries: number;
    /** Every usage source, given or not: what "unread" rests on. */
    readonly sources: readonly UsageSourceSummary[];
  };
  /** Every metric with its status and readers, sorted by identity. */
  readonly metrics: readonly MetricStatus[];
  readonly collectors: readonly CollectorReport[];
  readonly costByNamespace: readonly CostBucket[];
  readonly costByMetric: readonly CostBucket[];
  /** Per dimension (label) name: the metrics that carry it. */
  readonly costByLabel: readonly CostBucket[];
  /** Per team of the project config's `owners` rules (`(no owner)` for the rest), when rules are given. */
  readonly costByOwner?: readonly CostBucket[] | undefined;
  /** Per account and region, in organisation-wide reports. */
  readonly costByTarget?: readonly TargetCost[] | undefined;
  /** Every account and region an organisation-wide report covers, the failed ones with the reason. */
  readonly targets?: readonly ReportTarget[] | undefined;
  readonly findings: readonly Finding[];
  /** Every rule in force (SARIF `tool.driver.rules`, the report's legend). */
  readonly rules: readonly RuleDescriptor[];
  /** Inputs that could not be read in part (a malformed dashboard row, an expired allow-list entry...). */
  readonly problems: readonly ReportProblem[];
  /** `--migration-plan`: the consumers of Classic metrics that need a PromQL rewrite. */
  readonly migrationPlan?: MigrationPlan | undefined;
}
