/** `AlarmWidget`: the graph of one alarm (its metric and threshold), a metric widget with an alarm annotation. */
import type { MetricWidgetProperties } from '../body/schema.js';
import { MetricWidget, renderYAxes, type LegendPosition, type MetricWidgetProps, type YAxesProps } from './metric-widget.js';
import { checkProps, METRIC_WIDGET_KEYS, propKeys } from './private/check-props.js';

export interface AlarmWidgetProps extends MetricWidgetProps {
  /** ARN of the alarm: `arn:aws:cloudwatch:<region>:<account>:alarm:<name>`. */
  readonly alarmArn: string;
  /**
   * Axes of the graph.
   * @default - automatic axes (no `yAxis` key is written)
   */
  readonly yAxis?: YAxesProps;
  /**
   * Where the legend goes.
   * @default 'bottom'
   */
  readonly legendPosition?: LegendPosition;
}

const ALARM_WIDGET_KEYS = propKeys<AlarmWidgetProps>({ ...METRIC_WIDGET_KEYS, alarmArn: true, yAxis: true, legendPosition: true });

export class AlarmWidget extends MetricWidget {
  constructor(readonly props: AlarmWidgetProps) {
    checkProps('AlarmWidget', props, ALARM_WIDGET_KEYS);
    super(props, 6, 6);
  }

  protected viewProperties(): Partial<MetricWidgetProperties> {
    return {
      view: 'timeSeries',
      annotations: { alarms: [this.props.alarmArn] },
      yAxis: renderYAxes(this.props.yAxis),
      legend: this.props.legendPosition === undefined ? undefined : { position: this.props.legendPosition },
    };
  }
}
