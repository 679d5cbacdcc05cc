/**
 * The labels PromQL sees on a CloudWatch OTLP series (docs/sources.md#otel-metrics): datapoint attributes bare, resource
 * attributes as `@resource.<attr>`, the instrumentation scope name as `@instrumentation.@name`.
 */
import { compareStrings } from '../../shared/json.js';

export function promqlLabels(attributes: Readonly<Record<string, string>>, resource: Readonly<Record<string, string>>, scope: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(resource)) labels[`@resource.${key}`] = value;
  if (scope !== '') labels['@instrumentation.@name'] = scope;
  for (const [key, value] of Object.entries(attributes)) labels[key] = value;
  return Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A series' name and labels as one string: equal series (whatever their label order) give equal keys. */
export function seriesKey(name: string, labels: Readonly<Record<string, string>>): string {
  let key = name;
  for (const label of Object.keys(labels).sort(compareStrings)) key += `\u0000${label}\u0000${labels[label]}`;
  return key;
}

/** The labels every point of one target carries (resource and scope), sorted by name: built once per target. */
export function targetLabels(resource: Readonly<Record<string, string>>, scope: string): readonly (readonly [string, string])[] {
  return Object.entries(promqlLabels({}, resource, scope));
}

/**
 * `seriesKey(name, promqlLabels(attributes, resource, scope))` from the target's labels, without building the
 * point's label object: the two sorted lists are merged, an attribute replacing a target label of the same name.
 */
export function pointSeriesKey(name: string, attributes: Readonly<Record<string, string>>, target: readonly (readonly [string, string])[]): string {
  const names = Object.keys(attributes).sort(compareStrings);
  let key = name;
  let next = 0;
  for (const label of names) {
    while (next < target.length && target[next]![0] < label) {
      key += `\u0000${target[next]![0]}\u0000${target[next]![1]}`;
      next++;
    }
    if (next < target.length && target[next]![0] === label) next++;
    key += `\u0000${label}\u0000${attributes[label]}`;
  }
  for (; next < target.length; next++) key += `\u0000${target[next]![0]}\u0000${target[next]![1]}`;
  return key;
}
