/** `SingleValueWidget`: the latest value of each metric in large type, optionally with a sparkline. */
import type { MetricWidgetProperties } from '../body/schema.js';
import type { IMetric } from './metric-types.js';
import { MetricWidget, renderRows, type MetricWidgetProps } from './metric-widget.js';
import { checkProps, METRIC_WIDGET_KEYS, propKeys } from './private/check-props.js';

export interface SingleValueWidgetProps extends MetricWidgetProps {
  /** Metrics and expressions whose values are shown. */
  readonly metrics: readonly IMetric[];
  /**
   * Draw a small graph of recent values under each number.
   * @default false
   */
  readonly sparkline?: boolean;
  /**
   * One value over the whole time range instead of the latest period (not with `sparkline`).
   * @default false
   */
  readonly setPeriodToTimeRange?: boolean;
  /**
   * Show every digit that fits instead of rounding.
   * @default false
   */
  readonly fullPrecision?: boolean;
  /**
   * Show the trend arrow next to the value.
   * @default - CloudWatch's default (no `trend` key is written)
   */
  readonly trend?: boolean;
}

const SINGLE_VALUE_WIDGET_KEYS = propKeys<SingleValueWidgetProps>({ ...METRIC_WIDGET_KEYS, metrics: true, sparkline: true, setPeriodToTimeRange: true, fullPrecision: true, trend: true });

export class SingleValueWidget extends MetricWidget {
  constructor(readonly props: SingleValueWidgetProps) {
    checkProps('SingleValueWidget', props, SINGLE_VALUE_WIDGET_KEYS);
    super(props, 6, 3);
  }

  protected viewProperties(): Partial<MetricWidgetProperties> {
    const props = this.props;
    return {
      view: 'singleValue',
      metrics: renderRows(props.metrics),
      sparkline: props.sparkline,
      setPeriodToTimeRange: props.setPeriodToTimeRange,
      singleValueFullPrecision: props.fullPrecision,
      trend: props.trend,
    };
  }
}
