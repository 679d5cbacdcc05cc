/**
 * Properties of a `chart` widget (PromQL, docs/sources.md#otel-metrics). A query that does not parse is an error: CloudWatch
 * cannot run it. Everything else here is a warning, because the chart schema is only known from bodies seen in use:
 * an unseen view, metric-widget keys on a chart, a query without a metric name (CloudWatch's PromQL API rejects
 * label-only selectors), a `_bucket` series (histograms are native there), a partial `lineOptions` (reported to fail
 * validation, unverified).
 */
import {
  CHART_QUERY_TYPE,
  chartLineOptionsSchema,
  chartPlotOptionsSchema,
  chartQuerySchema,
  chartStyleSchema,
  chartViews,
  PROMQL_LANGUAGE,
  type ChartQueryJson,
} from './chart-schema.js';
import type { MessageCollector } from './messages.js';
import type { ChartWidgetProperties } from './schema.js';
import { chartWidgetPropertiesSchema } from './schema.js';
import { warnUnknownKeys } from './zod-messages.js';
import { formatPromQLError, parsePromQL } from '../promql/parse.js';

const LINE_OPTION_KEYS = Object.keys(chartLineOptionsSchema.shape);

/** Where a metric widget's key lives on a chart widget, for the unknown-key warning. */
const METRIC_WIDGET_KEYS: Readonly<Record<string, string>> = {
  metrics: 'PromQL queries go in data.queries',
  stacked: 'stacking is plotOptions.style.lineOptions.stacked',
  yAxis: 'axes are plotOptions.yAxis, an array',
  legend: 'the legend is plotOptions.legend',
  annotations: 'annotations are plotOptions.annotations',
  period: 'the resolution is the step of each query',
  stat: 'aggregate in the PromQL query instead',
};
/** Metric-widget views and the chart view that draws the same. */
const METRIC_VIEWS: Readonly<Record<string, string>> = { timeSeries: 'line', singleValue: 'number', gauge: 'number', table: 'line' };

export function validateChartWidget(properties: ChartWidgetProperties, path: string, out: MessageCollector): void {
  for (const key of Object.keys(properties)) {
    if (key in chartWidgetPropertiesSchema.shape) continue;
    const hint = METRIC_WIDGET_KEYS[key];
    out.warning(`${path}/${key}`, `The "${key}" property is not expected to be part of a chart widget, will be ignored${hint ? `: ${hint}` : ''}`);
  }
  checkView(properties.view, `${path}/view`, out);
  const queries = properties.data.queries;
  if (queries.length === 0) out.warning(`${path}/data/queries`, 'a chart widget with no queries draws nothing; add a PromQL query');
  const ids = new Map<string, number>();
  queries.forEach((query, index) => {
    const queryPath = `${path}/data/queries/${index}`;
    if (query.id !== undefined) {
      const first = ids.get(query.id);
      if (first !== undefined) out.warning(`${queryPath}/id`, `id "${query.id}" is already used by query ${first} of this widget; give each query its own id`);
      else ids.set(query.id, index);
    }
    validateQuery(query, queryPath, out);
  });
  if (properties.plotOptions) validatePlotOptions(properties.plotOptions, `${path}/plotOptions`, out);
}

function checkView(view: string | undefined, path: string, out: MessageCollector): void {
  if (view === undefined || (chartViews as readonly string[]).includes(view)) return;
  const instead = METRIC_VIEWS[view];
  const message = instead
    ? `"${view}" is a metric widget's view; a chart widget draws "${instead}"${view === 'timeSeries' ? ' (stacked: plotOptions.style.lineOptions.stacked)' : ''}`
    : `view "${view}" was not seen in CloudWatch chart widgets (${chartViews.join(', ')}); check that it renders`;
  out.warning(path, message);
}

function validateQuery(query: ChartQueryJson, path: string, out: MessageCollector): void {
  warnUnknownKeys(query, chartQuerySchema, path, 'a chart query', out);
  if (query.id === undefined) out.warning(path, 'every chart query seen in CloudWatch has an id; add one (e.g. "q1")');
  if (query.type !== CHART_QUERY_TYPE) {
    out.warning(`${path}/type`, `chart queries seen in CloudWatch have type "${CHART_QUERY_TYPE}", found ${JSON.stringify(query.type ?? null)}`);
  }
  if (query.step !== undefined && !(Number.isInteger(query.step) && query.step > 0)) {
    out.warning(`${path}/step`, `step is a whole number of seconds above 0 (60 is common), received ${query.step}`);
  }
  if (query.language !== PROMQL_LANGUAGE) {
    out.warning(`${path}/language`, `only "${PROMQL_LANGUAGE}" chart queries are known (and checked), found ${JSON.stringify(query.language ?? null)}`);
    return;
  }
  const parsed = parsePromQL(query.query);
  if (!parsed.ok) {
    out.error(`${path}/query`, formatPromQLError(parsed.error));
    return;
  }
  for (const selector of parsed.selectors) {
    if (selector.metricName?.endsWith('_bucket') || selector.matchers.some((matcher) => matcher.label === 'le')) {
      // Prometheus habit; CloudWatch stores an OTLP histogram as one native histogram series (docs/sources.md#otel-metrics).
      out.warning(
        `${path}/query`,
        `the selector ${selector.text} reads a _bucket series or the le label; CloudWatch keeps OTLP histograms as native histograms (no _bucket, no le): histogram_quantile(0.99, sum(rate(name[5m])))`,
      );
    }
    if (selector.metricName !== undefined) continue;
    const why = selector.matchers.some((matcher) => matcher.label === '__name__') ? 'selects names by pattern' : 'names no metric';
    out.warning(
      `${path}/query`,
      `the selector ${selector.text} ${why}; CloudWatch's PromQL needs one metric name per selector (name{...}, {"dotted.name", ...} or {__name__="..."})`,
    );
  }
}

function validatePlotOptions(plot: NonNullable<ChartWidgetProperties['plotOptions']>, path: string, out: MessageCollector): void {
  warnUnknownKeys(plot, chartPlotOptionsSchema, path, 'the plot options of a chart widget', out);
  if (plot.style) warnUnknownKeys(plot.style, chartStyleSchema, `${path}/style`, 'the style of a chart widget', out);
  const line = plot.style?.lineOptions;
  if (line) {
    warnUnknownKeys(line, chartLineOptionsSchema, `${path}/style/lineOptions`, 'lineOptions', out);
    const missing = LINE_OPTION_KEYS.filter((key) => !(key in line));
    if (missing.length > 0) {
      out.warning(`${path}/style/lineOptions`, `lineOptions without ${missing.join(', ')}: chart bodies seen in use set all of ${LINE_OPTION_KEYS.join(', ')} (a partial one is reported to fail validation)`);
    }
  }
  plot.annotations?.horizontal?.forEach((annotation, index) => {
    if (annotation.color !== undefined && !/^#[0-9a-fA-F]{6}$/.test(annotation.color)) {
      out.warning(`${path}/annotations/horizontal/${index}/color`, `color "${annotation.color}" is not a six-digit hex colour such as "#d62728"`);
    }
  });
}
