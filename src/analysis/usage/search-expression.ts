/**
 * CloudWatch `SEARCH('{Namespace,DimA,DimB} term', 'Stat', period)` parsed and matched the way CloudWatch matches it
 * (docs/sources.md#dashboard-body): the optional schema names a namespace and the exact dimension set; the term is free
 * text over namespace, metric name, dimension names and values, with `Name=value` designators, `"exact"` strings and
 * upper-case AND/OR/NOT. Terms are tokenised on camel-case, digit and punctuation boundaries; a one-token term matches
 * any token ignoring case, a composite term must appear as the same token run, case-sensitively.
 */
import type { MetricIdentity } from '../../model/metric-identity.js';

export interface SearchSchema {
  readonly namespace: string;
  /** Exactly the dimension names a matching metric has (CloudWatch returns only metrics with this very set). */
  readonly dimensionNames: readonly string[];
}

export type SearchTerm =
  | { readonly kind: 'and' | 'or'; readonly terms: readonly SearchTerm[] }
  | { readonly kind: 'not'; readonly term: SearchTerm }
  /** `field` undefined: any field; otherwise `MetricName`, `Namespace` or a dimension name. */
  | { readonly kind: 'text'; readonly field: string | undefined; readonly text: string; readonly exact: boolean }
  /** Terms that do not restrict metrics here (`:aws.AccountId = ...`). */
  | { readonly kind: 'any' };

export interface SearchQuery {
  /** The query text as written inside `SEARCH('...')`. */
  readonly text: string;
  readonly schema: SearchSchema | undefined;
  readonly term: SearchTerm;
}

/** A malformed search, with the offset in the query text so the caller can point at it. */
export class SearchSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Every `SEARCH('...')` call in a math expression, parsed. Other functions around them are irrelevant to usage. */
export function extractSearchQueries(expression: string): SearchQuery[] {
  const queries: SearchQuery[] = [];
  const pattern = /\bSEARCH\s*\(\s*'/g;
  for (let match = pattern.exec(expression); match !== null; match = pattern.exec(expression)) {
    let end = pattern.lastIndex;
    let text = '';
    while (end < expression.length && expression[end] !== "'") {
      if (expression[end] === '\\' && end + 1 < expression.length) end++;
      text += expression[end];
      end++;
    }
    if (end >= expression.length) throw new SearchSyntaxError("SEARCH query has no closing '", match.index);
    queries.push(parseSearchQuery(text));
    pattern.lastIndex = end + 1;
  }
  return queries;
}

/** Parses the text inside `SEARCH('...')` (or a dashboard variable's `search`). */
export function parseSearchQuery(text: string): SearchQuery {
  const lexer = new Lexer(text);
  let schema: SearchSchema | undefined;
  lexer.skipSpace();
  if (lexer.peekChar() === '{') schema = parseSchema(lexer);
  const terms: SearchTerm[] = [];
  while (!lexer.atEnd()) terms.push(parseOr(lexer));
  const term: SearchTerm = terms.length === 1 ? terms[0]! : { kind: 'and', terms };
  if (schema === undefined && terms.length === 0) throw new SearchSyntaxError('SEARCH needs a schema or a search term', 0);
  return { text, schema, term };
}

export function searchMatches(query: SearchQuery, metric: MetricIdentity): boolean {
  if (query.schema) {
    if (query.schema.namespace !== metric.namespace) return false;
    const names = Object.keys(metric.dimensions);
    if (names.length !== query.schema.dimensionNames.length) return false;
    if (!query.schema.dimensionNames.every((name) => name in metric.dimensions)) return false;
  }
  return termMatches(query.term, metric);
}

function termMatches(term: SearchTerm, metric: MetricIdentity): boolean {
  switch (term.kind) {
    case 'and':
      return term.terms.every((inner) => termMatches(inner, metric));
    case 'or':
      return term.terms.some((inner) => termMatches(inner, metric));
    case 'not':
      return !termMatches(term.term, metric);
    case 'any':
      return true;
    case 'text':
      return fieldValues(term.field, metric).some((value) => textMatches(term.text, term.exact, value));
  }
}

function fieldValues(field: string | undefined, metric: MetricIdentity): string[] {
  if (field === 'MetricName') return [metric.metricName];
  if (field === 'Namespace') return [metric.namespace];
  if (field !== undefined) return field in metric.dimensions ? [metric.dimensions[field]!] : [];
  return [metric.namespace, metric.metricName, ...Object.keys(metric.dimensions), ...Object.values(metric.dimensions)];
}

function textMatches(text: string, exact: boolean, value: string): boolean {
  if (exact) return text === value;
  const wanted = tokenize(text);
  const have = tokenize(value);
  if (wanted.length === 0) return false;
  if (wanted.length === 1) {
    const token = wanted[0]!.toLowerCase();
    return have.some((candidate) => candidate.toLowerCase() === token);
  }
  for (let start = 0; start + wanted.length <= have.length; start++) {
    if (wanted.every((token, offset) => have[start + offset] === token)) return true;
  }
  return false;
}

/**
 * Splits on punctuation, letter/digit changes, lower→upper (`cpuUsage`) and the end of an upper-case run before a
 * capitalised word (`CPUUtilization` → `CPU`, `Utilization`).
 */
export function tokenize(value: string): readonly string[] {
  let tokens = tokenCache.get(value);
  if (tokens === undefined) {
    // Metric names, dimension names and values repeat across thousands of metrics: tokenise each string once.
    if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.clear();
    tokens = splitTokens(value);
    tokenCache.set(value, tokens);
  }
  return tokens;
}

const TOKEN_CACHE_LIMIT = 100_000;
const tokenCache = new Map<string, readonly string[]>();

function splitTokens(value: string): string[] {
  const tokens: string[] = [];
  for (const word of value.split(/[^A-Za-z0-9]+/)) {
    if (word === '') continue;
    const parts = word.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g);
    if (parts) tokens.push(...parts);
  }
  return tokens;
}

function parseSchema(lexer: Lexer): SearchSchema {
  const open = lexer.offset;
  lexer.expectChar('{');
  const names: string[] = [];
  for (;;) {
    lexer.skipSpace();
    if (lexer.atEnd()) throw new SearchSyntaxError('schema has no closing }', open);
    names.push(lexer.readName(',}'));
    lexer.skipSpace();
    const next = lexer.nextChar();
    if (next === '}') break;
    if (next !== ',') throw new SearchSyntaxError(`expected , or } in the schema, got ${JSON.stringify(next)}`, lexer.offset - 1);
  }
  const [namespace, ...dimensionNames] = names;
  if (namespace === undefined || namespace === '') throw new SearchSyntaxError('schema needs a namespace', open);
  return { namespace, dimensionNames };
}

function parseOr(lexer: Lexer): SearchTerm {
  const terms = [parseAnd(lexer)];
  while (lexer.acceptKeyword('OR')) terms.push(parseAnd(lexer));
  return terms.length === 1 ? terms[0]! : { kind: 'or', terms };
}

/** Adjacent terms are ANDed, with or without the keyword. */
function parseAnd(lexer: Lexer): SearchTerm {
  const terms = [parseUnary(lexer)];
  for (;;) {
    if (lexer.acceptKeyword('AND')) {
      terms.push(parseUnary(lexer));
      continue;
    }
    lexer.skipSpace();
    if (lexer.atEnd() || lexer.peekChar() === ')' || lexer.peekKeyword('OR')) break;
    terms.push(parseUnary(lexer));
  }
  return terms.length === 1 ? terms[0]! : { kind: 'and', terms };
}

function parseUnary(lexer: Lexer): SearchTerm {
  if (lexer.acceptKeyword('NOT')) return { kind: 'not', term: parseUnary(lexer) };
  lexer.skipSpace();
  if (lexer.peekChar() === '(') {
    const open = lexer.offset;
    lexer.nextChar();
    const inner = parseOr(lexer);
    lexer.skipSpace();
    if (lexer.nextChar() !== ')') throw new SearchSyntaxError('unbalanced (', open);
    return inner;
  }
  const start = lexer.offset;
  const quoted = lexer.peekChar() === '"';
  const word = lexer.readName('=() ');
  if (word === '' && !quoted) throw new SearchSyntaxError(`unexpected ${JSON.stringify(lexer.peekChar())}`, start);
  lexer.skipSpace();
  // A quoted string is an exact term, unless `=` follows: then it is a quoted designator name (`"Service Name"=x`).
  if (lexer.peekChar() !== '=') return { kind: 'text', field: undefined, text: word, exact: quoted };
  lexer.nextChar();
  lexer.skipSpace();
  const exact = lexer.peekChar() === '"';
  const value = exact ? lexer.readQuoted() : lexer.peekChar() === "'" ? lexer.readQuoted("'") : lexer.readName('() ');
  if (word.startsWith(':aws.')) return { kind: 'any' };
  return { kind: 'text', field: word, text: value, exact };
}

class Lexer {
  offset = 0;
  constructor(private readonly text: string) {}

  atEnd(): boolean {
    this.skipSpace();
    return this.offset >= this.text.length;
  }
  skipSpace(): void {
    while (this.offset < this.text.length && /\s/.test(this.text[this.offset]!)) this.offset++;
  }
  peekChar(): string {
    return this.text[this.offset] ?? '';
  }
  nextChar(): string {
    return this.text[this.offset++] ?? '';
  }
  expectChar(char: string): void {
    if (this.nextChar() !== char) throw new SearchSyntaxError(`expected ${char}`, this.offset - 1);
  }
  peekKeyword(keyword: string): boolean {
    const after = this.text[this.offset + keyword.length];
    return this.text.startsWith(keyword, this.offset) && (after === undefined || /[\s(]/.test(after));
  }
  acceptKeyword(keyword: string): boolean {
    this.skipSpace();
    if (!this.peekKeyword(keyword)) return false;
    this.offset += keyword.length;
    return true;
  }
  /** A bare word up to a space or one of `stops`, or a quoted name. */
  readName(stops: string): string {
    if (this.peekChar() === '"') return this.readQuoted();
    const start = this.offset;
    while (this.offset < this.text.length && !stops.includes(this.text[this.offset]!) && !/\s/.test(this.text[this.offset]!)) {
      this.offset++;
    }
    return this.text.slice(start, this.offset);
  }
  /** `"..."` with `\"`, `\\`, `\(` and `\)` escapes. */
  readQuoted(quote = '"'): string {
    const open = this.offset;
    this.offset++;
    let value = '';
    while (this.offset < this.text.length && this.text[this.offset] !== quote) {
      if (this.text[this.offset] === '\\' && this.offset + 1 < this.text.length) this.offset++;
      value += this.text[this.offset++];
    }
    if (this.offset >= this.text.length) throw new SearchSyntaxError(`unterminated ${quote} string`, open);
    this.offset++;
    return value;
  }
}
