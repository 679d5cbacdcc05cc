/** The dashboard-definition API: what `dashboards/*.ts` import from 'cwdash'. Only exports. */
export { Dashboard, type DashboardProps, type WidgetBand } from './dashboard.js';
export { DashboardVariable, type DashboardVariableProps, type VariableValue } from './variable.js';
export { Duration } from './duration.js';
export { Stats } from './stats.js';
export { Metric, type MetricOptions, type MetricProps } from './metric.js';
export { MathExpression, MetricsInsightsQuery, type MathExpressionProps, type MetricsInsightsQueryProps } from './math-expression.js';
export { SearchExpression, type SearchExpressionProps } from './search-expression.js';
export type { CommonMetricOptions, IMetric, MetricConfig } from './metric-types.js';
export { GRID_WIDTH, ConcreteWidget, type IWidget, type GridPosition, type RenderContext, type WidgetPlacementProps } from './widget.js';
export { Row, Column, Spacer } from './layout.js';
export { MetricWidget, type MetricWidgetProps, type LegendPosition, type YAxisProps, type YAxesProps } from './metric-widget.js';
export type { HorizontalAnnotation, VerticalAnnotation, HorizontalAnnotationItem, VerticalAnnotationItem } from './annotations.js';
export { GraphWidget, type GraphWidgetProps, type GraphWidgetView } from './graph-widget.js';
export { SingleValueWidget, type SingleValueWidgetProps } from './single-value-widget.js';
export { GaugeWidget, type GaugeWidgetProps } from './gauge-widget.js';
export { TableWidget, type TableWidgetProps, type TableSummaryColumn } from './table-widget.js';
export { AlarmWidget, type AlarmWidgetProps } from './alarm-widget.js';
export { AlarmStatusWidget, type AlarmStatusWidgetProps, type AlarmState } from './alarm-status-widget.js';
export { TextWidget, type TextWidgetProps } from './text-widget.js';
export { LogQueryWidget, type LogQueryWidgetProps, type LogQueryView } from './log-query-widget.js';
export { ExplorerWidget, type ExplorerWidgetProps, type ExplorerMetric } from './explorer-widget.js';
export { CustomWidget, type CustomWidgetProps } from './custom-widget.js';
export {
  ChartWidget,
  type ChartWidgetProps,
  type ChartView,
  type PromQLQuery,
  type ChartLegend,
  type ChartAxis,
  type ChartLineOptions,
  type ChartStyle,
  type ChartAnnotation,
} from './chart-widget.js';
export { RawWidget } from './raw-widget.js';
