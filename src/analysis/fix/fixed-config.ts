/**
 * Writes a fix into a copy of the user's collector config: the parsed YAML Document keeps the user's comments, order
 * and `${env:...}` references, and only what the fix needs changes. Two kinds of fix:
 * - `declarations`: the exporter's `metric_declarations` keep exactly the read dimension sets, with
 *   `dimension_rollup_option: NoDimensionRollup` (the precise fix);
 * - `name-filter`: a `filter` processor drops the metric names nothing reads and the rollup option is lowered to what
 *   the read sets need (for collectors that cannot declare a set, e.g. ADOT 0.17 ignores a declared `[]`).
 * The result is text for a new file; the original Document is never touched.
 */
import { isMap, isPair, isScalar, isSeq, visit, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { InputError } from '../../shared/errors.js';
import type { GeneratedDeclaration } from './declarations.js';

export type ConfigFix =
  | { readonly kind: 'declarations'; readonly declarations: readonly GeneratedDeclaration[] }
  | { readonly kind: 'name-filter'; readonly excludedNames: readonly string[]; readonly rollupOption: string; readonly pipelines: readonly string[] };

export interface FixedConfigOptions {
  /** The exporter id, `awsemf` or `awsemf/<name>`. */
  readonly exporter: string;
  /** Comment lines above the change (what generated it, from what, and any caveat). */
  readonly comment: readonly string[];
}

/** The processor id the name-filter fix adds. */
export const FILTER_PROCESSOR = 'filter/cwdash-unread';

export function fixedConfigText(original: Document, fix: ConfigFix, options: FixedConfigOptions): string {
  const document = original.clone();
  const exporter = exporterMap(document, options.exporter);
  const comment = options.comment.map((line) => ` ${line}`).join('\n');
  for (const key of fix.kind === 'declarations' ? ['dimension_rollup_option', 'metric_declarations'] : ['dimension_rollup_option']) exporter.delete(key);
  const rollup = document.createPair('dimension_rollup_option', fix.kind === 'declarations' ? 'NoDimensionRollup' : fix.rollupOption);
  if (isScalar(rollup.key)) rollup.key.commentBefore = comment;
  exporter.add(rollup);
  if (fix.kind === 'declarations') exporter.add(declarationsPair(document, fix.declarations));
  else addNameFilter(document, fix, comment);
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function exporterMap(document: Document, id: string): YAMLMap {
  const exporters = document.get('exporters', true);
  if (!isMap(exporters)) throw new InputError('collector config has no exporters map', { fix: 'add an exporters: section' });
  const exporter: unknown = exporters.get(id, true);
  if (isMap(exporter)) return exporter;
  // `awsemf:` with no options parses as a null scalar: give it a map to hold the new keys.
  if (exporter !== undefined && !(isScalar(exporter) && exporter.value === null)) {
    throw new InputError(`exporter ${id} is not a map`, { location: { path: `exporters.${id}` } });
  }
  const created = document.createNode({}) as YAMLMap;
  exporters.set(id, created);
  return created;
}

function declarationsPair(document: Document, declarations: readonly GeneratedDeclaration[]) {
  const pair = document.createPair('metric_declarations', declarations.map((declaration) => ({ ...declaration })));
  // Each dimension set on one line (`- [method, route]`), as people write them.
  visit(pair.value as YAMLSeq, {
    Seq(_, node, path) {
      const parent = path[path.length - 1];
      if (isPair(parent) && isScalar(parent.key) && parent.key.value === 'dimensions') for (const set of node.items) if (isSeq(set)) set.flow = true;
    },
  });
  return pair;
}

/** `processors: filter/cwdash-unread` excluding the unread names, first in every pipeline that feeds the exporter. */
function addNameFilter(document: Document, fix: Extract<ConfigFix, { kind: 'name-filter' }>, comment: string): void {
  if (!isMap(document.get('processors', true))) document.set('processors', document.createNode({}));
  const processors = document.get('processors', true) as YAMLMap;
  processors.delete(FILTER_PROCESSOR);
  const filter = document.createPair(FILTER_PROCESSOR, { metrics: { exclude: { match_type: 'strict', metric_names: [...fix.excludedNames] } } });
  if (isScalar(filter.key)) filter.key.commentBefore = comment;
  processors.add(filter);
  for (const pipeline of fix.pipelines) {
    const path = ['service', 'pipelines', pipeline, 'processors'];
    const list = document.getIn(path, true);
    if (isSeq(list)) {
      if (!list.items.some((item) => isScalar(item) && item.value === FILTER_PROCESSOR)) list.items.unshift(document.createNode(FILTER_PROCESSOR));
    } else {
      document.setIn(path, document.createNode([FILTER_PROCESSOR]));
    }
  }
}
