/** CloudTrail data events as a usage source: the AWS documentation sample, delivery layouts, and the spec's rules. */
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGzip, gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { loadCloudTrailSource } from '../../../src/analysis/usage/cloudtrail-source.js';
import { principalOf } from '../../../src/analysis/usage/cloudtrail-reads.js';
import { describeRead } from '../../../src/analysis/usage/metric-read.js';
import { buildUsageIndex } from '../../../src/analysis/usage/usage-index.js';

const SAMPLE = resolve(import.meta.dirname, '../../fixtures/cloudtrail/aws-doc-records.json');
const docRecords = (JSON.parse(readFileSync(SAMPLE, 'utf8')) as { Records: Record<string, unknown>[] }).Records;
const [GET_METRIC_DATA] = docRecords;

function workspace(): string {
  return mkdtempSync(join(tmpdir(), 'cwdash-cloudtrail-'));
}

function put(dir: string, path: string, content: string | Buffer): string {
  const file = join(dir, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

const load = (paths: string[], options: { since?: string; within?: string } = {}) => loadCloudTrailSource(paths, { show: (path) => path.split('/').pop()!, ...options });

/** A GetMetricData record like the documentation's, by `arn` at `time`, with the given queries. */
function getMetricData(arn: string, time: string, queries: unknown[], extra: Record<string, unknown> = {}) {
  return { ...GET_METRIC_DATA, userIdentity: { type: 'AssumedRole', arn }, eventTime: time, requestParameters: { metricDataQueries: queries }, ...extra };
}

const stat = (namespace: string, metricName: string, dimensions: Record<string, string> = {}) => ({
  id: 'm1',
  metricStat: { metric: { namespace, metricName, dimensions: Object.entries(dimensions).map(([name, value]) => ({ name, value })) }, period: 60, stat: 'Sum' },
});

describe('the CloudTrail samples from the AWS documentation', () => {
  test('GetMetricData reads its metric stats by the calling principal; PutMetricData and plain math are not reads', async () => {
    const result = await load([SAMPLE]);
    expect(result.problems).toEqual([]);
    expect(result.reads.map(describeRead)).toEqual(['CWAgent disk_used_percent {LoadBalancerName=EXAMPLE4623a5cb6a7384c5229}']);
    expect(result.reads[0]).toMatchObject({
      region: 'us-east-1',
      source: { kind: 'cloudtrail', name: 'arn:aws:iam::111122223333:user/admin', principal: 'arn:aws:iam::111122223333:user/admin', lastSeen: '2024-05-08T16:20:34.000Z', path: 'GetMetricData' },
    });
    expect(result.consulted.summary).toBe('1 file, 1 metric read record (GetMetricData 1)');
  });

  test('an assumed role is one principal whatever the session name', () => {
    expect(principalOf(docRecords[1]!.userIdentity)).toBe('arn:aws:sts::111122223333:assumed-role/cloudwatch.full.access');
    expect(principalOf({ type: 'AWSService', invokedBy: 'monitoring.amazonaws.com' })).toBe('monitoring.amazonaws.com');
  });
});

describe('delivery formats', () => {
  test('gzip files at any depth of AWSLogs/, folded to one read per pattern and principal with the latest time', async () => {
    const dir = workspace();
    const role = 'arn:aws:sts::111122223333:assumed-role/slo-job';
    const file = (day: string, records: unknown[]) =>
      put(dir, `AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/${day}/111122223333_CloudTrail_us-east-1_202611${day}T0000Z_abc.json.gz`, gzipSync(JSON.stringify({ Records: records })));
    file('01', [getMetricData(`${role}/run-1`, '2026-11-01T10:00:00Z', [stat('svc', 'latency', { route: '/a' })])]);
    file('20', [getMetricData(`${role}/run-2`, '2026-11-20T10:00:00Z', [stat('svc', 'latency', { route: '/a' })]), docRecords[1]]);
    const result = await load([join(dir, 'AWSLogs')]);
    expect(result.reads).toHaveLength(1);
    expect(result.reads[0]!.source).toMatchObject({ principal: role, lastSeen: '2026-11-20T10:00:00.000Z' });
    expect(result.consulted.summary).toBe('2 files, 2 metric read records (GetMetricData 2)');
  });

  test('--read-within: reads before the cut-off are not counted, and the summary says so', async () => {
    const dir = workspace();
    put(dir, 'a.json', JSON.stringify({ Records: [getMetricData('arn:aws:iam::1:user/old', '2026-01-01T00:00:00Z', [stat('svc', 'old')]), getMetricData('arn:aws:iam::1:user/new', '2026-11-30T00:00:00Z', [stat('svc', 'new')])] }));
    const result = await load([dir], { since: '2026-11-01T00:00:00.000Z', within: '30d' });
    expect(result.reads.map(describeRead)).toEqual(['svc new {}']);
    expect(result.consulted.summary).toContain('1 older than --read-within 30d not counted');
  });

  test('lookup-events output (CloudTrailEvent strings) and CloudTrail Lake result rows', async () => {
    const dir = workspace();
    const event = getMetricData('arn:aws:iam::1:user/lookup', '2026-11-02T00:00:00Z', [stat('svc', 'from_lookup')]);
    put(dir, 'lookup.json', JSON.stringify({ Events: [{ EventId: 'e', EventName: 'GetMetricData', CloudTrailEvent: JSON.stringify(event) }] }));
    const row = [
      { eventName: 'GetMetricStatistics' },
      { eventTime: '2026-11-03 04:05:06.000' },
      { awsRegion: 'eu-west-1' },
      { 'userIdentity.arn': 'arn:aws:iam::1:user/lake' },
      { requestParameters: JSON.stringify({ namespace: 'svc', metricName: 'from_lake', dimensions: [{ name: 'a', value: 'b' }], statistics: ['Sum'] }) },
    ];
    put(dir, 'lake.json', JSON.stringify({ QueryStatus: 'FINISHED', QueryResultRows: [row] }));
    const result = await load([dir]);
    expect(result.reads.map(describeRead).sort()).toEqual(['svc from_lake {a=b}', 'svc from_lookup {}']);
    const lake = result.reads.find((read) => describeRead(read) === 'svc from_lake {a=b}')!;
    expect(lake).toMatchObject({ region: 'eu-west-1', source: { principal: 'arn:aws:iam::1:user/lake', lastSeen: '2026-11-03T04:05:06.000Z', path: 'GetMetricStatistics' } });
  });
});

describe('what a record reads', () => {
  test('SEARCH and Metrics Insights expressions, GetMetricWidgetImage rows, cross-account queries', async () => {
    const dir = workspace();
    const arn = 'arn:aws:iam::1:user/u';
    put(
      dir,
      'r.json',
      JSON.stringify({
        Records: [
          getMetricData(arn, '2026-11-01T00:00:00Z', [
            { id: 'q1', expression: `SEARCH('{svc,route} MetricName="latency"', 'Average', 60)` },
            { id: 'q2', expression: `SELECT MAX(heap) FROM SCHEMA("svc", pod)` },
            { ...stat('svc', 'remote'), accountId: '999988887777' },
          ]),
          { ...GET_METRIC_DATA, eventName: 'GetMetricWidgetImage', requestParameters: { metricWidget: JSON.stringify({ metrics: [['svc', 'widget', 'a', 'b'], ['.', 'widget2', '.', '.']], region: 'us-east-1' }) } },
        ],
      }),
    );
    const result = await load([dir]);
    expect(result.reads.map(describeRead)).toEqual([
      `SEARCH('{svc,route} MetricName="latency"')`,
      'SELECT MAX(heap) FROM SCHEMA("svc", pod)',
      'svc remote {}',
      'svc widget {a=b}',
      'svc widget2 {a=b}',
    ]);
    expect(result.reads[2]!.account).toBe('999988887777');
    const index = buildUsageIndex([result], { region: 'us-east-1', account: '111122223333' });
    expect(index.readsOf({ namespace: 'svc', metricName: 'remote', dimensions: {} })).toEqual([]);
    expect(index.readsOf({ namespace: 'svc', metricName: 'heap', dimensions: { pod: 'p' } })).toHaveLength(1);
    expect(index.readsOf({ namespace: 'svc', metricName: 'heap', dimensions: { pod: 'p', node: 'n' } })).toEqual([]);
  });

  test('failed calls and ListMetrics are not reads; unreadable parameters are one problem per principal and API', async () => {
    const dir = workspace();
    const arn = 'arn:aws:iam::1:user/u';
    put(
      dir,
      'r.json',
      JSON.stringify({
        Records: [
          getMetricData(arn, '2026-11-01T00:00:00Z', [stat('svc', 'denied')], { errorCode: 'AccessDenied' }),
          { ...GET_METRIC_DATA, eventName: 'ListMetrics', requestParameters: { namespace: 'svc' } },
          { ...GET_METRIC_DATA, requestParameters: null },
          { ...GET_METRIC_DATA, requestParameters: { omitted: true } },
        ],
      }),
    );
    const result = await load([dir]);
    expect(result.reads).toEqual([]);
    expect(result.problems.map((problem) => problem.message)).toEqual([
      '2 GetMetricData records of arn:aws:iam::111122223333:user/admin carry no readable requestParameters (missing, null or truncated): what they read is unknown',
    ]);
    expect(result.consulted.summary).toContain('1 failed call not counted');
  });

  test('a damaged file is a problem naming it; the records before the damage and the other files still count', async () => {
    const dir = workspace();
    put(dir, 'a-good.json.gz', gzipSync(JSON.stringify({ Records: [getMetricData('arn:aws:iam::1:user/u', '2026-11-01T00:00:00Z', [stat('svc', 'good')])] })));
    put(dir, 'b-not-gzip.json.gz', 'plain text');
    put(dir, 'c-cut.json', `{"Records": [${JSON.stringify(getMetricData('arn:aws:iam::1:user/u', '2026-11-01T00:00:00Z', [stat('svc', 'before_cut')]))}, {"eventName": `);
    const result = await load([dir]);
    expect(result.reads.map(describeRead)).toEqual(['svc good {}', 'svc before_cut {}']);
    expect(result.problems.map((problem) => problem.source.file)).toEqual(['b-not-gzip.json.gz', 'c-cut.json']);
    expect(result.problems[1]!.message).toMatch(/^cannot read CloudTrail file after 1 record: /);
  });
});

describe('streaming', () => {
  test('a log too large to parse whole is read record by record: memory stays far below the file size', async () => {
    const dir = workspace();
    const file = join(dir, 'big.json.gz');
    const records = 40_000;
    // One record's text with the index spliced in: the file is ~100 MB of JSON, written in batches.
    const template = JSON.stringify(getMetricData('arn:aws:iam::1:user/u@P', '2026-11-01T00:00:00Z', [stat('svc', 'm@M')], { userAgent: 'x'.repeat(2000) }));
    async function* text() {
      yield '{"Records":[';
      for (let start = 0; start < records; start += 1000) {
        const batch: string[] = [];
        for (let index = start; index < start + 1000; index++) batch.push(template.replace('@P', String(index % 7)).replace('@M', String(index % 50)));
        yield `${start === 0 ? '' : ','}${batch.join(',')}`;
      }
      yield ']}';
    }
    await pipeline(Readable.from(text()), createGzip({ level: 1 }), createWriteStream(file));
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
    const result = await load([file]);
    clearInterval(sampler);
    // 350 distinct reads (50 metrics x 7 principals) are all that is kept.
    expect(result.reads).toHaveLength(350);
    expect(result.consulted.summary).toBe(`1 file, ${records} metric read records (GetMetricData ${records})`);
    expect(peak - before).toBeLessThan(60 * 1024 * 1024);
  }, 120_000);
});
