/**
 * The OTLP protobuf encoding of a scrape target's data points, by OpenTelemetry's own JavaScript encoder
 * (`@opentelemetry/otlp-transformer`, the serializer the OTLP/HTTP proto exporters send with), and the bytes
 * CloudWatch bills for each point, read from that encoding: the metric name, the point's attributes, timestamps and
 * value, and the resource attributes, counted with every point (docs/sources.md#otel-metrics).
 */
import { ValueType } from '@opentelemetry/api';
import { ProtobufMetricsSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { AggregationTemporality, DataPointType, type MetricData, type ResourceMetrics } from '@opentelemetry/sdk-metrics';

/** One data point as the collector would export it (histogram buckets as counted, summaries by their quantiles). */
export interface EncodablePoint {
  readonly name: string;
  readonly type: 'gauge' | 'sum' | 'histogram' | 'summary';
  readonly attributes: Readonly<Record<string, string>>;
  readonly value: number;
  readonly count: number;
  readonly sum: number;
  /** Histogram bucket counts (`+Inf` included); the explicit bounds are one fewer. */
  readonly buckets: number;
  readonly quantiles: number;
}

export interface EncodedTarget {
  /** Bytes of the uncompressed ExportMetricsServiceRequest holding all the points (what the 1 MB limit is about). */
  readonly requestBytes: number;
  /** Billed bytes of each point, in the order given. */
  readonly pointBytes: readonly number[];
}

// Fixed times: timestamps are fixed64, so their value never changes a size.
const START: [number, number] = [1_795_523_350, 0];
const END: [number, number] = [1_795_523_380, 0];

/**
 * The JavaScript encoder has no Summary type; a summary point is encoded as a gauge with its attributes and sized
 * by the OTLP wire format: `count` (fixed64) and `sum` (double) take 9 bytes each in place of the gauge value, plus
 * `tag + length + quantile double + value double` = 20 bytes per quantile.
 */
export const SUMMARY_EXTRA_BYTES = (quantiles: number): number => 9 + 20 * quantiles;

export function encodeTarget(resource: Readonly<Record<string, string>>, scope: string, points: readonly EncodablePoint[]): EncodedTarget {
  const request: ResourceMetrics = {
    resource: resourceFromAttributes(resource),
    scopeMetrics: [{ scope: { name: scope }, metrics: points.map(metricData) }],
  };
  const bytes = ProtobufMetricsSerializer.serializeRequest(request);
  if (!bytes) throw new Error('the OTLP encoder returned nothing');
  const measured = billedPointBytes(bytes);
  if (measured.length !== points.length) throw new Error(`OTLP encoding holds ${measured.length} points, expected ${points.length}`);
  const extra = points.reduce((total, point) => total + (point.type === 'summary' ? SUMMARY_EXTRA_BYTES(point.quantiles) : 0), 0);
  return {
    requestBytes: bytes.length + extra,
    pointBytes: measured.map((size, index) => size + (points[index]!.type === 'summary' ? SUMMARY_EXTRA_BYTES(points[index]!.quantiles) : 0)),
  };
}

function metricData(point: EncodablePoint): MetricData {
  const descriptor = { name: point.name, description: '', unit: '', valueType: ValueType.DOUBLE };
  const base = { startTime: START, endTime: END, attributes: { ...point.attributes } };
  if (point.type === 'histogram') {
    const bounds = Math.max(0, point.buckets - 1);
    return {
      descriptor, aggregationTemporality: AggregationTemporality.CUMULATIVE, dataPointType: DataPointType.HISTOGRAM,
      dataPoints: [{
        ...base,
        value: { buckets: { boundaries: Array.from({ length: bounds }, (_, i) => i + 1), counts: Array.from({ length: bounds + 1 }, () => point.count) }, sum: point.sum, count: point.count },
      }],
    };
  }
  if (point.type === 'sum') {
    return { descriptor, aggregationTemporality: AggregationTemporality.CUMULATIVE, dataPointType: DataPointType.SUM, isMonotonic: true, dataPoints: [{ ...base, value: point.value }] };
  }
  return { descriptor, aggregationTemporality: AggregationTemporality.CUMULATIVE, dataPointType: DataPointType.GAUGE, dataPoints: [{ ...base, value: point.value }] };
}

// ---- reading the encoding (protobuf wire format: varint keys, length-delimited messages) ------------------------

interface Field {
  readonly number: number;
  /** Start of the whole field (its key), start and end of its payload. */
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

/**
 * Billed bytes per data point of an ExportMetricsServiceRequest: the `Metric.name` field, the data point's body, and
 * the resource's attribute fields (`KeyValue`s with their keys and lengths). Scope, description and unit are not
 * counted (the pricing page lists name, labels, resource attributes, timestamp and value).
 */
export function billedPointBytes(bytes: Uint8Array): number[] {
  const sizes: number[] = [];
  for (const resourceMetrics of fields(bytes, 0, bytes.length)) {
    if (resourceMetrics.number !== 1) continue;
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
