/**
 * `cwdash usage` from flags: each source from its flag, else the project config; then the listing as JSON or a
 * table. A source's unreadable file is listed under problems and the rest still comes out; a path that does not exist
 * is bad input (exit 2).
 */
import { resolve } from 'node:path';
import { listUsage } from '../app/usage.js';
import { loadProjectConfig } from '../config/project-config.js';
import type { ExitCode } from '../shared/errors.js';
import { UsageError } from '../shared/errors.js';
import { writeFileAtomic } from '../shared/files.js';
import type { Io } from '../shared/io.js';
import type { UsageOptions } from './commands/usage.js';
import { fetchAccount } from './cost-report-run.js';
import { readWithinDays } from './options.js';

export async function runUsage(options: UsageOptions, io: Io): Promise<ExitCode> {
  const { config: project } = await loadProjectConfig(io.cwd, options.projectConfig);
  const today = options.date ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError(`--date "${today}" is not a date`, { fix: 'write it as YYYY-MM-DD' });
  const paths = (values: readonly string[] | undefined) => values?.map((value) => resolve(io.cwd, value));
  const path = (value: string | undefined) => (value === undefined ? undefined : resolve(io.cwd, value));
  const region = options.region ?? project.region ?? nonEmpty(io.env.AWS_REGION) ?? nonEmpty(io.env.AWS_DEFAULT_REGION) ?? 'us-east-1';
  const readWithin = readWithinDays(options.readWithin);
  const account = options.account ? await fetchAccount(options, io, region, project.region, project.prefix) : undefined;
  const { listing, consulted } = await listUsage({
    cwd: io.cwd,
    dashboards: paths(options.dashboards) ?? (project.dashboardsDir ? [project.dashboardsDir] : []),
    alarmsFile: path(options.alarms) ?? project.alarmsFile,
    allowListFile: path(options.allowList) ?? project.allowListFile,
    account,
    // Definitions without a region default to this one; the listing itself shows every region's reads.
    defaultRegion: region,
    grafana: paths(options.grafana) ?? project.grafana,
    grafanaDefaultRegion: options.grafanaDefaultRegion ?? project.grafanaDefaultRegion,
    cloudtrail: paths(options.cloudtrail) ?? project.cloudtrail,
    readWithinDays: readWithin,
    today,
  });
  const text =
    options.format === 'json'
      ? (await import('../outputs/usage-json.js')).renderUsageJson(listing)
      : (await import('../outputs/usage-table.js')).renderUsageTable(listing, consulted);
  if (options.out) await writeFileAtomic(resolve(io.cwd, options.out), text, { overwrite: options.force });
  else io.stdout.write(text);
  return 0;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
