/** The dimension sets awsemf gives a metric: its labels, the rollup option and the declarations (vectors from its Go tests). */
import { describe, expect, it } from 'vitest';
import { dimensionSetsFor } from '../../../src/analysis/awsemf/dimension-sets.js';
import { canonical, labelsOf, LEVELS_BY_TEST_FILE, validDeclarations, vectorCases } from './awsemf-vectors.js';

describe('dimension sets (test/vectors/awsemf.json)', () => {
  it.each(vectorCases(LEVELS_BY_TEST_FILE['dimension-sets.test.ts']!))('%s', (_name, vector) => {
    const sets = dimensionSetsFor(vector.rollup ?? '', labelsOf(vector), vector.metricName!, validDeclarations(vector.declarations));
    expect(canonical(sets)).toEqual(canonical(vector.expectedDimensionSets!));
    for (const other of (vector.otherMetricsSameResult as string[] | undefined) ?? []) {
      expect(canonical(dimensionSetsFor(vector.rollup ?? '', labelsOf(vector), other, validDeclarations(vector.declarations)))).toEqual(canonical(sets));
    }
  });
});
