/**
 * The computed OTLP sizes against OpenTelemetry's own JavaScript encoder: the same request length and the same billed
 * bytes per point, for every point type and for lengths that need longer varints.
 */
import { describe, expect, it } from 'vitest';
import { targetSize, type SizedPoint } from '../../../src/analysis/otlp/protobuf-size.js';
import { encodeWithJsEncoder } from './js-encoder.js';

const attributes = { method: 'GET', route: '/tasks', status_code: '200' };
const resource = { 'service.name': 'tasks-api', 'server.address': 'tasks-api', 'server.port': '8080', 'url.scheme': 'http' };

const points: SizedPoint[] = [
  { name: 'http_requests_total', type: 'sum', attributes, buckets: 0, quantiles: 0 },
  { name: 'queue_depth', type: 'gauge', attributes: {}, buckets: 0, quantiles: 0 },
  { name: 'latency_seconds', type: 'histogram', attributes, buckets: 1, quantiles: 0 },
  { name: 'latency_seconds', type: 'histogram', attributes, buckets: 2, quantiles: 0 },
  { name: 'latency_seconds', type: 'histogram', attributes, buckets: 17, quantiles: 0 },
  { name: 'rpc_duration_seconds', type: 'summary', attributes, buckets: 0, quantiles: 3 },
  { name: 'größe_bytes', type: 'gauge', attributes: { 'région': 'eu-west-3 ☁', emoji: '🚀🚀', '': '' }, buckets: 0, quantiles: 0 },
  { name: 'long_label', type: 'sum', attributes: { path: 'x'.repeat(200), body: 'y'.repeat(20_000) }, buckets: 0, quantiles: 0 },
];

describe('OTLP protobuf sizes', () => {
  it('match the JS encoder point by point and for the whole request', () => {
    expect(targetSize(resource, 'scope', points)).toEqual(encodeWithJsEncoder(resource, 'scope', points));
  });

  it('match with an empty scope name and no resource attributes', () => {
    expect(targetSize({}, '', points)).toEqual(encodeWithJsEncoder({}, '', points));
  });

  it('match for a request long enough to need a 3-byte length', () => {
    const many = Array.from({ length: 3000 }, (_, index): SizedPoint => ({ name: `m_${index % 7}`, type: index % 3 === 0 ? 'histogram' : 'sum', attributes: { pod: `pod-${index}` }, buckets: 5, quantiles: 0 }));
    const sized = targetSize(resource, 'github.com/open-telemetry/prometheusreceiver', many);
    expect(sized.requestBytes).toBeGreaterThan(1 << 14);
    expect(sized).toEqual(encodeWithJsEncoder(resource, 'github.com/open-telemetry/prometheusreceiver', many));
  });
});
