/**
 * The DashboardBody JSON that PutDashboard takes, as zod schemas (the shape) and the TypeScript types derived from
 * them. Objects are loose: CloudWatch only warns about unknown keys, so `validateDashboardBody` reports those itself
 * as warnings. Metric rows have a grammar zod cannot express (strings, then an optional options object last, with
 * `.`/`...` shorthand), so their element-level checks live in `validate-metric-rows.ts`; the schema only types them.
 * Limits (counts, lengths, ranges that CloudWatch reports separately) are checked by the validators, not here.
 */
import { z } from 'zod';
import { chartWidgetPropertiesSchema } from './chart-schema.js';

const axisSide = z.enum(['left', 'right']);

/** Rendering options shared by metric rows and expression rows (the last element of a row). */
export const rowOptionsSchema = z.looseObject({
  id: z.string().optional(),
  label: z.string().optional(),
  color: z.string().optional(),
  period: z.number().optional(),
  visible: z.boolean().optional(),
  yAxis: axisSide.optional(),
  region: z.string().optional(),
  accountId: z.string().optional(),
});

/** Options of a metric row: the shared options plus a statistic. */
export const metricRowOptionsSchema = rowOptionsSchema.extend({ stat: z.string().optional() });
export type MetricRowOptions = z.infer<typeof metricRowOptionsSchema>;

/** The single object of an expression row: math, `SEARCH(...)` or a Metrics Insights `SELECT ...`. */
export const expressionRowOptionsSchema = rowOptionsSchema.extend({ expression: z.string() });
export type ExpressionRowOptions = z.infer<typeof expressionRowOptionsSchema>;

/** `[Namespace, MetricName, (DimName, DimValue)*, Options?]`; rows after the first may use `.`/`...` shorthand. */
export type MetricStatRow =
  | readonly [namespace: string, metricName: string, ...dimensions: string[]]
  | readonly [namespace: string, metricName: string, ...dimensions: string[], options: MetricRowOptions];
/** `[{expression, id?, ...}]`: a one-element row. */
export type ExpressionRow = readonly [ExpressionRowOptions];
export type MetricRow = MetricStatRow | ExpressionRow;

/** Arrays only here; the element grammar is checked by `validateMetricRows` so each mistake gets its own message. */
export const metricRowSchema = z.custom<MetricRow>((value) => Array.isArray(value), 'a metric row must be an array');

const annotationBase = {
  label: z.string().optional(),
  color: z.string().optional(),
  visible: z.boolean().optional(),
};
export const horizontalAnnotationSchema = z.looseObject({
  ...annotationBase,
  value: z.number(),
  fill: z.enum(['above', 'below', 'none']).optional(),
  yAxis: axisSide.optional(),
});
export const verticalAnnotationSchema = z.looseObject({
  ...annotationBase,
  value: z.string(),
  fill: z.enum(['before', 'after', 'none']).optional(),
});
export type HorizontalAnnotationJson = z.infer<typeof horizontalAnnotationSchema>;
export type VerticalAnnotationJson = z.infer<typeof verticalAnnotationSchema>;
/** A band is a pair of annotations; the area between them is shaded. */
const horizontalItem = z.union([horizontalAnnotationSchema, z.tuple([horizontalAnnotationSchema, horizontalAnnotationSchema])]);
const verticalItem = z.union([verticalAnnotationSchema, z.tuple([verticalAnnotationSchema, verticalAnnotationSchema])]);
export type HorizontalAnnotationItem = z.infer<typeof horizontalItem>;
export type VerticalAnnotationItem = z.infer<typeof verticalItem>;

export const annotationsSchema = z.looseObject({
  alarms: z.array(z.string()).optional(),
  horizontal: z.array(horizontalItem).optional(),
  vertical: z.array(verticalItem).optional(),
});
export type AnnotationsJson = z.infer<typeof annotationsSchema>;

export const yAxisSchema = z.looseObject({
  min: z.number().optional(),
  max: z.number().optional(),
  label: z.string().optional(),
  showUnits: z.boolean().optional(),
});
export type YAxisJson = z.infer<typeof yAxisSchema>;

export const legendPositions = ['right', 'bottom', 'hidden'] as const;
export const metricViews = ['timeSeries', 'singleValue', 'gauge', 'bar', 'pie', 'table'] as const;
export const summaryColumns = ['MIN', 'MAX', 'SUM', 'AVG'] as const;

export const tableOptionsSchema = z.looseObject({
  layout: z.enum(['horizontal', 'vertical']).optional(),
  stickySummary: z.boolean().optional(),
  showTimeSeriesData: z.boolean().optional(),
  summaryColumns: z.array(z.enum(summaryColumns)).optional(),
});
export type TableOptionsJson = z.infer<typeof tableOptionsSchema>;

export const metricWidgetPropertiesSchema = z.looseObject({
  view: z.enum(metricViews).optional(),
  title: z.string().optional(),
  region: z.string(),
  accountId: z.string().optional(),
  metrics: z.array(metricRowSchema).optional(),
  annotations: annotationsSchema.optional(),
  stacked: z.boolean().optional(),
  period: z.number().optional(),
  stat: z.string().optional(),
  legend: z.looseObject({ position: z.enum(legendPositions) }).optional(),
  liveData: z.boolean().optional(),
  yAxis: z.looseObject({ left: yAxisSchema.optional(), right: yAxisSchema.optional() }).optional(),
  timezone: z.string().optional(),
  sparkline: z.boolean().optional(),
  trend: z.boolean().optional(),
  table: tableOptionsSchema.optional(),
  setPeriodToTimeRange: z.boolean().optional(),
  singleValueFullPrecision: z.boolean().optional(),
  labels: z.looseObject({ visible: z.boolean() }).optional(),
  start: z.string().optional(),
  end: z.string().optional(),
});
export type MetricWidgetProperties = z.infer<typeof metricWidgetPropertiesSchema>;

export const textWidgetPropertiesSchema = z.looseObject({
  markdown: z.string(),
  background: z.enum(['solid', 'transparent']).optional(),
});
export type TextWidgetProperties = z.infer<typeof textWidgetPropertiesSchema>;

export const logViews = ['table', 'timeSeries', 'bar', 'pie'] as const;
export const logWidgetPropertiesSchema = z.looseObject({
  region: z.string(),
  query: z.string(),
  title: z.string().optional(),
  view: z.enum(logViews).optional(),
  stacked: z.boolean().optional(),
  accountId: z.string().optional(),
  queryLanguage: z.enum(['Logs', 'SQL', 'PPL']).optional(),
});
export type LogWidgetProperties = z.infer<typeof logWidgetPropertiesSchema>;

export const alarmStates = ['ALARM', 'INSUFFICIENT_DATA', 'OK'] as const;
export const alarmStatusWidgetPropertiesSchema = z.looseObject({
  alarms: z.array(z.string()),
  title: z.string().optional(),
  sortBy: z.enum(['default', 'stateUpdatedTimestamp', 'timestamp']).optional(),
  states: z.array(z.enum(alarmStates)).optional(),
});
export type AlarmStatusWidgetProperties = z.infer<typeof alarmStatusWidgetPropertiesSchema>;

export const explorerAggregations = ['AVG', 'MIN', 'MAX', 'STDDEV', 'SUM'] as const;
export const explorerWidgetPropertiesSchema = z.looseObject({
  metrics: z.array(z.looseObject({ metricName: z.string(), resourceType: z.string(), stat: z.string() })),
  labels: z.array(z.looseObject({ key: z.string(), value: z.string().optional() })),
  aggregateBy: z.looseObject({ key: z.string(), func: z.enum(explorerAggregations) }).optional(),
  splitBy: z.string().optional(),
  period: z.number().optional(),
  title: z.string().optional(),
  widgetOptions: z
    .looseObject({
      legend: z.looseObject({ position: z.enum(legendPositions) }).optional(),
      rowsPerPage: z.number().optional(),
      stacked: z.boolean().optional(),
      view: z.enum(['timeSeries', 'bar', 'pie']).optional(),
      widgetsPerRow: z.number().optional(),
    })
    .optional(),
});
export type ExplorerWidgetProperties = z.infer<typeof explorerWidgetPropertiesSchema>;

export const customWidgetPropertiesSchema = z.looseObject({
  endpoint: z.string(),
  params: z.unknown().optional(),
  title: z.string().optional(),
  updateOn: z
    .looseObject({ refresh: z.boolean().optional(), resize: z.boolean().optional(), timeRange: z.boolean().optional() })
    .optional(),
});
export type CustomWidgetProperties = z.infer<typeof customWidgetPropertiesSchema>;

/** The PromQL `chart` widget: in its own file, since every field is observed rather than documented. */
export { chartWidgetPropertiesSchema, type ChartWidgetProperties } from './chart-schema.js';

const envelope = {
  x: z.number().optional(),
  y: z.number().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
};

export const widgetSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('metric'), ...envelope, properties: metricWidgetPropertiesSchema }),
  z.looseObject({ type: z.literal('text'), ...envelope, properties: textWidgetPropertiesSchema }),
  z.looseObject({ type: z.literal('log'), ...envelope, properties: logWidgetPropertiesSchema }),
  z.looseObject({ type: z.literal('alarm'), ...envelope, properties: alarmStatusWidgetPropertiesSchema }),
  z.looseObject({ type: z.literal('explorer'), ...envelope, properties: explorerWidgetPropertiesSchema }),
  z.looseObject({ type: z.literal('custom'), ...envelope, properties: customWidgetPropertiesSchema }),
  z.looseObject({ type: z.literal('chart'), ...envelope, properties: chartWidgetPropertiesSchema }),
]);
export type WidgetJson = z.infer<typeof widgetSchema>;
export type WidgetType = WidgetJson['type'];
export const widgetTypes: readonly WidgetType[] = ['metric', 'text', 'log', 'alarm', 'explorer', 'custom', 'chart'];
/** The widget JSON of one type, e.g. `WidgetJsonOf<'metric'>`. */
export type WidgetJsonOf<T extends WidgetType> = Extract<WidgetJson, { type: T }>;

const scalar = z.union([z.string(), z.number(), z.boolean()]);
export const variableSchema = z.looseObject({
  type: z.enum(['property', 'pattern']),
  property: z.string().optional(),
  pattern: z.string().optional(),
  inputType: z.enum(['input', 'select', 'radio']),
  id: z.string(),
  label: z.string().optional(),
  defaultValue: scalar.optional(),
  visible: z.boolean().optional(),
  values: z.array(z.looseObject({ value: scalar, label: z.string().optional() })).optional(),
  search: z.string().optional(),
  populateFrom: z.string().optional(),
});
export type VariableJson = z.infer<typeof variableSchema>;

export const dashboardBodySchema = z.looseObject({
  start: z.string().optional(),
  end: z.string().optional(),
  periodOverride: z.enum(['auto', 'inherit']).optional(),
  widgets: z.array(widgetSchema),
  variables: z.array(variableSchema).optional(),
});
export type DashboardBody = z.infer<typeof dashboardBodySchema>;
