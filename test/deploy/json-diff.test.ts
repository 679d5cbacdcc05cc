import { describe, expect, test } from 'vitest';
import { sameJson } from '../../src/shared/same-json.js';
import { diffJson } from '../../src/deploy/json-diff.js';
import { formatChange, renderPlanText } from '../../src/outputs/deployment-plan.js';

describe('sameJson', () => {
  test('ignores key order and whitespace-level differences, not values', () => {
    const sent = JSON.parse('{"widgets":[{"type":"text","x":0,"properties":{"markdown":"a"}}],"start":"-PT3H"}');
    const returned = JSON.parse('{ "start" : "-PT3H", "widgets" : [ { "properties": {"markdown":"a"}, "x": 0.0, "type": "text" } ] }');
    expect(sameJson(sent, returned)).toBe(true);
    expect(sameJson(sent, { ...returned, start: '-PT6H' })).toBe(false);
  });

  test('array order matters; an undefined member equals an absent one', () => {
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson({ a: null }, { a: undefined })).toBe(false);
    expect(sameJson({ a: [] }, { a: {} })).toBe(false);
  });
});

describe('diffJson', () => {
  test('reports changes at JSON pointers, metric rows as whole values', () => {
    const before = {
      widgets: [
        { type: 'metric', properties: { title: 'API', metrics: [['prod/api', 'latency', 'pod', 'a']], stacked: true } },
        { type: 'text', properties: { markdown: 'old' } },
      ],
    };
    const after = {
      widgets: [{ type: 'metric', properties: { title: 'API latency', metrics: [['prod/api', 'latency', 'pod', 'b']], 'a/b': 1 } }],
    };
    const changes = diffJson(before, after);
    expect(changes).toEqual([
      { kind: 'added', path: '/widgets/0/properties/a~1b', after: 1 },
      { kind: 'changed', path: '/widgets/0/properties/metrics/0', before: ['prod/api', 'latency', 'pod', 'a'], after: ['prod/api', 'latency', 'pod', 'b'] },
      { kind: 'removed', path: '/widgets/0/properties/stacked', before: true },
      { kind: 'changed', path: '/widgets/0/properties/title', before: 'API', after: 'API latency' },
      { kind: 'removed', path: '/widgets/1', before: { type: 'text', properties: { markdown: 'old' } } },
    ]);
    expect(changes.map(formatChange).join('')).toBe(
      [
        '    + /widgets/0/properties/a~1b: 1',
        '    ~ /widgets/0/properties/metrics/0: ["prod/api","latency","pod","a"] → ["prod/api","latency","pod","b"]',
        '    - /widgets/0/properties/stacked: true',
        '    ~ /widgets/0/properties/title: "API" → "API latency"',
        '    - /widgets/1: {"properties":{"markdown":"old"},"type":"text"}',
        '',
      ].join('\n'),
    );
  });

  test('equal documents have no changes', () => {
    expect(diffJson({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
  });
});

describe('renderPlanText', () => {
  const plan = {
    actions: [
      { kind: 'update' as const, name: 'ops-a', sourceFile: 'dashboards/a.ts', bodyText: '{}', changes: diffJson({ title: 'A', stacked: true }, { title: 'B', legend: 'bottom' }) },
    ],
  };

  test('colours diff lines only when asked (a terminal)', () => {
    const plain = renderPlanText({ plan }, { showDiff: true });
    expect(plain).not.toContain('\u001b[');
    const colored = renderPlanText({ plan }, { showDiff: true, color: true });
    expect(colored).toContain('\u001b[32m    + /legend: "bottom"\u001b[0m\n');
    expect(colored).toContain('\u001b[31m    - /stacked: true\u001b[0m\n');
    expect(colored).toContain('\u001b[33m    ~ /title: "A" → "B"\u001b[0m\n');
  });
});
