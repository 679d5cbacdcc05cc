/** `cwdash metrics --format json`: the prediction (or EMF count) as stable JSON (sorted keys, metrics in identity order). */
import type { MetricsResult } from '../model/prediction.js';
import { stableStringify } from '../shared/json.js';

export function renderMetricsJson(prediction: MetricsResult): string {
  return stableStringify(prediction);
}
