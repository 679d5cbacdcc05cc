import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadAlarmsFile } from '../../../src/analysis/usage/alarm-reads.js';
import { describeRead } from '../../../src/analysis/usage/metric-read.js';
import { InputError } from '../../../src/shared/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'cwdash-alarms-'));
const write = (name: string, content: string) => {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
};

// The shape `aws cloudwatch describe-alarms --output json` prints (fields trimmed to the ones that matter here).
const describeAlarms = {
  MetricAlarms: [
    {
      AlarmName: 'task-service-5xx',
      AlarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:task-service-5xx',
      Namespace: 'prod/task-service',
      MetricName: 'http_requests_total',
      Dimensions: [{ Name: 'code', Value: '500' }],
      Statistic: 'Sum',
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 5,
      ComparisonOperator: 'GreaterThanThreshold',
      StateValue: 'OK',
    },
    {
      AlarmName: 'latency-p99',
      Metrics: [
        { Id: 'e1', Expression: 'm1 * 1000', ReturnData: true },
        {
          Id: 'm1',
          MetricStat: {
            Metric: { Namespace: 'prod/task-service', MetricName: 'http_request_duration_seconds', Dimensions: [{ Name: 'route', Value: '/tasks' }] },
            Period: 60,
            Stat: 'p99',
          },
          ReturnData: false,
        },
      ],
    },
    {
      AlarmName: 'insights',
      Metrics: [{ Id: 'q', Expression: 'SELECT MAX(nodejs_heap_size_used_bytes) FROM "prod/task-service"', Period: 60 }],
    },
  ],
  CompositeAlarms: [{ AlarmName: 'service-down', AlarmRule: 'ALARM(task-service-5xx)' }],
};

describe('alarm reads', () => {
  test('single-metric, metric-math and Metrics Insights alarms each read their metrics', async () => {
    const result = await loadAlarmsFile(write('alarms.json', JSON.stringify(describeAlarms)));
    expect(result.metricAlarms).toBe(3);
    expect(result.compositeAlarms).toBe(1);
    expect(result.problems).toEqual([]);
    expect(result.reads.map(describeRead)).toEqual([
      'prod/task-service http_requests_total {code=500}',
      'prod/task-service http_request_duration_seconds {route=/tasks}',
      'SELECT MAX(nodejs_heap_size_used_bytes) FROM "prod/task-service"',
    ]);
    expect(result.reads[1]!.source).toMatchObject({ kind: 'alarm', name: 'latency-p99', path: '/MetricAlarms/1/Metrics/1' });
  });

  test('bad JSON and a wrong shape are input errors that name the file, the path and the fix', async () => {
    const broken = write('broken.json', '{"MetricAlarms": [');
    await expect(loadAlarmsFile(broken)).rejects.toThrow(InputError);
    await expect(loadAlarmsFile(broken)).rejects.toMatchObject({ location: { file: broken }, fix: expect.stringContaining('describe-alarms') });
    const wrong = write('wrong.json', JSON.stringify({ MetricAlarms: [{ Namespace: 'x' }] }));
    await expect(loadAlarmsFile(wrong)).rejects.toMatchObject({ location: { file: wrong, path: '/MetricAlarms/0/AlarmName' } });
    await expect(loadAlarmsFile(join(dir, 'missing.json'))).rejects.toThrow(/alarms file not found/);
  });
});
