/** The labels and data points awsemf builds from a metric (vectors from its Go tests). */
import { describe, expect, it } from 'vitest';
import { summaryDataPoints } from '../../../src/analysis/awsemf/data-points.js';
import { labelsOf, LEVELS_BY_TEST_FILE, vectorCases } from './awsemf-vectors.js';

describe('EMF labels and data points (test/vectors/awsemf.json)', () => {
  it.each(vectorCases(LEVELS_BY_TEST_FILE['data-points.test.ts']!))('%s', (_name, vector) => {
    if (vector.level === 'datapoints') expect(summaryDataPoints(vector.metricName!, vector.labels!, [0, 100], true)).toEqual(vector.expectedDatapoints);
    else expect(labelsOf(vector)).toEqual(vector.expectedLabels);
  });
});
