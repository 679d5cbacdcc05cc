/**
 * `cwdash inventory` output: one row per account and region (custom metrics, dashboards, alarms, or why it could not
 * be read), then the totals, which say when they are partial. JSON is versioned and stable: targets in the order the
 * targets file lists them, namespaces sorted.
 */
import type { OrganizationInventory } from '../model/target-results.js';
import { stableStringify } from '../shared/json.js';
import { renderTextTable } from './text-table.js';

export const INVENTORY_SCHEMA_VERSION = 1;

export function renderInventoryJson(inventory: OrganizationInventory): string {
  return stableStringify({
    schemaVersion: INVENTORY_SCHEMA_VERSION,
    targets: inventory.targets.map((result) => ({
      key: result.key,
      name: result.name,
      accountId: result.accountId ?? null,
      region: result.region,
      status: result.status,
      ...(result.status === 'ok' ? { inventory: result.value } : { failure: { message: result.failure.message, fix: result.failure.fix ?? null, missingAction: result.failure.missingAction ?? null } }),
    })),
    totals: inventory.totals,
  });
}

export function renderInventoryTable(inventory: OrganizationInventory): string {
  const count = (value: number) => value.toLocaleString('en-US');
  const rows = inventory.targets.map((result) =>
    result.status === 'ok'
      ? [result.key, result.accountId ?? '', count(result.value.customMetrics), count(result.value.dashboards), count(result.value.metricAlarms + result.value.compositeAlarms), 'ok']
      : [result.key, result.accountId ?? '', '', '', '', `failed: ${result.failure.message}${result.failure.missingAction ? ` (needs ${result.failure.missingAction})` : ''}`],
  );
  const { totals } = inventory;
  rows.push([
    `total (${count(totals.targetsRead)} of ${count(totals.targetsRead + totals.targetsFailed)} targets${totals.partial ? ', PARTIAL' : ''})`,
    '',
    count(totals.customMetrics),
    count(totals.dashboards),
    count(totals.metricAlarms + totals.compositeAlarms),
    totals.partial ? `${count(totals.targetsFailed)} failed` : '',
  ]);
  return renderTextTable(
    [{ header: 'target' }, { header: 'account' }, { header: 'custom metrics', align: 'right' }, { header: 'dashboards', align: 'right' }, { header: 'alarms', align: 'right' }, { header: 'status' }],
    rows,
  );
}
