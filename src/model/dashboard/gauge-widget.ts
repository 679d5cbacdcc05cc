/** `GaugeWidget`: a dial between a minimum and a maximum. */
import type { AnnotationsJson, MetricWidgetProperties } from '../body/schema.js';
import type { HorizontalAnnotationItem } from './annotations.js';
import type { IMetric } from './metric-types.js';
import { MetricWidget, renderAnnotations, renderRows, type LegendPosition, type MetricWidgetProps, type YAxisProps } from './metric-widget.js';
import { checkProps, METRIC_WIDGET_KEYS, propKeys } from './private/check-props.js';

export interface GaugeWidgetProps extends MetricWidgetProps {
  /** Metrics and expressions shown on the dial. */
  readonly metrics: readonly IMetric[];
  /**
   * The dial's range (and label); CloudWatch requires min and max for a gauge.
   * @default { min: 0, max: 100 }
   */
  readonly range?: YAxisProps;
  /**
   * Coloured ranges on the dial.
   * @default - none
   */
  readonly annotations?: readonly HorizontalAnnotationItem[];
  /**
   * Where the legend goes.
   * @default 'bottom'
   */
  readonly legendPosition?: LegendPosition;
  /**
   * One value over the whole time range.
   * @default false
   */
  readonly setPeriodToTimeRange?: boolean;
}

const GAUGE_WIDGET_KEYS = propKeys<GaugeWidgetProps>({ ...METRIC_WIDGET_KEYS, metrics: true, range: true, annotations: true, legendPosition: true, setPeriodToTimeRange: true });

export class GaugeWidget extends MetricWidget {
  constructor(readonly props: GaugeWidgetProps) {
    checkProps('GaugeWidget', props, GAUGE_WIDGET_KEYS);
    super(props, 6, 6);
  }

  protected viewProperties(): Partial<MetricWidgetProperties> {
    const props = this.props;
    return {
      view: 'gauge',
      metrics: renderRows(props.metrics),
      yAxis: { left: { min: 0, max: 100, ...props.range } },
      annotations: renderAnnotations({ horizontal: props.annotations as AnnotationsJson['horizontal'] }),
      legend: props.legendPosition === undefined ? undefined : { position: props.legendPosition },
      setPeriodToTimeRange: props.setPeriodToTimeRange,
    };
  }
}
