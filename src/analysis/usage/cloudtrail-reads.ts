/**
 * Metric reads in CloudTrail data events (docs/sources.md#usage): GetMetricData (metric stat queries, SEARCH
 * expressions, Metrics Insights), GetMetricStatistics and GetMetricWidgetImage records of `monitoring.amazonaws.com`,
 * each a read in the record's `awsRegion` by its principal. Records are folded as they arrive: one read per distinct
 * pattern, principal and API with the latest `eventTime`, so a month of logs costs the distinct reads, not the records.
 * ListMetrics and PutMetricData are not reads, nor is a failed call; a record whose parameters are missing or cut
 * short is a problem (what it read is unknown), never "read nothing".
 */
import { asRecord } from '../../shared/json.js';
import { statRead } from './alarm-reads.js';
import { dashboardReads, expressionReads } from './dashboard-reads.js';
import type { MetricRead, ReadPattern, ReadSource, UsageProblem } from './metric-read.js';

export const METRIC_READ_EVENTS = ['GetMetricData', 'GetMetricStatistics', 'GetMetricWidgetImage'] as const;

export interface CloudTrailOptions {
  /** ISO instant: records before it are not counted (`--read-within`). */
  readonly since?: string | undefined;
}

export interface CloudTrailCounts {
  readonly records: number;
  readonly reads: Readonly<Record<string, number>>;
  readonly older: number;
  readonly failed: number;
}

/** Folds CloudTrail records into distinct reads; feed it records in any order, from any number of files. */
export class CloudTrailReads {
  private readonly reads = new Map<string, MetricRead>();
  private readonly unresolved = new Map<string, { principal: string; event: string; count: number; file: string }>();
  private readonly problemList: UsageProblem[] = [];
  private records = 0;
  private older = 0;
  private failed = 0;
  private readonly byEvent: Record<string, number> = {};

  constructor(private readonly options: CloudTrailOptions = {}) {}

  /** One record: a trail log record, a `lookup-events` entry, or a CloudTrail Lake result row. */
  add(item: unknown, file: string, where: string): void {
    const record = recordOf(item);
    this.records++;
    if (!record) {
      this.problemList.push({ source: { kind: 'cloudtrail', name: file, file, path: where }, message: 'not a CloudTrail record (expected an object with eventName)' });
      return;
    }
    const event = String(record.eventName ?? '');
    if (record.eventSource !== undefined && record.eventSource !== 'monitoring.amazonaws.com') return;
    if (!(METRIC_READ_EVENTS as readonly string[]).includes(event)) return;
    if (typeof record.errorCode === 'string' && record.errorCode !== '') {
      this.failed++;
      return;
    }
    const time = eventTime(record.eventTime);
    if (this.options.since !== undefined && time !== undefined && time < this.options.since) {
      this.older++;
      return;
    }
    this.byEvent[event] = (this.byEvent[event] ?? 0) + 1;
    const principal = principalOf(record.userIdentity);
    const region = typeof record.awsRegion === 'string' ? record.awsRegion : undefined;
    const source: ReadSource = { kind: 'cloudtrail', name: principal, principal, lastSeen: time, file, path: event };
    const patterns = readsOf(event, asRecord(decodeJson(record.requestParameters)), source);
    if (patterns === undefined) {
      const key = `${principal}\u0000${event}`;
      const entry = this.unresolved.get(key) ?? { principal, event, count: 0, file };
      entry.count++;
      this.unresolved.set(key, entry);
      return;
    }
    for (const pattern of patterns) this.fold({ ...pattern, source, region: pattern.region ?? region });
  }

  result(): { reads: MetricRead[]; problems: UsageProblem[]; counts: CloudTrailCounts } {
    const problems = [
      ...this.problemList,
      ...[...this.unresolved.values()].map((entry) => ({
        source: { kind: 'cloudtrail' as const, name: entry.principal, principal: entry.principal, file: entry.file, path: entry.event },
        message: `${entry.count} ${entry.event} record${entry.count === 1 ? '' : 's'} of ${entry.principal} carry no readable requestParameters (missing, null or truncated): what they read is unknown`,
      })),
    ];
    return { reads: [...this.reads.values()], problems, counts: { records: this.records, reads: { ...this.byEvent }, older: this.older, failed: this.failed } };
  }

  private fold(read: MetricRead): void {
    const { source, ...pattern } = read;
    const key = `${JSON.stringify(pattern)}\u0000${source.principal}\u0000${source.path}`;
    const before = this.reads.get(key);
    if (!before || (source.lastSeen ?? '') > (before.source.lastSeen ?? '')) this.reads.set(key, read);
  }
}

/** The reads one API call makes; undefined when its parameters cannot tell. */
function readsOf(event: string, parameters: Record<string, unknown> | undefined, source: ReadSource): MetricRead[] | undefined {
  if (!parameters || parameters.omitted === true) return undefined;
  const reads: MetricRead[] = [];
  const problems: UsageProblem[] = [];
  if (event === 'GetMetricStatistics') {
    const stat = metricStat(parameters);
    return stat ? [{ ...stat, source }] : undefined;
  }
  if (event === 'GetMetricWidgetImage') {
    const widget = asRecord(decodeJson(typeof parameters.metricWidget === 'string' ? parameters.metricWidget : undefined));
    if (!widget || !Array.isArray(widget.metrics)) return undefined;
    const result = dashboardReads({ name: source.name, body: { widgets: [{ type: 'metric', properties: { region: widget.region, ...widget } }] } });
    return result.reads.map((read) => ({ ...read, source }));
  }
  const queries = parameters.metricDataQueries;
  if (!Array.isArray(queries)) return undefined;
  for (const item of queries) {
    const query = asRecord(item);
    if (!query) continue;
    const account = typeof query.accountId === 'string' ? query.accountId : undefined;
    const stat = metricStat(asRecord(asRecord(query.metricStat)?.metric));
    if (stat) reads.push({ ...stat, source, account });
    else if (typeof query.expression === 'string') expressionReads(query.expression, source, reads, problems, { account });
  }
  return reads;
}

function metricStat(metric: Record<string, unknown> | undefined): ReadPattern | undefined {
  if (!metric || typeof metric.namespace !== 'string' || typeof metric.metricName !== 'string') return undefined;
  const dimensions = Array.isArray(metric.dimensions) ? metric.dimensions.map(asRecord) : [];
  return statRead(
    metric.namespace,
    metric.metricName,
    dimensions.filter((dimension) => typeof dimension?.name === 'string').map((dimension) => ({ Name: String(dimension!.name), Value: String(dimension!.value ?? '') })),
  );
}

/**
 * A trail record as it is; a `lookup-events` entry's `CloudTrailEvent` string; a Lake row `[{"eventName": "…"}, …]`
 * of string columns, whose JSON-valued columns are decoded.
 */
function recordOf(item: unknown): Record<string, unknown> | undefined {
  if (Array.isArray(item)) {
    const record: Record<string, unknown> = {};
    for (const column of item) Object.assign(record, asRecord(column));
    if (typeof record['userIdentity.arn'] === 'string') record.userIdentity = { arn: record['userIdentity.arn'] };
    for (const key of ['userIdentity', 'requestParameters']) if (typeof record[key] === 'string') record[key] = decodeJson(record[key]);
    return typeof record.eventName === 'string' ? record : undefined;
  }
  const record = asRecord(item);
  if (typeof record?.CloudTrailEvent === 'string') return asRecord(decodeJson(record.CloudTrailEvent));
  return typeof record?.eventName === 'string' ? record : undefined;
}

/** A JSON string decoded (Lake columns, `metricWidget`); other values as they are; unparsable text is undefined. */
function decodeJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/**
 * The principal: `userIdentity.arn` with an assumed role's session name trimmed (one role, many sessions), or the
 * AWS service that made the call for itself (`invokedBy`).
 */
export function principalOf(identity: unknown): string {
  const record = asRecord(identity);
  const arn = typeof record?.arn === 'string' ? record.arn : undefined;
  if (arn !== undefined) {
    const assumed = /^(arn:[^:]+:sts::\d*:assumed-role\/[^/]+)\/.+$/.exec(arn);
    return assumed ? assumed[1]! : arn;
  }
  if (typeof record?.invokedBy === 'string') return record.invokedBy;
  return typeof record?.type === 'string' ? `${record.type} (no ARN)` : 'unknown principal';
}

/** ISO 8601 UTC; CloudTrail Lake prints `2024-05-08 16:20:34.000`. */
function eventTime(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const iso = value.includes('T') ? value : value.replace(' ', 'T');
  const ms = Date.parse(/(Z|[+-]\d\d:?\d\d)$/.test(iso) ? iso : `${iso}Z`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
