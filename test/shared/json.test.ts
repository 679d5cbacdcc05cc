import { describe, expect, test } from 'vitest';
import { appendStableJson, compareStrings, sortedKeys, stableStringify } from '../../src/shared/json.js';

describe('stable JSON', () => {
  test('sorts keys at every depth, drops undefined members and ends with a newline', () => {
    expect(stableStringify({ b: 1, a: { d: [2, 1], c: undefined } })).toBe('{\n  "a": {\n    "d": [\n      2,\n      1\n    ]\n  },\n  "b": 1\n}\n');
  });

  test('compares strings by UTF-16 code unit, not by locale', () => {
    expect(['b', 'B', 'a', '_'].sort(compareStrings)).toEqual(['B', '_', 'a', 'b']);
  });

  test('sortedKeys gives the keys in code-unit order, whether or not they were inserted so', () => {
    expect(sortedKeys({ a: 1, b: 2, c: 3 })).toEqual(['a', 'b', 'c']);
    expect(sortedKeys({ b: 1, a: 2, B: 3, _: 4 })).toEqual(['B', '_', 'a', 'b']);
    expect(sortedKeys({ z: 1, 10: 2, 9: 3 })).toEqual(['10', '9', 'z']);
    expect(sortedKeys({})).toEqual([]);
  });

  test('appendStableJson writes the bytes of stableStringify, nested at any depth', () => {
    const values: unknown[] = [
      { b: 1, a: [1, { z: undefined, y: 'x\u2028"\\' }, [], {}], c: null, d: -0, e: 1e21, f: '\u0000é😀', g: [undefined, null, true] },
      [],
      {},
      'text',
      3.5,
      { metricName: 'm', dimensions: { b: '2', a: '1' }, source: { series: 3, job: undefined } },
    ];
    for (const value of values) {
      const out: string[] = [];
      appendStableJson(value, 0, out);
      expect(`${out.join('')}\n`).toBe(stableStringify(value));
      const nested: string[] = [];
      appendStableJson(value, 2, nested);
      expect(nested.join('')).toBe(JSON.stringify(JSON.parse(stableStringify(value)), null, 2).replaceAll('\n', '\n    '));
    }
  });
});
