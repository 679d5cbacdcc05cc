/** The `metrics[]` of one metric widget: row grammar, ids, expressions, statistics, periods and per-widget counts. */
import { statisticProblem } from './statistic.js';
import { isValidPeriod, periodProblem } from './period.js';
import { isInsightsQuery, isSearchExpression, referencedIds, searchQueryText } from './expression-ids.js';
import { readMetricRows, type MetricRowParts } from './metric-rows.js';
import type { MessageCollector } from './messages.js';
import { expressionRowOptionsSchema, metricRowOptionsSchema } from './schema.js';
import { reportZodIssues } from './zod-messages.js';

export const MAX_ROWS_PER_WIDGET = 500;
export const MAX_SEARCHES_PER_WIDGET = 100;
export const MAX_SEARCH_LENGTH = 1024;
export const MAX_DIMENSIONS = 30;
const ID_PATTERN = /^[a-z][a-zA-Z0-9_]*$/;
const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;

/** Validates the rows and returns how many metric rows (not expressions) the widget holds, for the dashboard count. */
export function validateMetricRows(rows: readonly unknown[], path: string, out: MessageCollector): number {
  if (rows.length > MAX_ROWS_PER_WIDGET) {
    out.error(path, `Should NOT have more than ${MAX_ROWS_PER_WIDGET} items: a widget holds at most 500 metrics and expressions; split it into several widgets`);
  }
  const { rows: parts, problems } = readMetricRows(rows);
  for (const problem of problems) {
    out.error(`${path}/${problem.row}${problem.element === undefined ? '' : `/${problem.element}`}`, problem.message);
  }
  const ids = collectIds(parts, path, out);
  let metricCount = 0;
  let searches = 0;
  let queries = 0;
  parts.forEach((row, index) => {
    if (!row) return;
    const rowPath = `${path}/${index}`;
    const optionsPath = `${rowPath}/${row.kind === 'expression' ? 0 : rowLength(rows[index]) - 1}`;
    checkOptions(row, optionsPath, out);
    if (row.kind === 'metric') {
      metricCount += 1;
      checkDimensions(row, rowPath, out);
      return;
    }
    const expression = row.options.expression;
    if (/\bPROMQL\s*\(/i.test(expression)) {
      // Accepted by PutDashboard in the preview, never documented: PromQL is drawn by a chart widget.
      out.error(`${optionsPath}/expression`, 'PromQL does not go in a metric widget; put the query in a widget of type "chart" (data.queries, language "PromQL")');
    }
    if (isInsightsQuery(expression)) queries += 1;
    if (isSearchExpression(expression)) {
      searches += 1;
      const query = searchQueryText(expression);
      if (query !== undefined && query.length > MAX_SEARCH_LENGTH) {
        out.error(`${optionsPath}/expression`, `the SEARCH query is ${query.length} characters; CloudWatch allows at most ${MAX_SEARCH_LENGTH}`);
      }
    }
    checkReferences(expression, row.options.id, ids, `${optionsPath}/expression`, out);
  });
  if (queries > 1) out.error(path, `a widget may hold one Metrics Insights query (SELECT ...), found ${queries}; put each in its own widget`);
  if (searches > MAX_SEARCHES_PER_WIDGET) {
    out.error(path, `a widget may hold at most ${MAX_SEARCHES_PER_WIDGET} SEARCH expressions, found ${searches}`);
  }
  return metricCount;
}

function rowLength(row: unknown): number {
  return Array.isArray(row) ? row.length : 0;
}

function collectIds(parts: readonly (MetricRowParts | undefined)[], path: string, out: MessageCollector): Set<string> {
  const seen = new Map<string, number>();
  parts.forEach((row, index) => {
    const id = row?.options.id;
    if (id === undefined) return;
    const first = seen.get(id);
    if (first !== undefined) {
      out.error(`${path}/${index}`, `id "${id}" is already used by row ${first} of this widget; ids must be unique within a widget`);
    } else {
      seen.set(id, index);
    }
  });
  return new Set(seen.keys());
}

const METRIC_OPTION_KEYS = new Set(['id', 'label', 'color', 'stat', 'period', 'visible', 'yAxis', 'region', 'accountId']);
const EXPRESSION_OPTION_KEYS = new Set([...[...METRIC_OPTION_KEYS].filter((key) => key !== 'stat'), 'expression']);

function checkOptions(row: MetricRowParts, path: string, out: MessageCollector): void {
  const options = row.options;
  const known = row.kind === 'metric' ? METRIC_OPTION_KEYS : EXPRESSION_OPTION_KEYS;
  for (const key of Object.keys(options)) {
    if (!known.has(key) && !(row.kind === 'expression' && key === 'stat')) {
      out.warning(`${path}/${key}`, `"${key}" is not a ${row.kind === 'metric' ? 'metric' : 'expression'} row option (known: ${[...known].join(', ')}); CloudWatch may reject the row`);
    }
  }
  const shape = (row.kind === 'metric' ? metricRowOptionsSchema : expressionRowOptionsSchema).safeParse(options);
  if (!shape.success) {
    // Wrong types first: the value checks below assume them.
    reportZodIssues(shape.error, path, out);
    return;
  }
  if (row.kind === 'expression' && 'stat' in options) {
    out.warning(`${path}/stat`, 'an expression row has no stat: give the statistic inside the expression (SEARCH) or to the metrics it reads');
  }
  if (options.id !== undefined && !ID_PATTERN.test(options.id)) {
    out.error(`${path}/id`, `id "${options.id}" must start with a lower-case letter followed by letters, digits or _`);
  }
  if (options.color !== undefined && !COLOR_PATTERN.test(options.color)) {
    if (/^[0-9a-fA-F]{6}$/.test(options.color)) out.warning(`${path}/color`, `color "${options.color}" lacks the leading "#"; write "#${options.color}"`);
    else out.error(`${path}/color`, `color "${options.color}" must be a six-digit hex colour such as "#1f77b4"`);
  }
  if (options.period !== undefined && !isValidPeriod(options.period)) out.error(`${path}/period`, periodProblem(options.period));
  if (row.kind === 'metric' && row.options.stat !== undefined) {
    const problem = statisticProblem(row.options.stat);
    if (problem) out[problem.severity](`${path}/stat`, problem.message);
  }
}

function checkDimensions(row: Extract<MetricRowParts, { kind: 'metric' }>, path: string, out: MessageCollector): void {
  if (row.dimensions.length > MAX_DIMENSIONS) {
    out.error(path, `a metric has at most ${MAX_DIMENSIONS} dimensions, this row has ${row.dimensions.length}`);
  }
  row.dimensions.forEach(([name, value], index) => {
    const where = `${path}/${2 + index * 2}`;
    if (name.length > 255) out.error(where, `dimension name "${name.slice(0, 40)}..." is longer than 255 characters`);
    if (value.length > 255) out.error(`${path}/${3 + index * 2}`, `the value of dimension "${name}" is longer than 255 characters`);
  });
}

function checkReferences(expression: string, ownId: string | undefined, ids: ReadonlySet<string>, path: string, out: MessageCollector) {
  const referenced = referencedIds(expression);
  if (!referenced) return;
  for (const id of referenced) {
    if (id === ownId) {
      out.error(path, `expression "${expression}" refers to its own id "${id}"`);
    } else if (!ids.has(id)) {
      const known = [...ids].sort();
      const hint = known.length === 0 ? 'no row of this widget has an id' : `ids in this widget: ${known.join(', ')}`;
      out.warning(path, `expression "${expression}" refers to "${id}", which no row of this widget defines (${hint}); add the metric with id "${id}" (usingMetrics) or fix the name`);
    }
  }
}
