/**
 * `cwdash usage`: loads the given usage sources (flags first, then the project config), lists their reads and
 * problems, and renders JSON or a table. A source's unreadable file is listed under problems and the rest still comes
 * out; a path that does not exist is bad input (exit 2).
 */
import { resolve } from 'node:path';
import { loadUsageInputs } from '../analysis/report/usage-inputs.js';
import { displayPath } from '../shared/paths.js';
import { allowListReads, loadAllowList } from '../analysis/usage/allow-list.js';
import { usageListing } from '../analysis/usage/usage-rows.js';
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
  const account = options.account ? await fetchAccount(options, io, region, project.region, project.prefix) : undefined;
  const allowListFile = path(options.allowList) ?? project.allowListFile;
  const [inputs, allowList] = await Promise.all([
    loadUsageInputs({
      cwd: io.cwd,
      dashboards: paths(options.dashboards) ?? (project.dashboardsDir ? [project.dashboardsDir] : []),
      allowNoUsage: true,
      alarmsFile: path(options.alarms) ?? project.alarmsFile,
      account,
      // The listing shows every region's reads; definitions without a region still default to this one.
      defaultRegion: region,
      grafana: paths(options.grafana) ?? project.grafana,
      grafanaDefaultRegion: options.grafanaDefaultRegion ?? project.grafanaDefaultRegion,
      cloudtrail: paths(options.cloudtrail) ?? project.cloudtrail,
      readWithinDays: readWithinDays(options.readWithin),
      today,
    }),
    allowListFile === undefined ? undefined : loadAllowList(allowListFile, today),
  ]);
  const fromAllowList = allowList ? allowListReads({ ...allowList, file: displayPath(io.cwd, allowList.file) }).reads : [];
  const listing = usageListing([...inputs.usage.reads, ...fromAllowList], inputs.usage.problems);
  const text = options.format === 'json' ? (await import('../outputs/usage-json.js')).renderUsageJson(listing) : (await import('../outputs/usage-table.js')).renderUsageTable(listing, inputs.consulted);
  if (options.out) await writeFileAtomic(resolve(io.cwd, options.out), text, { overwrite: options.force });
  else io.stdout.write(text);
  return 0;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
