/** `cwdash metrics --format json`: the prediction as stable JSON (sorted keys, metrics in identity order). */
import type { MetricsPrediction } from '../analysis/awsemf/types.js';
import { stableStringify } from '../shared/json.js';

export function renderMetricsJson(prediction: MetricsPrediction): string {
  return stableStringify(prediction);
}
