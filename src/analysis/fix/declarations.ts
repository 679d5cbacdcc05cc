/**
 * The awsemf `metric_declarations` that keep exactly the dimension sets something reads (docs/sources.md#awsemf), paired
 * with `dimension_rollup_option: NoDimensionRollup` so the exporter adds no rollup copies on top. A declaration keeps
 * whole dimension sets (every value of `route`, not only `/tasks`): the exporter cannot filter on values without
 * label matchers that would also drop sibling metrics of the same event.
 */
import { byteOrder, MAX_DECLARED_DIMENSIONS } from '../../analysis/awsemf/declarations.js';
import type { MetricIdentity } from '../../model/metric-identity.js';

export interface GeneratedDeclaration {
  readonly dimensions: readonly (readonly string[])[];
  readonly metric_name_selectors: readonly string[];
}

export interface DeclarationPlan {
  readonly declarations: readonly GeneratedDeclaration[];
  /** Things the generated config cannot keep, in words for the report. */
  readonly notes: readonly string[];
}

export interface DeclarationPlanOptions {
  /** False for contrib ≤ 0.59 (ADOT 0.17), which skips a declared `[]`: zero-dimension reads cannot be kept there. */
  readonly honoursEmptyDeclaredSet: boolean;
}

/**
 * Selector that matches no metric name. Zero declarations would switch the exporter back to "everything" (in
 * `metric_declaration.go`, filtering is on only while at least one declaration is valid), so "keep nothing" needs one that selects nothing.
 */
export const MATCH_NOTHING = '^$';

export function planDeclarations(kept: readonly MetricIdentity[], options: DeclarationPlanOptions): DeclarationPlan {
  const notes: string[] = [];
  const setsByName = new Map<string, Map<string, string[]>>();
  for (const metric of kept) {
    const names = Object.keys(metric.dimensions).sort(byteOrder);
    if (names.length > MAX_DECLARED_DIMENSIONS) {
      notes.push(`${metric.metricName} {${names.join(',')}}: more than ${MAX_DECLARED_DIMENSIONS} dimensions cannot be declared; it is not kept`);
      continue;
    }
    if (names.length === 0 && !options.honoursEmptyDeclaredSet) {
      notes.push(`${metric.metricName} {}: this collector version ignores a declared empty set, so the zero-dimension metric is not kept`);
      continue;
    }
    const sets = setsByName.get(metric.metricName) ?? new Map<string, string[]>();
    sets.set(names.join(','), names);
    setsByName.set(metric.metricName, sets);
  }
  // Metric names with the same list of sets share one declaration: shorter config, same effect.
  const byShape = new Map<string, { dimensions: string[][]; names: string[] }>();
  for (const [metricName, sets] of [...setsByName.entries()].sort(([a], [b]) => byteOrder(a, b))) {
    const dimensions = [...sets.entries()].sort(([a], [b]) => byteOrder(a, b)).map(([, names]) => names);
    const shape = JSON.stringify(dimensions);
    const entry = byShape.get(shape) ?? { dimensions, names: [] };
    entry.names.push(metricName);
    byShape.set(shape, entry);
  }
  const declarations = [...byShape.values()]
    .map((entry) => ({ dimensions: entry.dimensions, metric_name_selectors: entry.names.map(exactSelector) }))
    .sort((a, b) => byteOrder(a.metric_name_selectors[0]!, b.metric_name_selectors[0]!));
  if (declarations.length === 0) return { declarations: [{ dimensions: [[]], metric_name_selectors: [MATCH_NOTHING] }], notes };
  return { declarations, notes: [...new Set(notes)] };
}

/** `^name$` with every RE2 metacharacter escaped: awsemf selectors are unanchored regexes. */
export function exactSelector(metricName: string): string {
  return `^${metricName.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&')}$`;
}
