/**
 * PromQL string literals: Go's quoting rules (`"…"` and `'…'` with Go escapes, `` `…` `` raw), as the Prometheus
 * parser unquotes them (strconv.Unquote). Only called on literals the grammar accepted and `parsePromQL` checked
 * for their closing quote.
 */
const SIMPLE: Readonly<Record<string, string>> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"' };

/** Go's escapes: the simple ones, `\xhh`, `\ooo`, `\uhhhh`, `\Uhhhhhhhh`; anything else after a backslash. */
const ESCAPE = /\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|[abfnrtv\\'"]|[^]?)/g;

export function unquotePromQLString(literal: string): string {
  const quote = literal[0];
  const body = literal.slice(1, -1);
  if (quote === '`') return body;
  return body.replace(ESCAPE, (whole, escape: string) => {
    if (escape.length === 1) return SIMPLE[escape] ?? whole;
    if (/^[0-7]{3}$/.test(escape)) return String.fromCharCode(Number.parseInt(escape, 8));
    const code = Number.parseInt(escape.slice(1), 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The first escape Go's unquoting refuses (`\q`, `\u12`, `\U00110000`), which makes the query invalid; else undefined. */
export function invalidEscape(literal: string): string | undefined {
  const quote = literal[0]!;
  if (quote === '`') return undefined;
  for (const [whole, escape = ''] of literal.slice(1, -1).matchAll(ESCAPE)) {
    // As in Prometheus' strutil.Unquote: \' only inside '...', \" only inside "...".
    const isQuote = escape === "'" || escape === '"';
    const simple = escape.length === 1 && escape in SIMPLE && (!isQuote || escape === quote);
    const valid = simple || /^[0-7]{3}$/.test(escape) || (escape.length > 1 && Number.parseInt(escape.slice(1), 16) <= 0x10ffff);
    if (!valid) return whole;
  }
  return undefined;
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
