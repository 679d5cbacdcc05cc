/** `GraphWidget`: lines, stacked areas, bars or a pie of metrics and expressions, with axes and annotations. */
import type { AnnotationsJson, MetricWidgetProperties } from '../body/schema.js';
import type { HorizontalAnnotationItem, VerticalAnnotationItem } from './annotations.js';
import type { IMetric } from './metric-types.js';
import { onRightAxis } from './private/right-axis.js';
import {
  MetricWidget,
  renderAnnotations,
  renderRows,
  renderYAxes,
  type LegendPosition,
  type MetricWidgetProps,
  type YAxesProps,
} from './metric-widget.js';
import { checkProps, METRIC_WIDGET_KEYS, propKeys } from './private/check-props.js';

export type GraphWidgetView = 'timeSeries' | 'bar' | 'pie';

export interface GraphWidgetProps extends MetricWidgetProps {
  /**
   * Metrics and expressions to draw, in legend order. Use `metric.with({ yAxis: 'right' })` for the right axis.
   * @default - none (add at least one: CloudWatch rejects a graph without data)
   */
  readonly metrics?: readonly IMetric[];
  /**
   * CDK-style: metrics drawn against the left axis, after `metrics`.
   * @default - none
   */
  readonly left?: readonly IMetric[];
  /**
   * CDK-style: metrics drawn against the right axis, after `metrics` and `left`.
   * @default - none
   */
  readonly right?: readonly IMetric[];
  /**
   * How the data is drawn.
   * @default 'timeSeries'
   */
  readonly view?: GraphWidgetView;
  /**
   * Stack the lines as areas.
   * @default false
   */
  readonly stacked?: boolean;
  /**
   * Left and right y axes.
   * @default - automatic axes (no `yAxis` key is written)
   */
  readonly yAxis?: YAxesProps;
  /**
   * Where the legend goes.
   * @default 'bottom'
   */
  readonly legendPosition?: LegendPosition;
  /**
   * Lines or bands at values.
   * @default - none
   */
  readonly horizontalAnnotations?: readonly HorizontalAnnotationItem[];
  /**
   * Lines or bands at times.
   * @default - none
   */
  readonly verticalAnnotations?: readonly VerticalAnnotationItem[];
  /**
   * One value over the whole time range (bar and pie views).
   * @default false
   */
  readonly setPeriodToTimeRange?: boolean;
  /**
   * Show labels on the pie chart.
   * @default - CloudWatch's default (no `labels` key is written)
   */
  readonly displayLabelsOnChart?: boolean;
}

const GRAPH_WIDGET_KEYS = propKeys<GraphWidgetProps>({ ...METRIC_WIDGET_KEYS, metrics: true, left: true, right: true, view: true, stacked: true, yAxis: true, legendPosition: true, horizontalAnnotations: true, verticalAnnotations: true, setPeriodToTimeRange: true, displayLabelsOnChart: true });

export class GraphWidget extends MetricWidget {
  constructor(readonly props: GraphWidgetProps) {
    checkProps('GraphWidget', props, GRAPH_WIDGET_KEYS);
    super(props, 6, 6);
  }

  /** `metrics`, then `left`, then `right` (on the right axis); undefined when none is given. */
  private allMetrics(): readonly IMetric[] | undefined {
    const { metrics, left, right } = this.props;
    if (left === undefined && right === undefined) return metrics;
    return [...(metrics ?? []), ...(left ?? []), ...(right ?? []).map(onRightAxis)];
  }

  protected viewProperties(): Partial<MetricWidgetProperties> {
    const props = this.props;
    return {
      view: props.view ?? 'timeSeries',
      metrics: renderRows(this.allMetrics()),
      stacked: props.stacked,
      yAxis: renderYAxes(props.yAxis),
      legend: props.legendPosition === undefined ? undefined : { position: props.legendPosition },
      annotations: renderAnnotations({
        horizontal: props.horizontalAnnotations as AnnotationsJson['horizontal'],
        vertical: props.verticalAnnotations as AnnotationsJson['vertical'],
      }),
      setPeriodToTimeRange: props.setPeriodToTimeRange,
      labels: props.displayLabelsOnChart === undefined ? undefined : { visible: props.displayLabelsOnChart },
    };
  }
}
