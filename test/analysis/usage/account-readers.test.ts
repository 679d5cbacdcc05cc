/** The live account's other readers, over the CloudWatch wire protocol: metric streams and anomaly detectors. */
import { describe, expect, test } from 'vitest';
import { accountReaderReads } from '../../../src/analysis/usage/account-readers.js';
import { describeRead } from '../../../src/analysis/usage/metric-read.js';
import { buildUsageIndex } from '../../../src/analysis/usage/usage-index.js';
import { createCloudWatchClient } from '../../../src/sources/aws/cloudwatch-client.js';
import { fetchAccountReaders } from '../../../src/sources/account/readers.js';
import { FAKE_CREDENTIALS_ENV, FAST_RETRY_POLICY, useFakeCloudWatch } from '../../support/fake-cloudwatch-server.js';

const cloudWatch = useFakeCloudWatch();

function client() {
  const io = { env: FAKE_CREDENTIALS_ENV };
  return createCloudWatchClient({ endpointUrl: cloudWatch().url, callPolicy: FAST_RETRY_POLICY }, io);
}

const stream = (name: string, fields: Record<string, unknown>) => ({
  Arn: `arn:aws:cloudwatch:us-east-1:111122223333:metric-stream/${name}`,
  Name: name,
  FirehoseArn: `arn:aws:firehose:us-east-1:111122223333:deliverystream/${name}`,
  State: 'running',
  OutputFormat: 'opentelemetry1.0',
  ...fields,
});

describe('metric streams and anomaly detectors', () => {
  test('ListMetricStreams + GetMetricStream filters: includes, excludes, every page', async () => {
    const fake = cloudWatch();
    fake.pageSize.ListMetricStreams = 1;
    fake.metricStreams = [
      stream('to-datadog', { IncludeFilters: [{ Namespace: 'svc', MetricNames: ['latency'] }, { Namespace: 'jobs' }] }),
      stream('everything-else', { ExcludeFilters: [{ Namespace: 'svc' }], State: 'stopped' }),
    ];
    const readers = await fetchAccountReaders(client());
    expect(fake.callsOf('ListMetricStreams')).toHaveLength(2);
    expect(fake.callsOf('GetMetricStream').map((call) => call.input.Name)).toEqual(['to-datadog', 'everything-else']);
    const result = accountReaderReads(readers);
    expect(result.reads.map(describeRead)).toEqual(['metric stream of svc (latency), jobs', 'metric stream of every namespace except svc']);
    expect(result.reads[1]!.source.notes).toEqual(['delivers to arn:aws:firehose:us-east-1:111122223333:deliverystream/everything-else (state stopped: counted, it can be restarted)']);
    const index = buildUsageIndex([result]);
    const readers_ = (namespace: string, metricName: string) => index.readersOf({ namespace, metricName, dimensions: { any: 'x' } }).map((source) => source.name);
    expect(readers_('svc', 'latency')).toEqual(['to-datadog']);
    expect(readers_('svc', 'errors')).toEqual([]);
    expect(readers_('jobs', 'anything')).toEqual(['to-datadog', 'everything-else']);
  });

  test('DescribeAnomalyDetectors: single-metric detectors read exactly their metric, metric-math ones every input', async () => {
    const fake = cloudWatch();
    fake.anomalyDetectors = [
      { SingleMetricAnomalyDetector: { Namespace: 'svc', MetricName: 'latency', Dimensions: [{ Name: 'route', Value: '/tasks' }], Stat: 'p99' } },
      {
        MetricMathAnomalyDetector: {
          MetricDataQueries: [
            { Id: 'm1', MetricStat: { Metric: { Namespace: 'svc', MetricName: 'errors', Dimensions: [] }, Period: 60, Stat: 'Sum' }, ReturnData: false },
            { Id: 'e1', Expression: `SELECT SUM(requests) FROM "svc"`, ReturnData: true },
          ],
        },
      },
    ];
    const result = accountReaderReads(await fetchAccountReaders(client()));
    expect(result.reads.map(describeRead)).toEqual(['svc latency {route=/tasks}', 'svc errors {}', 'SELECT SUM(requests) FROM "svc"']);
    expect(result.reads.map((read) => read.source.kind)).toEqual(['anomaly-detector', 'anomaly-detector', 'anomaly-detector']);
  });

  test('a reader list the caller may not see is reported, and the rest is still read', async () => {
    const fake = cloudWatch();
    fake.inject({ operation: 'ListMetricStreams', kind: 'access-denied' });
    fake.anomalyDetectors = [{ SingleMetricAnomalyDetector: { Namespace: 'svc', MetricName: 'latency', Dimensions: [], Stat: 'Average' } }];
    const readers = await fetchAccountReaders(client());
    expect(readers.metricStreams).toEqual([]);
    expect(readers.problems).toHaveLength(1);
    expect(readers.problems[0]).toMatch(/^ListMetricStreams: .*cloudwatch:ListMetricStreams/);
    expect(accountReaderReads(readers).reads).toHaveLength(1);
  });
});
