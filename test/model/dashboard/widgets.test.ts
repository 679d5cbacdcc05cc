import { describe, expect, test } from 'vitest';
import {
  AlarmStatusWidget, AlarmWidget, CustomWidget, Dashboard, DashboardVariable, Duration, ExplorerWidget, GaugeWidget, GraphWidget,
  LogQueryWidget, Metric, RawWidget, SingleValueWidget, TableWidget, TextWidget, type IWidget,
} from '../../../src/model/dashboard/index.js';

const cpu = new Metric({ namespace: 'AWS/EC2', metricName: 'CPUUtilization' });
const json = (widget: IWidget) => widget.renderAt({ x: 0, y: 0 }, { region: 'eu-west-1' });
const alarmArn = 'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:high-cpu';

describe('each widget renders its documented JSON', () => {
  test('GraphWidget with every option', () => {
    const widget = new GraphWidget({
      title: 'CPU', metrics: [cpu], view: 'bar', stacked: true, yAxis: { left: { min: 0, max: 100, label: '%', showUnits: false } },
      legendPosition: 'right', liveData: true, period: Duration.minutes(1), statistic: 'Maximum', accountId: '123456789012',
      horizontalAnnotations: [{ value: 80, label: 'high', color: '#d62728', fill: 'above', yAxis: 'left' }, [{ value: 10 }, { value: 20, label: 'band' }]],
      verticalAnnotations: [{ value: '2026-11-24T06:00:00Z', label: 'deploy', fill: 'after' }], setPeriodToTimeRange: true, displayLabelsOnChart: true,
      start: '-PT6H', end: '2026-11-24T12:00:00Z', timezone: '+0100', width: 12, height: 8,
    });
    expect(json(widget)).toEqual([{
      type: 'metric', x: 0, y: 0, width: 12, height: 8,
      properties: {
        view: 'bar', title: 'CPU', region: 'eu-west-1', accountId: '123456789012', metrics: [['AWS/EC2', 'CPUUtilization']], stacked: true,
        yAxis: { left: { min: 0, max: 100, label: '%', showUnits: false } }, legend: { position: 'right' }, liveData: true, period: 60, stat: 'Maximum',
        annotations: {
          horizontal: [{ value: 80, label: 'high', color: '#d62728', fill: 'above', yAxis: 'left' }, [{ value: 10 }, { value: 20, label: 'band' }]],
          vertical: [{ value: '2026-11-24T06:00:00Z', label: 'deploy', fill: 'after' }],
        },
        setPeriodToTimeRange: true, labels: { visible: true }, start: '-PT6H', end: '2026-11-24T12:00:00Z', timezone: '+0100',
      },
    }]);
  });

  test('GraphWidget defaults: timeSeries, 6x6, region from the dashboard', () => {
    expect(json(new GraphWidget({ metrics: [cpu] }))).toEqual([
      { type: 'metric', x: 0, y: 0, width: 6, height: 6, properties: { view: 'timeSeries', region: 'eu-west-1', metrics: [['AWS/EC2', 'CPUUtilization']] } },
    ]);
    expect(new GraphWidget({ metrics: [cpu], region: 'us-east-1' }).renderAt(undefined, { region: 'eu-west-1' })[0]!.properties).toMatchObject({ region: 'us-east-1' });
  });

  test('SingleValueWidget: 6x3, sparkline, full precision, trend', () => {
    expect(json(new SingleValueWidget({ metrics: [cpu], sparkline: true, fullPrecision: true, trend: false }))).toEqual([{
      type: 'metric', x: 0, y: 0, width: 6, height: 3,
      properties: { view: 'singleValue', region: 'eu-west-1', metrics: [['AWS/EC2', 'CPUUtilization']], sparkline: true, singleValueFullPrecision: true, trend: false },
    }]);
  });

  test('GaugeWidget: range 0-100 unless given', () => {
    expect(json(new GaugeWidget({ metrics: [cpu] }))[0]!.properties).toMatchObject({ view: 'gauge', yAxis: { left: { min: 0, max: 100 } } });
    expect(json(new GaugeWidget({ metrics: [cpu], range: { max: 4, label: 'cores' }, annotations: [{ value: 3, color: '#ff7f0e', fill: 'above' }] }))[0]!.properties).toMatchObject({
      yAxis: { left: { min: 0, max: 4, label: 'cores' } }, annotations: { horizontal: [{ value: 3, color: '#ff7f0e', fill: 'above' }] },
    });
  });

  test('TableWidget: table options and thresholds', () => {
    const widget = new TableWidget({ metrics: [cpu], layout: 'vertical', showTimeSeriesData: false, stickySummary: true, summaryColumns: ['MAX', 'AVG'], thresholds: [{ value: 90, fill: 'above', color: '#d62728' }] });
    expect(json(widget)[0]!.properties).toEqual({
      view: 'table', region: 'eu-west-1', metrics: [['AWS/EC2', 'CPUUtilization']],
      table: { layout: 'vertical', showTimeSeriesData: false, stickySummary: true, summaryColumns: ['MAX', 'AVG'] },
      annotations: { horizontal: [{ value: 90, fill: 'above', color: '#d62728' }] },
    });
  });

  test('AlarmWidget: an alarm annotation and no metrics', () => {
    expect(json(new AlarmWidget({ alarmArn, title: 'High CPU' }))[0]!.properties).toEqual({
      view: 'timeSeries', title: 'High CPU', region: 'eu-west-1', annotations: { alarms: [alarmArn] },
    });
  });

  test('AlarmStatusWidget, TextWidget, CustomWidget', () => {
    expect(json(new AlarmStatusWidget({ alarmArns: [alarmArn], title: 'Alarms', sortBy: 'stateUpdatedTimestamp', states: ['ALARM', 'OK'] }))).toEqual([{
      type: 'alarm', x: 0, y: 0, width: 6, height: 3, properties: { title: 'Alarms', alarms: [alarmArn], sortBy: 'stateUpdatedTimestamp', states: ['ALARM', 'OK'] },
    }]);
    expect(json(new TextWidget({ markdown: '# Hi', background: 'transparent' }))).toEqual([
      { type: 'text', x: 0, y: 0, width: 6, height: 2, properties: { markdown: '# Hi', background: 'transparent' } },
    ]);
    const fn = 'arn:aws:lambda:eu-west-1:123456789012:function:widget';
    expect(json(new CustomWidget({ functionArn: fn, params: { a: 1 }, title: 'Custom', updateOn: { refresh: false } }))[0]!.properties).toEqual({
      endpoint: fn, params: { a: 1 }, title: 'Custom', updateOn: { refresh: false },
    });
  });

  test('LogQueryWidget joins SOURCE clauses and query lines like the console', () => {
    const widget = new LogQueryWidget({ logGroupNames: ['/app/a', '/app/b'], queryLines: ['fields @timestamp, @message', 'filter @message like /ERROR/', 'limit 20'], view: 'timeSeries', stacked: true, title: 'Errors' });
    expect(json(widget)[0]!.properties).toEqual({
      view: 'timeSeries', title: 'Errors', region: 'eu-west-1', stacked: true,
      query: "SOURCE '/app/a' | SOURCE '/app/b' | fields @timestamp, @message\n| filter @message like /ERROR/\n| limit 20",
    });
    expect(json(new LogQueryWidget({ query: 'SELECT 1', queryLanguage: 'SQL', region: 'us-east-1' }))[0]!.properties).toEqual({ region: 'us-east-1', query: 'SELECT 1', queryLanguage: 'SQL' });
  });

  test('ExplorerWidget', () => {
    const widget = new ExplorerWidget({
      metrics: [{ metricName: 'CPUUtilization', resourceType: 'AWS::EC2::Instance', stat: 'Average' }], labels: [{ key: 'team', value: 'payments' }],
      aggregateBy: { key: 'InstanceType', func: 'MAX' }, period: Duration.minutes(5), title: 'Fleet', widgetOptions: { legendPosition: 'bottom', view: 'timeSeries', widgetsPerRow: 2 },
    });
    expect(json(widget)[0]).toEqual({
      type: 'explorer', x: 0, y: 0, width: 6, height: 6,
      properties: {
        metrics: [{ metricName: 'CPUUtilization', resourceType: 'AWS::EC2::Instance', stat: 'Average' }], labels: [{ key: 'team', value: 'payments' }],
        aggregateBy: { key: 'InstanceType', func: 'MAX' }, period: 300, title: 'Fleet', widgetOptions: { legend: { position: 'bottom' }, view: 'timeSeries', widgetsPerRow: 2 },
      },
    });
  });

  test('RawWidget passes its JSON through and keeps its own position', () => {
    const chart = { type: 'chart' as const, x: 3, y: 4, width: 5, height: 6, properties: { region: 'us-west-2', data: { queries: [] } } };
    expect(json(new RawWidget(chart))).toEqual([chart]);
  });
});

test('a dashboard body: top-level keys, variables only when present', () => {
  const dashboard = new Dashboard({
    dashboardName: 'd', start: '-P7D', periodOverride: 'inherit', region: 'eu-west-1',
    variables: [
      new DashboardVariable({ type: 'property', property: 'region', inputType: 'select', id: 'region', values: [{ value: 'eu-west-1', label: 'Ireland' }, { value: 'us-east-1' }], defaultValue: 'eu-west-1' }),
      new DashboardVariable({
        type: 'property', property: 'InstanceId', inputType: 'select', id: 'instance', defaultValue: '__FIRST', visible: true,
        valuesFromSearch: DashboardVariable.searchFor({ namespace: 'AWS/EC2', dimensions: ['InstanceId'], metricName: 'CPUUtilization', populateFrom: 'InstanceId' }),
      }),
    ],
    widgets: [new TextWidget({ markdown: 'x' })],
  });
  expect(dashboard.toBody()).toEqual({
    start: '-P7D', periodOverride: 'inherit',
    widgets: [{ type: 'text', x: 0, y: 0, width: 6, height: 2, properties: { markdown: 'x' } }],
    variables: [
      { type: 'property', property: 'region', inputType: 'select', id: 'region', defaultValue: 'eu-west-1', values: [{ value: 'eu-west-1', label: 'Ireland' }, { value: 'us-east-1' }] },
      { type: 'property', property: 'InstanceId', inputType: 'select', id: 'instance', defaultValue: '__FIRST', visible: true, search: '{AWS/EC2,InstanceId} MetricName="CPUUtilization"', populateFrom: 'InstanceId' },
    ],
  });
  expect(new Dashboard({ dashboardName: 'e' }).toBody()).toEqual({ widgets: [] });
});
