import { describe, expect, test } from 'vitest';
import { validateDashboardBody } from '../../../src/model/body/validate.js';

const query = (text: string, extra: Record<string, unknown> = {}) => ({ id: 'q', type: 'cloudwatch-metrics', language: 'PromQL', query: text, ...extra });
const chart = (properties: Record<string, unknown>) => ({ type: 'chart', x: 0, y: 0, width: 12, height: 6, properties: { region: 'us-east-1', ...properties } });
const check = (properties: Record<string, unknown>) =>
  validateDashboardBody({ widgets: [chart(properties)] }).map((message) => `${message.severity} ${message.dataPath}: ${message.message}`);

describe('PromQL in chart queries', () => {
  test('a syntax error is an error at the query, with line, column and offset', () => {
    expect(check({ data: { queries: [query('up'), query('sum(rate(http_requests_total[5m])))', { id: 'r' })] } })).toEqual([
      'error /widgets/0/properties/data/queries/1/query: PromQL syntax error at line 1, column 35 (offset 34): unexpected ")"',
    ]);
  });

  test('a bare dotted OTel name is an error that shows the quoted form', () => {
    expect(check({ data: { queries: [query('sum(http.server.active_requests)')] } })).toEqual([
      'error /widgets/0/properties/data/queries/0/query: PromQL syntax error at line 1, column 9 (offset 8): unexpected ".": a name with dots must be quoted, {"http.server.active_requests"} (or "http.server.active_requests" inside braces and by (...))',
    ]);
  });

  test('quoted names and dotted labels pass', () => {
    expect(check({ data: { queries: [query('sum by ("@resource.service.name") (rate({"http.server.request.duration", "@aws.region"="us-east-1"}[5m]))')] } })).toEqual([]);
  });

  test('a selector without a metric name is a warning: CloudWatch needs one', () => {
    expect(check({ data: { queries: [query('sum({job="api"}) + count({__name__=~"http_.*"})')] } })).toEqual([
      'warning /widgets/0/properties/data/queries/0/query: the selector {job="api"} names no metric; CloudWatch\'s PromQL needs one metric name per selector (name{...}, {"dotted.name", ...} or {__name__="..."})',
      'warning /widgets/0/properties/data/queries/0/query: the selector {__name__=~"http_.*"} selects names by pattern; CloudWatch\'s PromQL needs one metric name per selector (name{...}, {"dotted.name", ...} or {__name__="..."})',
    ]);
  });

  test('a _bucket series or the le label is a warning: OTLP histograms are native in CloudWatch', () => {
    expect(check({ data: { queries: [query('histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{route="/"}[5m])))')] } })).toEqual([
      'warning /widgets/0/properties/data/queries/0/query: the selector http_request_duration_seconds_bucket{route="/"} reads a _bucket series or the le label; CloudWatch keeps OTLP histograms as native histograms (no _bucket, no le): histogram_quantile(0.99, sum(rate(name[5m])))',
    ]);
    expect(check({ data: { queries: [query('histogram_quantile(0.99, sum(rate(http_request_duration_seconds[5m])))')] } })).toEqual([]);
  });

  test('queries in another language are not parsed, and said to be unknown', () => {
    expect(check({ data: { queries: [query('SELECT AVG(x) FROM y', { language: 'SQL' })] } })).toEqual([
      'warning /widgets/0/properties/data/queries/0/language: only "PromQL" chart queries are known (and checked), found "SQL"',
    ]);
  });

  test('ids, type and step', () => {
    const queries = [query('up'), { query: 'up', language: 'PromQL' }, query('up', { step: 0 })];
    expect(check({ data: { queries } })).toEqual([
      'warning /widgets/0/properties/data/queries/1: every chart query seen in CloudWatch has an id; add one (e.g. "q1")',
      'warning /widgets/0/properties/data/queries/1/type: chart queries seen in CloudWatch have type "cloudwatch-metrics", found null',
      'warning /widgets/0/properties/data/queries/2/id: id "q" is already used by query 0 of this widget; give each query its own id',
      'warning /widgets/0/properties/data/queries/2/step: step is a whole number of seconds above 0 (60 is common), received 0',
    ]);
    expect(check({ data: { queries: [] } })).toEqual(['warning /widgets/0/properties/data/queries: a chart widget with no queries draws nothing; add a PromQL query']);
  });
});

describe('the chart widget shape', () => {
  test('region and data are required', () => {
    expect(validateDashboardBody({ widgets: [{ type: 'chart', properties: { data: { queries: [query('up')] } } }] }).map((m) => `${m.dataPath}: ${m.message}`)).toEqual([
      "/widgets/0/properties/region: Should have required property 'region'",
    ]);
    expect(check({})).toEqual(["error /widgets/0/properties/data: Should have required property 'data'"]);
  });

  test("metric-widget habits: a classic yAxis is an error, classic views and keys are warnings with the chart's way", () => {
    expect(check({ data: { queries: [query('up')] }, plotOptions: { yAxis: { left: { label: 'x' } } } })).toEqual([
      'error /widgets/0/properties/plotOptions/yAxis: a chart widget\'s yAxis is an array of axes, [{"type":"linear","min":0,"title":"…"}] ({left, right} is the metric widget\'s form)',
    ]);
    expect(check({ view: 'timeSeries', stacked: true, metrics: [], data: { queries: [query('up')] } })).toEqual([
      'warning /widgets/0/properties/stacked: The "stacked" property is not expected to be part of a chart widget, will be ignored: stacking is plotOptions.style.lineOptions.stacked',
      'warning /widgets/0/properties/metrics: The "metrics" property is not expected to be part of a chart widget, will be ignored: PromQL queries go in data.queries',
      'warning /widgets/0/properties/view: "timeSeries" is a metric widget\'s view; a chart widget draws "line" (stacked: plotOptions.style.lineOptions.stacked)',
    ]);
    expect(check({ view: 'heatmap', data: { queries: [query('up')] } })).toEqual([
      'warning /widgets/0/properties/view: view "heatmap" was not seen in CloudWatch chart widgets (line, number, pie, bar); check that it renders',
    ]);
  });

  test('plot options: a partial lineOptions, unknown style keys, annotation colours', () => {
    const plotOptions = {
      style: { lineOptions: { stacked: true }, areaOptions: {} },
      annotations: { horizontal: [{ type: 'static', label: 'SLO', value: 1, color: 'red' }] },
    };
    expect(check({ data: { queries: [query('up')] }, plotOptions })).toEqual([
      'warning /widgets/0/properties/plotOptions/style/areaOptions: The "areaOptions" property is not expected to be part of the style of a chart widget, will be ignored',
      'warning /widgets/0/properties/plotOptions/style/lineOptions: lineOptions without filled, width, pattern, spline: chart bodies seen in use set all of filled, stacked, width, pattern, spline (a partial one is reported to fail validation)',
      'warning /widgets/0/properties/plotOptions/annotations/horizontal/0/color: color "red" is not a six-digit hex colour such as "#d62728"',
    ]);
  });
});

describe('PromQL stays out of metric widgets', () => {
  test('the chart shape on a metric widget (guidance-for-claude-code#759) is the error CloudWatch gives, pointing at the chart', () => {
    const body = { widgets: [{ type: 'metric', properties: { region: 'us-east-1', view: 'timeSeries', data: { queries: [query('up')] } } }] };
    expect(validateDashboardBody(body).filter((m) => m.severity === 'error').map((m) => m.message)).toEqual([
      'The metric widget should have specified a region and a data source or an alarm annotation: PromQL queries (data.queries) belong in a widget of type "chart"',
    ]);
  });

  test("the preview's PROMQL() expression in a metric row is an error", () => {
    const body = { widgets: [{ type: 'metric', properties: { region: 'us-east-1', metrics: [[{ expression: 'PROMQL("sum(up)")', id: 'p' }]] } }] };
    expect(validateDashboardBody(body).map((m) => `${m.severity} ${m.dataPath}: ${m.message}`)).toEqual([
      'error /widgets/0/properties/metrics/0/0/expression: PromQL does not go in a metric widget; put the query in a widget of type "chart" (data.queries, language "PromQL")',
    ]);
  });
});
