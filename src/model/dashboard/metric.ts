/** `Metric`: one CloudWatch metric (namespace, name, dimensions) with the statistic and options it is drawn with. */
import type { MetricIdentity } from '../metric-identity.js';
import type { CommonMetricOptions, IMetric, MetricStatConfig } from './metric-types.js';
import { commonRowOptions, definedOnly } from './private/options.js';
import { canonicalStatistic } from '../body/statistic.js';
import { checkProps, METRIC_OPTION_KEYS, propKeys } from './private/check-props.js';

/** What `metric.with({...})` can change. */
export interface MetricOptions extends CommonMetricOptions {
  /**
   * Statistic: `Average`, `Sum`, `p99`, `TM(10%:90%)`, ... (see `Stats`); written in CloudWatch's spelling (`avg` → `Average`).
   * @default - the widget's statistic (Average unless the widget sets one)
   */
  readonly statistic?: string;
  /**
   * Dimension name → value. `with()` replaces the whole map.
   * @default - no dimensions
   */
  readonly dimensionsMap?: Readonly<Record<string, string>>;
}

export interface MetricProps extends MetricOptions {
  /** Namespace, e.g. `AWS/EC2` or `ContainerInsights`. */
  readonly namespace: string;
  /** Metric name, e.g. `CPUUtilization`. */
  readonly metricName: string;
}

const METRIC_KEYS = propKeys<MetricProps>({ ...METRIC_OPTION_KEYS, statistic: true, dimensionsMap: true, namespace: true, metricName: true });

export class Metric implements IMetric {
  constructor(readonly props: MetricProps) {
    checkProps('Metric', props, METRIC_KEYS);
  }

  get namespace(): string {
    return this.props.namespace;
  }

  get metricName(): string {
    return this.props.metricName;
  }

  get dimensions(): Readonly<Record<string, string>> {
    return this.props.dimensionsMap ?? {};
  }

  /** A copy with some options changed; returns this metric itself when nothing changes. */
  with(options: MetricOptions): Metric {
    const changed = (Object.keys(options) as (keyof MetricOptions)[]).some(
      (key) => options[key] !== undefined && options[key] !== this.props[key],
    );
    return changed ? new Metric({ ...this.props, ...definedOnly(options) }) : this;
  }

  /** The identity CloudWatch bills (namespace, name, dimensions): what the cost linter matches against. */
  toMetricIdentity(): MetricIdentity {
    return { namespace: this.namespace, metricName: this.metricName, dimensions: { ...this.dimensions } };
  }

  toMetricConfig(): MetricStatConfig {
    const options = commonRowOptions(this.props);
    if (this.props.statistic !== undefined) options.stat = canonicalStatistic(this.props.statistic);
    return { kind: 'metric', namespace: this.namespace, metricName: this.metricName, dimensions: this.dimensions, options };
  }
}
