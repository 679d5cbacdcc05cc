/**
 * Exact byte size of one awsemf EMF log event (docs/sources.md#awsemf): Go encoding/json output length computed from the
 * parts, without building the JSON, so a million-series scrape is sized in one pass.
 */

/** CloudWatch Logs counts 26 bytes per event on top of the message toward the PutLogEvents batch size. */
export const LOG_EVENT_OVERHEAD_BYTES = 26;

/** UTF-8 length of a string as Go's encoding/json writes it, quotes excluded (`<`, `>`, `&` become `\u003c`...). */
export function jsonStringLength(text: string): number {
  let length = 0;
  for (let index = 0; index < text.length; index++) {
    const c = text.charCodeAt(index);
    if (c < 0x20) length += c === 10 || c === 13 || c === 9 || c === 8 || c === 12 ? 2 : 6;
    else if (c === 34 || c === 92) length += 2;
    else if (c === 60 || c === 62 || c === 38) length += 6;
    else if (c < 0x80) length += 1;
    else if (c < 0x800) length += 2;
    else if (c === 0x2028 || c === 0x2029) length += 6;
    else if (c >= 0xd800 && c <= 0xdbff) {
      length += 4;
      index++;
    } else length += 3;
  }
  return length;
}

/** Go's shortest float formatting has the same exponent thresholds as JavaScript's (1e-6, 1e21). */
export function numberLength(value: number): number {
  // Integers (counts, byte sizes, most counters) without building the string: the common case of a large scrape.
  if (Number.isSafeInteger(value) && value !== 0) {
    let digits = value < 0 ? 2 : 1;
    for (let rest = Math.abs(value); rest >= 10; rest = Math.floor(rest / 10)) digits++;
    return digits;
  }
  return Object.is(value, -0) ? 2 : String(value).length;
}

/** `{"Max":…,"Min":…,"Count":…,"Sum":…}`. */
export function statisticSetLength(max: number, min: number, count: number, sum: number): number {
  return 31 + numberLength(max) + numberLength(min) + numberLength(count) + numberLength(sum);
}

export interface EmfMetricDefinition {
  readonly name: string;
  readonly unit: string;
}

export function dimensionsLength(sets: readonly (readonly string[])[]): number {
  let length = Math.max(0, sets.length - 1);
  for (const set of sets) {
    length += 2 + Math.max(0, set.length - 1);
    for (const name of set) length += jsonStringLength(name) + 2;
  }
  return length;
}

/** `"name":"value"` for every label, commas excluded. */
export function labelsLength(labels: Readonly<Record<string, string>>): number {
  let length = 0;
  for (const name in labels) length += jsonStringLength(name) + jsonStringLength(labels[name]!) + 5;
  return length;
}

/** The length of one metric definition in a directive's `Metrics` array. */
export function definitionLength(definition: EmfMetricDefinition, form: 'old' | 'new'): number {
  const name = jsonStringLength(definition.name);
  const unit = jsonStringLength(definition.unit);
  return form === 'new' ? 44 + name + unit : 11 + name + (unit > 0 ? 10 + unit : 0);
}

/** An event summed up as it is assembled: labels, value fields (`"name":value`, commas excluded), directives. */
export interface EmfEventParts {
  readonly namespace: string;
  readonly labelsLength: number;
  readonly labelCount: number;
  readonly valuesLength: number;
  readonly valueCount: number;
  /** Per directive: its Dimensions array and the Metrics array contents (commas between definitions included). */
  readonly directives: readonly { readonly dimensionsLength: number; readonly definitionsLength: number }[];
  readonly versionField: boolean;
}

export function emfEventLengthFromParts(event: EmfEventParts): number {
  let length = 2 + event.labelsLength + event.valuesLength;
  let fields = event.labelCount + event.valueCount;
  if (event.directives.length > 0) {
    const namespace = jsonStringLength(event.namespace);
    event.directives.forEach((directive, index) => {
      length += (index === 0 ? 102 : 46) + namespace + directive.dimensionsLength + directive.definitionsLength;
    });
    fields++;
  }
  if (event.versionField) {
    length += 13;
    fields++;
  }
  return length + Math.max(0, fields - 1);
}
