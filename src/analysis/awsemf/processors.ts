/**
 * The modelled processors applied, in pipeline order, to one target's data points: resource/attributes actions,
 * filter by metric name, metricstransform renames. `batch` changes nothing a CloudWatch metric is identified by.
 * Resource and point processors touch different data, so the resource side is applied first, once per target.
 */
import type { AttributeAction, MetricNameFilter, ProcessorModel } from '../../sources/collector-config/model.js';
import { GoRegexp, isGoRegexp } from '../../shared/go-regexp.js';
import type { OtelPoint } from './prometheus-to-otel.js';

/** The resource side of the pipeline: the `resource` processors' actions, in order. */
export function applyResourceProcessors(resource: Readonly<Record<string, string>>, processors: readonly ProcessorModel[]): Record<string, string> {
  let result = { ...resource };
  for (const processor of processors) if (processor.type === 'resource') result = applyActions(result, processor.actions);
  return result;
}

/** A point-by-point pipeline: each processor maps one point to none (filtered), one, or two (metricstransform insert). */
export function pointProcessors(processors: readonly ProcessorModel[]): (point: OtelPoint) => OtelPoint[] {
  const steps = processors.filter((processor) => processor.type !== 'batch' && processor.type !== 'resource').map(pointStep);
  return (point) => steps.reduce<OtelPoint[]>((points, step) => points.flatMap(step), [point]);
}

function pointStep(processor: ProcessorModel): (point: OtelPoint) => OtelPoint[] {
  switch (processor.type) {
    case 'attributes':
      return (point) => [{ ...point, attributes: applyActions(point.attributes, processor.actions), attributesKey: undefined }];
    case 'filter': {
      const keeps = filterKeeps(processor);
      return (point) => (keeps(point.name) ? [point] : []);
    }
    case 'metricstransform': {
      const renames = processor.renames.map((rename) => ({ rename, regex: rename.matchType === 'regexp' ? compiledOrUndefined(rename.include, true) : undefined }));
      return (point) => {
        const out: OtelPoint[] = [point];
        for (const { rename, regex } of renames) {
          const matched = regex ? regex.test(point.name) : point.name === rename.include;
          if (!matched) continue;
          const newName = regex ? regex.replaceWhole(point.name, rename.newName) : rename.newName;
          if (rename.action === 'update') out[0] = { ...out[0]!, name: newName };
          else out.push({ ...point, name: newName });
        }
        return out;
      };
    }
    default:
      return (point) => [point];
  }
}

/**
 * The point names the pipeline's processors drop whatever else a point carries, known before the point is built: a
 * filter that comes before anything that could rename a point. The receiver does not build those points (the
 * processors would drop them anyway); undefined when no such filter exists.
 */
export function namesDroppedFirst(processors: readonly ProcessorModel[]): ((name: string) => boolean) | undefined {
  const filters: ((name: string) => boolean)[] = [];
  for (const processor of processors) {
    if (processor.type === 'filter') filters.push(filterKeeps(processor));
    else if (processor.type !== 'attributes' && processor.type !== 'resource' && processor.type !== 'batch') break;
  }
  if (filters.length === 0) return undefined;
  return (name) => filters.some((keeps) => !keeps(name));
}

function filterKeeps(processor: Extract<ProcessorModel, { type: 'filter' }>): (name: string) => boolean {
  const include = processor.include ? nameMatcher(processor.include) : undefined;
  const exclude = processor.exclude ? nameMatcher(processor.exclude) : undefined;
  return (name) => (!include || include(name)) && !(exclude && exclude(name));
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
  const regexes = filter.metricNames.map((pattern) => compiledOrUndefined(pattern, false)).filter((regex): regex is GoRegexp => regex !== undefined);
  return (name) => regexes.some((regex) => regex.test(name));
}

/** An invalid pattern here matches nothing (the processors' own config checks are not modelled). */
function compiledOrUndefined(pattern: string, anchored: boolean): GoRegexp | undefined {
  const regex = GoRegexp.compile(pattern, anchored);
  return isGoRegexp(regex) ? regex : undefined;
}
