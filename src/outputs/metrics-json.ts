/**
 * `cwdash metrics --format json`: the prediction (or EMF count) as stable JSON (sorted keys, metrics in identity
 * order), written in pieces: the document around the metrics is rendered once, and the metrics a batch at a time as
 * they come, so a million of them never make one string. The bytes are those of `stableStringify` of the listed
 * result, with every object's keys in `compareStrings` order (`appendStableJson`).
 */
import type { PredictedMetric, PredictedMetricSource, StreamedMetrics } from '../model/prediction.js';
import { appendStableJson, compareStrings, keysInOrder, stableStringify } from '../shared/json.js';

/** The top-level `metrics` member as stableStringify writes an empty list (nested keys are indented deeper). */
const EMPTY_METRICS = '\n  "metrics": []';

export function* metricsJsonChunks({ result, metrics }: StreamedMetrics): Generator<string> {
  const document = stableStringify({ ...result, metrics: [] });
  const at = document.indexOf(EMPTY_METRICS);
  yield `${document.slice(0, at)}\n  "metrics": [`;
  let empty = true;
  for (const piece of metricListItems(metrics)) {
    yield piece;
    empty = false;
  }
  yield `${empty ? '' : '\n  '}]${document.slice(at + EMPTY_METRICS.length)}`;
}

/** About 64 KB of JSON: under V8's large-object size, so each batch's string dies young. */
const METRICS_PER_BATCH = 100;

/**
 * The metrics as the items of the document's `metrics` list, each line indented for that depth and the items after
 * the first preceded by a comma. Metrics are rendered a batch per `JSON.stringify` call (native, and its escaping is
 * the escaping `appendStableJson` uses), as copies with their keys inserted in sorted order; a metric whose order
 * JSON.stringify would not keep goes through `appendStableJson` alone.
 */
function* metricListItems(metrics: Iterable<PredictedMetric>): Generator<string> {
  let first = true;
  let batch: object[] = [];
  const separated = (items: string): string => {
    const piece = first ? items : `,${items}`;
    first = false;
    return piece;
  };
  const flush = (): string => {
    const items = listItems(batch);
    batch = [];
    return separated(items);
  };
  for (const metric of metrics) {
    const ordered = inKeyOrder(metric);
    if (ordered === undefined) {
      if (batch.length > 0) yield flush();
      const out = [ITEM_INDENT];
      appendStableJson(metric, 2, out);
      yield separated(out.join(''));
    } else if (batch.push(ordered) === METRICS_PER_BATCH) {
      yield flush();
    }
  }
  if (batch.length > 0) yield flush();
}

const ITEM_INDENT = '\n    ';
/** `JSON.stringify({ metrics: batch }, null, 2)` indents the items as deep as the document's list holds them. */
const WRAPPER_START = '{\n  "metrics": ['.length;
const WRAPPER_END = '\n  ]\n}'.length;

/** `\n    {...},\n    {...}`: the items of a list nested one level in the document. */
function listItems(batch: readonly object[]): string {
  return JSON.stringify({ metrics: batch }, null, 2).slice(WRAPPER_START, -WRAPPER_END);
}

/**
 * A copy of the metric with the keys of every object in `compareStrings` order, or undefined when a dimension name
 * may be an array index (JSON.stringify writes those before all other keys, whatever the insertion order). Every
 * member is listed (`satisfies`): one added to the types fails to compile until it is copied here too.
 */
function inKeyOrder({ dimensions, metricName, namespace, source }: PredictedMetric): object | undefined {
  const orderedDimensions = inSortedOrder(dimensions);
  if (orderedDimensions === undefined) return undefined;
  return {
    dimensions: orderedDimensions,
    metricName,
    namespace,
    source: {
      dimensionSet: source.dimensionSet,
      exampleSeries: source.exampleSeries,
      exporter: source.exporter,
      fromSecondScrape: source.fromSecondScrape,
      job: source.job,
      pipeline: source.pipeline,
      receiver: source.receiver,
      series: source.series,
    } satisfies Record<keyof PredictedMetricSource, unknown>,
  } satisfies Record<keyof PredictedMetric, unknown>;
}

/** The record itself when its keys are in order already (the prediction builds them so), else a sorted copy. */
function inSortedOrder(record: Readonly<Record<string, string>>): Readonly<Record<string, string>> | undefined {
  const names = Object.keys(record);
  if (names.some(startsWithDigit)) return undefined;
  if (keysInOrder(names)) return record;
  const copy: Record<string, string> = {};
  for (const name of names.sort(compareStrings)) copy[name] = record[name]!;
  return copy;
}

function startsWithDigit(text: string): boolean {
  const code = text.charCodeAt(0);
  return code >= 0x30 && code <= 0x39;
}
