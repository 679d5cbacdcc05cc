/**
 * What the preview shows inside a widget, per widget type: a metric widget's rows (metrics with their dimensions,
 * statistic and period; expressions; hidden math inputs greyed), a chart widget's PromQL queries with the metric
 * names they read, a text widget's Markdown rendered, a log widget's query. Plain strings only: the page template
 * escapes every one of them, except the Markdown HTML, which markdown-it produces with raw HTML disabled (so a
 * `<script>` in Markdown arrives as text). markdown-it is a CommonMark-compliant, maintained parser whose link
 * validation already refuses `javascript:` URLs.
 */
import MarkdownIt from 'markdown-it';
import { readMetricRows, type MetricRowParts } from '../../model/body/metric-rows.js';
import { PROMQL_LANGUAGE } from '../../model/body/chart-schema.js';
import type { ChartWidgetProperties, MetricWidgetProperties, WidgetJson } from '../../model/body/schema.js';
import { parsePromQL } from '../../model/promql/parse.js';
import { stableStringify } from '../../shared/json.js';

/** CloudWatch's default line colours, in the order it assigns them to visible rows. */
const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

// Raw HTML off (it arrives as text) and images off (the page fetches nothing; CSP would block them anyway).
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false }).disable('image');

export interface RowView {
  readonly kind: 'metric' | 'expression' | 'promql' | 'invalid';
  /** `prod/task-service · http_request_duration_seconds`, or the expression or PromQL query. */
  readonly text: string;
  /** Dimensions as `Name=value`, with `(variable id)` after the ones a dashboard variable changes; a query's metric names. */
  readonly dimensions: readonly string[];
  /** `id · label · stat · period · right axis`. */
  readonly detail: string;
  readonly hidden: boolean;
  readonly color: string;
}

export interface WidgetView {
  readonly type: string;
  readonly title: string;
  /** `timeSeries · stacked · 60 s · SampleCount`. */
  readonly summary: string;
  readonly rows: readonly RowView[];
  readonly annotations: readonly string[];
  readonly markdownHtml: string | undefined;
  readonly transparent: boolean;
  readonly code: string | undefined;
  readonly items: readonly string[];
}

/** Dimension name → id of the `property` variable that changes it. */
export type VariableDimensions = ReadonlyMap<string, string>;

export function widgetView(widget: WidgetJson, variables: VariableDimensions): WidgetView {
  const base = { title: '', summary: '', rows: [], annotations: [], markdownHtml: undefined, transparent: false, code: undefined, items: [] };
  switch (widget.type) {
    case 'metric':
      return { ...base, type: 'metric', ...metricContent(widget.properties, variables) };
    case 'text':
      return { ...base, type: 'text', markdownHtml: markdown.render(widget.properties.markdown), transparent: widget.properties.background === 'transparent' };
    case 'log':
      return {
        ...base,
        type: 'log',
        title: widget.properties.title ?? 'Logs Insights',
        summary: join([widget.properties.view ?? 'table', widget.properties.queryLanguage, widget.properties.region]),
        code: widget.properties.query,
      };
    case 'alarm':
      return {
        ...base,
        type: 'alarm',
        title: widget.properties.title ?? 'Alarm Status',
        summary: join([widget.properties.sortBy, widget.properties.states?.join('/')]),
        items: widget.properties.alarms,
      };
    case 'chart':
      return { ...base, type: 'chart', ...chartContent(widget.properties) };
    default: {
      const { title, ...rest } = widget.properties as { title?: unknown };
      return { ...base, type: widget.type, title: typeof title === 'string' ? title : widget.type, code: stableStringify(rest).trimEnd() };
    }
  }
}

function metricContent(properties: MetricWidgetProperties, variables: VariableDimensions): Pick<WidgetView, 'title' | 'summary' | 'rows' | 'annotations'> {
  const { rows, problems } = readMetricRows(properties.metrics ?? []);
  let colour = 0;
  const views = rows.map((row, index): RowView => {
    if (row === undefined) {
      const problem = problems.find((candidate) => candidate.row === index);
      return { kind: 'invalid', text: problem?.message ?? 'malformed row', dimensions: [], detail: '', hidden: false, color: '#d62728' };
    }
    const hidden = row.options.visible === false;
    // Only a well-formed hex colour reaches the page's style attribute: anything else could inject CSS.
    const own = row.options.color !== undefined && /^#[0-9a-fA-F]{6}$/.test(row.options.color) ? row.options.color : undefined;
    const color = own ?? (hidden ? '#aab7b8' : PALETTE[colour++ % PALETTE.length]!);
    return { ...rowContent(row, properties, variables), hidden, color };
  });
  return {
    title: properties.title ?? '',
    summary: join([
      properties.view ?? 'timeSeries',
      properties.stacked ? 'stacked' : undefined,
      properties.period === undefined ? undefined : `${properties.period} s`,
      properties.stat,
      properties.region,
    ]),
    rows: views,
    annotations: [
      ...(properties.annotations?.alarms ?? []).map((arn) => `alarm ${arn}`),
      ...(properties.annotations?.horizontal ?? []).map((item) => `horizontal ${annotationText(item)}`),
      ...(properties.annotations?.vertical ?? []).map((item) => `vertical ${annotationText(item)}`),
    ],
  };
}

/** A chart widget: one row per PromQL query, with the metric names it reads (what the usage index counts). */
function chartContent(properties: ChartWidgetProperties): Pick<WidgetView, 'title' | 'summary' | 'rows' | 'annotations'> {
  const plot = properties.plotOptions;
  const rows = properties.data.queries.map((query, index): RowView => {
    const parsed = query.language === PROMQL_LANGUAGE ? parsePromQL(query.query) : undefined;
    const names = parsed?.ok ? [...new Set(parsed.selectors.map((selector) => selector.metricName ?? '(no metric name)'))] : [];
    return {
      kind: 'promql',
      text: query.query,
      dimensions: names.map((name) => `reads ${name}`),
      detail: join([query.id && `id ${query.id}`, query.label !== undefined && `label "${query.label}"`, periodText(query.step), query.language !== PROMQL_LANGUAGE && query.language]),
      hidden: false,
      color: PALETTE[index % PALETTE.length]!,
    };
  });
  return {
    title: properties.title ?? '',
    summary: join([properties.view ?? 'line', plot?.style?.lineOptions?.stacked ? 'stacked' : undefined, 'PromQL', properties.region]),
    rows,
    annotations: (plot?.annotations?.horizontal ?? []).map((line) => `horizontal ${annotationText(line)}`),
  };
}

function rowContent(row: MetricRowParts, properties: MetricWidgetProperties, variables: VariableDimensions): Pick<RowView, 'kind' | 'text' | 'dimensions' | 'detail'> {
  const options = row.options;
  const common = [options.id && `id ${options.id}`, options.label !== undefined && `label "${options.label}"`];
  const axis = options.yAxis === 'right' ? 'right axis' : undefined;
  if (row.kind === 'expression') {
    return { kind: 'expression', text: row.options.expression, dimensions: [], detail: join([...common, periodText(options.period), axis]) };
  }
  return {
    kind: 'metric',
    text: `${row.namespace} · ${row.metricName}`,
    dimensions: row.dimensions.map(([name, value]) => (variables.has(name) ? `${name}=${value} (variable ${variables.get(name)})` : `${name}=${value}`)),
    detail: join([...common, row.options.stat ?? properties.stat ?? 'Average', periodText(options.period ?? properties.period ?? 300), axis]),
  };
}

function periodText(seconds: number | undefined): string | undefined {
  return seconds === undefined ? undefined : `${seconds} s`;
}

function annotationText(item: unknown): string {
  const parts = Array.isArray(item) ? item : [item];
  return parts.map((part: { value?: unknown; label?: unknown }) => `${String(part.value)}${part.label === undefined ? '' : ` "${String(part.label)}"`}`).join(' – ');
}

function join(parts: readonly (string | false | undefined | '')[]): string {
  return parts.filter((part): part is string => typeof part === 'string' && part !== '').join(' · ');
}
