/**
 * The OTLP protobuf size of a scrape target's data points, computed from the wire format as OpenTelemetry's JavaScript
 * encoder (`@opentelemetry/otlp-transformer`, the serializer the OTLP/HTTP proto exporters send with) writes them:
 * one `Metric` per point, every field it writes and nothing else. Computed, not encoded: encoding a 200,000-point
 * scrape only to measure it took about a second; the tests check every size here against that encoder's output.
 * The bytes CloudWatch bills for a point are the metric name field, the point's attributes, timestamps and value,
 * and the resource attributes, counted with every point (docs/sources.md#otel-metrics).
 */

/** One data point as the collector would export it (histogram buckets as counted, summaries by their quantiles). */
export interface SizedPoint {
  readonly name: string;
  readonly type: 'gauge' | 'sum' | 'histogram' | 'summary';
  readonly attributes: Readonly<Record<string, string>>;
  /** Histogram bucket counts (`+Inf` included); the explicit bounds are one fewer. */
  readonly buckets: number;
  readonly quantiles: number;
}

export interface TargetSize {
  /** Bytes of the uncompressed ExportMetricsServiceRequest holding all the points (what the 1 MB limit is about). */
  readonly requestBytes: number;
  /** Billed bytes of each point, in the order given. */
  readonly pointBytes: readonly number[];
}

/**
 * The JavaScript encoder has no Summary type; a summary point is sized as a gauge with its attributes plus what the
 * OTLP wire format adds: `count` (fixed64) and `sum` (double) take 9 bytes each in place of the gauge value, plus
 * `tag + length + quantile double + value double` = 20 bytes per quantile.
 */
export const SUMMARY_EXTRA_BYTES = (quantiles: number): number => 9 + 20 * quantiles;

/** A fixed64 or double field: its one-byte tag and 8 bytes (timestamps, values, counts are never left out). */
const FIXED_FIELD = 9;
/** A varint field holding a small enum or bool: aggregation temporality (cumulative = 2), is_monotonic. */
const SMALL_VARINT_FIELD = 2;

export function targetSize(resource: Readonly<Record<string, string>>, scope: string, points: readonly SizedPoint[]): TargetSize {
  const resourceBytes = attributesBytes(resource);
  const pointBytes: number[] = [];
  let metricFields = 0;
  let summaryExtra = 0;
  for (const point of points) {
    const body = pointBodyBytes(point);
    const nameField = stringField(point.name);
    const extra = point.type === 'summary' ? SUMMARY_EXTRA_BYTES(point.quantiles) : 0;
    pointBytes.push(nameField + body + resourceBytes + extra);
    summaryExtra += extra;
    metricFields += lengthDelimited(nameField + lengthDelimited(lengthDelimited(body) + dataTrailerBytes(point.type)));
  }
  // Resource: its attributes and dropped_attributes_count (always written, 0). Scope: its name (always written).
  const resourceMetrics = lengthDelimited(resourceBytes + SMALL_VARINT_FIELD) + lengthDelimited(lengthDelimited(stringField(scope)) + metricFields);
  return { requestBytes: lengthDelimited(resourceMetrics) + summaryExtra, pointBytes };
}

/** A data point's body (without its own tag and length): timestamps, value(s), attributes. */
function pointBodyBytes(point: SizedPoint): number {
  const attributes = attributesBytes(point.attributes);
  if (point.type !== 'histogram') return 3 * FIXED_FIELD + attributes; // start, time, as_double
  const bounds = Math.max(0, point.buckets - 1);
  // start, time, count, sum; bucket_counts packed (bounds + 1 of them, so never empty); explicit_bounds when any.
  return 4 * FIXED_FIELD + lengthDelimited(8 * (bounds + 1)) + (bounds > 0 ? lengthDelimited(8 * bounds) : 0) + attributes;
}

/** What the Gauge/Sum/Histogram message writes after its data points. */
function dataTrailerBytes(type: SizedPoint['type']): number {
  if (type === 'sum') return 2 * SMALL_VARINT_FIELD; // temporality, is_monotonic
  return type === 'histogram' ? SMALL_VARINT_FIELD : 0;
}

function attributesBytes(attributes: Readonly<Record<string, string>>): number {
  let total = 0;
  for (const key in attributes) {
    // KeyValue { key, value: AnyValue { string_value } }
    total += lengthDelimited(stringField(key) + lengthDelimited(stringField(attributes[key]!)));
  }
  return total;
}

/** A string field: tag, length, UTF-8 bytes. */
function stringField(text: string): number {
  return lengthDelimited(Buffer.byteLength(text, 'utf8'));
}

/** A length-delimited field of a field number below 16: a one-byte tag, the length as a varint, the payload. */
function lengthDelimited(payload: number): number {
  return 1 + varintBytes(payload) + payload;
}

function varintBytes(value: number): number {
  let bytes = 1;
  for (let rest = value; rest >= 0x80; rest = Math.floor(rest / 0x80)) bytes++;
  return bytes;
}
