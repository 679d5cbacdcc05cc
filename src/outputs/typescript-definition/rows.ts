/**
 * Metric rows back to metric objects: each row becomes a `Metric`, `MathExpression`, `SearchExpression` or
 * `MetricsInsightsQuery`. Hidden rows that only feed an expression are folded into its `usingMetrics` when the
 * result renders to the very same rows; otherwise every row stays its own object, in order.
 */
import type { MetricRow } from '../../model/body/schema.js';
import { readMetricRows, type MetricRowParts } from '../../model/body/metric-rows.js';
import { isInsightsQuery, referencedIds } from '../../model/body/expression-ids.js';
import { Duration } from '../../model/dashboard/duration.js';
import { Metric } from '../../model/dashboard/metric.js';
import { MathExpression, MetricsInsightsQuery } from '../../model/dashboard/math-expression.js';
import { SearchExpression } from '../../model/dashboard/search-expression.js';
import type { IMetric } from '../../model/dashboard/metric-types.js';
import { renderMetricRows } from '../../model/dashboard/private/metric-rows.js';
import { call, construct, type Code } from './code.js';
import { isDeepStrictEqual } from 'node:util';

/** `Duration.minutes(5)` for a period in seconds. */
export function durationCode(seconds: number | undefined): Code | undefined {
  if (seconds === undefined) return undefined;
  const duration = Duration.seconds(seconds);
  return call(duration.toSource(), duration, ['Duration']);
}

/** The metrics list of a widget as code; `undefined` when the rows cannot be read (the widget then stays raw). */
export function metricsCode(rows: readonly unknown[]): Code[] | undefined {
  const { rows: parts, problems } = readMetricRows(rows);
  if (problems.length > 0) return undefined;
  const expanded = parts as MetricRowParts[];
  const wanted = renderMetricRows(expanded.map((part) => rowCode(part).value as IMetric));
  const folded = foldInputs(expanded);
  if (folded && isDeepStrictEqual(renderMetricRows(folded.map((code) => code.value as IMetric)), wanted)) return folded;
  return expanded.map((part) => rowCode(part));
}

/** The rows as the widget renders them when every row is its own object: the shorthand-free form of the body. */
export function expandedRows(rows: readonly unknown[]): MetricRow[] | undefined {
  const codes = metricsCode(rows);
  return codes && renderMetricRows(codes.map((code) => code.value as IMetric));
}

function commonOptions(options: MetricRowParts['options'], omit: ReadonlySet<string> = new Set()) {
  const keep = <T>(key: string, value: T) => (omit.has(key) ? undefined : value);
  return {
    label: options.label,
    color: options.color,
    period: keep('period', durationCode(options.period)),
    region: options.region,
    accountId: options.accountId,
    id: keep('id', options.id),
    visible: keep('visible', options.visible),
    yAxis: options.yAxis,
    ...extraKeys(options),
  };
}

/** Options cwdash does not model are kept, so the widget fails the render check and falls back to raw JSON. */
function extraKeys(options: object): Record<string, unknown> {
  const known = new Set(['label', 'color', 'period', 'region', 'accountId', 'id', 'visible', 'yAxis', 'stat', 'expression']);
  return Object.fromEntries(Object.entries(options).filter(([key]) => !known.has(key)));
}

function rowCode(part: MetricRowParts, omit?: ReadonlySet<string>, usingMetrics?: Record<string, Code>): Code {
  if (part.kind === 'metric') {
    return construct('Metric', (props) => new Metric(props), {
      namespace: part.namespace,
      metricName: part.metricName,
      dimensionsMap: part.dimensions.length === 0 ? undefined : Object.fromEntries(part.dimensions),
      statistic: part.options.stat,
      ...commonOptions(part.options, omit),
    });
  }
  const expression = part.options.expression;
  const common = commonOptions(part.options, omit);
  if (usingMetrics === undefined) {
    const search = searchCode(expression, common);
    if (search) return search;
    if (isInsightsQuery(expression)) return construct('MetricsInsightsQuery', (props) => new MetricsInsightsQuery(props), { query: expression, ...common });
  }
  return construct('MathExpression', (props) => new MathExpression(props), { expression, usingMetrics, ...common });
}

const SEARCH_CALL = /^SEARCH\('((?:[^'\\]|\\.)*)', '([^']+)', (\d+)\)$/;
const SCHEMA = /^\{([^{}]*)\}\s*(.*)$/;

/** A `SEARCH('{ns,dims} term', 'stat', period)` as a SearchExpression, when rebuilding it gives the same text. */
function searchCode(expression: string, common: object): Code | undefined {
  const call = SEARCH_CALL.exec(expression);
  if (!call) return undefined;
  const [, query, statistic, period] = call as unknown as [string, string, string, string];
  const schemaMatch = SCHEMA.exec(query);
  const names = schemaMatch ? schemaMatch[1]!.split(',').map((name) => name.trim().replace(/^"(.*)"$/, '$1')) : undefined;
  const props = {
    schema: names && { namespace: names[0]!, dimensions: names.length > 1 ? names.slice(1) : undefined },
    searchTerm: (schemaMatch ? schemaMatch[2] : query) || undefined,
    statistic,
    searchPeriodSeconds: Number(period) === 300 ? undefined : Number(period),
    ...common,
  };
  const code = construct('SearchExpression', (p) => new SearchExpression(p), props);
  return (code.value as SearchExpression).expression === expression ? code : undefined;
}

/** Hidden rows with an id some expression reads become that expression's `usingMetrics` entries. */
function foldInputs(parts: readonly MetricRowParts[]): Code[] | undefined {
  const owner = new Map<number, number>();
  parts.forEach((part, index) => {
    if (part.kind !== 'expression') return;
    for (const id of referencedIds(part.options.expression) ?? []) {
      const input = parts.findIndex((row) => row.options.id === id && row.options.visible === false);
      // Only rows after the expression: inputs are rendered after what reads them, and this rules out cycles.
      if (input > index && !owner.has(input)) owner.set(input, index);
    }
  });
  if (owner.size === 0) return undefined;
  const inputsOf = new Map<number, number[]>();
  for (const [input, expression] of [...owner.entries()].sort((a, b) => a[0] - b[0])) {
    inputsOf.set(expression, [...(inputsOf.get(expression) ?? []), input]);
  }
  // An expression's inputs are built with it (recursively, for math over math), in row order.
  const build = (index: number): Code => {
    const part = parts[index]!;
    const omit = new Set(['id', 'visible']);
    const parentPeriod = owner.has(index) ? parts[owner.get(index)!]!.options.period : undefined;
    if (parentPeriod !== undefined && part.options.period === parentPeriod) omit.add('period');
    const inputs = inputsOf.get(index);
    const usingMetrics = inputs && Object.fromEntries(inputs.map((input) => [parts[input]!.options.id!, build(input)]));
    return rowCode(part, owner.has(index) ? omit : undefined, part.kind === 'expression' ? usingMetrics : undefined);
  };
  return parts.flatMap((_, index) => (owner.has(index) ? [] : [build(index)]));
}
