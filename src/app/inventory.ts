/**
 * `cwdash inventory`: what each account and region holds (custom metrics per namespace, dashboards, alarms), read
 * live, one target at a time per worker. Only the per-target summary is kept, so memory stays bounded by the targets
 * in flight, whatever the organisation's size.
 */
import { compareStrings } from '../shared/json.js';
import { fetchAccountInventory, type AccountInventory } from '../sources/account/inventory.js';
import type { TargetRegion } from '../sources/targets/targets-file.js';
import type { InventorySummary, OrganizationInventory, TargetResult } from '../model/target-results.js';
import type { Progress } from '../sources/account/progress.js';
import type { AwsCallPolicy } from '../sources/aws/options.js';
import { chooseTargets, runOptions, type TargetChoice } from './target-choice.js';
import { runOverTargets, type TargetRunOptions } from './targets-run.js';

export { chooseTargets } from './target-choice.js';

export async function inventoryTargets(units: readonly TargetRegion[], options: TargetRunOptions & { readonly recentlyActive?: boolean }): Promise<OrganizationInventory> {
  const targets = await runOverTargets(units, options, async (_unit, client) =>
    summarizeInventory(await fetchAccountInventory(client, { recentlyActive: options.recentlyActive })),
  );
  return { targets, totals: sumInventories(targets) };
}

export function summarizeInventory(inventory: AccountInventory): InventorySummary {
  const perNamespace = new Map<string, number>();
  for (const metric of inventory.metrics) perNamespace.set(metric.namespace, (perNamespace.get(metric.namespace) ?? 0) + 1);
  return {
    customMetrics: inventory.metrics.length,
    namespaces: namespaceList(perNamespace),
    dashboards: inventory.dashboards.length,
    metricAlarms: inventory.alarms.MetricAlarms.length,
    compositeAlarms: inventory.alarms.CompositeAlarms.length,
  };
}

function sumInventories(results: readonly TargetResult<InventorySummary>[]): OrganizationInventory['totals'] {
  const read = results.flatMap((result) => (result.status === 'ok' ? [result.value] : []));
  const perNamespace = new Map<string, number>();
  for (const summary of read) for (const { namespace, metrics } of summary.namespaces) perNamespace.set(namespace, (perNamespace.get(namespace) ?? 0) + metrics);
  const sum = (field: 'customMetrics' | 'dashboards' | 'metricAlarms' | 'compositeAlarms') => read.reduce((total, summary) => total + summary[field], 0);
  const failed = results.length - read.length;
  return {
    customMetrics: sum('customMetrics'),
    namespaces: namespaceList(perNamespace),
    dashboards: sum('dashboards'),
    metricAlarms: sum('metricAlarms'),
    compositeAlarms: sum('compositeAlarms'),
    targetsRead: read.length,
    targetsFailed: failed,
    partial: failed > 0,
  };
}

function namespaceList(perNamespace: ReadonlyMap<string, number>): InventorySummary['namespaces'] {
  return [...perNamespace.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([namespace, metrics]) => ({ namespace, metrics }));
}

export interface InventoryRequest extends TargetChoice {
  readonly recentlyActive?: boolean | undefined;
}

export interface RunContext {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly progress?: Progress | undefined;
  /** Tests shorten the backoff; production uses the default policy. */
  readonly callPolicy?: Partial<AwsCallPolicy> | undefined;
  /** Names the STS sessions; a timestamp by default. */
  readonly runId?: string | undefined;
}

export async function organizationInventory(request: InventoryRequest, context: RunContext): Promise<OrganizationInventory> {
  const units = await chooseTargets(request, context);
  return inventoryTargets(units, { ...runOptions(request, context), recentlyActive: request.recentlyActive === true });
}
