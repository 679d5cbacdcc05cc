/** Option groups several commands share, declared once so their names and help text cannot drift. */
import type { Argv } from 'yargs';
import { UsageError } from '../shared/errors.js';
export type { AwsOptions } from '../sources/aws/options.js';

export function withAwsOptions<T>(argv: Argv<T>) {
  return argv
    .option('profile', { type: 'string', describe: 'AWS shared-config profile (default: AWS_PROFILE or "default")', group: 'AWS:' })
    .option('region', { type: 'string', describe: 'AWS region (default: AWS_REGION, the profile, or the project config)', group: 'AWS:' })
    .option('endpoint-url', {
      type: 'string',
      describe: 'send AWS calls to this URL instead of the service endpoint (tests, proxies)',
      group: 'AWS:',
    });
}

export function withOutputOptions<T, F extends string>(argv: Argv<T>, formats: readonly F[], defaultFormat: F) {
  return argv
    .option('format', { choices: formats, default: defaultFormat, describe: 'output format', group: 'Output:' })
    .option('out', { type: 'string', describe: 'write the output to this file (atomically) instead of stdout', group: 'Output:' })
    .option('force', { type: 'boolean', default: false, describe: 'replace --out if it already exists', group: 'Output:' });
}

/** Every command receives the global `--project-config` flag; `loadProjectConfig(io.cwd, options.projectConfig)`. */
export interface GlobalOptions {
  readonly projectConfig?: string | undefined;
  readonly debug?: boolean | undefined;
}

/** The usage sources beyond cwdash's own dashboards and alarms, shared by `cost-report`, `audit` and `usage`. */
export function withUsageSourceOptions<T>(argv: Argv<T>, group: string) {
  return argv
    .option('grafana', { type: 'string', array: true, group, describe: 'Grafana dashboard JSON file or folder (repeatable; default: grafana in the project config)' })
    .option('grafana-default-region', { type: 'string', group, describe: 'the Grafana CloudWatch data source\'s default region, for targets whose region is "default"' })
    .option('cloudtrail', { type: 'string', array: true, group, describe: 'CloudTrail log files or folder (*.json.gz, lookup-events or Lake output; repeatable) for GetMetricData reads' })
    .option('read-within', { type: 'string', group, describe: 'count only CloudTrail reads of the last N days (30d)' });
}

/** `--read-within 30d` → 30; a usage error for anything else. */
export function readWithinDays(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)d$/.exec(value.trim());
  if (!match || Number(match[1]) === 0) throw new UsageError(`--read-within "${value}" is not a number of days`, { fix: 'write it as Nd, e.g. --read-within 30d' });
  return Number(match[1]);
}
