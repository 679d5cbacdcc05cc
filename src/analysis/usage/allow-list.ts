/**
 * The allow-list: metrics kept on purpose although no dashboard or alarm reads them (an SLO job reads them through
 * the API, a runbook, an audit). Every entry needs a reason; an entry may expire, after which it stops applying and
 * the report says so, so "temporary" exceptions do not live forever. Entries can be limited to some rule ids (the
 * same ids as SARIF ruleId and the baseline key).
 *
 * ```yaml
 * version: 1
 * keep:
 *   - namespace: prod/task-service
 *     metricName: http_request_duration_seconds   # optional: every metric of the namespace
 *     dimensions: { route: "*" }                  # optional: this exact dimension set; "*" = any value
 *     rules: [unused-metric]                      # optional: every rule
 *     reason: the SLO job reads it with GetMetricData
 *     expires: 2027-03-31                         # optional
 * ```
 */
import { z } from 'zod';
import type { MetricIdentity } from '../../model/metric-identity.js';
import { loadYamlFile } from '../../shared/yaml-file.js';
import type { DimensionValues, MetricRead, ReadsResult } from './metric-read.js';
import { plural, type ConsultedSource } from './usage-source.js';

const entrySchema = z
  .object({
    namespace: z.string().min(1),
    metricName: z.string().min(1).optional(),
    dimensions: z.record(z.string(), z.string()).optional(),
    rules: z.array(z.string().min(1)).min(1).optional(),
    reason: z.string().min(1, 'every entry needs a reason'),
    expires: z
      .union([z.string(), z.date()])
      .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
      .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expires must be a date, YYYY-MM-DD'))
      .optional(),
  })
  .strict();

const allowListSchema = z.object({ version: z.literal(1), keep: z.array(entrySchema) }).strict();

export type AllowListEntry = z.infer<typeof entrySchema> & { readonly line?: number | undefined };

export interface AllowList {
  readonly file: string;
  /** Entries in force on the report date. */
  readonly active: readonly AllowListEntry[];
  /** Entries whose expiry date has passed: reported, not applied. */
  readonly expired: readonly AllowListEntry[];
}

export async function loadAllowList(file: string, today: string): Promise<AllowList> {
  const fix = 'see the allow-list format in the README (version: 1, keep: [{namespace, reason, ...}])';
  const loaded = await loadYamlFile(file, allowListSchema, { what: 'allow-list', fix });
  const entries = loaded.value.keep.map((entry, index) => ({ ...entry, line: loaded.lineOf(['keep', index]) }));
  return {
    file,
    active: entries.filter((entry) => entry.expires === undefined || entry.expires >= today),
    expired: entries.filter((entry) => entry.expires !== undefined && entry.expires < today),
  };
}

/** The active entry that keeps `metric` from `rule`, if any. */
export function allowListEntryFor(list: AllowList | undefined, metric: MetricIdentity, rule: string): AllowListEntry | undefined {
  return list?.active.find((entry) => entryMatches(entry, metric) && (entry.rules === undefined || entry.rules.includes(rule)));
}

function entryMatches(entry: AllowListEntry, metric: MetricIdentity): boolean {
  if (entry.namespace !== metric.namespace) return false;
  if (entry.metricName !== undefined && entry.metricName !== metric.metricName) return false;
  if (entry.dimensions === undefined) return true;
  const names = Object.keys(entry.dimensions);
  if (names.length !== Object.keys(metric.dimensions).length) return false;
  return names.every((name) => name in metric.dimensions && (entry.dimensions![name] === '*' || entry.dimensions![name] === metric.dimensions[name]));
}

/**
 * The active entries as read patterns, for `cwdash usage`: an entry keeps its namespace, metric (or every metric) and
 * dimension set. The cost report applies entries per rule instead (`allowListEntryFor`), so they are not in its index.
 */
export function allowListReads(list: AllowList): ReadsResult {
  const reads: MetricRead[] = list.active.map((entry) => {
    const dimensions: Record<string, DimensionValues> = {};
    for (const [name, value] of Object.entries(entry.dimensions ?? {})) dimensions[name] = value === '*' ? null : [value];
    return {
      kind: 'metric',
      namespace: entry.namespace,
      metricName: entry.metricName ?? null,
      dimensions,
      exact: entry.dimensions !== undefined,
      source: { kind: 'allow-list', name: entry.reason, file: list.file, path: entry.line === undefined ? undefined : `line ${entry.line}` },
    };
  });
  return { reads, problems: [] };
}

/** The allow-list as a consulted usage source (`file` as reports show it). */
export function allowListConsulted(list: AllowList | undefined, file: string | undefined): ConsultedSource {
  if (!list) return { label: 'allow-list', given: false, summary: 'not given (--allow-list FILE)' };
  return { label: 'allow-list', given: true, summary: `${plural(list.active.length, 'active entry', 'active entries')} (${file ?? list.file})` };
}
