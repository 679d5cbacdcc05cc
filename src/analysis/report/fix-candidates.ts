/**
 * A fix candidate judged by predicting it: its config text parsed as the written file would be (with the original's
 * variables) and predicted from the scrape already read, so "keeps every read metric" is checked, not assumed. Only
 * which identities it creates matters: their keys, without a metric object each.
 */
import { metricKeyOf } from '../../model/metric-identity.js';
import { parseEditedConfig, predictCollectorStreamed, type LoadedCollector } from '../awsemf/collector.js';

export interface CandidateOutcome {
  /** The custom metrics the candidate config creates. */
  readonly metrics: number;
  /** Which of the kept metrics (indices into the keys given) it would no longer create. */
  readonly lost: readonly number[];
}

export function evaluateCandidate(collector: LoadedCollector, text: string, displayName: string, keepKeys: readonly string[]): CandidateOutcome {
  const after = predictCollectorStreamed(collector, parseEditedConfig(collector, text, displayName));
  const created = new Set<string>();
  after.identities((namespace, metricName, names, values) => created.add(metricKeyOf(namespace, metricName, names, values)));
  const lost: number[] = [];
  keepKeys.forEach((key, index) => {
    if (!created.has(key)) lost.push(index);
  });
  return { metrics: created.size, lost };
}
