/**
 * The `cwdash usage` use case: every given usage source read into one listing of read patterns with their evidence
 * and problems, plus what each source consulted. No pricing and no collector: this answers "what does this Grafana
 * folder read?" or "who called GetMetricData last month?".
 */
import { loadUsageInputs, type UsageInputOptions } from '../analysis/report/usage-inputs.js';
import { allowListConsulted, allowListReads, loadAllowList } from '../analysis/usage/allow-list.js';
import { usageListing, type UsageListing } from '../analysis/usage/usage-rows.js';
import type { ConsultedSource } from '../analysis/usage/usage-source.js';
import { displayPath } from '../shared/paths.js';

export interface UsageRunInput extends Omit<UsageInputOptions, 'allowNoUsage'> {
  readonly allowListFile?: string | undefined;
  /** YYYY-MM-DD: `--read-within` and allow-list expiries count from it. */
  readonly today: string;
}

export interface UsageRun {
  readonly listing: UsageListing;
  readonly consulted: readonly ConsultedSource[];
}

export async function listUsage(input: UsageRunInput): Promise<UsageRun> {
  const [inputs, allowList] = await Promise.all([
    // A listing may rest on any subset of sources, even none: nothing here is removed on its strength.
    loadUsageInputs({ ...input, allowNoUsage: true }),
    input.allowListFile === undefined ? undefined : loadAllowList(input.allowListFile, input.today),
  ]);
  const fromAllowList = allowList ? allowListReads({ ...allowList, file: displayPath(input.cwd, allowList.file) }).reads : [];
  const consulted: ConsultedSource[] = [
    ...inputs.consulted,
    allowListConsulted(allowList, allowList && displayPath(input.cwd, allowList.file)),
  ];
  return { listing: usageListing([...inputs.usage.reads, ...fromAllowList], inputs.usage.problems), consulted };
}
