/**
 * A CloudWatch metric's identity: namespace + metric name + the set of dimension name/value pairs. Every distinct
 * identity that receives data is one billed custom metric; unit and storage resolution are not part of it. This is
 * the type every stage shares: the awsemf prediction, EMF events, the account inventory, and what dashboards read.
 */
import { compareStrings, keysInOrder, sortedKeys } from '../shared/json.js';

export interface MetricIdentity {
  readonly namespace: string;
  readonly metricName: string;
  /** Dimension name → value. `{}` is the zero-dimension metric. */
  readonly dimensions: Readonly<Record<string, string>>;
}

/** The dimension names, sorted: the "dimension set" or schema of a metric. */
export function dimensionNames(metric: MetricIdentity): string[] {
  return sortedKeys(metric.dimensions);
}

/** A canonical string key: equal identities (whatever their dimension order) give equal keys. */
export function metricKey(metric: MetricIdentity): string {
  const names = dimensionNames(metric);
  return metricKeyOf(metric.namespace, metric.metricName, names, names.map((name) => metric.dimensions[name]!));
}

/** `metricKey` of an identity held as sorted dimension names and their values (no identity object built). */
export function metricKeyOf(namespace: string, metricName: string, names: readonly string[], values: readonly string[]): string {
  let key = namespace + KEY_SEPARATOR + metricName;
  let plain = !namespace.includes(KEY_SEPARATOR) && !metricName.includes(KEY_SEPARATOR);
  for (let i = 0; i < names.length; i++) {
    plain &&= !names[i]!.includes(KEY_SEPARATOR) && !values[i]!.includes(KEY_SEPARATOR);
    key += KEY_SEPARATOR + names[i]! + KEY_SEPARATOR + values[i]!;
  }
  return plain ? key : JSON.stringify([namespace, metricName, names.map((name, index) => [name, values[index]])]);
}

/**
 * Keys are the parts joined by NUL, which no real name or value holds; one that does is keyed by its JSON text
 * instead, which has no raw NUL, so it can never equal a joined key (those hold at least one).
 */
const KEY_SEPARATOR = '\u0000';

/** Total order for stable output: namespace, metric name, then dimension names and values. */
export function compareMetricIdentities(a: MetricIdentity, b: MetricIdentity): number {
  return (
    compareStrings(a.namespace, b.namespace) ||
    compareStrings(a.metricName, b.metricName) ||
    compareDimensions(a, b)
  );
}

function compareDimensions(a: MetricIdentity, b: MetricIdentity): number {
  const namesA = dimensionNames(a);
  const namesB = dimensionNames(b);
  return compareDimensionLists(namesA, namesA.map((name) => a.dimensions[name]!), namesB, namesB.map((name) => b.dimensions[name]!));
}

/**
 * The dimension order of `compareMetricIdentities`, for callers that hold the sorted names and their values as
 * arrays (the prediction's identity store): pair by pair in name order; a set that is a prefix of another sorts
 * first, so `{}` comes before all.
 */
export function compareDimensionLists(namesA: readonly string[], valuesA: readonly string[], namesB: readonly string[], valuesB: readonly string[]): number {
  for (let i = 0; i < Math.min(namesA.length, namesB.length); i++) {
    const order = compareStrings(namesA[i]!, namesB[i]!) || compareStrings(valuesA[i]!, valuesB[i]!);
    if (order !== 0) return order;
  }
  return namesA.length - namesB.length;
}

/** A copy with dimensions in sorted-name order, so JSON output of the identity is stable. */
export function normalizeMetricIdentity(metric: MetricIdentity): MetricIdentity {
  return { namespace: metric.namespace, metricName: metric.metricName, dimensions: sortedDimensions(metric) };
}

/** The dimensions in sorted-name order: the object itself when it is in that order already (dimensions are read-only). */
function sortedDimensions(metric: MetricIdentity): Readonly<Record<string, string>> {
  const names = Object.keys(metric.dimensions);
  if (keysInOrder(names)) return metric.dimensions;
  const dimensions: Record<string, string> = {};
  for (const name of names.sort(compareStrings)) dimensions[name] = metric.dimensions[name]!;
  return dimensions;
}

/** `prod/task-service http_requests_total {code=200,method=GET}` for messages and tables. */
export function formatMetricIdentity(metric: MetricIdentity): string {
  const dims = dimensionNames(metric).map((name) => `${name}=${metric.dimensions[name]}`);
  return `${metric.namespace} ${metric.metricName} {${dims.join(',')}}`;
}
