/**
 * What PromQL reads: every vector selector of a query (a chart widget's `data.queries[].query`, a PromQL alarm's
 * `EvaluationCriteria.PromQLCriteria.Query`, a Grafana panel's PromQL) becomes one read pattern with the selector's
 * metric name and label matchers. Pure: text in, reads and problems out. A query that does not parse is a problem
 * of the source (the validator reports it as an error for cwdash's own dashboards), never a crash.
 */
import { formatPromQLError, parsePromQL } from '../../model/promql/parse.js';
import type { MetricRead, ReadsResult, ReadSource } from './metric-read.js';

export interface ReadScope {
  readonly region?: string | undefined;
  readonly account?: string | undefined;
}

export function promqlReads(query: string, source: ReadSource, scope: ReadScope = {}): ReadsResult {
  const parsed = parsePromQL(query);
  if (!parsed.ok) return { reads: [], problems: [{ source, message: `cannot read PromQL ${JSON.stringify(query)}: ${formatPromQLError(parsed.error)}` }] };
  const reads: MetricRead[] = parsed.selectors.map((selector) => ({ kind: 'promql', selector, source, ...scope }));
  return { reads, problems: [] };
}

/** The PromQL queries of a chart widget's properties (tolerant: only the fields it needs, other languages skipped). */
export function chartWidgetReads(properties: Record<string, unknown>, path: string, source: (path: string) => ReadSource): ReadsResult {
  const result: ReadsResult = { reads: [], problems: [] };
  const data = properties.data as { queries?: unknown } | undefined;
  if (!Array.isArray(data?.queries)) return result;
  const region = typeof properties.region === 'string' ? properties.region : undefined;
  data.queries.forEach((query: { language?: unknown; query?: unknown } | null, index) => {
    if (query?.language !== 'PromQL' || typeof query.query !== 'string') return;
    const found = promqlReads(query.query, source(`${path}/data/queries/${index}/query`), { region });
    result.reads.push(...found.reads);
    result.problems.push(...found.problems);
  });
  return result;
}
