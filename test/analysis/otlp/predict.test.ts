/**
 * The OTLP prediction (docs/sources.md#otel-metrics): a worked example, the task-service scrape's billed bytes
 * checked against an independent protobuf encoding of the same points, and what the endpoint rejects.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { describe, expect, it, vi } from 'vitest';
import { predictMetrics } from '../../../src/analysis/awsemf/predict.js';
import { targetSize } from '../../../src/analysis/otlp/protobuf-size.js';
import type { OtlpSeries } from '../../../src/model/otlp-prediction.js';
import { parseCollectorConfig } from '../../../src/sources/collector-config/load.js';
import { parseScrape } from '../../../src/sources/exposition/scrape.js';
import { encodedLength, keyValueFieldLength } from './otlp-proto.js';

const example = new URL('../../../examples/task-service-otlp/', import.meta.url);
const otlpConfig = readFileSync(new URL('otel-config.yaml', example), 'utf8');
const scrapeText = readFileSync(new URL('metrics.txt', example), 'utf8');
const scrape = await parseScrape([scrapeText], 'text', 'metrics.txt');
const env = { AWS_REGION: 'us-east-1' };

function predict(yaml: string, options: { replicas?: number; scrapeText?: string } = {}) {
  return parseScrape([options.scrapeText ?? scrapeText], 'text', 'metrics.txt').then((parsed) =>
    predictMetrics({ config: parseCollectorConfig(yaml, 'otel.yaml', env), scrape: parsed, replicas: options.replicas }),
  );
}

describe('billed bytes per data point', () => {
  const point = { name: 'http_requests_total', type: 'sum' as const, attributes: { method: 'GET', route: '/tasks', status_code: '200' }, buckets: 0, quantiles: 0 };
  const resource = { 'service.name': 'tasks-api', 'server.address': 'tasks-api', 'server.port': '8080', 'url.scheme': 'http' };

  it('gives the worked example: 211 B framed, 252 B with service.instance.id', () => {
    expect(targetSize(resource, 'scope', [point]).pointBytes).toEqual([211]);
    expect(targetSize({ ...resource, 'service.instance.id': 'tasks-api:8080' }, 'scope', [point]).pointBytes).toEqual([252]);
  });

  it('sizes a histogram with its count, sum, bucket counts and bounds (9 + 9 + (2 + 8(B+1)) + (2 + 8B))', () => {
    const histogram = { ...point, name: 'h', type: 'histogram' as const, buckets: 5 };
    const expected = (1 + 1 + 1) + 18 + 9 + 9 + (2 + 8 * 5) + (2 + 8 * 4) + (29 + 31 + 23 + 22) + 58;
    expect(targetSize(resource, 'scope', [histogram]).pointBytes).toEqual([expected]);
  });
});

/** Histogram bucket samples per series (le removed), counted from the exposition text itself. */
function bucketsBySeries(text: string): Map<string, number> {
  const buckets = new Map<string, number>();
  for (const [, name, body] of text.matchAll(/^(\w+)_bucket\{([^}]*)\} \S+$/gm)) {
    const labels = body!.split(/,(?=\w+=")/).filter((pair) => !pair.startsWith('le=')).sort().join(',');
    const key = `${name}{${labels}}`;
    buckets.set(key, (buckets.get(key) ?? 0) + 1);
  }
  return buckets;
}

/** The billed bytes of one series' point by protobufjs: Metric.name field + data point body + resource KeyValue fields. */
function independentPointBytes(series: OtlpSeries, buckets: ReadonlyMap<string, number>): number {
  const resource = Object.entries(series.labels).filter(([label]) => label.startsWith('@resource.')).map(([label, value]) => [label.slice('@resource.'.length), value] as const);
  const attributes = Object.entries(series.labels).filter(([label]) => !label.startsWith('@'));
  const keyValues = attributes.map(([key, value]) => ({ key, value: { stringValue: value } }));
  const nameBody = encodedLength('Metric', { name: series.metricName });
  const times = { startTimeUnixNano: 1_795_523_350_000_000_000n.toString(), timeUnixNano: 1_795_523_380_000_000_000n.toString() };
  let pointBody: number;
  if (series.type === 'Histogram') {
    const key = `${series.metricName}{${attributes.map(([k, v]) => `${k}="${v}"`).sort().join(',')}}`;
    const count = buckets.get(key);
    expect(count, key).toBeGreaterThan(0);
    pointBody = encodedLength('HistogramDataPoint', {
      attributes: keyValues, ...times, count: 5, sum: 0.25,
      bucketCounts: Array.from({ length: count! }, () => 1), explicitBounds: Array.from({ length: count! - 1 }, (_, i) => i + 0.5),
    });
  } else {
    pointBody = encodedLength('NumberDataPoint', { attributes: keyValues, ...times, asDouble: 42.5 });
  }
  return nameBody + pointBody + resource.reduce((total, [key, value]) => total + keyValueFieldLength(key, value), 0);
}

describe('examples/task-service-otlp', () => {
  it('predicts the OTLP series with PromQL labels, and bytes equal to an independent protobuf encoding of the same points', async () => {
    const prediction = await predict(otlpConfig);
    const otlp = prediction.summary.otlp!;
    // 84 exposition series folded to families + 5 scrape-loop gauges: one point per series per scrape.
    expect(otlp).toMatchObject({ series: 89, dataPointsPerScrape: 89 });
    expect(prediction.pipelines).toHaveLength(1);
    expect(prediction.pipelines![0]!.otlp).toEqual(otlp);
    expect(prediction.pipelines![0]!.findings).toEqual([]);
    expect(prediction.summary.customMetrics).toBe(0);
    const series = prediction.otlpSeries!;
    const duration = series.find((entry) => entry.metricName === 'http_request_duration_seconds' && entry.labels.route === '/tasks' && entry.labels.method === 'GET' && entry.labels.code === '200')!;
    expect(duration).toMatchObject({
      type: 'Histogram', temporality: 'cumulative',
      labels: {
        code: '200', method: 'GET', route: '/tasks',
        '@resource.service.name': 'prod/task-service', '@resource.service.instance.id': 'localhost:3000', '@resource.server.port': '3000', '@resource.url.scheme': 'http',
        '@instrumentation.@name': 'github.com/open-telemetry/opentelemetry-collector-contrib/receiver/prometheusreceiver',
      },
    });
    // localhost is not a discernible host: no server.address (docs/sources.md#otel-metrics).
    expect(duration.labels['@resource.server.address']).toBeUndefined();
    expect(series.find((entry) => entry.metricName === 'up')).toMatchObject({ type: 'Gauge', labelCount: 4 });

    const buckets = bucketsBySeries(scrapeText);
    const independent = series.map((entry) => independentPointBytes(entry, buckets));
    expect(series.map((entry) => entry.bytesPerPoint)).toEqual(independent);
    const total = independent.reduce((a, b) => a + b, 0);
    expect(otlp.bytesPerScrape).toBe(total);
    expect(otlp.bytesPerMonth).toBe(Math.round(total * (2_628_000 / 30)));
    expect(Number.isInteger(otlp.bytesPerMonth)).toBe(true);
    expect(otlp.assumptions.join('\n')).toMatch(/730 hours/);
  });

  it('predicts without sending: no HTTP request leaves the process', async () => {
    const calls = [vi.spyOn(globalThis, 'fetch'), vi.spyOn(http, 'request'), vi.spyOn(https, 'request')];
    try {
      expect((await predict(otlpConfig)).summary.otlp!.series).toBe(89);
      for (const call of calls) expect(call).not.toHaveBeenCalled();
    } finally {
      for (const call of calls) call.mockRestore();
    }
  });

  it('scales points and bytes with replicas, not series (same labels on every sidecar)', async () => {
    const one = (await predict(otlpConfig)).summary.otlp!;
    const three = (await predict(otlpConfig, { replicas: 3 })).summary.otlp!;
    expect(three).toMatchObject({ series: one.series, dataPointsPerScrape: 3 * one.dataPointsPerScrape, bytesPerScrape: 3 * one.bytesPerScrape });
  });

  it('dual-write: awsemf and otlphttp in one pipeline give both the Classic metrics and the OTLP series', async () => {
    const dual = otlpConfig.replace('exporters:\n  otlphttp:', 'exporters:\n  awsemf:\n    region: us-east-1\n  otlphttp:').replace('exporters: [otlphttp]', 'exporters: [otlphttp, awsemf]');
    const prediction = await predict(dual);
    expect(prediction.summary.customMetrics).toBe(144);
    expect(prediction.summary.otlp).toMatchObject({ series: 89 });
  });

  it('does not predict an OTLP exporter that sends elsewhere (a gateway collector)', async () => {
    const prediction = await predict(otlpConfig.replace(/metrics_endpoint: .*/, 'metrics_endpoint: http://gateway:4318/v1/metrics'));
    expect(prediction.pipelines).toBeUndefined();
    expect(prediction.summary.otlp).toBeUndefined();
    expect(prediction.summary.notModelled).toEqual([
      { component: 'otlphttp', kind: 'exporters', location: 'otel.yaml:28:3: exporters.otlphttp', reason: "sends OTLP to http://gateway:4318/v1/metrics, not CloudWatch's OTLP endpoint (monitoring.<region>.amazonaws.com): not counted" },
    ]);
  });
});

describe('what the endpoint rejects', () => {
  const checks = async (yaml: string, options?: { scrapeText?: string }) =>
    (await predict(yaml, options)).pipelines![0]!.findings.map((finding) => ({ check: finding.check, location: finding.location, fix: finding.fix }));

  it('an otlp (gRPC) exporter', async () => {
    const grpc = otlpConfig.replace('  otlphttp:\n    metrics_endpoint: https://monitoring.${env:AWS_REGION:-us-east-1}.amazonaws.com/v1/metrics', '  otlp:\n    endpoint: monitoring.us-east-1.amazonaws.com:443').replace('exporters: [otlphttp]', 'exporters: [otlp]');
    expect(await checks(grpc)).toEqual([expect.objectContaining({ check: 'grpc-exporter', location: 'otel.yaml:28:3: exporters.otlp', fix: expect.stringContaining('otlphttp exporter: metrics_endpoint: https://monitoring.us-east-1.amazonaws.com/v1/metrics') })]);
  });

  it('a bearer token (API key) authenticator is accepted once its extension is defined and started', async () => {
    const bearer = otlpConfig.replace('  sigv4auth:\n    service: monitoring\n    region: ${env:AWS_REGION:-us-east-1}\n', '  bearertokenauth/cw:\n    token: ${env:CW_API_KEY:-key}\n')
      .replace('authenticator: sigv4auth', 'authenticator: bearertokenauth/cw').replace('extensions: [sigv4auth]', 'extensions: [bearertokenauth/cw]');
    expect(await checks(bearer)).toEqual([]);
    expect((await checks(bearer.replace('extensions: [bearertokenauth/cw]', 'extensions: []'))).map((c) => c.check)).toEqual(['auth-extension-not-started']);
  });

  it('no authenticator, an undefined sigv4auth, one not started, one signing for another service', async () => {
    expect((await checks(otlpConfig.replace('    auth:\n      authenticator: sigv4auth\n', ''))).map((c) => c.check)).toEqual(['missing-auth']);
    const undefinedExtension = otlpConfig.replace(/^extensions:\n(  .*\n)+/m, '').replace('  extensions: [sigv4auth]\n', '');
    expect(await checks(undefinedExtension)).toEqual([expect.objectContaining({ check: 'missing-auth-extension', fix: expect.stringContaining('extensions: sigv4auth: {service: monitoring, region: us-east-1}') })]);
    expect(await checks(otlpConfig.replace('  extensions: [sigv4auth]\n', ''))).toEqual([{ check: 'auth-extension-not-started', location: 'otel.yaml:7:3: extensions.sigv4auth', fix: 'add sigv4auth to service.extensions' }]);
    expect((await checks(otlpConfig.replace('service: monitoring', 'service: aps'))).map((c) => c.check)).toEqual(['sigv4-service']);
  });

  it('batches over 1,000 data points: names the batch setting that fixes it', async () => {
    const many = `# TYPE big gauge\n${Array.from({ length: 1200 }, (_, i) => `big{id="${i}"} 1`).join('\n')}\n`;
    const unbounded = otlpConfig.replace('    send_batch_size: 500\n    send_batch_max_size: 1000\n', '');
    expect(await checks(unbounded, { scrapeText: many })).toEqual([{ check: 'points-per-request', location: 'otel.yaml:22:3: processors.batch/metrics', fix: 'set send_batch_max_size: 1000 on processors.batch/metrics' }]);
    expect(await checks(otlpConfig, { scrapeText: many })).toEqual([]);
    const noBatch = unbounded.replace('      processors: [batch/metrics]\n', '');
    expect((await checks(noBatch, { scrapeText: many }))[0]!.fix).toBe('add a batch processor with send_batch_max_size: 1000 to pipeline metrics (after the others)');
  });

  it('requests over 1 MB, and more than 150 labels per point', async () => {
    const long = 'x'.repeat(1200);
    const wide = `# TYPE big gauge\n${Array.from({ length: 1000 }, (_, i) => `big{id="${i}",note="${long}"} 1`).join('\n')}\n`;
    const found = await checks(otlpConfig, { scrapeText: wide });
    expect(found.map((c) => c.check)).toEqual(['request-size']);
    expect(found[0]!.fix).toMatch(/^set send_batch_max_size: \d{3} on processors\.batch\/metrics$/);
    const labels = Array.from({ length: 150 }, (_, i) => `l${i}="v"`).join(',');
    expect((await checks(otlpConfig, { scrapeText: `# TYPE w gauge\nw{${labels}} 1\n` })).map((c) => c.check)).toEqual(['labels-per-point']);
  });
});
