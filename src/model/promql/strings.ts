/**
 * PromQL string literals: Go's quoting rules (`"…"` and `'…'` with Go escapes, `` `…` `` raw), as the Prometheus
 * parser unquotes them (strconv.Unquote). Only called on literals the grammar accepted and `parsePromQL` checked
 * for their closing quote.
 */
const SIMPLE: Readonly<Record<string, string>> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"' };

export function unquotePromQLString(literal: string): string {
  const quote = literal[0];
  const body = literal.slice(1, -1);
  if (quote === '`') return body;
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/g, (_, escape: string) => {
    const kind = escape[0]!;
    if (kind === 'x' || kind === 'u' || kind === 'U') return String.fromCodePoint(Number.parseInt(escape.slice(1), 16));
    if (/^[0-7]{3}$/.test(escape)) return String.fromCharCode(Number.parseInt(escape, 8));
    return SIMPLE[kind] ?? escape;
  });
}

/** A label name or metric name as PromQL writes it: bare when it is a plain identifier, else quoted. */
export function quotePromQLName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : JSON.stringify(name);
}

/** A string value, double-quoted (JSON escaping is valid Go escaping for what JSON.stringify emits). */
export function quotePromQLValue(value: string): string {
  return JSON.stringify(value);
}

/** A label matcher as PromQL writes it: `route="/tasks"`, `"@resource.service.name"="api"`. */
export type MatcherSpec = readonly [label: string, operator: '=' | '!=' | '=~' | '!~', value: string];

/**
 * A vector selector: `name{matchers}` for a plain name, `{"dotted.name", matchers}` for a name Prometheus 3 wants
 * quoted (a quoted name cannot stand before the braces).
 */
export function promqlSelector(metricName: string, matchers: readonly MatcherSpec[] = []): string {
  const written = matchers.map(([label, operator, value]) => `${quotePromQLName(label)}${operator}${quotePromQLValue(value)}`);
  if (/^[A-Za-z_:][A-Za-z0-9_:]*$/.test(metricName)) return written.length === 0 ? metricName : `${metricName}{${written.join(', ')}}`;
  return `{${[JSON.stringify(metricName), ...written].join(', ')}}`;
}
