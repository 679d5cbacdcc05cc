/**
 * Loads everything that reads metrics into one usage index: dashboard definitions (`dashboards/*.ts`) or body JSON
 * files, an alarms file, and, with `--account`, the account's own dashboards and alarms.
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { AccountInventory } from '../../sources/account/inventory.js';
import { readError } from '../../shared/files.js';
import { displayPath } from '../../shared/paths.js';
import type { DashboardFacts } from '../rules/context.js';
import { consoleReads } from '../usage/console-reads.js';
import { alarmReads, describeAlarmsSchema, loadAlarmsFile } from '../usage/alarm-reads.js';
import { dashboardReads, type DashboardInput, type ReadsResult } from '../usage/dashboard-reads.js';
import { buildUsageIndex, type UsageIndex } from '../usage/usage-index.js';

export interface UsageInputOptions {
  readonly cwd: string;
  /** Directories of definitions, or body JSON files (built, or `aws cloudwatch get-dashboard` output). */
  readonly dashboards: readonly string[];
  readonly alarmsFile?: string | undefined;
  readonly account?: AccountInventory | undefined;
  readonly defaultRegion?: string | undefined;
}

export interface UsageInputs {
  readonly usage: UsageIndex;
  readonly dashboards: DashboardFacts[];
  readonly alarms: number;
}

export async function loadUsageInputs(options: UsageInputOptions): Promise<UsageInputs> {
  const dashboards: DashboardInput[] = [];
  for (const path of options.dashboards) dashboards.push(...(await loadDashboards(path, options)));
  for (const remote of options.account?.dashboards ?? []) {
    // A dashboard that is both defined here and deployed is one dashboard (and one bill): the local one is read.
    if (!dashboards.some((local) => local.name === remote.name)) dashboards.push({ name: remote.name, body: remote.body });
  }
  const results: ReadsResult[] = [consoleReads()];
  const facts: DashboardFacts[] = [];
  for (const dashboard of dashboards) {
    const result = dashboardReads(dashboard);
    results.push(result);
    facts.push({ name: dashboard.name, file: dashboard.file, metricCount: result.reads.length });
  }
  let alarms = 0;
  if (options.alarmsFile !== undefined) {
    const fromFile = await loadAlarmsFile(options.alarmsFile);
    results.push({ reads: fromFile.reads.map((read) => ({ ...read, source: { ...read.source, file: displayPath(options.cwd, options.alarmsFile!) } })), problems: fromFile.problems });
    alarms += fromFile.metricAlarms + fromFile.compositeAlarms;
  }
  if (options.account) {
    // The SDK's shapes are what the AWS CLI prints, so the same schema reads them.
    const fromAccount = alarmReads(describeAlarmsSchema.parse(JSON.parse(JSON.stringify(options.account.alarms))));
    results.push(fromAccount);
    alarms += fromAccount.metricAlarms + fromAccount.compositeAlarms;
  }
  return { usage: buildUsageIndex(results), dashboards: facts, alarms };
}

async function loadDashboards(path: string, options: UsageInputOptions): Promise<DashboardInput[]> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(path)).isDirectory();
  } catch (error) {
    throw readError(path, 'dashboards directory or body file', error);
  }
  if (isDirectory) {
    const { loadDashboardDefinitions } = await import('../../sources/definitions/load.js');
    const loaded = await loadDashboardDefinitions(path, { defaultRegion: options.defaultRegion });
    return loaded.map((dashboard) => ({ name: dashboard.name, body: dashboard.body, file: displayPath(options.cwd, dashboard.sourceFile) }));
  }
  const { readDashboardBodyFile } = await import('../../sources/definitions/body-file.js');
  const file = await readDashboardBodyFile(path);
  return [{ name: file.dashboardName ?? basename(path).replace(/\.json$/i, ''), body: file.body, file: displayPath(options.cwd, path) }];
}
