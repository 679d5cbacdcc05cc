import { describe, expect, test } from 'vitest';
import { compareStrings, stableStringify } from '../../src/shared/json.js';

describe('stable JSON', () => {
  test('sorts keys at every depth, drops undefined members and ends with a newline', () => {
    expect(stableStringify({ b: 1, a: { d: [2, 1], c: undefined } })).toBe('{\n  "a": {\n    "d": [\n      2,\n      1\n    ]\n  },\n  "b": 1\n}\n');
  });

  test('compares strings by UTF-16 code unit, not by locale', () => {
    expect(['b', 'B', 'a', '_'].sort(compareStrings)).toEqual(['B', '_', 'a', 'b']);
  });
});
