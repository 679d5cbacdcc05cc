/** test/vectors/awsemf.json is complete and every one of its levels is run by the test file of the module it tests. */
import { describe, expect, it } from 'vitest';
import { LEVELS_BY_TEST_FILE, vectors } from './awsemf-vectors.js';

describe('test/vectors/awsemf.json', () => {
  it('has the 122 vectors this suite expects', () => {
    expect(vectors.length).toBe(122);
  });

  it('every vector level is run by a test file', () => {
    const covered = new Set(Object.values(LEVELS_BY_TEST_FILE).flat());
    expect([...new Set(vectors.map((vector) => vector.level))].filter((level) => !covered.has(level))).toEqual([]);
  });
});
