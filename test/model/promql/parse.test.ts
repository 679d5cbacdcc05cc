import { describe, expect, test } from 'vitest';
import { formatPromQLError, parsePromQL, type PromQLSelector } from '../../../src/model/promql/parse.js';
import { random } from '../body/mutate.js';
import { promqlSelector, quotePromQLName, unquotePromQLString, type MatcherSpec } from '../../../src/model/promql/strings.js';

function selectors(query: string): Pick<PromQLSelector, 'metricName' | 'matchers' | 'text'>[] {
  const parsed = parsePromQL(query);
  if (!parsed.ok) throw new Error(formatPromQLError(parsed.error));
  return parsed.selectors.map(({ metricName, matchers, text }) => ({ metricName, matchers, text }));
}

function errorOf(query: string) {
  const parsed = parsePromQL(query);
  if (parsed.ok) throw new Error(`"${query}" parsed`);
  return parsed.error;
}

describe('selectors', () => {
  test('a bare name, and a range selector inside functions and aggregations', () => {
    expect(selectors('sum by (route) (rate(http_requests_total{code=~"5..", method!="GET"}[5m]))')).toEqual([
      {
        metricName: 'http_requests_total',
        matchers: [{ label: 'code', operator: '=~', value: '5..' }, { label: 'method', operator: '!=', value: 'GET' }],
        text: 'http_requests_total{code=~"5..", method!="GET"}',
      },
    ]);
  });

  test('Prometheus 3 quoted names: the metric name and dotted labels (the GCC body)', () => {
    expect(selectors('sum({"claude_code.token.usage", type="input", "@resource.service.name"="claude-code"})')).toEqual([
      {
        metricName: 'claude_code.token.usage',
        matchers: [{ label: 'type', operator: '=', value: 'input' }, { label: '@resource.service.name', operator: '=', value: 'claude-code' }],
        text: '{"claude_code.token.usage", type="input", "@resource.service.name"="claude-code"}',
      },
    ]);
  });

  test('the name from __name__ or @datapoint.@name; a pattern on the name stays a matcher', () => {
    expect(selectors('{__name__="up"} + {"@datapoint.@name"="http.server.active_requests"}').map((s) => s.metricName)).toEqual(['up', 'http.server.active_requests']);
    expect(selectors('{__name__=~"http_.*", job="api"}')).toEqual([
      { metricName: undefined, matchers: [{ label: '__name__', operator: '=~', value: 'http_.*' }, { label: 'job', operator: '=', value: 'api' }], text: '{__name__=~"http_.*", job="api"}' },
    ]);
  });

  test('every selector of a binary expression, escapes and single quotes unquoted', () => {
    expect(selectors(`a{x='it\\'s'} / on (x) group_left b{y="tab\\there"} > 0.5`)).toEqual([
      { metricName: 'a', matchers: [{ label: 'x', operator: '=', value: "it's" }], text: `a{x='it\\'s'}` },
      { metricName: 'b', matchers: [{ label: 'y', operator: '=', value: 'tab\there' }], text: 'b{y="tab\\there"}' },
    ]);
  });

  test('functions, keywords and numbers are not selectors', () => {
    expect(selectors('histogram_quantile(0.99, sum by (le) (rate(x[5m]))) offset 1h')).toHaveLength(1);
    expect(selectors('vector(1) + time()')).toEqual([]);
  });
});

describe('syntax errors carry the position', () => {
  test('an extra bracket', () => {
    expect(errorOf('sum(rate(x[5m])))')).toEqual({ offset: 16, line: 1, column: 17, message: 'unexpected ")"' });
  });

  test('a bare dotted name says to quote it', () => {
    const error = errorOf('sum(rate(http.server.duration[5m]))');
    expect(error.column).toBe(14);
    expect(error.message).toBe('unexpected ".": a name with dots must be quoted, {"http.server.duration"} (or "http.server.duration" inside braces and by (...))');
  });

  test('an unterminated string, an unclosed brace, a query ending early, an empty query', () => {
    expect(errorOf('x{a="open}')).toMatchObject({ offset: 4, message: 'the string "open} has no closing quote' });
    expect(errorOf('rate(x{a="b"[5m])').offset).toBe(12);
    expect(errorOf('sum(x) /')).toMatchObject({ offset: 8, message: expect.stringContaining('ends too early') });
    expect(errorOf('  ').message).toBe('the query is empty');
  });

  test('line and column on a multi-line query', () => {
    const error = errorOf('sum(\n  rate(x[5m]]\n)');
    expect([error.line, error.column]).toEqual([2, 13]);
    expect(formatPromQLError(error)).toBe('PromQL syntax error at line 2, column 13 (offset 17): unexpected "]"');
  });
});

test('strings and names', () => {
  expect(unquotePromQLString('`raw\\n`')).toBe('raw\\n');
  expect(unquotePromQLString('"\\x41\\u00e9\\101"')).toBe('AéA');
  expect(quotePromQLName('http_requests_total')).toBe('http_requests_total');
  expect(quotePromQLName('@resource.service.name')).toBe('"@resource.service.name"');
});

test('selectors written by promqlSelector parse back to the same name and matchers', () => {
  const cases: [string, MatcherSpec[], string][] = [
    ['http_requests_total', [], 'http_requests_total'],
    ['http_requests_total', [['@resource.service.name', '=', 'prod/task-service'], ['code', '=~', '5..']], 'http_requests_total{"@resource.service.name"="prod/task-service", code=~"5.."}'],
    ['http.server.active_requests', [['method', '!=', 'a"b']], '{"http.server.active_requests", method!="a\\"b"}'],
  ];
  for (const [name, matchers, text] of cases) {
    expect(promqlSelector(name, matchers)).toBe(text);
    expect(selectors(text)).toEqual([{ metricName: name, matchers: matchers.map(([label, operator, value]) => ({ label, operator, value })), text }]);
  }
});

test('a regular expression RE2 does not compile is a syntax error at its string', () => {
  const error = errorOf('rate(x{code=~"5(0|2"}[5m])');
  expect(error.offset).toBe(13);
  expect(error.message).toMatch(/^invalid regular expression "5\(0\|2": /);
  expect(errorOf('x{a!~"(?=lookahead)"}').message).toMatch(/^invalid regular expression/);
  expect(parsePromQL('x{a=~"(?i)GET|post", b="(not a regex"}').ok).toBe(true);
});

test('broken matchers are syntax errors, never exceptions', () => {
  for (const query of ['x{a=}', 'x{a}', 'x{=b}', '{"a" =}', 'x{a=~}', 'x{a b}', '{,}', 'x{"a"="b"="c"}']) {
    expect(parsePromQL(query).ok, query).toBe(false);
  }
  expect(errorOf('x{a=}')).toMatchObject({ offset: 4, message: 'unexpected "}"' });
});

test('5,000 mangled queries: a result, never an exception', () => {
  const next = random(4242);
  const seeds = [
    'sum by (route) (rate(http_requests_total{code=~"5..", method!="GET"}[5m]))',
    'sum({"claude_code.token.usage", type="input", "@resource.service.name"="claude-code"})',
    'histogram_quantile(0.99, sum(rate({"http.server.request.duration"}[5m]))) offset 1h',
    `a{x='y'} / on (x) group_left b{y=\`raw\`} > bool 0.5`,
  ];
  const pieces = ['{', '}', '(', ')', '[', ']', '"', "'", '`', '=', '~', '!', ',', '.', ' ', 'by', '@', ':', '5m', '\\', '\n'];
  for (let round = 0; round < 5000; round++) {
    let query = seeds[round % seeds.length]!;
    for (let edits = 1 + Math.floor(next() * 4); edits > 0; edits--) {
      const at = Math.floor(next() * (query.length + 1));
      query = next() < 0.5 ? query.slice(0, at) + query.slice(at + 1) : query.slice(0, at) + pieces[Math.floor(next() * pieces.length)]! + query.slice(at);
    }
    expect(() => parsePromQL(query), query).not.toThrow();
  }
});

test("escapes Go's unquoting refuses are syntax errors", () => {
  expect(errorOf('x{a="\\usage"}')).toMatchObject({ offset: 4, message: 'the string "\\usage" has an invalid escape \\u' });
  expect(errorOf('x{a="\\q"}').message).toBe('the string "\\q" has an invalid escape \\q');
  expect(errorOf(`x{a="it\\'s"}`).message).toBe(`the string "it\\'s" has an invalid escape \\'`);
  expect(parsePromQL(`x{a='it\\'s', b="say \\"hi\\"", c="\\x41\\101\\u00e9\\n", d=\`\\q\`}`).ok).toBe(true);
});
