/**
 * The DashboardBody as text: the file `build` writes and the string `publish` sends. Deterministic: keys follow one
 * fixed order (the order of the body documentation; unknown keys after, sorted), two-space indentation, and every
 * metric row or annotation band on one line so a changed metric is a one-line diff. Rows are always written in full:
 * the `.`/`...` shorthand is never emitted.
 */
import type { DashboardBody } from './schema.js';
import { compareStrings } from '../../shared/json.js';

/** Key orders per kind of object; keys not listed come after the listed ones, sorted. */
const KEY_ORDER: readonly string[] = [
  // body
  'start', 'end', 'periodOverride', 'widgets', 'variables',
  // widget envelope
  'type', 'x', 'y', 'width', 'height', 'properties',
  // widget properties, in the order the documentation lists them
  'view', 'title', 'region', 'accountId', 'markdown', 'background', 'query', 'queryLanguage', 'endpoint', 'params', 'updateOn',
  'alarms', 'sortBy', 'states', 'metrics', 'labels', 'aggregateBy', 'splitBy', 'widgetOptions',
  'annotations', 'stacked', 'period', 'stat', 'legend', 'liveData', 'yAxis', 'timezone', 'sparkline', 'trend', 'table',
  'setPeriodToTimeRange', 'singleValueFullPrecision',
  // metric row options, expressions, annotations, axes, variables
  'expression', 'id', 'label', 'color', 'visible', 'fill', 'value', 'horizontal', 'vertical',
  'left', 'right', 'min', 'max', 'showUnits', 'position', 'layout', 'showTimeSeriesData', 'stickySummary', 'summaryColumns',
  'property', 'pattern', 'inputType', 'defaultValue', 'values', 'search', 'populateFrom',
  'metricName', 'resourceType', 'key', 'func', 'refresh', 'resize', 'timeRange',
];
/** Inside `metrics[]` rows: what the row is first, then how it is drawn. */
const ROW_ORDER = byRank(['expression', 'id', 'label', 'stat', 'period', 'region', 'accountId', 'color', 'yAxis', 'visible']);
/** Annotations: the value first. */
const ANNOTATION_ORDER = byRank(['value', 'label', 'color', 'fill', 'yAxis', 'visible']);
const AXIS_ORDER = byRank(['left', 'right', 'min', 'max', 'label', 'showUnits']);
/** Variables: what they drive, how they are entered, then their choices (the order CDK writes). */
const VARIABLE_ORDER = byRank(['type', 'property', 'pattern', 'inputType', 'id', 'label', 'defaultValue', 'visible', 'values', 'search', 'populateFrom']);
const BODY_ORDER = byRank(KEY_ORDER);
/** Chart widgets (PromQL): the order of the bodies seen in use. */
const CHART_ORDERS: ReadonlyMap<string, KeyOrder> = new Map([
  ['queries', byRank(['id', 'type', 'language', 'query', 'step', 'label'])],
  ['plotOptions', byRank(['legend', 'xAxis', 'yAxis', 'style', 'annotations'])],
  ['style', byRank(['lineOptions', 'numberOptions', 'pieOptions', 'barOptions', 'gaugeOptions'])],
  ['lineOptions', byRank(['filled', 'stacked', 'width', 'pattern', 'spline'])],
]);
const CHART_AXIS_ORDER = byRank(['type', 'min', 'max', 'title']);

function byRank(keys: readonly string[]) {
  const rank = new Map(keys.map((key, index) => [key, index]));
  return (a: string, b: string): number => {
    const rankA = rank.get(a);
    const rankB = rank.get(b);
    if (rankA !== undefined && rankB !== undefined) return rankA - rankB;
    if (rankA !== undefined) return -1;
    if (rankB !== undefined) return 1;
    return compareStrings(a, b);
  };
}

/** The order for the members of `key`'s value: metric rows (not explorer metrics, which are objects), annotations, axes. */
function orderInside(key: string, member: unknown): KeyOrder {
  if (key === 'metrics' && Array.isArray(member) && member.every(Array.isArray)) return ROW_ORDER;
  const chart = CHART_ORDERS.get(key);
  if (chart) return chart;
  if (key === 'yAxis' && Array.isArray(member)) return CHART_AXIS_ORDER; // a chart's axes; a metric widget's are {left, right}
  if (key === 'horizontal' || key === 'vertical') return ANNOTATION_ORDER;
  if (key === 'variables') return VARIABLE_ORDER;
  if (key === 'values') return ANNOTATION_ORDER; // {value, label}
  if ((key === 'yAxis' || key === 'left' || key === 'right') && typeof member === 'object') return AXIS_ORDER;
  return BODY_ORDER;
}

/** Puts every object's keys in the canonical order and drops `undefined` members (arrays keep their order). */
export function canonicalizeBody(value: unknown): unknown {
  return canonicalize(value, BODY_ORDER);
}

type KeyOrder = (a: string, b: string) => number;

/**
 * An object shape's keys in `order`, and each as JSON text, cached: bodies repeat a few object shapes thousands of
 * times. Shapes are looked up key by key in a tree per order (no text made of the keys per object), so any
 * characters the keys hold are told apart.
 */
interface ShapeNode {
  readonly next: Map<string, ShapeNode>;
  sorted?: { readonly keys: readonly string[]; readonly quoted: readonly string[] };
}
const shapeTrees = new Map<KeyOrder, { root: ShapeNode; nodes: number }>();
/** Per order: a body with ever new keys (user data as keys) starts the tree afresh past this many nodes. */
const MAX_SHAPE_NODES = 50_000;

function sortedKeys(value: object, order: KeyOrder): { readonly keys: readonly string[]; readonly quoted: readonly string[] } {
  let tree = shapeTrees.get(order);
  if (tree === undefined || tree.nodes >= MAX_SHAPE_NODES) shapeTrees.set(order, (tree = { root: { next: new Map() }, nodes: 0 }));
  const keys = Object.keys(value);
  let node = tree.root;
  for (const key of keys) {
    let child = node.next.get(key);
    if (child === undefined) {
      node.next.set(key, (child = { next: new Map() }));
      tree.nodes += 1;
    }
    node = child;
  }
  if (node.sorted === undefined) {
    const sorted = keys.sort(order);
    node.sorted = { keys: sorted, quoted: sorted.map((key) => JSON.stringify(key)) };
  }
  return node.sorted;
}

function canonicalize(value: unknown, order: KeyOrder): unknown {
  if (Array.isArray(value)) return value.map((item) => canonicalize(item, order));
  if (value !== null && typeof value === 'object') {
    const result: Record<string, unknown> = {};
    for (const key of sortedKeys(value, order).keys) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) result[key] = canonicalize(member, orderInside(key, member));
    }
    return result;
  }
  return value;
}

/** Lines up to this long stay on one line; a metric row always does (one row, one line in a diff). */
const LINE_WIDTH = 120;

/** A scalar, or an object of scalars (a row's options, an annotation line, a variable value). */
function isFlatItem(item: unknown): boolean {
  if (item === null || typeof item !== 'object') return true;
  if (Array.isArray(item)) return false;
  // for...in over plain data: no array of values per item (this runs for every row and option object).
  for (const key in item) {
    const member = (item as Record<string, unknown>)[key];
    if (member !== null && typeof member === 'object') return false;
  }
  return true;
}

/** JSON of a flat value (a scalar, or an array or object of flat values) on one line, keys in `order`. */
function compact(value: unknown, order: KeyOrder): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : compact(item, order))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const { keys, quoted } = sortedKeys(value, order);
    let text = '';
    keys.forEach((key, index) => {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) text += `${text === '' ? '' : ','}${quoted[index]}:${compact(member, order)}`;
    });
    return `{${text}}`;
  }
  return JSON.stringify(value);
}

/**
 * Appends `value` as text to `out`, keys in canonical order, in one pass (no canonical copy of the body first, and
 * one array of pieces joined once: large bodies build no nested strings).
 */
function write(value: unknown, indent: string, out: string[], order: KeyOrder, isRow = false): void {
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push('[]');
      return;
    }
    const flat = value.every(isFlatItem);
    const oneLine = flat ? compact(value, order) : undefined;
    if (oneLine !== undefined && (isRow || indent.length + oneLine.length <= LINE_WIDTH)) {
      out.push(oneLine);
      return;
    }
    const inner = `${indent}  `;
    const rows = !flat && value.every(Array.isArray);
    // Too long for one line: one item per line, flat items (an alarm ARN, a variable value) compact on theirs.
    out.push('[');
    value.forEach((item, index) => {
      out.push(index === 0 ? '\n' : ',\n', inner);
      if (flat) out.push(item === undefined ? 'null' : compact(item, order));
      else write(item, inner, out, order, rows);
    });
    out.push('\n', indent, ']');
    return;
  }
  if (value !== null && typeof value === 'object') {
    const inner = `${indent}  `;
    let first = true;
    const { keys, quoted } = sortedKeys(value, order);
    keys.forEach((key, index) => {
      const member = (value as Record<string, unknown>)[key];
      if (member === undefined) return;
      out.push(first ? '{\n' : ',\n', inner, quoted[index]!, ': ');
      write(member, inner, out, orderInside(key, member));
      first = false;
    });
    out.push(first ? '{}' : `\n${indent}}`);
    return;
  }
  out.push(JSON.stringify(value));
}

/** The body as a readable, deterministic JSON document with a final newline (what `build` writes). */
export function renderDashboardBody(body: DashboardBody): string {
  const out: string[] = [];
  write(body, '', out, BODY_ORDER);
  out.push('\n');
  return out.join('');
}

/** The body as compact JSON in the canonical key order: the `DashboardBody` string PutDashboard receives. */
export function renderDashboardBodyCompact(body: DashboardBody): string {
  return JSON.stringify(canonicalizeBody(body));
}
