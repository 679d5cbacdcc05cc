/**
 * From OTLP data points to awsemf's label maps and CloudWatch metric names (docs/sources.md#awsemf): the `OTelLib`
 * label from the instrumentation scope, and the split of a summary with `detailed_metrics`.
 */
import type { Labels } from './declarations.js';
import { OTEL_LIB } from './dimension-sets.js';

/** Data-point attributes plus `OTelLib` = scope name when the scope name is non-empty (datapoint.go createLabels). */
export function emfLabels(attributes: Labels, scopeName: string): Labels {
  if (scopeName === '') return attributes;
  // Object.assign, not a spread: V8 copies these (attribute names cut from series keys) ten times faster so.
  const labels: Record<string, string> = Object.assign({}, attributes);
  labels[OTEL_LIB] = scopeName;
  return labels;
}

export interface NamedPoint {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * A summary point: one metric `name` with a statistic set, or with detailed_metrics `name_sum`, `name_count` and one
 * `name` per quantile labelled `quantile` (formatted like Go's strconv 'g').
 */
export function summaryDataPoints(name: string, labels: Labels, quantiles: readonly number[], detailed: boolean): NamedPoint[] {
  if (!detailed) return [{ name, labels }];
  return [
    { name: `${name}_sum`, labels },
    { name: `${name}_count`, labels },
    ...quantiles.map((quantile) => ({ name, labels: { ...labels, quantile: formatGoG(quantile) } })),
  ];
}

/** Go `strconv.FormatFloat(f, 'g', -1, 64)`: shortest digits; exponent form when the exponent is < -4 or ≥ 6. */
export function formatGoG(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const [mantissa, exp] = value.toExponential().split('e') as [string, string];
  const exponent = Number(exp);
  if (exponent < -4 || exponent >= 6) {
    return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return String(value);
}
