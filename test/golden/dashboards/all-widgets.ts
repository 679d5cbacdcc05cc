// Every widget type and option of the model, compiled by golden.test.ts and compared with all-widgets.json.
import {
  AlarmStatusWidget, AlarmWidget, ChartWidget, Column, CustomWidget, Dashboard, DashboardVariable, Duration, ExplorerWidget, GaugeWidget, GraphWidget,
  LogQueryWidget, MathExpression, Metric, MetricsInsightsQuery, SearchExpression, SingleValueWidget, Spacer, Stats, TableWidget,
  TextWidget,
} from 'cwdash';

const alarmArn = 'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:api-5xx';
const requests = new Metric({ namespace: 'App', metricName: 'Requests', dimensionsMap: { Service: 'api', Env: 'prod' }, statistic: Stats.SUM });
const errors = requests.with({ dimensionsMap: { Service: 'api', Env: 'prod', Code: '5xx' } });
const latency = new Metric({ namespace: 'App', metricName: 'Latency', dimensionsMap: { Service: 'api' } });

export default new Dashboard({
  dashboardName: 'all-widgets',
  region: 'eu-west-1',
  start: '-PT12H',
  periodOverride: 'inherit',
  variables: [
    new DashboardVariable({ type: 'property', property: 'Service', inputType: 'select', id: 'service', label: 'Service', values: [{ value: 'api', label: 'API' }, { value: 'worker' }], defaultValue: 'api' }),
    new DashboardVariable({ type: 'property', property: 'InstanceId', inputType: 'radio', id: 'instance', valuesFromSearch: { search: '{AWS/EC2,InstanceId} MetricName="CPUUtilization"', populateFrom: 'InstanceId' }, defaultValue: '__FIRST' }),
    new DashboardVariable({ type: 'pattern', pattern: 'eu-west-1', inputType: 'input', id: 'region', defaultValue: 'eu-west-1', visible: false }),
  ],
  widgets: [
    new TextWidget({ markdown: '# API service\nRunbook: https://example.com/runbook', width: 24, background: 'transparent' }),
    [
      new GraphWidget({
        title: 'Requests and error rate',
        metrics: [
          requests.with({ label: 'requests', color: '#1f77b4' }),
          new MathExpression({ expression: '100 * e / r', label: 'error %', yAxis: 'right', usingMetrics: { e: errors, r: requests } }),
        ],
        yAxis: { left: { min: 0, label: 'req/5min', showUnits: false }, right: { min: 0, max: 100, label: '%' } },
        legendPosition: 'right',
        horizontalAnnotations: [{ value: 5, label: 'SLO', color: '#d62728', fill: 'above', yAxis: 'right' }, [{ value: 1000, label: 'normal' }, { value: 5000 }]],
        verticalAnnotations: [{ value: '2026-11-24T06:00:00Z', label: 'deploy', fill: 'after' }, [{ value: '2026-11-24T08:00:00Z' }, { value: '2026-11-24T09:00:00Z', label: 'incident' }]],
        width: 12,
      }),
      new GraphWidget({
        title: 'Latency percentiles', view: 'timeSeries', stacked: false, liveData: true, period: Duration.minutes(1), statistic: 'p50', timezone: '+0100',
        metrics: [latency, latency.with({ statistic: Stats.p(99), label: 'p99' }), latency.with({ statistic: Stats.trimmedMean(10, 90), label: 'tm10-90' })],
        width: 12,
      }),
    ],
    [
      new GraphWidget({ title: 'By code', view: 'pie', displayLabelsOnChart: true, setPeriodToTimeRange: true, metrics: [errors, requests], start: '-P7D', end: '2026-11-24T00:00:00Z' }),
      new GraphWidget({ title: 'Bars', view: 'bar', metrics: [requests.with({ region: 'us-east-1', accountId: '210987654321', visible: true, id: 'east' })] }),
      new GraphWidget({
        title: 'Fleet CPU',
        metrics: [new SearchExpression({ schema: { namespace: 'AWS/EC2', dimensions: ['InstanceId'] }, searchTerm: 'MetricName="CPUUtilization"', statistic: 'Average', label: 'CPU' })],
        accountId: '123456789012',
      }),
      new GraphWidget({
        title: 'Top hosts',
        metrics: [new MetricsInsightsQuery({ query: 'SELECT AVG(CPUUtilization) FROM SCHEMA("AWS/EC2", InstanceId) GROUP BY InstanceId ORDER BY AVG() DESC LIMIT 10', label: 'cpu', period: Duration.minutes(5) })],
      }),
    ],
    [
      new SingleValueWidget({ title: 'Requests now', metrics: [requests], sparkline: true, fullPrecision: true, trend: true }),
      new SingleValueWidget({ title: 'Requests this range', metrics: [requests], setPeriodToTimeRange: true }),
      new GaugeWidget({ title: 'Error budget used', metrics: [new MathExpression({ expression: '100 * e / r', usingMetrics: { e: errors, r: requests } })], range: { max: 10, label: '%' }, annotations: [{ value: 8, color: '#d62728', fill: 'above' }], legendPosition: 'hidden', setPeriodToTimeRange: true }),
      new TableWidget({
        title: 'Latency table', metrics: [latency], layout: 'vertical', showTimeSeriesData: false, stickySummary: true, summaryColumns: ['MIN', 'MAX', 'AVG'],
        thresholds: [{ value: 500, color: '#d62728', fill: 'above' }, [{ value: 200, color: '#ff7f0e' }, { value: 500 }]], yAxis: { left: { showUnits: true } }, fullPrecision: true,
      }),
    ],
    [
      new AlarmWidget({ title: 'API 5xx alarm', alarmArn, yAxis: { left: { min: 0 } }, legendPosition: 'bottom' }),
      new AlarmStatusWidget({ title: 'Alarms', alarmArns: [alarmArn, 'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:api-latency'], sortBy: 'stateUpdatedTimestamp', states: ['ALARM', 'INSUFFICIENT_DATA'] }),
      new Column(
        new LogQueryWidget({ title: 'Errors', logGroupNames: ['/app/api', '/app/worker'], queryLines: ['fields @timestamp, @message', 'filter @message like /ERROR/', 'sort @timestamp desc', 'limit 50'], view: 'table', height: 4 }),
        new Spacer({ width: 6, height: 1 }),
        new LogQueryWidget({ title: 'Errors per minute', query: "SOURCE '/app/api' | stats count(*) by bin(1m)", view: 'timeSeries', stacked: true, accountId: '123456789012', queryLanguage: 'Logs', height: 4 }),
      ),
      new LogQueryWidget({ title: 'SQL', region: 'us-east-1', query: 'SELECT COUNT(*) FROM `/app/api`', queryLanguage: 'SQL', view: 'bar' }),
    ],
    [
      new ExplorerWidget({
        title: 'Fleet explorer', metrics: [{ metricName: 'CPUUtilization', resourceType: 'AWS::EC2::Instance', stat: 'Average' }], labels: [{ key: 'team', value: 'payments' }, { key: 'env' }],
        aggregateBy: { key: 'InstanceType', func: 'MAX' }, splitBy: 'AvailabilityZone', period: Duration.minutes(5),
        widgetOptions: { legendPosition: 'bottom', rowsPerPage: 4, stacked: false, view: 'timeSeries', widgetsPerRow: 2 }, width: 12,
      }),
      new CustomWidget({ title: 'Cost', functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:cost-widget', params: { days: 30, services: ['CloudWatch'] }, updateOn: { refresh: true, resize: false, timeRange: true } }),
      new ChartWidget({ region: 'us-west-2', title: 'PromQL', view: 'line', queries: [{ id: 'cpua', query: 'avg(rate(cpu[5m]))' }] }),
    ],
    new TextWidget({ markdown: 'pinned note', x: 18, y: 60, width: 6, height: 2 }),
  ],
});
