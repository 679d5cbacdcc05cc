import { describe, expect, test } from 'vitest';
import { validateDashboardBody, validateDashboardName } from '../../../src/model/body/validate.js';
import type { ValidationMessage } from '../../../src/model/body/messages.js';
import { loadBodyVectors } from './vectors.js';

const errors = (messages: ValidationMessage[]) => messages.filter((message) => message.severity === 'error');
const warnings = (messages: ValidationMessage[]) => messages.filter((message) => message.severity === 'warning');

function metricWidget(properties: Record<string, unknown>, envelope: Record<string, unknown> = {}) {
  return { type: 'metric', width: 6, height: 6, ...envelope, properties: { region: 'eu-west-1', ...properties } };
}
const oneMetric = [['AWS/EC2', 'CPUUtilization']];

describe('the golden vectors', () => {
  test.each(loadBodyVectors().map((vector) => [vector.name, vector.body] as const))('%s validates without errors', (_name, body) => {
    expect(errors(validateDashboardBody(body))).toEqual([]);
  });

  test('their known oddities are warnings: colour without #, start "-9H", an expression reading an undefined id', () => {
    const all = loadBodyVectors().flatMap((vector) => warnings(validateDashboardBody(vector.body)));
    expect(all.map((message) => message.dataPath)).toEqual([
      '/widgets/0/properties/metrics/0/2/color',
      '/start',
      '/widgets/0/properties/metrics/0/0/expression',
    ]);
  });
});

describe('body structure', () => {
  test('a body that is not an object', () => {
    expect(validateDashboardBody([])).toEqual([
      { dataPath: '', message: 'the dashboard body must be a JSON object with a "widgets" array', severity: 'error' },
    ]);
  });

  test('widgets is required', () => {
    expect(validateDashboardBody({})).toEqual([{ dataPath: '/widgets', message: "Should have required property 'widgets'", severity: 'error' }]);
  });

  test('end without start, and a bad periodOverride', () => {
    const messages = validateDashboardBody({ widgets: [], end: '2026-01-01T00:00:00Z', periodOverride: 'sometimes' });
    expect(messages).toContainEqual({ dataPath: '/periodOverride', message: 'must be one of "auto", "inherit"', severity: 'error' });
  });

  test('end without start is an error; relative and absolute starts pass', () => {
    expect(errors(validateDashboardBody({ widgets: [], end: '2026-01-01T00:00:00Z' }))).toEqual([
      { dataPath: '/end', message: 'end needs start: set start as well, or drop end', severity: 'error' },
    ]);
    for (const start of ['-PT5M', '-PT8H', '-P7D', '-P3M', '-P1DT12H', '2018-12-17T06:00:00.000Z']) {
      expect(validateDashboardBody({ widgets: [], start })).toEqual([]);
    }
  });

  test('501 widgets: an error that says to split the dashboard', () => {
    const widgets = Array.from({ length: 501 }, () => ({ type: 'text', width: 1, height: 1, properties: { markdown: 'x' } }));
    expect(errors(validateDashboardBody({ widgets }))).toEqual([
      {
        dataPath: '/widgets',
        message: 'Should NOT have more than 500 items: the dashboard has 501 widgets; split it into several dashboards',
        severity: 'error',
      },
    ]);
  });

  test('more than 2,500 metrics in a dashboard, counting hidden math inputs', () => {
    const rows = Array.from({ length: 500 }, (_, index) => ['App', 'M', 'Id', String(index)]);
    const widgets = Array.from({ length: 6 }, () => metricWidget({ metrics: rows }));
    expect(errors(validateDashboardBody({ widgets })).map((message) => message.message)).toEqual([
      'the dashboard uses 3000 metrics; CloudWatch allows at most 2500 per dashboard (math inputs included); split it',
    ]);
  });

  test('unknown top-level and widget keys are warnings, as CloudWatch reports them', () => {
    const messages = validateDashboardBody({ widgets: [{ type: 'text', colour: 'red', properties: { markdown: 'x' } }], theme: 'dark' });
    expect(messages).toEqual([
      { dataPath: '/theme', message: 'The "theme" property is not expected to be part of a dashboard body, will be ignored', severity: 'warning' },
      {
        dataPath: '/widgets/0/colour',
        message: 'The "colour" property is not expected to be part of a widget definition, will be ignored',
        severity: 'warning',
      },
    ]);
  });
});

describe('widget envelope and layout', () => {
  test('grid ranges', () => {
    const messages = validateDashboardBody({
      widgets: [
        { type: 'text', x: 24, y: -1, width: 0, height: 1001, properties: { markdown: 'x' } },
        { type: 'text', x: 3, properties: { markdown: 'x' } },
      ],
    });
    expect(errors(messages).map((message) => `${message.dataPath}: ${message.message}`)).toEqual([
      '/widgets/0/x: x must be an integer from 0 to 23, received 24',
      '/widgets/0/y: y must be an integer of 0 or more, received -1',
      '/widgets/0/width: width must be an integer from 1 to 24 (the grid is 24 columns wide), received 0',
      '/widgets/0/height: height must be an integer from 1 to 1000, received 1001',
      '/widgets/1: x and y go together: y is missing; give both or neither (then CloudWatch places the widget)',
    ]);
  });

  test('overlapping explicit widgets and a widget past column 24 are warnings that say what to move', () => {
    const messages = validateDashboardBody({
      widgets: [
        { type: 'text', x: 0, y: 0, width: 12, height: 4, properties: { markdown: 'a' } },
        { type: 'text', x: 6, y: 2, width: 12, height: 4, properties: { markdown: 'b' } },
        { type: 'text', x: 20, y: 10, width: 6, height: 2, properties: { markdown: 'c' } },
        { type: 'text', x: 12, y: 1, width: 12, height: 2, properties: { markdown: 'd' } },
      ],
    });
    expect(errors(messages)).toEqual([]);
    expect(warnings(messages).map((message) => `${message.dataPath}: ${message.message}`)).toEqual([
      '/widgets/2: the widget reaches column 26, past the 24-column grid; move it left to x=18 or narrow it',
      '/widgets/1: widget 1 (x=6, y=2, 12x4) overlaps widget 0 (x=0, y=0, 12x4); move one of them or let cwdash place it',
      '/widgets/3: widget 3 (x=12, y=1, 12x2) overlaps widget 1 (x=6, y=2, 12x4); move one of them or let cwdash place it',
    ]);
  });

  test('an unknown widget type', () => {
    expect(validateDashboardBody({ widgets: [{ type: 'graph', properties: {} }] })).toEqual([
      { dataPath: '/widgets/0/type', message: 'unknown widget type; use metric, text, log, alarm, explorer, custom or chart', severity: 'error' },
    ]);
  });
});

describe('metric widgets', () => {
  const check = (properties: Record<string, unknown>) =>
    validateDashboardBody({ widgets: [metricWidget(properties)] }).map((message) => `${message.severity} ${message.dataPath}: ${message.message}`);

  test('missing region; the rows of that widget are still checked', () => {
    expect(validateDashboardBody({ widgets: [{ type: 'metric', properties: { metrics: oneMetric } }] })).toEqual([
      { dataPath: '/widgets/0/properties/region', message: "Should have required property 'region'", severity: 'error' },
    ]);
    const messages = validateDashboardBody({ widgets: [{ type: 'metric', properties: { metrics: [['AWS/EC2', 'CPUUtilization', { period: 7 }]] } }] });
    expect(messages.map((message) => message.dataPath)).toEqual(['/widgets/0/properties/region', '/widgets/0/properties/metrics/0/2/period']);
  });

  test('an empty graph has no data source', () => {
    expect(check({})).toEqual([
      'error /widgets/0/properties: The metric widget should have specified a region and a data source or an alarm annotation: add at least one metric or an alarm',
    ]);
  });

  test('a gauge needs its range, a bad timezone, a sparkline outside singleValue', () => {
    expect(check({ view: 'gauge', metrics: oneMetric, timezone: '+1', sparkline: true })).toEqual([
      'error /widgets/0/properties/yAxis/left: a gauge needs yAxis.left.min and yAxis.left.max (the gauge range)',
      'warning /widgets/0/properties/sparkline: sparkline only applies to the singleValue view',
      'error /widgets/0/properties/timezone: timezone "+1" must look like +HHMM or -HHMM, e.g. "+0100"',
    ]);
  });

  test('alarm annotations exclude metrics', () => {
    expect(check({ metrics: oneMetric, annotations: { alarms: ['arn:aws:cloudwatch:eu-west-1:123456789012:alarm:a'] } })).toEqual([
      'error /widgets/0/properties/annotations/alarms: an alarm annotation cannot be combined with metrics; use an alarm widget or drop the metrics',
    ]);
  });

  test('a bad period names the allowed values and a close valid one', () => {
    expect(check({ metrics: [['AWS/EC2', 'CPUUtilization', { period: 90 }]], period: 20 })).toEqual([
      'error /widgets/0/properties/period: period must be 1, 5, 10, 30, or a multiple of 60 seconds, received 20 (did you mean 60?)',
      'error /widgets/0/properties/metrics/0/2/period: period must be 1, 5, 10, 30, or a multiple of 60 seconds, received 90 (did you mean 120?)',
    ]);
  });

  test('an unknown id in an expression lists the ids the widget has', () => {
    expect(check({ metrics: [[{ expression: 'errors / requestz' }], ['App', 'Errors', { id: 'errors' }], ['App', 'Requests', { id: 'requests' }]] })).toEqual([
      'warning /widgets/0/properties/metrics/0/0/expression: expression "errors / requestz" refers to "requestz", which no row of this widget defines (ids in this widget: errors, requests); add the metric with id "requestz" (usingMetrics) or fix the name',
    ]);
  });

  test('ids: lower-case first, unique, not self-referencing', () => {
    expect(check({ metrics: [['App', 'A', { id: 'Errors' }], ['App', 'B', { id: 'x' }], ['App', 'C', { id: 'x' }], [{ expression: 'x + m', id: 'm' }]] })).toEqual([
      'error /widgets/0/properties/metrics/2: id "x" is already used by row 1 of this widget; ids must be unique within a widget',
      'error /widgets/0/properties/metrics/0/2/id: id "Errors" must start with a lower-case letter followed by letters, digits or _',
      'error /widgets/0/properties/metrics/3/0/expression: expression "x + m" refers to its own id "m"',
    ]);
  });

  test('row grammar: empty dimension value, dangling dimension name, options not last, colour', () => {
    expect(
      check({
        metrics: [
          ['ContainerInsights', 'pod_cpu', 'ClusterName', ''],
          ['ContainerInsights', 'pod_cpu', 'ClusterName'],
          ['App', 'A', { color: 'red' }, 'Dim'],
          ['App', 'B', { color: 'red' }],
        ],
      }),
    ).toEqual([
      'error /widgets/0/properties/metrics/0/3: Invalid metric field type, only "String" type is allowed (non-empty)',
      'error /widgets/0/properties/metrics/1/2: dimension "ClusterName" has no value; dimensions are name/value pairs',
      'error /widgets/0/properties/metrics/2/2: the options object must be the last element of the row',
      'error /widgets/0/properties/metrics/3/2/color: color "red" must be a six-digit hex colour such as "#1f77b4"',
    ]);
  });

  test('the . and ... shorthand is expanded; in the first row it is an error', () => {
    expect(check({ metrics: [['AWS/EC2', 'CPUUtilization', 'InstanceId', 'i-1'], ['...', 'i-2'], ['.', 'NetworkIn', '.', 'i-3']] })).toEqual([]);
    expect(check({ metrics: [['.', 'CPUUtilization']] })).toEqual([
      'error /widgets/0/properties/metrics/0: the "." and "..." shorthand needs a previous metric row to refer to; write this row out in full',
    ]);
  });

  test('statistics are checked against the grammar', () => {
    expect(check({ metrics: [['App', 'A', { stat: 'p99.9' }], ['App', 'B', { stat: 'TM(10%:90%)' }], ['App', 'C', { stat: 'median' }]] })).toEqual([
      'error /widgets/0/properties/metrics/2/2/stat: "median" is not a CloudWatch statistic; use SampleCount, Average, Sum, Minimum, Maximum, IQM, pNN, tmNN, wmNN, tcNN, tsNN, or TM/WM/TC/TS/PR(lower:upper)',
    ]);
  });

  test('SEARCH longer than 1,024 characters, and two Metrics Insights queries', () => {
    const long = `SEARCH('{App,Id} ${'x'.repeat(1020)}', 'Average', 300)`;
    expect(check({ metrics: [[{ expression: long }], [{ expression: 'SELECT AVG(a) FROM b' }], [{ expression: 'SELECT MAX(a) FROM b' }]] })).toEqual([
      'error /widgets/0/properties/metrics/0/0/expression: the SEARCH query is 1029 characters; CloudWatch allows at most 1024',
      'error /widgets/0/properties/metrics: a widget may hold one Metrics Insights query (SELECT ...), found 2; put each in its own widget',
    ]);
  });

  test('more than 500 rows in a widget', () => {
    const rows = Array.from({ length: 501 }, (_, index) => ['App', 'M', 'Id', String(index)]);
    expect(check({ metrics: rows })).toEqual([
      'error /widgets/0/properties/metrics: Should NOT have more than 500 items: a widget holds at most 500 metrics and expressions; split it into several widgets',
    ]);
  });

  test('vertical annotations are dates', () => {
    expect(check({ metrics: oneMetric, annotations: { vertical: [{ value: 'yesterday' }, [{ value: '2026-11-24T06:00:00Z' }, { value: 'now' }]] } })).toEqual([
      'error /widgets/0/properties/annotations/vertical/0/value: vertical annotation value "yesterday" must be an ISO-8601 date-time such as "2026-11-24T06:00:00Z"',
      'error /widgets/0/properties/annotations/vertical/1/1/value: vertical annotation value "now" must be an ISO-8601 date-time such as "2026-11-24T06:00:00Z"',
    ]);
  });
});

describe('other widgets', () => {
  const check = (widget: Record<string, unknown>) =>
    validateDashboardBody({ widgets: [widget] }).map((message) => `${message.severity} ${message.dataPath}: ${message.message}`);

  test('alarm status widget: 1-100 alarm ARNs', () => {
    expect(check({ type: 'alarm', properties: { alarms: [] } })).toEqual(['error /widgets/0/properties/alarms: an alarm status widget lists 1 to 100 alarm ARNs, found 0']);
    expect(check({ type: 'alarm', properties: { alarms: ['my-alarm'], states: ['FIRING'] } })).toEqual([
      'error /widgets/0/properties/states/0: must be one of "ALARM", "INSUFFICIENT_DATA", "OK"',
    ]);
    expect(check({ type: 'alarm', properties: { alarms: ['my-alarm'] } })).toEqual([
      'error /widgets/0/properties/alarms/0: "my-alarm" is not an alarm ARN (arn:aws:cloudwatch:<region>:<account>:alarm:<name>)',
    ]);
  });

  test('log widget: the query starts with SOURCE', () => {
    expect(check({ type: 'log', properties: { region: 'eu-west-1', query: 'fields @message' } })).toEqual([
      `error /widgets/0/properties/query: a Logs Insights query starts with SOURCE '<log group>' | ...; received "fields @message"`,
    ]);
    expect(check({ type: 'log', properties: { region: 'eu-west-1', query: 'SELECT * FROM x', queryLanguage: 'SQL' } })).toEqual([]);
  });

  test('explorer widget: one resource type', () => {
    const metrics = [
      { metricName: 'CPUUtilization', resourceType: 'AWS::EC2::Instance', stat: 'Average' },
      { metricName: 'Invocations', resourceType: 'AWS::Lambda::Function', stat: 'Sum' },
    ];
    expect(check({ type: 'explorer', properties: { metrics, labels: [{ key: 'team' }] } })).toEqual([
      'error /widgets/0/properties/metrics: every explorer metric must use the same resourceType, found AWS::EC2::Instance, AWS::Lambda::Function',
    ]);
  });

  test('chart (PromQL) widgets: see validate-chart.test.ts; the envelope rules apply to them too', () => {
    const properties = { region: 'us-west-2', data: { queries: [{ id: 'q', type: 'cloudwatch-metrics', language: 'PromQL', query: 'up' }] } };
    expect(check({ type: 'chart', x: 0, y: 0, width: 6, height: 6, properties })).toEqual([]);
    expect(check({ type: 'chart', x: 20, y: 0, width: 6, height: 6, properties })).toEqual([
      'warning /widgets/0: the widget reaches column 26, past the 24-column grid; move it left to x=18 or narrow it',
    ]);
  });
});

describe('variables', () => {
  const check = (variables: unknown[]) =>
    validateDashboardBody({ widgets: [], variables }).map((message) => `${message.severity} ${message.dataPath}: ${message.message}`);

  test('select needs values or search+populateFrom, and defaultValue among the values', () => {
    expect(check([{ type: 'property', property: 'region', inputType: 'select', id: 'region' }])).toEqual([
      'error /variables/0: a select variable needs either values or both search and populateFrom (Should match exactly one schema in oneOf)',
    ]);
    expect(check([{ type: 'property', property: 'InstanceId', inputType: 'select', id: 'i', search: '{AWS/EC2,InstanceId} MetricName="CPUUtilization"' }])).toEqual([
      "error /variables/0: Should have required property 'populateFrom'",
    ]);
    expect(check([{ type: 'property', property: 'region', inputType: 'radio', id: 'r', values: [{ value: 'eu-west-1' }], defaultValue: 'us-east-1' }])).toEqual([
      'error /variables/0/defaultValue: defaultValue "us-east-1" is not one of the values ("eu-west-1")',
    ]);
  });

  test('input variables take no values; ids and labels have length limits; a property driven twice is a warning', () => {
    expect(
      check([
        { type: 'pattern', pattern: 'x', inputType: 'input', id: 'a'.repeat(33), values: [{ value: 'x' }] },
        { type: 'property', property: 'region', inputType: 'input', id: 'r1', label: 'l'.repeat(31) },
        { type: 'property', property: 'region', inputType: 'input', id: 'r2' },
      ]),
    ).toEqual([
      `error /variables/0/id: variable id "${'a'.repeat(33)}" must be 1-32 characters of 0-9 A-Z a-z - _`,
      'error /variables/0/values: an input variable takes free text; drop values, or make it a select or radio variable',
      `error /variables/1/label: variable label "${'l'.repeat(31)}" is longer than 30 characters`,
      'warning /variables/2/property: property "region" is already driven by variable 1; merge the two variables',
    ]);
  });
});

test('dashboard names', () => {
  expect(validateDashboardName('team-a_cluster-01')).toEqual([]);
  expect(validateDashboardName('my dashboard')[0]?.message).toBe('dashboard name "my dashboard" must be 1-255 characters of A-Z a-z 0-9 - _ (no spaces or dots)');
  expect(validateDashboardName('x'.repeat(256))).toHaveLength(1);
});

test('unknown row options, and a stat on an expression row, are warnings', () => {
  const messages = validateDashboardBody({
    widgets: [{ type: 'metric', properties: { region: 'eu-west-1', metrics: [['App', 'A', { colour: '#ffffff' }], [{ expression: 'SEARCH(\'{App} A\', \'Sum\', 60)', stat: 'Sum' }]] } }],
  });
  expect(messages.map((message) => `${message.severity} ${message.dataPath}: ${message.message}`)).toEqual([
    'warning /widgets/0/properties/metrics/0/2/colour: "colour" is not a metric row option (known: id, label, color, stat, period, visible, yAxis, region, accountId); CloudWatch may reject the row',
    'warning /widgets/0/properties/metrics/1/0/stat: an expression row has no stat: give the statistic inside the expression (SEARCH) or to the metrics it reads',
  ]);
});

test('row options have their types: yAxis left or right, numbers and booleans', () => {
  const messages = validateDashboardBody({
    widgets: [{ type: 'metric', properties: { region: 'eu-west-1', metrics: [['App', 'A', { yAxis: 'annotations', visible: 'no', period: '60' }]] } }],
  });
  expect(messages.map((message) => `${message.dataPath}: ${message.message}`)).toEqual([
    '/widgets/0/properties/metrics/0/2/period: expected number, received string',
    '/widgets/0/properties/metrics/0/2/visible: expected boolean, received string',
    '/widgets/0/properties/metrics/0/2/yAxis: must be one of "left", "right"',
  ]);
});

test('a PromQL block on a metric widget is pointed at the chart widget', () => {
  const messages = validateDashboardBody({ widgets: [{ type: 'metric', properties: { region: 'us-west-2', data: { queries: [{ id: 'a', query: 'up' }] } } }] });
  expect(messages.map((message) => `${message.severity} ${message.dataPath}: ${message.message}`)).toEqual([
    'warning /widgets/0/properties/data: The "data" property is not expected to be part of a metric widget, will be ignored',
    'error /widgets/0/properties: The metric widget should have specified a region and a data source or an alarm annotation: PromQL queries (data.queries) belong in a widget of type "chart"',
  ]);
});
