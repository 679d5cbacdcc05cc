/**
 * Which dimension sets awsemf emits for one data point (docs/sources.md#awsemf): the full label set plus the
 * `dimension_rollup_option` rollups, or, with metric_declarations, the declared sets plus the rollups.
 */
import { byteOrder, extractDimensions, matchesLabels, matchesName, type Labels, type ValidDeclaration } from './declarations.js';

export const OTEL_LIB = 'OTelLib';
export const ZERO_AND_SINGLE = 'ZeroAndSingleDimensionRollup';
export const SINGLE_ONLY = 'SingleDimensionRollupOnly';
export const NO_ROLLUP = 'NoDimensionRollup';

export type DimensionSet = readonly string[];

/** What the option really does: only the two rollup names trigger rollups; anything else is NoDimensionRollup. */
export function effectiveRollup(option: string): typeof ZERO_AND_SINGLE | typeof SINGLE_ONLY | typeof NO_ROLLUP {
  return option === ZERO_AND_SINGLE || option === SINGLE_ONLY ? option : NO_ROLLUP;
}

/** Zero and single rollups: OTelLib is never rolled away; zero only when a non-OTelLib label exists. */
export function dimensionRollup(option: string, labels: Labels): string[][] {
  const rollup = effectiveRollup(option);
  if (rollup === NO_ROLLUP) return [];
  const zero = Object.hasOwn(labels, OTEL_LIB) ? [OTEL_LIB] : [];
  const names = Object.keys(labels).filter((name) => name !== OTEL_LIB);
  const sets: string[][] = [];
  if (rollup === ZERO_AND_SINGLE && names.length > 0) sets.push(zero);
  for (const name of names) sets.push([...zero, name].sort(byteOrder));
  return sets;
}

/** Without declarations: the full set (dropped when it equals the single rollup) plus the rollups. */
export function dimensionSetsWithoutDeclarations(option: string, labels: Labels): string[][] {
  const full = Object.keys(labels).sort(byteOrder);
  const rollups = dimensionRollup(option, labels);
  const isSingleLabel = full.length <= 1 || (full.length === 2 && Object.hasOwn(labels, OTEL_LIB));
  if (rollups.length > 0 && isSingleLabel && effectiveRollup(option) !== NO_ROLLUP) return rollups;
  return [full, ...rollups];
}

/**
 * With declarations: for a metric the declarations (already filtered by the event's labels) select by name, the
 * declared sets present in the labels plus the rollups, deduped by sorted names. `[]` when the metric is not
 * extracted at all (no declaration matched, or nothing left).
 */
export function dimensionSetsWithDeclarations(
  option: string,
  labels: Labels,
  metricName: string,
  declarations: readonly ValidDeclaration[],
  honourEmptySet = true,
): string[][] {
  const matched = declarations.filter((declaration) => matchesLabels(declaration, labels) && matchesName(declaration, metricName));
  if (matched.length === 0) return [];
  const sets = [...matched.flatMap((declaration) => extractDimensions(declaration, labels, honourEmptySet)), ...dimensionRollup(option, labels)];
  return dedupDimensionSets(sets);
}

export function dedupDimensionSets(sets: readonly DimensionSet[]): string[][] {
  const seen = new Set<string>();
  const result: string[][] = [];
  for (const set of sets) {
    const sorted = [...set].sort(byteOrder);
    const key = sorted.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(sorted);
  }
  return result;
}

/** One entry point: declarations when any survived validation (`metric_declaration.go`), else the plain path. */
export function dimensionSetsFor(
  option: string,
  labels: Labels,
  metricName: string,
  declarations: readonly ValidDeclaration[],
  honourEmptySet = true,
): string[][] {
  return declarations.length > 0
    ? dimensionSetsWithDeclarations(option, labels, metricName, declarations, honourEmptySet)
    : dimensionSetsWithoutDeclarations(option, labels);
}
