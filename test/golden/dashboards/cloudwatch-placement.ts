// Options all-widgets.ts leaves out: CloudWatch placement, defaultInterval, DashboardVariable.searchFor, CDK-style
// left/right lists, a statistic alias written canonically, a math input the graph already shows.
import { Dashboard, DashboardVariable, Duration, GraphWidget, MathExpression, Metric, SingleValueWidget, TextWidget } from 'cwdash';

const cpu = new Metric({ namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensionsMap: { InstanceId: 'i-0123456789abcdef0' }, statistic: 'max' });
const credits = new Metric({ namespace: 'AWS/EC2', metricName: 'CPUCreditBalance', dimensionsMap: { InstanceId: 'i-0123456789abcdef0' } });

export default new Dashboard({
  dashboardName: 'cloudwatch-placement',
  region: 'us-east-1',
  placement: 'cloudwatch',
  defaultInterval: Duration.days(7),
  variables: [
    new DashboardVariable({
      type: 'property',
      property: 'InstanceId',
      inputType: 'select',
      id: 'instance',
      defaultValue: '__FIRST',
      valuesFromSearch: DashboardVariable.searchFor({ namespace: 'AWS/EC2', dimensions: ['InstanceId'], metricName: 'CPUUtilization', populateFrom: 'InstanceId' }),
    }),
  ],
  widgets: [
    new TextWidget({ markdown: 'CloudWatch places these widgets', width: 24, height: 1 }),
    new GraphWidget({
      title: 'CPU and credits',
      left: [cpu, new MathExpression({ expression: 'c / 10', label: 'credits / 10', usingMetrics: { c: credits } })],
      right: [credits],
    }),
    new GraphWidget({ title: 'Headroom', metrics: [cpu, new MathExpression({ expression: '100 - cpu', label: 'headroom', usingMetrics: { cpu } })] }),
    new SingleValueWidget({ title: 'Pinned', metrics: [cpu], x: 18, y: 0 }),
  ],
});
