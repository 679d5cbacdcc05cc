/**
 * Already-written EMF log events → the CloudWatch metrics they create (docs/sources.md#emf): one metric per directive ×
 * dimension set × metric definition, identified by namespace, name and the root values of the set's keys. Both the
 * `_aws` form and the legacy `CloudWatchMetrics`-at-root form (version 0) are read. An event CloudWatch would reject
 * is counted with its reason, never fatal, because one bad line in a log export should not hide the rest.
 */
import type { MetricIdentity } from '../../model/metric-identity.js';
import { parseBoundedJson } from '../../shared/input-limits.js';

export const MAX_METRICS_PER_DIRECTIVE = 100;
export const MAX_DIMENSIONS_PER_SET = 30;
export const MAX_DIMENSION_VALUE_LENGTH = 1024;

export type EmfEventResult =
  | { readonly kind: 'metrics'; readonly metrics: readonly MetricIdentity[] }
  | { readonly kind: 'no-directive' }
  | { readonly kind: 'invalid'; readonly reason: string };

interface Directive {
  readonly Namespace?: unknown;
  readonly Dimensions?: unknown;
  readonly Metrics?: unknown;
}

/** The metrics one event's text creates, or why it creates none. */
export function emfEventMetrics(text: string): EmfEventResult {
  let event: unknown;
  try {
    event = parseBoundedJson(text);
  } catch (error) {
    return { kind: 'invalid', reason: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (event === null || typeof event !== 'object' || Array.isArray(event)) return { kind: 'invalid', reason: 'not a JSON object' };
  const root = event as Record<string, unknown>;
  let directives: unknown;
  if (root._aws !== undefined) {
    const aws = root._aws;
    if (aws === null || typeof aws !== 'object' || Array.isArray(aws)) return { kind: 'invalid', reason: '_aws is not an object' };
    const metadata = aws as Record<string, unknown>;
    if (typeof metadata.Timestamp !== 'number') return { kind: 'invalid', reason: '_aws.Timestamp is not a number' };
    directives = metadata.CloudWatchMetrics;
  } else if (root.CloudWatchMetrics !== undefined) {
    directives = root.CloudWatchMetrics;
  } else {
    return { kind: 'no-directive' };
  }
  if (!Array.isArray(directives)) return { kind: 'invalid', reason: 'CloudWatchMetrics is not an array' };
  const metrics: MetricIdentity[] = [];
  for (const [index, directive] of (directives as Directive[]).entries()) {
    const problem = directiveProblem(directive, root);
    if (problem) return { kind: 'invalid', reason: `CloudWatchMetrics[${index}]: ${problem}` };
    const namespace = directive.Namespace as string;
    for (const set of directive.Dimensions as string[][]) {
      const dimensions = Object.fromEntries(set.map((key) => [key, root[key] as string]));
      for (const definition of directive.Metrics as { Name: string }[]) metrics.push({ namespace, metricName: definition.Name, dimensions });
    }
  }
  return { kind: 'metrics', metrics };
}

function directiveProblem(directive: Directive, root: Record<string, unknown>): string | undefined {
  if (directive === null || typeof directive !== 'object') return 'not an object';
  if (typeof directive.Namespace !== 'string' || directive.Namespace === '') return 'Namespace is not a non-empty string';
  if (!Array.isArray(directive.Dimensions)) return 'Dimensions is not an array';
  if (!Array.isArray(directive.Metrics)) return 'Metrics is not an array';
  if (directive.Metrics.length > MAX_METRICS_PER_DIRECTIVE) return `${directive.Metrics.length} metrics (at most ${MAX_METRICS_PER_DIRECTIVE})`;
  for (const set of directive.Dimensions as unknown[]) {
    if (!Array.isArray(set) || !set.every((key) => typeof key === 'string')) return 'a dimension set is not an array of strings';
    if (set.length > MAX_DIMENSIONS_PER_SET) return `a dimension set has ${set.length} keys (at most ${MAX_DIMENSIONS_PER_SET})`;
    for (const key of set as string[]) {
      const value = root[key];
      if (typeof value !== 'string') return `dimension "${key}" has no string value on the event`;
      if (value.length > MAX_DIMENSION_VALUE_LENGTH) return `dimension "${key}" is longer than ${MAX_DIMENSION_VALUE_LENGTH} characters`;
    }
  }
  for (const definition of directive.Metrics as unknown[]) {
    if (definition === null || typeof definition !== 'object') return 'a metric definition is not an object';
    const name = (definition as { Name?: unknown }).Name;
    if (typeof name !== 'string' || name === '') return 'a metric definition has no Name';
    if (!isMetricValue(root[name])) return `metric "${name}" has no numeric value on the event`;
  }
  return undefined;
}

/** A number, an array of ≤ 100 numbers, or awsemf's statistic-set / histogram object. */
function isMetricValue(value: unknown): boolean {
  if (typeof value === 'number') return true;
  if (Array.isArray(value)) return value.length <= 100 && value.every((item) => typeof item === 'number');
  if (value !== null && typeof value === 'object') {
    const stats = value as Record<string, unknown>;
    return ['Max', 'Min', 'Count', 'Sum'].every((key) => typeof stats[key] === 'number');
  }
  return false;
}
