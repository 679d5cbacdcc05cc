/**
 * Expressions: metric math over other rows (`MathExpression` with `usingMetrics`), `SEARCH(...)` (`SearchExpression`)
 * and Metrics Insights `SELECT ...` (`MetricsInsightsQuery`). All three render to an expression row.
 */
import type { CommonMetricOptions, ExpressionConfig, IMetric } from './metric-types.js';
import { commonRowOptions, definedOnly } from './private/options.js';
import { checkProps, METRIC_OPTION_KEYS, propKeys } from './private/check-props.js';

export interface MathExpressionProps extends CommonMetricOptions {
  /** The expression, e.g. `errors / requests * 100`. Functions are upper case; ids lower-case-first. */
  readonly expression: string;
  /**
   * The metrics the expression reads, keyed by the id it uses for them. The widget adds them as hidden rows.
   * @default - none: the expression only refers to rows that have ids in the widget
   */
  readonly usingMetrics?: Readonly<Record<string, IMetric>>;
}

const MATH_EXPRESSION_KEYS = propKeys<MathExpressionProps>({ ...METRIC_OPTION_KEYS, expression: true, usingMetrics: true });

export class MathExpression implements IMetric {
  constructor(readonly props: MathExpressionProps) {
    checkProps('MathExpression', props, MATH_EXPRESSION_KEYS);
  }

  /** A copy with some options changed; returns this expression itself when nothing changes. */
  with(options: Partial<MathExpressionProps>): MathExpression {
    const changed = (Object.keys(options) as (keyof MathExpressionProps)[]).some(
      (key) => options[key] !== undefined && options[key] !== this.props[key],
    );
    return changed ? new MathExpression({ ...this.props, ...definedOnly(options) }) : this;
  }

  toMetricConfig(): ExpressionConfig {
    return {
      kind: 'expression',
      options: definedOnly({ expression: this.props.expression, ...commonRowOptions(this.props) }),
      usingMetrics: this.props.usingMetrics ?? {},
    };
  }
}

export interface MetricsInsightsQueryProps extends CommonMetricOptions {
  /** A Metrics Insights query: `SELECT AVG(CPUUtilization) FROM SCHEMA("AWS/EC2", InstanceId) GROUP BY InstanceId`. */
  readonly query: string;
}

/** A Metrics Insights query. A widget holds at most one. */
const METRICS_INSIGHTS_QUERY_KEYS = propKeys<MetricsInsightsQueryProps>({ ...METRIC_OPTION_KEYS, query: true });

export class MetricsInsightsQuery implements IMetric {
  constructor(readonly props: MetricsInsightsQueryProps) {
    checkProps('MetricsInsightsQuery', props, METRICS_INSIGHTS_QUERY_KEYS);
  }

  toMetricConfig(): ExpressionConfig {
    return { kind: 'expression', options: definedOnly({ expression: this.props.query, ...commonRowOptions(this.props) }), usingMetrics: {} };
  }
}
