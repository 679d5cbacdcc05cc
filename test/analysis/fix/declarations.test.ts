/** The metric_declarations a fix generates: exact selectors, one declaration per shape of read sets. */
import { describe, expect, test } from 'vitest';
import { initDeclarations, matchesName } from '../../../src/analysis/awsemf/declarations.js';
import { exactSelector, MATCH_NOTHING, planDeclarations } from '../../../src/analysis/fix/declarations.js';

const NS = 'prod/task-service';
const metric = (metricName: string, dimensions: Record<string, string>) => ({ namespace: NS, metricName, dimensions });

describe('generated metric_declarations', () => {
  test('one declaration per shape of read dimension sets, exact selectors, sorted', () => {
    const plan = planDeclarations(
      [
        metric('http_requests_total', { route: '/a', method: 'GET' }),
        metric('http_requests_total', { route: '/b', method: 'GET' }),
        metric('http_request_duration_seconds', { method: 'GET', route: '/a' }),
        metric('http_request_duration_seconds', { route: '/a' }),
        metric('up', {}),
      ],
      { honoursEmptyDeclaredSet: true },
    );
    expect(plan).toEqual({
      declarations: [
        { dimensions: [['method', 'route'], ['route']], metric_name_selectors: ['^http_request_duration_seconds$'] },
        { dimensions: [['method', 'route']], metric_name_selectors: ['^http_requests_total$'] },
        { dimensions: [[]], metric_name_selectors: ['^up$'] },
      ],
      notes: [],
    });
  });

  test('selectors are exact even for names with regex characters, as the exporter compiles them', () => {
    const selector = exactSelector('weird.name+(x)');
    expect(selector).toBe('^weird\\.name\\+\\(x\\)$');
    const { declarations } = initDeclarations([{ dimensions: [[]], metricNameSelectors: [selector], labelMatchers: [] }], { invalidMatcherIsFatal: false });
    expect(matchesName(declarations[0]!, 'weird.name+(x)')).toBe(true);
    expect(matchesName(declarations[0]!, 'weirdXname+(x)')).toBe(false);
  });

  test('keeping nothing still needs one declaration, one that selects nothing', () => {
    const plan = planDeclarations([], { honoursEmptyDeclaredSet: true });
    expect(plan.declarations).toEqual([{ dimensions: [[]], metric_name_selectors: [MATCH_NOTHING] }]);
    const { declarations } = initDeclarations([{ dimensions: [[]], metricNameSelectors: [MATCH_NOTHING], labelMatchers: [] }], { invalidMatcherIsFatal: false });
    expect(declarations).toHaveLength(1);
    expect(matchesName(declarations[0]!, 'up')).toBe(false);
  });

  test('what cannot be declared is said, not silently dropped', () => {
    const wide = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`d${i}`, 'v']));
    const plan = planDeclarations([metric('wide', wide), metric('up', {})], { honoursEmptyDeclaredSet: false });
    expect(plan.notes).toEqual([
      'wide {d0,d1,d10,d2,d3,d4,d5,d6,d7,d8,d9}: more than 10 dimensions cannot be declared; it is not kept',
      'up {}: this collector version ignores a declared empty set, so the zero-dimension metric is not kept',
    ]);
  });
});
