/**
 * The OTLP metrics messages cwdash's tests encode with protobufjs, written from the field numbers and types of the
 * public opentelemetry-proto definitions (opentelemetry/proto/{common,resource,metrics}/v1/*.proto): an encoder
 * independent of the OpenTelemetry JS serializer that cwdash itself uses.
 */
import protobuf from 'protobufjs';

const field = (id: number, type: string, rule?: 'repeated') => ({ id, type, ...(rule ? { rule } : {}) });

export const otlpRoot = protobuf.Root.fromJSON({
  nested: {
    AnyValue: { fields: { stringValue: field(1, 'string') } },
    KeyValue: { fields: { key: field(1, 'string'), value: field(2, 'AnyValue') } },
    NumberDataPoint: {
      fields: { attributes: field(7, 'KeyValue', 'repeated'), startTimeUnixNano: field(2, 'fixed64'), timeUnixNano: field(3, 'fixed64'), asDouble: field(4, 'double') },
    },
    HistogramDataPoint: {
      fields: {
        attributes: field(9, 'KeyValue', 'repeated'), startTimeUnixNano: field(2, 'fixed64'), timeUnixNano: field(3, 'fixed64'),
        count: field(4, 'fixed64'), sum: field(5, 'double'), bucketCounts: field(6, 'fixed64', 'repeated'), explicitBounds: field(7, 'double', 'repeated'),
      },
    },
    Metric: { fields: { name: field(1, 'string') } },
  },
});

/** The encoded length of one message of `type`. */
export function encodedLength(type: string, message: Record<string, unknown>): number {
  const messageType = otlpRoot.lookupType(type);
  return messageType.encode(messageType.fromObject(message)).finish().length;
}

/** A repeated KeyValue field with a string value: the field's key and length prefix plus the message. */
export function keyValueFieldLength(key: string, value: string): number {
  const body = encodedLength('KeyValue', { key, value: { stringValue: value } });
  return 1 + varintLength(body) + body;
}

export function varintLength(value: number): number {
  let length = 1;
  for (let rest = value; rest >= 128; rest = Math.floor(rest / 128)) length++;
  return length;
}
