/** `TableWidget`: metrics as a table of values per period, with optional summary columns and thresholds. */
import type { AnnotationsJson, MetricWidgetProperties, TableOptionsJson } from '../body/schema.js';
import type { HorizontalAnnotationItem } from './annotations.js';
import type { IMetric } from './metric-types.js';
import { MetricWidget, renderAnnotations, renderRows, renderYAxes, type MetricWidgetProps, type YAxesProps } from './metric-widget.js';
import { definedOnly } from './private/options.js';
import { checkProps, METRIC_WIDGET_KEYS, propKeys } from './private/check-props.js';

export type TableSummaryColumn = 'MIN' | 'MAX' | 'SUM' | 'AVG';

export interface TableWidgetProps extends MetricWidgetProps {
  /** Metrics and expressions, one table row (or column) each. */
  readonly metrics: readonly IMetric[];
  /**
   * `horizontal`: one row per metric; `vertical`: one column per metric.
   * @default 'horizontal'
   */
  readonly layout?: 'horizontal' | 'vertical';
  /**
   * Show the value of every period, not only the summary columns.
   * @default true
   */
  readonly showTimeSeriesData?: boolean;
  /**
   * Keep the summary columns visible while scrolling.
   * @default false
   */
  readonly stickySummary?: boolean;
  /**
   * Summary columns to show.
   * @default - all four (no `summaryColumns` key is written)
   */
  readonly summaryColumns?: readonly TableSummaryColumn[];
  /**
   * Thresholds that colour the cells: single lines with `fill`, or bands.
   * @default - none
   */
  readonly thresholds?: readonly HorizontalAnnotationItem[];
  /**
   * Axis options (the table uses `left.showUnits` for unit labels).
   * @default - none (no `yAxis` key is written)
   */
  readonly yAxis?: YAxesProps;
  /**
   * One value over the whole time range.
   * @default false
   */
  readonly setPeriodToTimeRange?: boolean;
  /**
   * Show every digit that fits instead of rounding.
   * @default false
   */
  readonly fullPrecision?: boolean;
}

const TABLE_WIDGET_KEYS = propKeys<TableWidgetProps>({ ...METRIC_WIDGET_KEYS, metrics: true, layout: true, showTimeSeriesData: true, stickySummary: true, summaryColumns: true, thresholds: true, yAxis: true, setPeriodToTimeRange: true, fullPrecision: true });

export class TableWidget extends MetricWidget {
  constructor(readonly props: TableWidgetProps) {
    checkProps('TableWidget', props, TABLE_WIDGET_KEYS);
    super(props, 6, 6);
  }

  protected viewProperties(): Partial<MetricWidgetProperties> {
    const props = this.props;
    const table: TableOptionsJson = definedOnly({
      layout: props.layout,
      showTimeSeriesData: props.showTimeSeriesData,
      stickySummary: props.stickySummary,
      summaryColumns: props.summaryColumns && [...props.summaryColumns],
    });
    return {
      view: 'table',
      metrics: renderRows(props.metrics),
      table: Object.keys(table).length === 0 ? undefined : table,
      yAxis: renderYAxes(props.yAxis),
      annotations: renderAnnotations({ horizontal: props.thresholds as AnnotationsJson['horizontal'] }),
      setPeriodToTimeRange: props.setPeriodToTimeRange,
      singleValueFullPrecision: props.fullPrecision,
    };
  }
}
