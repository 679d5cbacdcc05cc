/**
 * The `chart` widget (PromQL over OpenTelemetry metrics). The Dashboard Body documentation lists a section for it
 * whose text could not be read, so every field here is one seen in bodies that deploy (docs/sources.md#otel-metrics: the AWS
 * guidance for Claude Code's dashboards, and a NOC dashboard generator). Values are typed as strings where only one
 * or two values were seen (`view`, axis types, legend position): an unseen value is a warning of the validator,
 * not a shape error, since CloudWatch may well accept it.
 */
import { z } from 'zod';

/** The query `type` and `language` of every chart query seen. */
export const CHART_QUERY_TYPE = 'cloudwatch-metrics';
export const PROMQL_LANGUAGE = 'PromQL';

/** The `view`s seen in chart widgets (stacking and single values are style options, not views as in metric widgets). */
export const chartViews = ['line', 'number', 'pie', 'bar'] as const;

export const chartQuerySchema = z.looseObject({
  id: z.string().optional(),
  /** `cloudwatch-metrics` in every body seen. */
  type: z.string().optional(),
  /** `PromQL` in every body seen. */
  language: z.string().optional(),
  query: z.string(),
  /** Resolution of the range query, in seconds (60 seen). */
  step: z.number().optional(),
  /** A legend label; `__verbose__` is seen too (its meaning is not documented). */
  label: z.string().optional(),
});
export type ChartQueryJson = z.infer<typeof chartQuerySchema>;

export const chartLineOptionsSchema = z.looseObject({
  filled: z.boolean().optional(),
  stacked: z.boolean().optional(),
  width: z.number().optional(),
  pattern: z.string().optional(),
  spline: z.boolean().optional(),
});
export type ChartLineOptionsJson = z.infer<typeof chartLineOptionsSchema>;

export const chartStyleSchema = z.looseObject({
  lineOptions: chartLineOptionsSchema.optional(),
  numberOptions: z.looseObject({ sparkline: z.boolean().optional(), truncate: z.union([z.boolean(), z.number()]).optional() }).optional(),
  pieOptions: z.looseObject({ innerSize: z.string().optional() }).optional(),
  barOptions: z.looseObject({}).optional(),
  gaugeOptions: z.looseObject({}).optional(),
});
export type ChartStyleJson = z.infer<typeof chartStyleSchema>;

export const chartAxisSchema = z.looseObject({
  type: z.string().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  title: z.string().optional(),
});
export type ChartAxisJson = z.infer<typeof chartAxisSchema>;

export const chartAnnotationSchema = z.looseObject({
  type: z.string().optional(),
  label: z.string().optional(),
  value: z.number(),
  color: z.string().optional(),
});
export type ChartAnnotationJson = z.infer<typeof chartAnnotationSchema>;

export const chartPlotOptionsSchema = z.looseObject({
  legend: z.looseObject({ position: z.string().optional(), show: z.boolean().optional() }).optional(),
  xAxis: z.looseObject({ type: z.string().optional() }).optional(),
  yAxis: z
    .array(chartAxisSchema, {
      error: 'a chart widget\'s yAxis is an array of axes, [{"type":"linear","min":0,"title":"…"}] ({left, right} is the metric widget\'s form)',
    })
    .optional(),
  style: chartStyleSchema.optional(),
  annotations: z.looseObject({ horizontal: z.array(chartAnnotationSchema).optional() }).optional(),
});
export type ChartPlotOptionsJson = z.infer<typeof chartPlotOptionsSchema>;

export const chartWidgetPropertiesSchema = z.looseObject({
  title: z.string().optional(),
  view: z.string().optional(),
  region: z.string(),
  data: z.looseObject({ queries: z.array(chartQuerySchema) }),
  plotOptions: chartPlotOptionsSchema.optional(),
});
export type ChartWidgetProperties = z.infer<typeof chartWidgetPropertiesSchema>;
