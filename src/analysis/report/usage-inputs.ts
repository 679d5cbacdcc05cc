/**
 * Loads everything that reads metrics into one usage index: dashboard definitions (`dashboards/*.ts`) or body JSON
 * files, an alarms file, and, with `--account`, the account's own dashboards and alarms.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import type { AccountInventory } from '../../sources/account/inventory.js';
import { InputError } from '../../shared/errors.js';
import { readError } from '../../shared/files.js';
import { compareStrings } from '../../shared/json.js';
import type { DashboardFacts } from '../rules/context.js';
import { consoleReads } from '../usage/console-reads.js';
import { alarmReads, describeAlarmsSchema, loadAlarmsFile } from '../usage/alarm-reads.js';
import { dashboardReads, type DashboardInput } from '../usage/dashboard-reads.js';
import type { ReadsResult } from '../usage/metric-read.js';
import { buildUsageIndex, type UsageIndex } from '../usage/usage-index.js';

export interface UsageInputOptions {
  readonly cwd: string;
  /**
   * Definition files (`.ts`), body JSON files (built, or `aws cloudwatch get-dashboard` output), or directories holding
   * either.
   */
  readonly dashboards: readonly string[];
  /**
   * `--no-usage`: the report may rest on no dashboard and no alarm (every metric then reads as unread). Without it, a
   * usage input that yields nothing is an error, so a wrong path can never turn into "delete everything".
   */
  readonly allowNoUsage?: boolean | undefined;
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
  for (const path of options.dashboards) {
    const loaded = await loadDashboards(path, options);
    if (loaded.length === 0) refuseNoUsage(options, 'no dashboard: the folder holds no definition (.ts) and no body (.json)', path);
    dashboards.push(...loaded);
  }
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
    if (fromFile.metricAlarms + fromFile.compositeAlarms === 0) refuseNoUsage(options, 'no alarm: the file lists no MetricAlarms or CompositeAlarms', options.alarmsFile);
    results.push({ reads: fromFile.reads.map((read) => ({ ...read, source: { ...read.source, file: rel(options.cwd, options.alarmsFile!) } })), problems: fromFile.problems });
    alarms += fromFile.metricAlarms + fromFile.compositeAlarms;
  }
  if (options.account) {
    // The SDK's shapes are what the AWS CLI prints, so the same schema reads them.
    const fromAccount = alarmReads(describeAlarmsSchema.parse(JSON.parse(JSON.stringify(options.account.alarms))));
    results.push(fromAccount);
    alarms += fromAccount.metricAlarms + fromAccount.compositeAlarms;
  }
  if (facts.length === 0 && alarms === 0 && options.account === undefined) {
    refuseNoUsage(options, 'no dashboard and no alarm to read usage from: every metric would count as unread');
  }
  return { usage: buildUsageIndex(results), dashboards: facts, alarms };
}

/**
 * A usage input that yields nothing makes every metric "unread" and the fix "drop everything", so it is an error
 * unless the user says `--no-usage`.
 */
function refuseNoUsage(options: UsageInputOptions, message: string, path?: string): void {
  if (options.allowNoUsage === true) return;
  throw new InputError(message, {
    ...(path === undefined ? {} : { location: { file: rel(options.cwd, path) } }),
    fix: 'pass --dashboards (definitions, built bodies such as dist/dashboards, or get-dashboard output) and/or --alarms; or --no-usage to report with no readers',
  });
}

async function loadDashboards(path: string, options: UsageInputOptions): Promise<DashboardInput[]> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(path)).isDirectory();
  } catch (error) {
    throw readError(path, 'dashboards directory or body file', error);
  }
  if (!isDirectory) return path.endsWith('.ts') ? definitionsOf(path, options) : [await loadBodyFile(path, options)];
  // A folder of definitions, of built bodies (`cwdash build`'s output) or of downloaded ones: each file by its kind.
  const names = (await readdir(path)).sort(compareStrings);
  const hasDefinitions = names.some((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'));
  const dashboards = hasDefinitions ? await definitionsOf(path, options) : [];
  for (const name of names.filter((entry) => entry.toLowerCase().endsWith('.json'))) dashboards.push(await loadBodyFile(join(path, name), options));
  return dashboards;
}

/** The dashboards of one definition file, or of every definition in a folder (loaded as one module graph). */
async function definitionsOf(path: string, options: UsageInputOptions): Promise<DashboardInput[]> {
  const { loadDashboardDefinition, loadDashboardDefinitions } = await import('../../sources/definitions/load.js');
  const load = { defaultRegion: options.defaultRegion };
  const loaded = path.endsWith('.ts') ? await loadDashboardDefinition(path, load) : await loadDashboardDefinitions(path, load);
  return loaded.map((dashboard) => ({ name: dashboard.name, body: dashboard.body, file: rel(options.cwd, dashboard.sourceFile) }));
}

async function loadBodyFile(path: string, options: UsageInputOptions): Promise<DashboardInput> {
  const { readDashboardBodyFile } = await import('../../sources/definitions/body-file.js');
  const file = await readDashboardBodyFile(path, rel(options.cwd, path));
  return { name: file.dashboardName ?? basename(path).replace(/\.json$/i, ''), body: file.body, file: rel(options.cwd, path) };
}

/** Paths in reports are relative to where cwdash runs, with `/`, so SARIF and baselines travel between machines. */
export function rel(cwd: string, path: string): string {
  const relativePath = relative(cwd, path);
  return (relativePath.startsWith('..') ? path : relativePath).split('\\').join('/');
}
