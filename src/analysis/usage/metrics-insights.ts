/**
 * The part of a Metrics Insights query (`SELECT AVG(m) FROM SCHEMA("ns", DimA) WHERE DimA = 'x' GROUP BY ...`) that
 * says which metrics it reads. Only what narrows the set is modelled: the metric name, the namespace, the SCHEMA
 * dimension list (an exact dimension set) and `Dim = 'value'` filters joined by AND. Anything else (OR, !=, LIKE) is
 * ignored, which can only widen the set: the linter would rather keep a metric than call a read metric unused.
 */
import type { MetricIdentity } from '../../model/metric-identity.js';

export interface InsightsQuery {
  readonly text: string;
  /** Undefined for `SELECT COUNT(*)`-style queries over every metric of the namespace. */
  readonly metricName: string | undefined;
  readonly namespace: string;
  /** SCHEMA(...) dimension names: the metric has exactly this dimension set (none for `SCHEMA("ns")`). Undefined: no SCHEMA. */
  readonly schemaDimensions: readonly string[] | undefined;
  readonly equals: Readonly<Record<string, string>>;
}

const SELECT = /^\s*SELECT\s+\w+\s*\(\s*("(?:[^"\\]|\\.)*"|[^)\s]+)\s*\)\s+FROM\s+/i;

/** Undefined when the text is not a Metrics Insights query. Throws on a SELECT it cannot read. */
export function parseInsightsQuery(text: string): InsightsQuery | undefined {
  if (!/^\s*SELECT\b/i.test(text)) return undefined;
  const head = SELECT.exec(text);
  if (!head) throw new Error('expected SELECT FUNCTION(metricName) FROM ...');
  const metric = unquote(head[1]!);
  let rest = text.slice(head[0].length);
  let namespace: string;
  let schemaDimensions: string[] | undefined;
  const schema = /^SCHEMA\s*\(([^)]*)\)/i.exec(rest);
  if (schema) {
    const parts = splitList(schema[1]!);
    if (parts.length === 0) throw new Error('SCHEMA() needs a namespace');
    namespace = parts[0]!;
    schemaDimensions = parts.slice(1);
    rest = rest.slice(schema[0].length);
  } else {
    const from = /^("(?:[^"\\]|\\.)*"|[^\s]+)/.exec(rest);
    if (!from) throw new Error('expected a namespace after FROM');
    namespace = unquote(from[1]!);
    rest = rest.slice(from[0].length);
  }
  return { text, metricName: metric === '*' ? undefined : metric, namespace, schemaDimensions, equals: whereEquals(rest) };
}

export function insightsMatches(query: InsightsQuery, metric: MetricIdentity): boolean {
  if (metric.namespace !== query.namespace) return false;
  if (query.metricName !== undefined && metric.metricName !== query.metricName) return false;
  // SCHEMA scopes the query to metrics with exactly that dimension set (Metrics Insights query syntax, FROM/SCHEMA).
  if (query.schemaDimensions) {
    const names = Object.keys(metric.dimensions);
    if (names.length !== new Set(query.schemaDimensions).size || names.some((name) => !query.schemaDimensions!.includes(name))) return false;
  }
  return Object.entries(query.equals).every(([name, value]) => metric.dimensions[name] === value);
}

/** `WHERE a = 'x' AND b = 'y'` → {a:'x', b:'y'}; a WHERE with OR constrains nothing we can rely on. */
function whereEquals(rest: string): Record<string, string> {
  const where = /\bWHERE\b(.*?)(?:\bGROUP\s+BY\b|\bORDER\s+BY\b|\bLIMIT\b|$)/is.exec(rest);
  if (!where || /\bOR\b/i.test(where[1]!)) return {};
  const equals: Record<string, string> = {};
  for (const clause of where[1]!.split(/\bAND\b/i)) {
    const match = /^\s*("(?:[^"\\]|\\.)*"|[\w.:/-]+)\s*=\s*'((?:[^'\\]|\\.)*)'\s*$/.exec(clause);
    if (match) equals[unquote(match[1]!)] = match[2]!.replace(/\\(.)/g, '$1');
  }
  return equals;
}

function splitList(list: string): string[] {
  const items = list.match(/"(?:[^"\\]|\\.)*"|[^,\s]+/g) ?? [];
  return items.map(unquote);
}

function unquote(value: string): string {
  return value.startsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value;
}
