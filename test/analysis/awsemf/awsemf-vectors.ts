/**
 * The vectors of test/vectors/awsemf.json (cases from the exporter's and receiver's own Go tests), shared by the test
 * file of each module they exercise; `vectors.test.ts` checks that every level belongs to one of them.
 */
import { readFileSync } from 'node:fs';
import type { MetricDeclaration } from '../../../src/sources/collector-config/model.js';
import { byteOrder, initDeclarations } from '../../../src/analysis/awsemf/declarations.js';
import { emfLabels } from '../../../src/analysis/awsemf/data-points.js';
import { GoRegexp } from '../../../src/shared/go-regexp.js';

export interface RawDeclaration {
  dimensions: string[][];
  metric_name_selectors: string[];
  label_matchers?: { label_names: string[]; regex: string; separator?: string }[];
}

export interface Vector {
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

export const vectors = (JSON.parse(readFileSync(new URL('../../vectors/awsemf.json', import.meta.url), 'utf8')) as { vectors: Vector[] }).vectors;

/** The levels each test file runs, so that none is left without a test. */
export const LEVELS_BY_TEST_FILE: Readonly<Record<string, readonly string[]>> = {
  'declarations.test.ts': ['extractDimensions', 'declarationInit', 'labelMatcherConcat', 'labelMatcher', 'declarationMatchesLabels', 'nameSelector'],
  'dimension-sets.test.ts': ['measurement', 'measurementWithDeclarations'],
  'data-points.test.ts': ['createLabels', 'groupedLabels', 'datapoints'],
  'resource.test.ts': ['namespace', 'groupedLabels', 'logInfo', 'promResource'],
};

/** `[name, vector]` pairs of the given levels, named by index, level and Go test, for `it.each`. */
export function vectorCases(levels: readonly string[]): [string, Vector][] {
  return vectors
    .map((vector, index) => [vector, index] as const)
    .filter(([vector]) => levels.includes(vector.level))
    .map(([vector, index]) => [`#${index} ${vector.level}: ${vector.source.split('::')[1] ?? vector.source}${vector.metricName ? ` (${vector.metricName})` : ''}`, vector]);
}

export function toDeclaration(raw: RawDeclaration): MetricDeclaration {
  return {
    dimensions: raw.dimensions,
    metricNameSelectors: raw.metric_name_selectors,
    labelMatchers: (raw.label_matchers ?? []).map((m) => ({ labelNames: m.label_names, regex: m.regex, separator: m.separator || ';' })),
  };
}

export const validDeclarations = (raws: RawDeclaration[] | null) => initDeclarations((raws ?? []).map(toDeclaration), { invalidMatcherIsFatal: false }).declarations;
export const labelsOf = (vector: Vector) => emfLabels(vector.labels ?? {}, vector.scope ?? '');
export const canonical = (sets: readonly (readonly string[])[]) => sets.map((set) => [...set].sort(byteOrder).join(',')).sort(byteOrder);
export const matcherOf = (vector: Vector) => {
  const raw = vector.labelMatcher as { label_names: string[]; regex: string; separator?: string };
  return { labelNames: raw.label_names, separator: raw.separator || ';', regex: GoRegexp.compile(raw.regex) as GoRegexp };
};
