/**
 * Which row ids a metric math expression refers to. CloudWatch functions are upper case and ids start with a lower-case
 * letter, so every lower-case-first identifier outside a string literal is a reference. Like CDK, expressions that
 * pick their inputs some other way (SEARCH, SELECT, METRICS(), INSIGHT_RULE_METRIC) are not checked.
 */

const UNCHECKABLE = /\b(SEARCH|SELECT|METRICS|INSIGHT_RULE_METRIC)\b/;
const STRING_LITERAL = /'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g;
const IDENTIFIER = /\b[a-z][a-zA-Z0-9_]*\b/g;

/** The ids an expression reads, in order of first use; `undefined` when the expression cannot be checked. */
export function referencedIds(expression: string): string[] | undefined {
  if (UNCHECKABLE.test(expression)) return undefined;
  const withoutStrings = expression.replace(STRING_LITERAL, ' ');
  const ids = new Set<string>();
  for (const match of withoutStrings.matchAll(IDENTIFIER)) ids.add(match[0]);
  return [...ids];
}

export function isSearchExpression(expression: string): boolean {
  return /\bSEARCH\s*\(/.test(expression);
}

export function isInsightsQuery(expression: string): boolean {
  return /^\s*SELECT\b/i.test(expression);
}

/** The query string of `SEARCH('query', ...)`, for the 1,024-character limit. */
export function searchQueryText(expression: string): string | undefined {
  return /\bSEARCH\s*\(\s*'((?:[^'\\]|\\.)*)'/.exec(expression)?.[1];
}
