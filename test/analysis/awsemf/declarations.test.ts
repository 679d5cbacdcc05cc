/** metric_declarations as the awsemf exporter compiles and matches them (vectors from its Go tests). */
import { describe, expect, it } from 'vitest';
import {
  concatenatedLabels, extractDimensions, initDeclaration, labelMatcherMatches, matchesLabels, matchesName,
} from '../../../src/analysis/awsemf/declarations.js';
import { canonical, LEVELS_BY_TEST_FILE, matcherOf, toDeclaration, validDeclarations, vectorCases } from './awsemf-vectors.js';

describe('metric declarations (test/vectors/awsemf.json)', () => {
  it.each(vectorCases(LEVELS_BY_TEST_FILE['declarations.test.ts']!))('%s', (_name, vector) => {
    switch (vector.level) {
      case 'extractDimensions':
        expect(canonical(extractDimensions(validDeclarations(vector.declarations)[0]!, vector.labels!))).toEqual(canonical(vector.expectedDimensionSets!));
        break;
      case 'declarationInit': {
        const result = initDeclaration(toDeclaration(vector.declarations![0]!), { invalidMatcherIsFatal: false });
        if (typeof vector.expectedError === 'string') {
          expect(result.declaration).toBeUndefined();
          expect(result.warnings[0]!.message).toContain(vector.expectedError);
        } else {
          expect(result.declaration!.dimensions).toEqual(vector.expectedDimensionSets);
        }
        break;
      }
      case 'labelMatcherConcat':
        expect(concatenatedLabels(matcherOf(vector), vector.labels!)).toBe(vector.expectedConcatenated);
        break;
      case 'labelMatcher':
        expect(labelMatcherMatches(matcherOf(vector), vector.labels!)).toBe(vector.expectedMatch);
        break;
      case 'declarationMatchesLabels':
        expect(matchesLabels(validDeclarations(vector.declarations)[0]!, vector.labels!)).toBe(vector.expectedMatch);
        break;
      case 'nameSelector':
        expect(matchesName(validDeclarations(vector.declarations)[0]!, vector.metricName!)).toBe(vector.expectedMatch);
        break;
      default:
        throw new Error(`vector level ${vector.level} is not a declarations level`);
    }
  });
});
