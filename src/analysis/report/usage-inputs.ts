/**
 * Loads every usage source into one usage index: dashboard definitions (`dashboards/*.ts`) or body JSON files, an
 * alarms file, Grafana dashboards, CloudTrail metric reads, and, with `--account`, the account's own dashboards,
 * alarms, metric streams and anomaly detectors; plus the AWS consoles. Each source says what it consulted, and a
 * source not given is listed as such, so the report can say what "unread" rests on.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { AccountInventory } from '../../sources/account/inventory.js';
import { InputError } from '../../shared/errors.js';
import { readError } from '../../shared/files.js';
import { compareStrings } from '../../shared/json.js';
import { displayPath } from '../../shared/paths.js';
import type { DashboardFacts } from '../rules/context.js';
import { accountReaderReads } from '../usage/account-readers.js';
import { loadCloudTrailSource } from '../usage/cloudtrail-source.js';
import { CONSOLE_NAMESPACES, consoleReads } from '../usage/console-reads.js';
import { loadGrafanaSource } from '../usage/grafana-source.js';
import { notGiven, plural, type ConsultedSource } from '../usage/usage-source.js';
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
  /** The report's region: definitions default to it, and reads of another region do not count. */
  readonly defaultRegion?: string | undefined;
  /** `--grafana` files or directories of Grafana dashboard JSON. */
  readonly grafana?: readonly string[] | undefined;
  /** The Grafana CloudWatch data source's default region, for targets whose region is `default`. */
  readonly grafanaDefaultRegion?: string | undefined;
  /** `--cloudtrail` files or directories of CloudTrail logs, lookup-events output or Lake results. */
  readonly cloudtrail?: readonly string[] | undefined;
  /** `--read-within N d`: only CloudTrail reads of the last N days before `today` count. */
  readonly readWithinDays?: number | undefined;
  /** YYYY-MM-DD, the report date. */
  readonly today?: string | undefined;
}

export interface UsageInputs {
  readonly usage: UsageIndex;
  readonly dashboards: DashboardFacts[];
  readonly alarms: number;
  /** Every usage source, given or not, in a fixed order. */
  readonly consulted: ConsultedSource[];
}

export async function loadUsageInputs(options: UsageInputOptions): Promise<UsageInputs> {
  const dashboards: DashboardInput[] = [];
  for (const path of options.dashboards) {
    const loaded = await loadDashboards(path, options);
    if (loaded.length === 0) refuseNoUsage(options, 'no dashboard: the folder holds no definition (.ts) and no body (.json)', path);
    dashboards.push(...loaded);
  }
  const localDashboards = dashboards.length;
  for (const remote of options.account?.dashboards ?? []) {
    // A dashboard that is both defined here and deployed is one dashboard (and one bill): the local one is read.
    if (!dashboards.some((local) => local.name === remote.name)) dashboards.push({ name: remote.name, body: remote.body });
  }
  const results: ReadsResult[] = [];
  const facts: DashboardFacts[] = [];
  for (const dashboard of dashboards) {
    const result = dashboardReads(dashboard);
    results.push(result);
    facts.push({ name: dashboard.name, file: dashboard.file, metricCount: result.reads.length });
  }
  const consulted: ConsultedSource[] = [
    options.dashboards.length > 0
      ? { label: DASHBOARDS_LABEL, given: true, summary: `${plural(localDashboards, 'dashboard')} (${options.dashboards.map((path) => displayPath(options.cwd, path)).join(', ')})` }
      : notGiven(DASHBOARDS_LABEL, '--dashboards DIR|FILE').consulted,
  ];
  let alarms = 0;
  if (options.alarmsFile !== undefined) {
    const fromFile = await loadAlarmsFile(options.alarmsFile);
    if (fromFile.metricAlarms + fromFile.compositeAlarms === 0) refuseNoUsage(options, 'no alarm: the file lists no MetricAlarms or CompositeAlarms', options.alarmsFile);
    results.push({ reads: fromFile.reads.map((read) => ({ ...read, source: { ...read.source, file: displayPath(options.cwd, options.alarmsFile!) } })), problems: fromFile.problems });
    alarms += fromFile.metricAlarms + fromFile.compositeAlarms;
    consulted.push({ label: ALARMS_LABEL, given: true, summary: `${plural(alarms, 'alarm')} (${displayPath(options.cwd, options.alarmsFile)})` });
  } else consulted.push(notGiven(ALARMS_LABEL, '--alarms FILE').consulted);
  const show = (path: string) => displayPath(options.cwd, path);
  const grafana = await loadGrafanaSource(options.grafana ?? [], { show, defaultRegion: options.grafanaDefaultRegion });
  const since = options.readWithinDays === undefined || options.today === undefined ? undefined : daysBefore(options.today, options.readWithinDays);
  const cloudtrail = await loadCloudTrailSource(options.cloudtrail ?? [], { show, since, within: options.readWithinDays === undefined ? undefined : `${options.readWithinDays}d` });
  results.push(grafana, cloudtrail);
  consulted.push(grafana.consulted, cloudtrail.consulted);
  if (options.account) {
    // The SDK's shapes are what the AWS CLI prints, so the same schema reads them.
    const fromAccount = alarmReads(describeAlarmsSchema.parse(JSON.parse(JSON.stringify(options.account.alarms))));
    const readers = accountReaderReads(options.account.readers);
    results.push(fromAccount, readers);
    alarms += fromAccount.metricAlarms + fromAccount.compositeAlarms;
    const { metricStreams, anomalyDetectors, problems } = options.account.readers;
    consulted.push({
      label: ACCOUNT_LABEL,
      given: true,
      summary:
        `${plural(options.account.dashboards.length, 'dashboard')}, ${plural(fromAccount.metricAlarms + fromAccount.compositeAlarms, 'alarm')}, ` +
        `${plural(metricStreams.length, 'metric stream')}, ${plural(anomalyDetectors.length, 'anomaly detector')}` +
        (problems.length > 0 ? `; not consulted: ${problems.map((problem) => problem.split(':')[0]).join(', ')}` : ''),
    });
  } else consulted.push(notGiven(ACCOUNT_LABEL, '--account').consulted);
  results.push(consoleReads());
  consulted.push({ label: CONSOLES_LABEL, given: true, summary: CONSOLE_NAMESPACES.map((entry) => `${entry.console} reads every metric in ${entry.namespace}`).join('; ') });
  const givenElsewhere = grafana.consulted.given || cloudtrail.consulted.given;
  if (facts.length === 0 && alarms === 0 && options.account === undefined && !givenElsewhere) {
    refuseNoUsage(options, 'no dashboard and no alarm to read usage from: every metric would count as unread');
  }
  const scope = { region: options.defaultRegion, account: options.account ? accountIdOf(options.account) : undefined };
  return { usage: buildUsageIndex(results, scope), dashboards: facts, alarms, consulted };
}

/**
 * The live account's id, from the ARN of any of its alarms or metric streams: a dashboard widget whose `accountId` is
 * another account (a monitoring account's view of a source account) then reads that account's metrics, not these.
 * Unknown without either, and then such reads count for this account too (broader is safe).
 */
function accountIdOf(account: AccountInventory): string | undefined {
  const arns = [
    ...account.alarms.MetricAlarms.map((alarm) => alarm.AlarmArn),
    ...account.alarms.CompositeAlarms.map((alarm) => alarm.AlarmArn),
    ...account.readers.metricStreams.map((stream) => stream.Arn),
  ];
  for (const arn of arns) {
    const id = arn?.split(':')[4];
    if (id && /^\d{12}$/.test(id)) return id;
  }
  return undefined;
}

export const DASHBOARDS_LABEL = 'cwdash dashboards';
export const ALARMS_LABEL = 'alarms';
export const ACCOUNT_LABEL = 'account readers';
export const CONSOLES_LABEL = 'AWS consoles';

/** `today` minus `days`, as the ISO instant CloudTrail times are compared with. */
function daysBefore(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString();
}

/**
 * A usage input that yields nothing makes every metric "unread" and the fix "drop everything", so it is an error
 * unless the user says `--no-usage`.
 */
function refuseNoUsage(options: UsageInputOptions, message: string, path?: string): void {
  if (options.allowNoUsage === true) return;
  throw new InputError(message, {
    ...(path === undefined ? {} : { location: { file: displayPath(options.cwd, path) } }),
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
  return loaded.map((dashboard) => ({ name: dashboard.name, body: dashboard.body, file: displayPath(options.cwd, dashboard.sourceFile) }));
}

async function loadBodyFile(path: string, options: UsageInputOptions): Promise<DashboardInput> {
  const { readDashboardBodyFile } = await import('../../sources/definitions/body-file.js');
  const file = await readDashboardBodyFile(path, displayPath(options.cwd, path));
  return { name: file.dashboardName ?? basename(path).replace(/\.json$/i, ''), body: file.body, file: displayPath(options.cwd, path) };
}
