/**
 * The one versioned report object every output renders (one model, many renderers): built once by
 * `buildCostReport`, rendered by `outputs/report-*.ts`, and read back from JSON for baselines. Bump
 * COST_REPORT_SCHEMA_VERSION on any change a reader of the JSON would notice; the README documents the fields.
 */
import type { MetricIdentity } from '../../model/metric-identity.js';
import type { ContainerInsightsCost, OtlpCost } from './otlp-cost.js';
import type { MigrationPlan } from '../migration/plan.js';

export type { ContainerInsightsCost, OtlpCost } from './otlp-cost.js';
export type { MigrationItem, MigrationPlan } from '../migration/plan.js';

/** 2: collectors and totals carry the OpenTelemetry path's cost (`otlp`, `otlpEquivalent`, `totals.otlp`); `migrationPlan`. */
export const COST_REPORT_SCHEMA_VERSION = 2;

export type Severity = 'error' | 'warning' | 'note';

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { note: 0, warning: 1, error: 2 };

export interface FindingLocation {
  /** Relative to the working directory, with `/` separators, so SARIF and baselines are portable. */
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
  /** What the involved metrics cost per month. */
  readonly monthlyUSD: number;
  /** What applying `fix` saves per month (0 when the fix saves nothing, e.g. a missing metric). */
  readonly savingUSD: number;
  readonly fix: string;
  readonly location?: FindingLocation | undefined;
  /**
   * Identity of the finding that survives cost and count changes (rule + subject), for baselines and SARIF
   * partialFingerprints: the same problem keeps its fingerprint when the scrape grows.
   */
  readonly fingerprint: string;
}

export interface CostBucket {
  readonly name: string;
  readonly metrics: number;
  readonly monthlyUSD: number;
  readonly unreadMetrics: number;
}

export interface CollectorReport {
  readonly config: string;
  readonly scrape?: string | undefined;
  readonly metrics: number;
  /** Custom metrics of this collector, per month. */
  readonly monthlyUSD: number;
  /** EMF bytes ingested into CloudWatch Logs per month, in GB (2^30 bytes), and their ingestion + storage cost. */
  readonly emfLogsGBPerMonth: number;
  readonly emfLogsMonthlyUSD: number;
  readonly unreadMetrics: number;
  /** The generated fix for this collector, when one was computed. */
  readonly fix?: FixSummary | undefined;
  /** What the collector's OTLP export to CloudWatch costs (ingestion per GB), beside the Classic figures above. */
  readonly otlp?: OtlpCost | undefined;
  /** For an awsemf collector: the same series over OTLP instead (the Classic-vs-OTLP trade). */
  readonly otlpEquivalent?: OtlpCost | undefined;
  /** With a cluster inventory: what the cluster's Container Insights would cost in modes B and C. */
  readonly containerInsights?: ContainerInsightsCost | undefined;
}

export interface FixSummary {
  /** The file the fix was written to; undefined when only computed (no --write-fix). */
  readonly file?: string | undefined;
  readonly exporter: string;
  readonly before: { readonly metrics: number; readonly monthlyUSD: number };
  readonly after: { readonly metrics: number; readonly monthlyUSD: number };
  /** Read metrics that the fixed config no longer produces (should be empty; explained when not). */
  readonly lostReads: readonly MetricIdentity[];
  readonly notes: readonly string[];
}

/** One reader of a metric, as the report shows it. */
export interface MetricReader {
  /** dashboard, alarm, grafana, cloudtrail, metric-stream, anomaly-detector, console. */
  readonly source: string;
  /** Dashboard / panel / alarm / stream name, or the principal for CloudTrail. */
  readonly name: string;
  readonly file?: string | undefined;
  /** JSON pointer of the row, target or query; the API name for CloudTrail. */
  readonly where?: string | undefined;
  readonly principal?: string | undefined;
  /** ISO time of the latest CloudTrail read. */
  readonly lastSeen?: string | undefined;
  /** What the read rests on when not written out (`$function: any value (...)`). */
  readonly notes?: readonly string[] | undefined;
}

/** Who reads one metric: `read`, `read-by-wildcard` (only patterns match it), `allow-listed` or `unread`. */
export interface MetricStatus {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: Readonly<Record<string, string>>;
  readonly collector: string;
  readonly status: 'read' | 'read-by-wildcard' | 'allow-listed' | 'unread';
  readonly readers: readonly MetricReader[];
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

export interface CostReport {
  readonly schemaVersion: typeof COST_REPORT_SCHEMA_VERSION;
  readonly region: string;
  readonly prices: { readonly source: string; readonly date: string; readonly file: string; readonly freeTier: boolean };
  /** Every input a number depends on, in words a reader can check: collector version, replicas, scrape interval... */
  readonly assumptions: readonly string[];
  readonly totals: {
    readonly customMetrics: number;
    readonly monthlyUSD: number;
    readonly customMetricsMonthlyUSD: number;
    readonly dashboards: number;
    readonly dashboardsMonthlyUSD: number;
    /** EMF log ingestion and storage (the other two ways EMF is billed). */
    readonly emfLogsMonthlyUSD: number;
    /** Every collector's OTLP export together (in `monthlyUSD` when its price is known). */
    readonly otlp?: OtlpCost | undefined;
    readonly unusedMetrics: number;
    readonly unusedMonthlyUSD: number;
    /** The sum over collectors of what their generated fix saves. */
    readonly fixSavingUSD: number;
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
  readonly findings: readonly Finding[];
  /** Every rule in force (SARIF `tool.driver.rules`, the report's legend). */
  readonly rules: readonly RuleDescriptor[];
  /** Inputs that could not be read in part (a malformed dashboard row, an expired allow-list entry...). */
  readonly problems: readonly ReportProblem[];
  /** `--migration-plan`: the consumers of Classic metrics that need a PromQL rewrite. */
  readonly migrationPlan?: MigrationPlan | undefined;
}
