/**
 * Reading `metrics[]` rows: expands the `.` and `...` shorthand CloudWatch accepts in rows after the first, and splits
 * each row into its parts. The validator, the importer and the cost linter all read rows through here, so the
 * shorthand is understood in exactly one place.
 */
import type { ExpressionRowOptions, MetricRowOptions } from './schema.js';

export interface MetricStatRowParts {
  readonly kind: 'metric';
  readonly namespace: string;
  readonly metricName: string;
  /** Name/value pairs in row order. */
  readonly dimensions: readonly (readonly [name: string, value: string])[];
  readonly options: MetricRowOptions;
}

export interface ExpressionRowParts {
  readonly kind: 'expression';
  readonly options: ExpressionRowOptions;
}

export type MetricRowParts = MetricStatRowParts | ExpressionRowParts;

export interface RowProblem {
  /** Index of the row, and of the element inside it when the problem is one element. */
  readonly row: number;
  readonly element?: number;
  readonly message: string;
}

export interface ReadRowsResult {
  /** One entry per input row; `undefined` where the row is malformed (see `problems`). */
  readonly rows: readonly (MetricRowParts | undefined)[];
  readonly problems: readonly RowProblem[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads rows as CloudWatch does, tolerating anything (`unknown` elements), reporting every malformed row. */
export function readMetricRows(rows: readonly unknown[]): ReadRowsResult {
  const parts: (MetricRowParts | undefined)[] = [];
  const problems: RowProblem[] = [];
  let previous: readonly unknown[] | undefined;
  rows.forEach((row, index) => {
    if (!Array.isArray(row) || row.length === 0) {
      problems.push({ row: index, message: 'a metric row must be a non-empty array' });
      parts.push(undefined);
      return;
    }
    if (row.length === 1 && isPlainObject(row[0]) && 'expression' in row[0]) {
      parts.push(readExpressionRow(row[0], index, problems));
      previous = undefined;
      return;
    }
    const expanded = expandShorthand(row, previous, index, problems);
    previous = expanded;
    parts.push(expanded === undefined ? undefined : readStatRow(expanded, index, problems));
  });
  return { rows: parts, problems };
}

function readExpressionRow(options: Record<string, unknown>, row: number, problems: RowProblem[]): ExpressionRowParts | undefined {
  if (typeof options.expression !== 'string' || options.expression.trim() === '') {
    problems.push({ row, element: 0, message: 'an expression row needs a non-empty "expression" string' });
    return undefined;
  }
  return { kind: 'expression', options: options as ExpressionRowOptions };
}

/** Replaces `.` with the previous row's element at the same position, and a leading `...` with its leading elements. */
function expandShorthand(row: readonly unknown[], previous: readonly unknown[] | undefined, index: number, problems: RowProblem[]) {
  const usesShorthand = row.some((element) => element === '.' || element === '...');
  if (!usesShorthand) return row;
  if (previous === undefined) {
    problems.push({
      row: index,
      message: 'the "." and "..." shorthand needs a previous metric row to refer to; write this row out in full',
    });
    return undefined;
  }
  const previousElements = previous.filter((element) => !isPlainObject(element));
  if (row[0] === '...') {
    const rest = row.slice(1);
    const overriding = rest.filter((element) => !isPlainObject(element));
    const options = rest.filter(isPlainObject);
    const kept = previousElements.slice(0, Math.max(0, previousElements.length - overriding.length));
    return [...kept, ...overriding, ...options];
  }
  return row.map((element, position) => {
    if (element !== '.') return element;
    const replacement = previousElements[position];
    if (replacement === undefined) {
      problems.push({ row: index, element: position, message: 'the "." shorthand has no element at this position in the previous row' });
    }
    return replacement;
  });
}

function readStatRow(row: readonly unknown[], index: number, problems: RowProblem[]): MetricStatRowParts | undefined {
  const last = row[row.length - 1];
  const hasOptions = isPlainObject(last);
  const strings = hasOptions ? row.slice(0, -1) : row;
  let ok = true;
  strings.forEach((element, position) => {
    if (typeof element !== 'string' || element === '') {
      const what = isPlainObject(element) ? 'the options object must be the last element of the row' : 'Invalid metric field type, only "String" type is allowed (non-empty)';
      problems.push({ row: index, element: position, message: what });
      ok = false;
    }
  });
  if (!ok) return undefined;
  if (strings.length < 2) {
    problems.push({ row: index, message: 'a metric row starts with the namespace and the metric name' });
    return undefined;
  }
  if (strings.length % 2 !== 0) {
    problems.push({
      row: index,
      element: strings.length - 1,
      message: `dimension "${String(strings[strings.length - 1])}" has no value; dimensions are name/value pairs`,
    });
    return undefined;
  }
  const [namespace, metricName, ...rest] = strings as string[];
  const dimensions: (readonly [string, string])[] = [];
  for (let i = 0; i < rest.length; i += 2) dimensions.push([rest[i]!, rest[i + 1]!]);
  return { kind: 'metric', namespace: namespace!, metricName: metricName!, dimensions, options: hasOptions ? (last as MetricRowOptions) : {} };
}
