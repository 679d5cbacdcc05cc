/**
 * Widget JSON back to typed widgets. Each converter maps the properties it understands onto the widget's props;
 * `widgetCode` then renders the result and keeps it only if it reproduces the original widget, falling back to a
 * `RawWidget` holding the JSON otherwise (unknown keys, shapes the typed widgets do not make).
 */
import { isDeepStrictEqual } from 'node:util';
import type { WidgetJson, WidgetJsonOf } from '../../model/body/schema.js';
import { canonicalizeBody } from '../../model/body/serialize.js';
import { AlarmStatusWidget } from '../../model/dashboard/alarm-status-widget.js';
import { AlarmWidget } from '../../model/dashboard/alarm-widget.js';
import { ChartWidget } from '../../model/dashboard/chart-widget.js';
import { CustomWidget } from '../../model/dashboard/custom-widget.js';
import { ExplorerWidget } from '../../model/dashboard/explorer-widget.js';
import { GaugeWidget } from '../../model/dashboard/gauge-widget.js';
import { GraphWidget } from '../../model/dashboard/graph-widget.js';
import { LogQueryWidget } from '../../model/dashboard/log-query-widget.js';
import { RawWidget } from '../../model/dashboard/raw-widget.js';
import { SingleValueWidget } from '../../model/dashboard/single-value-widget.js';
import { TableWidget } from '../../model/dashboard/table-widget.js';
import { TextWidget } from '../../model/dashboard/text-widget.js';
import type { IWidget } from '../../model/dashboard/widget.js';
import { construct, type Code } from './code.js';
import { durationCode, expandedRows, metricsCode } from './rows.js';

/**
 * The widget as code, pinned to its x/y when `pin` is set. A typed widget whose region is `dashboardRegion` leaves
 * it to the dashboard; a RawWidget always keeps its JSON whole.
 */
export function widgetCode(json: WidgetJson, pin: boolean, dashboardRegion?: string): Code {
  const position = { x: pin ? json.x : undefined, y: pin ? json.y : undefined };
  const wanted = comparable(json);
  const source = dashboardRegion === undefined ? json : withoutRegion(json, dashboardRegion);
  // The size is written only where it differs from the widget's own default (6x3 for a single value, say).
  const unsized = typedWidgetCode(source, position);
  if (unsized) {
    const defaults = unsized.value as IWidget;
    const width = json.width ?? 6;
    const height = json.height ?? 6;
    const size = { width: width === defaults.width ? undefined : width, height: height === defaults.height ? undefined : height };
    const typed = size.width === undefined && size.height === undefined ? unsized : typedWidgetCode(source, { ...size, ...position });
    if (typed && isDeepStrictEqual(renderForComparison(typed.value as IWidget, json, dashboardRegion), wanted)) return typed;
  }
  return construct('RawWidget', (props) => new RawWidget(props), pin ? json : { ...json, x: undefined, y: undefined });
}

/** The widget JSON with the shorthand in its rows expanded and CloudWatch's size and view defaults filled in. */
function comparable(json: WidgetJson): unknown {
  const filled: Record<string, unknown> = { ...json, width: json.width ?? 6, height: json.height ?? 6 };
  if (json.type === 'metric') {
    const rows = json.properties.metrics && expandedRows(json.properties.metrics);
    filled.properties = { ...json.properties, view: json.properties.view ?? 'timeSeries', ...(rows ? { metrics: rows } : {}) };
  }
  return canonicalizeBody(filled);
}

function renderForComparison(widget: IWidget, json: WidgetJson, region: string | undefined): unknown {
  const position = json.x !== undefined && json.y !== undefined ? { x: json.x, y: json.y } : undefined;
  const [rendered] = widget.renderAt(position, { region });
  return canonicalizeBody(rendered);
}

/** The region every metric and log widget of a body shares, which the imported Dashboard then sets once. */
export function sharedRegion(widgets: readonly WidgetJson[]): string | undefined {
  const regions = new Set(widgets.filter(hasRegion).map((widget) => widget.properties.region));
  return regions.size === 1 ? [...regions][0] : undefined;
}

/** The widgets whose region the dashboard's default fills in. */
function hasRegion(widget: WidgetJson): widget is WidgetJsonOf<'metric' | 'log' | 'chart'> {
  return widget.type === 'metric' || widget.type === 'log' || widget.type === 'chart';
}

function withoutRegion(json: WidgetJson, region: string): WidgetJson {
  if (!hasRegion(json) || json.properties.region !== region) return json;
  const { region: _dropped, ...properties } = json.properties;
  return { ...json, properties } as WidgetJson;
}

type Placement = Record<string, number | undefined>;

function typedWidgetCode(json: WidgetJson, placement: Placement): Code | undefined {
  switch (json.type) {
    case 'metric':
      return metricWidgetCode(json, placement);
    case 'text':
      return construct('TextWidget', (p) => new TextWidget(p), { ...placement, ...json.properties });
    case 'log':
      return logWidgetCode(json, placement);
    case 'alarm': {
      const { alarms, ...rest } = json.properties;
      return construct('AlarmStatusWidget', (p) => new AlarmStatusWidget(p), { ...placement, alarmArns: alarms, ...rest });
    }
    case 'custom': {
      const { endpoint, ...rest } = json.properties;
      return construct('CustomWidget', (p) => new CustomWidget(p), { ...placement, functionArn: endpoint, ...rest });
    }
    case 'explorer': {
      const { period, widgetOptions, ...rest } = json.properties;
      const { legend, ...options } = widgetOptions ?? {};
      return construct('ExplorerWidget', (p) => new ExplorerWidget(p), {
        ...placement,
        ...rest,
        period: durationCode(period),
        widgetOptions: widgetOptions && { legendPosition: legend?.position, ...options },
      });
    }
    case 'chart':
      return chartWidgetCode(json, placement);
  }
}

/** Queries keep their ids (the default `q1`, `q2`, ... is not relied on); type and language are the widget's own. */
function chartWidgetCode(json: WidgetJsonOf<'chart'>, placement: Placement): Code {
  const { data, plotOptions, ...rest } = json.properties;
  const { legend, xAxis, yAxis, style, annotations, ...otherPlotOptions } = plotOptions ?? {};
  const { horizontal, ...otherAnnotations } = annotations ?? {};
  const queries = data.queries.map(({ type: _type, language: _language, id, query, step, label, ...other }) => ({ id, query, step: durationCode(step), label, ...other }));
  // Keys the widget does not model are passed on unknown to it: the render check then fails and the JSON stays raw.
  return construct('ChartWidget', (p) => new ChartWidget(p), {
    ...placement, ...rest, queries, legend, xAxis, yAxis, style, horizontalAnnotations: horizontal, ...otherPlotOptions, ...otherAnnotations,
  });
}

function logWidgetCode(json: WidgetJsonOf<'log'>, placement: Placement): Code {
  const { query, ...rest } = json.properties;
  const match = /^((?:SOURCE '[^']*' \| )+)([\s\S]*)$/.exec(query);
  const groups = match ? [...match[1]!.matchAll(/SOURCE '([^']*)'/g)].map((source) => source[1]!) : undefined;
  const lines = match?.[2]!.split('\n| ');
  const queryProps = groups ? { logGroupNames: groups, ...(lines!.length > 1 ? { queryLines: lines } : { queryString: match![2] }) } : { query };
  return construct('LogQueryWidget', (p) => new LogQueryWidget(p), { ...placement, ...queryProps, ...rest });
}

function metricWidgetCode(json: WidgetJsonOf<'metric'>, placement: Placement): Code | undefined {
  const { view, metrics, annotations, yAxis, legend, title, region, accountId, period, stat, liveData, start, end, timezone, ...rest } =
    json.properties;
  const rows = metrics && metricsCode(metrics);
  if (metrics && !rows) return undefined;
  const common = { ...placement, title, region, accountId, period: durationCode(period), statistic: stat, liveData, start, end, timezone };
  const legendPosition = legend?.position;
  if (annotations?.alarms && !metrics) {
    const { alarms, ...otherAnnotations } = annotations;
    return construct('AlarmWidget', (p) => new AlarmWidget(p), { ...common, alarmArn: alarms[0], yAxis, legendPosition, ...otherAnnotations, ...rest });
  }
  // Properties a view does not model are simply not passed on: the render check then sees them missing.
  const { sparkline, setPeriodToTimeRange, singleValueFullPrecision, trend, table, stacked, labels } = rest;
  const { horizontal, vertical } = annotations ?? {};
  switch (view ?? 'timeSeries') {
    case 'singleValue':
      return construct('SingleValueWidget', (p) => new SingleValueWidget(p), {
        ...common, metrics: rows, sparkline, setPeriodToTimeRange, fullPrecision: singleValueFullPrecision, trend,
      });
    case 'gauge': {
      const left = yAxis?.left;
      return construct('GaugeWidget', (p) => new GaugeWidget(p), {
        ...common, metrics: rows, range: left, annotations: horizontal, legendPosition, setPeriodToTimeRange,
      });
    }
    case 'table': {
      const columns = table ?? {};
      return construct('TableWidget', (p) => new TableWidget(p), {
        ...common, metrics: rows, ...columns, thresholds: horizontal, yAxis, setPeriodToTimeRange, fullPrecision: singleValueFullPrecision,
      });
    }
    default:
      return construct('GraphWidget', (p) => new GraphWidget(p), {
        ...common, view: view === 'timeSeries' ? undefined : view, metrics: rows, stacked, yAxis, legendPosition,
        horizontalAnnotations: horizontal, verticalAnnotations: vertical, setPeriodToTimeRange, displayLabelsOnChart: labels?.visible,
      });
  }
}
