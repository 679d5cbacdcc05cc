/**
 * Writes the generated declarations into a copy of the user's collector config: the parsed YAML Document keeps the
 * user's comments, order and `${env:...}` references, and only the awsemf exporter's `metric_declarations` and
 * `dimension_rollup_option` change. The result is text for a new file; the original is never touched.
 */
import { isMap, isPair, isScalar, isSeq, visit, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { InputError } from '../../shared/errors.js';
import type { DeclarationPlan } from './declarations.js';

export interface FixedConfigOptions {
  /** The exporter id, `awsemf` or `awsemf/<name>`. */
  readonly exporter: string;
  /** First line of the comment above the new declarations (what generated them, from what). */
  readonly header: string;
}

export function fixedConfigText(original: Document, plan: DeclarationPlan, options: FixedConfigOptions): string {
  const document = original.clone();
  const exporters = document.get('exporters', true);
  if (!isMap(exporters)) throw new InputError('collector config has no exporters map', { fix: 'add an exporters: section' });
  let exporter: unknown = exporters.get(options.exporter, true);
  if (!isMap(exporter)) {
    // `awsemf:` with no options parses as a null scalar: give it a map to hold the new keys.
    if (exporter !== undefined && !(isScalar(exporter) && exporter.value === null)) {
      throw new InputError(`exporter ${options.exporter} is not a map`, { location: { path: `exporters.${options.exporter}` } });
    }
    exporter = document.createNode({});
    exporters.set(options.exporter, exporter);
  }
  const map = exporter as YAMLMap;
  for (const key of ['dimension_rollup_option', 'metric_declarations']) map.delete(key);
  const comment = [
    ` ${options.header}`,
    ' Keeps exactly the dimension sets that dashboards, alarms and the allow-list read; everything else is dropped.',
    ...plan.notes.map((note) => ` note: ${note}`),
  ].join('\n');
  const rollup = document.createPair('dimension_rollup_option', 'NoDimensionRollup');
  if (isScalar(rollup.key)) rollup.key.commentBefore = comment;
  map.add(rollup);
  const declarations = document.createPair('metric_declarations', plan.declarations.map((declaration) => ({ ...declaration })));
  // Each dimension set on one line (`- [method, route]`), as people write them.
  visit(declarations.value as YAMLSeq, {
    Seq(_, node, path) {
      const parent = path[path.length - 1];
      if (isPair(parent) && isScalar(parent.key) && parent.key.value === 'dimensions') for (const set of node.items) if (isSeq(set)) set.flow = true;
    },
  });
  map.add(declarations);
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}
