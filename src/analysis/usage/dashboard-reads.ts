/**
 * What a dashboard body reads (docs/sources.md#dashboard-body): every metric row of every metric widget
 * (hidden rows too, since math expressions read them), `.`/`...` shorthand expanded by the body model's row reader;
 * every SEARCH and Metrics Insights expression; every PromQL selector of a chart widget; dimension values a `property` variable fills in at view time. A
 * tolerant reader: it looks only at the fields it needs and records a malformed row as a problem instead of stopping,
 * so one bad widget never hides the rest (mimirtool's ParseErrors). A widget or row `region`/`accountId` scopes
 * its reads: a monitoring account's dashboard reads the source account's metrics.
 */
import { readMetricRows, type MetricStatRowParts } from '../../model/body/metric-rows.js';
import type { DimensionValues, MetricRead, ReadsResult, ReadSource, UsageProblem } from './metric-read.js';
import { parseInsightsQuery } from './metrics-insights.js';
import { chartWidgetReads } from './promql-reads.js';
import { extractSearchQueries } from './search-expression.js';
import { asRecord } from '../../shared/json.js';

export interface DashboardInput {
  readonly name: string;
  /** The parsed DashboardBody (from a definition, a built JSON file, or GetDashboard). */
  readonly body: unknown;
  readonly file?: string | undefined;
}

export function dashboardReads(dashboard: DashboardInput): ReadsResult {
  const reads: MetricRead[] = [];
  const problems: UsageProblem[] = [];
  const body = asRecord(dashboard.body);
  const source = (path: string): ReadSource => ({ kind: 'dashboard', name: dashboard.name, file: dashboard.file, path });
  if (!body || !Array.isArray(body.widgets)) {
    problems.push({ source: source(''), message: 'body has no widgets array' });
    return { reads, problems };
  }
  const variables = variableDimensions(body.variables);
  body.widgets.forEach((widget, w) => {
    const properties = asRecord(asRecord(widget)?.properties);
    if (properties && asRecord(widget)?.type === 'chart') {
      const chart = chartWidgetReads(properties, `/widgets/${w}/properties`, source);
      reads.push(...chart.reads);
      problems.push(...chart.problems);
      return;
    }
    if (!properties || !Array.isArray(properties.metrics)) return;
    const rows = readMetricRows(properties.metrics);
    const rowPath = (row: number) => `/widgets/${w}/properties/metrics/${row}`;
    for (const problem of rows.problems) problems.push({ source: source(rowPath(problem.row)), message: problem.message });
    const math = rows.rows.some((row) => row?.kind === 'expression' && !/\bSEARCH\s*\(|^\s*SELECT\b/i.test(row.options.expression));
    rows.rows.forEach((row, r) => {
      if (row === undefined) return;
      const scope = readScope(row.options, properties);
      if (row.kind === 'expression') expressionReads(row.options.expression, source(`${rowPath(r)}/0/expression`), reads, problems, scope);
      else reads.push({ ...rowPattern(row, variables), aggregation: rowAggregation(row, properties, math), source: source(rowPath(r)), ...scope });
    });
  });
  return { reads, problems };
}

/** SEARCH calls and Metrics Insights queries inside one expression; plain math reads only other rows by id. */
export function expressionReads(
  expression: string,
  source: ReadSource,
  reads: MetricRead[],
  problems: UsageProblem[],
  scope: { region?: string | undefined; account?: string | undefined } = {},
): void {
  try {
    const insights = parseInsightsQuery(expression);
    if (insights) {
      reads.push({ kind: 'insights', query: insights, source, ...scope });
      return;
    }
    for (const query of extractSearchQueries(expression)) reads.push({ kind: 'search', query, source, ...scope });
  } catch (error) {
    problems.push({ source, message: `cannot read expression ${JSON.stringify(expression)}: ${(error as Error).message}` });
  }
}

/**
 * One metric stat row: each dimension reads the written value, plus what a property variable lets the viewer pick
 * instead (its listed values, or any value when the choices come from a search or free input).
 */
function rowPattern(row: MetricStatRowParts, variables: ReadonlyMap<string, readonly string[] | null>) {
  const dimensions: Record<string, DimensionValues> = {};
  for (const [name, value] of row.dimensions) {
    const choices = variables.has(name) ? (variables.get(name) ?? null) : [];
    dimensions[name] = choices === null ? null : [...new Set([value, ...choices])];
  }
  return { kind: 'metric' as const, namespace: row.namespace, metricName: row.metricName, dimensions, exact: true };
}

/** The row's statistic and period, else the widget's (CloudWatch's defaults apply when neither says). */
function rowAggregation(row: MetricStatRowParts, properties: Record<string, unknown>, math: boolean) {
  const stat = row.options.stat ?? (typeof properties.stat === 'string' ? properties.stat : undefined);
  const periodSeconds = row.options.period ?? (typeof properties.period === 'number' ? properties.period : undefined);
  return { stat, periodSeconds, math };
}

/** The row's own region/accountId, else the widget's; an account's own dashboards set neither. */
function readScope(options: { region?: unknown; accountId?: unknown }, properties: Record<string, unknown>) {
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  return { region: text(options.region) ?? text(properties.region), account: text(options.accountId) ?? text(properties.accountId) };
}

/** Dimension names that a `property` variable lets the viewer change, with the listed choices (null: open). */
function variableDimensions(variables: unknown): Map<string, readonly string[] | null> {
  const open = new Map<string, readonly string[] | null>();
  if (!Array.isArray(variables)) return open;
  for (const variable of variables) {
    const record = asRecord(variable);
    if (record?.type !== 'property' || typeof record.property !== 'string') continue;
    if (record.property === 'region' || record.property === 'accountId') continue;
    const values = Array.isArray(record.values) ? record.values.map((item) => String(asRecord(item)?.value)) : null;
    open.set(record.property, values);
  }
  return open;
}
