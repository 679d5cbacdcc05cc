/**
 * PromQL as CloudWatch runs it (Prometheus 3 semantics, UTF-8 names: docs/sources.md#otel-metrics), parsed with the Prometheus
 * project's own grammar (`@prometheus-io/lezer-promql`, the parser of Prometheus' web UI). Its 3.x grammar already
 * has the quoted-name syntax (`{"http.server.active_requests"}`, `sum by ("@resource.service.name")`), so nothing
 * is rewritten before parsing. lezer recovers from errors instead of throwing: the first error node of the tree is
 * the syntax error, reported with its offset, line and column. The grammar also accepts a string literal without its
 * closing quote (made for editors that parse while the user types); that is an error here, and so are an escape
 * Go's unquoting refuses and a regular expression RE2 does not compile (Prometheus compiles matchers while parsing).
 */
import { parser } from '@prometheus-io/lezer-promql';
import { GoRegexp, isGoRegexp } from '../../shared/go-regexp.js';
import { invalidEscape, unquotePromQLString } from './strings.js';

type SyntaxNode = ReturnType<typeof parser.parse>['topNode'];

export type MatchOperator = '=' | '!=' | '=~' | '!~';

export interface LabelMatcher {
  /** The label as written, unquoted: `method`, `@resource.service.name`, `__name__`. */
  readonly label: string;
  readonly operator: MatchOperator;
  readonly value: string;
}

/** One vector selector (`name{matchers}`), also the inside of a range selector (`name{...}[5m]`). */
export interface PromQLSelector {
  /**
   * The metric name when the selector pins one (docs/sources.md#otel-metrics): the bare identifier before `{`, else the first
   * quoted string in braces with no operator, else an `=` matcher on `__name__` or `@datapoint.@name`.
   */
  readonly metricName: string | undefined;
  /** Every other matcher, in query order (a `=~` on `__name__` stays here: it selects names by pattern). */
  readonly matchers: readonly LabelMatcher[];
  /** The selector as written in the query. */
  readonly text: string;
}

export interface PromQLSyntaxError {
  /** 0-based offset into the query. */
  readonly offset: number;
  /** 1-based line and column, for messages. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export type ParsedPromQL =
  | { readonly ok: true; readonly selectors: readonly PromQLSelector[] }
  | { readonly ok: false; readonly error: PromQLSyntaxError };

/** The labels that name the metric in CloudWatch's PromQL besides the bare name. */
export const NAME_LABELS: ReadonlySet<string> = new Set(['__name__', '@datapoint.@name']);

export function parsePromQL(query: string): ParsedPromQL {
  if (query.trim() === '') return { ok: false, error: errorAt(query, 0, 'the query is empty') };
  const tree = parser.parse(query);
  // Selectors are read once the whole query parsed: a recovered tree can hold a matcher without its value.
  const selectorNodes: SyntaxNode[] = [];
  let problem: PromQLSyntaxError | undefined;
  tree.iterate({
    enter(ref) {
      if (problem) return false;
      if (ref.type.isError) {
        problem = errorAt(query, ref.from, describeError(query, ref.from, ref.to));
        return false;
      }
      if (ref.name === 'StringLiteral') {
        problem = stringProblem(query, ref.from, ref.to);
        if (problem) return false;
      }
      if (ref.name === 'VectorSelector') selectorNodes.push(ref.node);
      if (ref.name === 'UnquotedLabelMatcher' || ref.name === 'QuotedLabelMatcher') problem = regexProblem(ref.node, query);
      return undefined;
    },
  });
  return problem ? { ok: false, error: problem } : { ok: true, selectors: selectorNodes.map((node) => selectorOf(node, query)) };
}

/** The text a validation message puts after the dataPath: where (line, column, offset), then what is wrong. */
export function formatPromQLError(error: PromQLSyntaxError): string {
  return `PromQL syntax error at line ${error.line}, column ${error.column} (offset ${error.offset}): ${error.message}`;
}

function selectorOf(node: SyntaxNode, query: string): PromQLSelector {
  const text = (child: SyntaxNode) => query.slice(child.from, child.to);
  let metricName = node.getChild('Identifier') ? text(node.getChild('Identifier')!) : undefined;
  const matchers: LabelMatcher[] = [];
  for (let child = node.getChild('LabelMatchers')?.firstChild; child; child = child.nextSibling) {
    if (child.name === 'QuotedLabelName') {
      // A quoted string with no operator is the metric name; a second one would be a second name (Prometheus rejects it).
      const name = unquotePromQLString(text(child));
      if (metricName === undefined) metricName = name;
      else matchers.push({ label: '__name__', operator: '=', value: name });
      continue;
    }
    if (child.name !== 'UnquotedLabelMatcher' && child.name !== 'QuotedLabelMatcher') continue;
    const labelNode = child.firstChild!;
    const label = labelNode.name === 'QuotedLabelName' ? unquotePromQLString(text(labelNode)) : text(labelNode);
    const operator = text(child.getChild('MatchOp')!) as MatchOperator;
    const value = unquotePromQLString(text(child.getChild('StringLiteral')!));
    matchers.push({ label, operator, value });
  }
  if (metricName === undefined) {
    const byLabel = matchers.findIndex((matcher) => NAME_LABELS.has(matcher.label) && matcher.operator === '=');
    if (byLabel >= 0) metricName = matchers.splice(byLabel, 1)[0]!.value;
  }
  return { metricName, matchers, text: query.slice(node.from, node.to) };
}

/** A string without its closing quote (the grammar allows it, for editors), or with an escape Go does not know. */
function stringProblem(query: string, from: number, to: number): PromQLSyntaxError | undefined {
  const literal = query.slice(from, to);
  const shown = literal.length > 20 ? `${literal.slice(0, 20)}…` : literal;
  if (!isTerminated(literal)) return errorAt(query, from, `the string ${shown} has no closing quote`);
  const escape = invalidEscape(literal);
  return escape === undefined ? undefined : errorAt(query, from, `the string ${shown} has an invalid escape ${escape}`);
}

/** Prometheus compiles `=~`/`!~` values as fully anchored RE2 when it parses the query: a bad one is a parse error. */
function regexProblem(matcher: SyntaxNode, query: string): PromQLSyntaxError | undefined {
  const operator = matcher.getChild('MatchOp');
  const literal = matcher.getChild('StringLiteral');
  if (!operator || !literal || !/~/.test(query.slice(operator.from, operator.to))) return undefined;
  const text = query.slice(literal.from, literal.to);
  if (!isTerminated(text)) return undefined; // reported as an unterminated string
  const compiled = GoRegexp.compile(unquotePromQLString(text), true);
  return isGoRegexp(compiled) ? undefined : errorAt(query, literal.from, `invalid regular expression ${text}: ${compiled.error}`);
}

/** The grammar lets a string run to the end of the line without its closing quote; PromQL does not. */
function isTerminated(literal: string): boolean {
  const quote = literal[0]!;
  if (quote === '`') return literal.length >= 2 && literal.endsWith('`');
  for (let index = 1; index < literal.length; index++) {
    if (literal[index] === '\\') index++;
    else if (literal[index] === quote) return index === literal.length - 1;
  }
  return false;
}

function describeError(query: string, from: number, to: number): string {
  if (from >= query.length) return 'the query ends too early (an unclosed bracket, or an operator without its right-hand side?)';
  const found = to > from ? query.slice(from, to) : query[from]!;
  // The most common mistake with OTel names: a dotted name written bare. Prometheus 3 wants it quoted.
  const head = /[A-Za-z_:][A-Za-z0-9_:.]*$/.exec(query.slice(0, from));
  if (found.startsWith('.') && head) {
    const name = head[0] + /^[A-Za-z0-9_:.]*/.exec(query.slice(from))![0];
    return `unexpected "${found}": a name with dots must be quoted, {"${name}"} (or "${name}" inside braces and by (...))`;
  }
  return `unexpected ${JSON.stringify(found.length > 30 ? `${found.slice(0, 30)}…` : found)}`;
}

function errorAt(query: string, offset: number, message: string): PromQLSyntaxError {
  const before = query.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { offset, line, column, message };
}
