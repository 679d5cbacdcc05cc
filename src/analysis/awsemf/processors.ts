/**
 * The modelled processors applied, in pipeline order, to one target's data points: resource/attributes actions,
 * filter by metric name, metricstransform renames. `batch` changes nothing a CloudWatch metric is identified by.
 */
import type { AttributeAction, MetricNameFilter, ProcessorModel } from '../../sources/collector-config/model.js';
import { compileGoRegexp } from './go-regexp.js';
import type { OtelPoint, TargetMetrics } from './prometheus-to-otel.js';

export function applyProcessor(target: TargetMetrics, processor: ProcessorModel): void {
  switch (processor.type) {
    case 'batch':
      return;
    case 'resource':
      target.resource = applyActions(target.resource, processor.actions);
      return;
    case 'attributes':
      for (const point of target.points) point.attributes = applyActions(point.attributes, processor.actions);
      return;
    case 'filter': {
      const include = processor.include ? nameMatcher(processor.include) : undefined;
      const exclude = processor.exclude ? nameMatcher(processor.exclude) : undefined;
      target.points = target.points.filter((point) => (!include || include(point.name)) && !(exclude && exclude(point.name)));
      return;
    }
    case 'metricstransform': {
      const added: OtelPoint[] = [];
      for (const rename of processor.renames) {
        const regex = rename.matchType === 'regexp' ? compileGoRegexp(rename.include, true) : undefined;
        for (const point of target.points) {
          const matched = regex ? regex.test(point.name) : point.name === rename.include;
          if (!matched) continue;
          const newName = regex ? point.name.replace(regex, rename.newName.replace(/\$\{(\w+)\}/g, '$$$1')) : rename.newName;
          if (rename.action === 'update') point.name = newName;
          else added.push({ ...point, name: newName, attributes: { ...point.attributes } });
        }
      }
      target.points.push(...added);
      return;
    }
  }
}

/** insert: only if absent; update: only if present; upsert: always; delete. `from_attribute` copies a value. */
export function applyActions(attributes: Readonly<Record<string, string>>, actions: readonly AttributeAction[]): Record<string, string> {
  const result = { ...attributes };
  for (const action of actions) {
    const value = action.fromAttribute !== undefined ? result[action.fromAttribute] : action.value;
    const present = Object.hasOwn(result, action.key);
    switch (action.action) {
      case 'insert':
        if (!present && value !== undefined) result[action.key] = value;
        break;
      case 'update':
        if (present && value !== undefined) result[action.key] = value;
        break;
      case 'upsert':
        if (value !== undefined) result[action.key] = value;
        break;
      case 'delete':
        delete result[action.key];
        break;
      default:
        // hash/extract/convert keep the key (hash changes the value but not the count of distinct values).
        break;
    }
  }
  return result;
}

/** filterset matching: strict = equal; regexp = Go regexp, unanchored. */
function nameMatcher(filter: MetricNameFilter): (name: string) => boolean {
  if (filter.matchType === 'strict') {
    const names = new Set(filter.metricNames);
    return (name) => names.has(name);
  }
  const regexes = filter.metricNames.map((pattern) => compileGoRegexp(pattern)).filter((regex): regex is RegExp => regex !== undefined);
  return (name) => regexes.some((regex) => regex.test(name));
}
