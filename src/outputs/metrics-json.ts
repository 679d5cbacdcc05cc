/**
 * `cwdash metrics --format json`: the prediction (or EMF count) as stable JSON (sorted keys, metrics in identity
 * order), written in pieces: the document around the metrics is rendered once, and each metric as it comes, so a
 * million of them never make one string. The bytes are those of `stableStringify` of the listed result.
 */
import type { StreamedMetrics } from '../model/prediction.js';
import { appendStableJson, stableStringify } from '../shared/json.js';

/** The top-level `metrics` member as stableStringify writes an empty list (nested keys are indented deeper). */
const EMPTY_METRICS = '\n  "metrics": []';

export function* metricsJsonChunks({ result, metrics }: StreamedMetrics): Generator<string> {
  const document = stableStringify({ ...result, metrics: [] });
  const at = document.indexOf(EMPTY_METRICS);
  yield `${document.slice(0, at)}\n  "metrics": [`;
  let first = true;
  for (const metric of metrics) {
    const out = [first ? '\n    ' : ',\n    '];
    appendStableJson(metric, 2, out);
    yield out.join('');
    first = false;
  }
  yield `${first ? '' : '\n  '}]${document.slice(at + EMPTY_METRICS.length)}`;
}
