/**
 * A PromQL vector selector (`http_requests_total{route="/tasks",code=~"5.."}`, parsed by `model/promql`) as a read
 * pattern. CloudWatch's PromQL queries the OpenTelemetry metrics ingested over OTLP (docs/sources.md#otel-metrics), a
 * store apart from the Classic custom metrics: a selector matches OTLP series, never a Classic metric identity, so a
 * Classic metric that only PromQL names is not read. Matching follows PromQL: `=`/`!=` compare the whole value,
 * `=~`/`!~` are fully anchored RE2 expressions, and a label the series does not carry has the empty value.
 */
import { NAME_LABELS, type PromQLSelector } from '../../model/promql/parse.js';
import { GoRegexp, isGoRegexp } from '../../shared/go-regexp.js';

/**
 * A series as CloudWatch's PromQL sees it: the OTLP metric name and its labels, datapoint attributes bare, resource
 * attributes as `@resource.<name>`, the scope as `@instrumentation.@name`, AWS's as `@aws.*`.
 */
export interface PromQLSeries {
  readonly metricName: string;
  readonly labels: Readonly<Record<string, string>>;
  /** `__type__`: `Gauge`, `Sum`, `Histogram`, ... */
  readonly type?: string | undefined;
  /** `__temporality__`: `cumulative` or `delta`. */
  readonly temporality?: string | undefined;
}

const DATAPOINT_PREFIX = '@datapoint.';

export function promqlMatchesSeries(selector: PromQLSelector, series: PromQLSeries): boolean {
  if (selector.metricName !== undefined && selector.metricName !== series.metricName) return false;
  return selector.matchers.every((matcher) => {
    const value = labelValue(series, matcher.label);
    switch (matcher.operator) {
      case '=':
        return value === matcher.value;
      case '!=':
        return value !== matcher.value;
      case '=~':
        return anchored(matcher.value)?.test(value) ?? true;
      case '!~':
        return !(anchored(matcher.value)?.test(value) ?? false);
    }
  });
}

/** A datapoint attribute answers to its bare name and to `@datapoint.<name>` (docs/sources.md#otel-metrics). */
function labelValue(series: PromQLSeries, label: string): string {
  if (NAME_LABELS.has(label)) return series.metricName;
  if (label === '__type__') return series.type ?? '';
  if (label === '__temporality__') return series.temporality ?? '';
  const bare = label.startsWith(DATAPOINT_PREFIX) ? label.slice(DATAPOINT_PREFIX.length) : label;
  return series.labels[label] ?? series.labels[bare] ?? '';
}

const compiled = new Map<string, GoRegexp | undefined>();

/** The fully anchored RE2 pattern; undefined when it does not compile (the validator reports it), and the matcher then keeps the series. */
function anchored(pattern: string): GoRegexp | undefined {
  if (!compiled.has(pattern)) {
    const regex = GoRegexp.compile(pattern, true);
    compiled.set(pattern, isGoRegexp(regex) ? regex : undefined);
  }
  return compiled.get(pattern);
}
