/** Every vector of test/vectors/awsemf.json (cases from the exporter's and receiver's own Go tests) as a test. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MetricDeclaration } from '../../../src/sources/collector-config/model.js';
import {
  concatenatedLabels, extractDimensions, initDeclaration, initDeclarations, labelMatcherMatches, matchesLabels, matchesName,
  byteOrder,
} from '../../../src/analysis/awsemf/declarations.js';
import { dimensionSetsFor } from '../../../src/analysis/awsemf/dimension-sets.js';
import { emfLabels, summaryDataPoints } from '../../../src/analysis/awsemf/data-points.js';
import { emfLogGroup, emfLogStream, emfNamespace, prometheusResourceAttributes } from '../../../src/analysis/awsemf/resource.js';
import { GoRegexp } from '../../../src/shared/go-regexp.js';

interface RawDeclaration {
  dimensions: string[][];
  metric_name_selectors: string[];
  label_matchers?: { label_names: string[]; regex: string; separator?: string }[];
}
interface Vector {
  source: string;
  level: string;
  rollup: string | null;
  declarations: RawDeclaration[] | null;
  scope: string | null;
  labels: Record<string, string> | null;
  metricName: string | null;
  expectedDimensionSets: string[][] | null;
  [key: string]: unknown;
}

const vectors = (JSON.parse(readFileSync(new URL('../../vectors/awsemf.json', import.meta.url), 'utf8')) as { vectors: Vector[] }).vectors;

function toDeclaration(raw: RawDeclaration): MetricDeclaration {
  return {
    dimensions: raw.dimensions,
    metricNameSelectors: raw.metric_name_selectors,
    labelMatchers: (raw.label_matchers ?? []).map((m) => ({ labelNames: m.label_names, regex: m.regex, separator: m.separator || ';' })),
  };
}

const valid = (raws: RawDeclaration[] | null) => initDeclarations((raws ?? []).map(toDeclaration), { invalidMatcherIsFatal: false }).declarations;
const labelsOf = (vector: Vector) => emfLabels(vector.labels ?? {}, vector.scope ?? '');
const canonical = (sets: readonly (readonly string[])[]) => sets.map((set) => [...set].sort(byteOrder).join(',')).sort(byteOrder);
const matcherOf = (vector: Vector) => {
  const raw = vector.labelMatcher as { label_names: string[]; regex: string; separator?: string };
  return { labelNames: raw.label_names, separator: raw.separator || ';', regex: GoRegexp.compile(raw.regex) as GoRegexp };
};

describe('test/vectors/awsemf.json', () => {
  it('has the 122 vectors this suite expects', () => {
    expect(vectors.length).toBe(122);
  });

  for (const [index, vector] of vectors.entries()) {
    const name = `#${index} ${vector.level}: ${vector.source.split('::')[1] ?? vector.source}${vector.metricName ? ` (${vector.metricName})` : ''}`;
    it(name, () => {
      switch (vector.level) {
        case 'measurement':
        case 'measurementWithDeclarations': {
          const sets = dimensionSetsFor(vector.rollup ?? '', labelsOf(vector), vector.metricName!, valid(vector.declarations));
          expect(canonical(sets)).toEqual(canonical(vector.expectedDimensionSets!));
          for (const other of (vector.otherMetricsSameResult as string[] | undefined) ?? []) {
            expect(canonical(dimensionSetsFor(vector.rollup ?? '', labelsOf(vector), other, valid(vector.declarations)))).toEqual(canonical(sets));
          }
          break;
        }
        case 'extractDimensions':
          expect(canonical(extractDimensions(valid(vector.declarations)[0]!, vector.labels!))).toEqual(canonical(vector.expectedDimensionSets!));
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
          expect(matchesLabels(valid(vector.declarations)[0]!, vector.labels!)).toBe(vector.expectedMatch);
          break;
        case 'nameSelector':
          expect(matchesName(valid(vector.declarations)[0]!, vector.metricName!)).toBe(vector.expectedMatch);
          break;
        case 'createLabels':
          expect(labelsOf(vector)).toEqual(vector.expectedLabels);
          break;
        case 'groupedLabels': {
          expect(labelsOf(vector)).toEqual(vector.expectedLabels);
          const resource: Record<string, string> = vector.expectedNamespace === 'default' ? {} : { 'service.name': 'myServiceName', 'service.namespace': 'myServiceNS' };
          expect(emfNamespace('', resource)).toBe(vector.expectedNamespace);
          break;
        }
        case 'namespace':
          expect(emfNamespace(vector.configNamespace as string, vector.resourceAttributes as Record<string, string>)).toBe(vector.expectedNamespace);
          break;
        case 'logInfo': {
          const resource = { 'aws.ecs.cluster.name': 'test-cluster-name', 'aws.ecs.task.id': 'test-task-id' };
          expect(emfLogGroup(vector.configLogGroup as string, vector.namespace as string, resource)).toBe(vector.expectedLogGroup);
          expect(emfLogStream(vector.configLogStream as string, resource)).toBe(vector.expectedLogStream);
          break;
        }
        case 'promResource': {
          const style = vector.source.includes('@v0.45.1') ? 'legacy' : vector.source.includes('duplicates') ? 'net+server' : 'server';
          const target = { job: vector.job as string, instance: vector.instance as string, scheme: vector.scheme as string };
          expect(prometheusResourceAttributes(target, style)).toEqual(vector.expectedResource);
          break;
        }
        case 'datapoints': {
          const points = summaryDataPoints(vector.metricName!, vector.labels!, [0, 100], true);
          expect(points).toEqual(vector.expectedDatapoints);
          break;
        }
        default:
          throw new Error(`vector level ${vector.level} has no test`);
      }
    });
  }
});
