/**
 * A PromQL vector selector (`http_requests_total{route="/tasks",code=~"5.."}`, parsed by `model/promql`) as a read
 * pattern: PromQL reads of CloudWatch metrics (chart widgets, PromQL alarms) select by metric name and label
 * matchers, with the dimensions as labels. Matching follows PromQL: `=`/`!=` compare the whole value, `=~`/`!~` are
 * fully anchored regular expressions, and a label the metric does not carry has the empty value.
 */
import type { MetricIdentity } from '../../model/metric-identity.js';
import { NAME_LABELS, type PromQLSelector } from '../../model/promql/parse.js';

export function promqlMatches(selector: PromQLSelector, metric: MetricIdentity): boolean {
  if (selector.metricName !== undefined && selector.metricName !== metric.metricName) return false;
  return selector.matchers.every((matcher) => {
    const value = NAME_LABELS.has(matcher.label) ? metric.metricName : (metric.dimensions[matcher.label] ?? '');
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

const compiled = new Map<string, RegExp | undefined>();

/** The fully anchored regex; undefined when JavaScript cannot compile it, and then the matcher keeps the metric. */
function anchored(pattern: string): RegExp | undefined {
  if (!compiled.has(pattern)) {
    let regex: RegExp | undefined;
    try {
      regex = new RegExp(`^(?:${pattern})$`, 'u');
    } catch {
      regex = undefined;
    }
    compiled.set(pattern, regex);
  }
  return compiled.get(pattern);
}
