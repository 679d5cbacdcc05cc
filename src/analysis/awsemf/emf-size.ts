/**
 * Exact byte size of one awsemf EMF log event (awsemf.md §7.3): Go encoding/json output length computed from the
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

export interface EmfDirective {
  readonly dimensionSets: readonly (readonly string[])[];
  readonly metrics: readonly EmfMetricDefinition[];
}

export interface EmfEventShape {
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Metric field name → length of its JSON value. */
  readonly values: ReadonlyMap<string, number>;
  readonly directives: readonly EmfDirective[];
  /** `old` `{"Name"[,"Unit"]}`, `new` `{"Name","Unit","StorageResolution":60}`. */
  readonly definitionForm: 'old' | 'new';
  /** Top-level `"Version":"1"`. */
  readonly versionField: boolean;
  /** Extra top-level string fields (e.g. `prom_metric_type`). */
  readonly extraFields?: Readonly<Record<string, string>>;
}

function dimensionsLength(sets: readonly (readonly string[])[]): number {
  let length = Math.max(0, sets.length - 1);
  for (const set of sets) {
    length += 2 + Math.max(0, set.length - 1);
    for (const name of set) length += jsonStringLength(name) + 2;
  }
  return length;
}

function definitionsLength(metrics: readonly EmfMetricDefinition[], form: 'old' | 'new'): number {
  let length = Math.max(0, metrics.length - 1);
  for (const metric of metrics) {
    const name = jsonStringLength(metric.name);
    const unit = jsonStringLength(metric.unit);
    length += form === 'new' ? 44 + name + unit : 11 + name + (unit > 0 ? 10 + unit : 0);
  }
  return length;
}

export function emfEventLength(event: EmfEventShape): number {
  let length = 2;
  let fields = 0;
  for (const [name, value] of [...Object.entries(event.labels), ...Object.entries(event.extraFields ?? {})]) {
    length += jsonStringLength(name) + jsonStringLength(value) + 5;
    fields++;
  }
  for (const [name, valueLength] of event.values) {
    length += jsonStringLength(name) + 3 + valueLength;
    fields++;
  }
  if (event.directives.length > 0) {
    const namespace = jsonStringLength(event.namespace);
    event.directives.forEach((directive, index) => {
      length += (index === 0 ? 102 : 46) + namespace + dimensionsLength(directive.dimensionSets) + definitionsLength(directive.metrics, event.definitionForm);
    });
    fields++;
  }
  if (event.versionField) {
    length += 13;
    fields++;
  }
  return length + Math.max(0, fields - 1);
}
