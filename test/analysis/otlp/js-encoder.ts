/**
 * The reference the OTLP sizes are checked against: OpenTelemetry's own JavaScript encoder
 * (`@opentelemetry/otlp-transformer`, what the OTLP/HTTP proto exporters send), encoding a target's points one
 * `Metric` each, and a reader of that encoding that measures what CloudWatch bills per point.
 */
import { ValueType } from '@opentelemetry/api';
import { ProtobufMetricsSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { AggregationTemporality, DataPointType, type MetricData, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { SUMMARY_EXTRA_BYTES, type SizedPoint, type TargetSize } from '../../../src/analysis/otlp/protobuf-size.js';

// Timestamps are fixed64 and values doubles: neither changes a size, so any will do.
const START: [number, number] = [1_795_523_350, 0];
const END: [number, number] = [1_795_523_380, 0];

/** The encoder's request and each point's billed bytes read back from it (summaries as gauges plus their extra). */
export function encodeWithJsEncoder(resource: Readonly<Record<string, string>>, scope: string, points: readonly SizedPoint[]): TargetSize {
  const request: ResourceMetrics = {
    resource: resourceFromAttributes(resource),
    scopeMetrics: [{ scope: { name: scope }, metrics: points.map(metricData) }],
  };
  const bytes = ProtobufMetricsSerializer.serializeRequest(request)!;
  const measured = billedBytesOfEncoding(bytes);
  const extra = (point: SizedPoint) => (point.type === 'summary' ? SUMMARY_EXTRA_BYTES(point.quantiles) : 0);
  return {
    requestBytes: bytes.length + points.reduce((total, point) => total + extra(point), 0),
    pointBytes: measured.map((size, index) => size + extra(points[index]!)),
  };
}

function metricData(point: SizedPoint): MetricData {
  const descriptor = { name: point.name, description: '', unit: '', valueType: ValueType.DOUBLE };
  const base = { startTime: START, endTime: END, attributes: { ...point.attributes } };
  if (point.type === 'histogram') {
    const bounds = Math.max(0, point.buckets - 1);
    return {
      descriptor, aggregationTemporality: AggregationTemporality.CUMULATIVE, dataPointType: DataPointType.HISTOGRAM,
      dataPoints: [{ ...base, value: { buckets: { boundaries: Array.from({ length: bounds }, (_, i) => i + 1), counts: Array.from({ length: bounds + 1 }, () => 3) }, sum: 1.5, count: 3 } }],
    };
  }
  if (point.type === 'sum') {
    return { descriptor, aggregationTemporality: AggregationTemporality.CUMULATIVE, dataPointType: DataPointType.SUM, isMonotonic: true, dataPoints: [{ ...base, value: 7 }] };
  }
  return { descriptor, aggregationTemporality: AggregationTemporality.CUMULATIVE, dataPointType: DataPointType.GAUGE, dataPoints: [{ ...base, value: 7 }] };
}

interface Field {
  readonly number: number;
  readonly start: number;
  readonly payloadStart: number;
  readonly end: number;
}

function varint(bytes: Uint8Array, at: number): [value: number, next: number] {
  let value = 0;
  let shift = 1;
  let offset = at;
  for (;;) {
    const byte = bytes[offset++]!;
    value += (byte & 0x7f) * shift;
    if (byte < 0x80) return [value, offset];
    shift *= 128;
  }
}

function* fields(bytes: Uint8Array, from: number, to: number): Generator<Field> {
  let offset = from;
  while (offset < to) {
    const start = offset;
    const [key, afterKey] = varint(bytes, offset);
    const wireType = key & 7;
    let payloadStart = afterKey;
    let end: number;
    if (wireType === 0) end = varint(bytes, afterKey)[1];
    else if (wireType === 1) end = afterKey + 8;
    else if (wireType === 5) end = afterKey + 4;
    else if (wireType === 2) {
      const [length, afterLength] = varint(bytes, afterKey);
      payloadStart = afterLength;
      end = afterLength + length;
    } else throw new Error(`unexpected protobuf wire type ${wireType}`);
    yield { number: Math.floor(key / 8), start, payloadStart, end };
    offset = end;
  }
}

const METRIC_DATA_FIELDS = new Set([5, 7, 9, 10, 11]); // gauge, sum, histogram, exponential_histogram, summary

/** Per point: the `Metric.name` field, the data point's body, the resource's attribute fields. */
function billedBytesOfEncoding(bytes: Uint8Array): number[] {
  const sizes: number[] = [];
  for (const resourceMetrics of fields(bytes, 0, bytes.length)) {
    let resourceBytes = 0;
    const scopes: Field[] = [];
    for (const part of fields(bytes, resourceMetrics.payloadStart, resourceMetrics.end)) {
      if (part.number === 1) {
        for (const attribute of fields(bytes, part.payloadStart, part.end)) if (attribute.number === 1) resourceBytes += attribute.end - attribute.start;
      } else if (part.number === 2) scopes.push(part);
    }
    for (const scope of scopes) {
      for (const metric of fields(bytes, scope.payloadStart, scope.end)) {
        if (metric.number !== 2) continue;
        let nameBytes = 0;
        const bodies: number[] = [];
        for (const part of fields(bytes, metric.payloadStart, metric.end)) {
          if (part.number === 1) nameBytes = part.end - part.start;
          else if (METRIC_DATA_FIELDS.has(part.number)) {
            for (const point of fields(bytes, part.payloadStart, part.end)) if (point.number === 1) bodies.push(point.end - point.payloadStart);
          }
        }
        for (const body of bodies) sizes.push(nameBytes + body + resourceBytes);
      }
    }
  }
  return sizes;
}
