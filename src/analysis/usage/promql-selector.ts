/**
 * A PromQL vector selector (`http_requests_total{route="/tasks",code=~"5.."}`) as a read pattern: PromQL reads of
 * CloudWatch metrics (chart widgets, PromQL alarms) select by metric name and label matchers, with the dimensions as
 * labels. Matching follows PromQL: `=`/`!=` compare the whole value, `=~`/`!~` are fully anchored regular
 * expressions, and a label the metric does not carry has the empty value.
 */
import type { MetricIdentity } from '../../model/metric-identity.js';

export type LabelMatchOp = '=' | '!=' | '=~' | '!~';

export interface LabelMatcher {
  readonly name: string;
  readonly op: LabelMatchOp;
  readonly value: string;
}

export interface PromqlSelector {
  /** The selector as written, for evidence and messages. */
  readonly text: string;
  /** Undefined when the selector names no metric (`{__name__=~"http_.*"}` is a matcher instead). */
  readonly metricName: string | undefined;
  readonly matchers: readonly LabelMatcher[];
}

export function promqlMatches(selector: PromqlSelector, metric: MetricIdentity): boolean {
  if (selector.metricName !== undefined && selector.metricName !== metric.metricName) return false;
  return selector.matchers.every((matcher) => {
    const value = matcher.name === '__name__' ? metric.metricName : (metric.dimensions[matcher.name] ?? '');
    switch (matcher.op) {
      case '=':
        return value === matcher.value;
      case '!=':
        return value !== matcher.value;
      case '=~':
        return anchored(matcher.value).test(value);
      case '!~':
        return !anchored(matcher.value).test(value);
    }
  });
}

const compiled = new Map<string, RegExp>();

function anchored(pattern: string): RegExp {
  let regex = compiled.get(pattern);
  if (regex === undefined) {
    regex = new RegExp(`^(?:${pattern})$`, 'u');
    compiled.set(pattern, regex);
  }
  return regex;
}
