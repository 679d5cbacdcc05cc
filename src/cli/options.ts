/** Flags several commands share, declared once so their names, help text and validation cannot drift. */
import { z } from 'zod';
import type { AppContext } from '../app/context.js';
import { DEFAULT_DASHBOARDS_DIR } from '../app/defaults.js';
import { UsageError } from '../shared/errors.js';
import { warn, type Io } from '../shared/io.js';
import { flag, text } from './flags.js';
import { GLOBAL_FLAG_HELP } from './global-flags.js';

/** Every command takes these (main declares them once, on the top level, with the same help). */
export const globalFlags = {
  projectConfig: flag(text.optional(), GLOBAL_FLAG_HELP.projectConfig),
  debug: flag(z.boolean().optional(), GLOBAL_FLAG_HELP.debug),
};

const AWS = 'AWS:';
export const awsFlags = {
  profile: flag(text.optional(), { describe: 'AWS shared-config profile (default: AWS_PROFILE or "default")', group: AWS }),
  region: flag(text.optional(), { describe: 'AWS region (default: AWS_REGION, the profile, or the project config)', group: AWS, example: 'eu-west-1' }),
  endpointUrl: flag(text.optional(), { describe: 'send AWS calls to this URL instead of the service endpoint (tests, proxies)', group: AWS }),
};

/** `--format`, `--out FILE` and `--force` of a command that prints one document. */
export function outputFlags<const F extends readonly [string, ...string[]]>(formats: F, defaultFormat: F[number]) {
  const group = 'Output:';
  return {
    format: flag(z.enum(formats).default(defaultFormat as never), { describe: 'output format', group }),
    out: flag(text.optional(), { describe: 'write the output to this file (atomically) instead of stdout', group }),
    force: forceFlag('replace --out if it already exists', group),
  };
}

/** The usage sources beyond cwdash's own dashboards and alarms, shared by `cost-report`, `audit` and `usage`. */
export function usageSourceFlags(group: string) {
  return {
    grafana: flag(z.array(text).optional(), { group, describe: 'Grafana dashboard JSON file or folder (repeatable; default: grafana in the project config)' }),
    grafanaDefaultRegion: flag(text.optional(), { group, describe: 'the Grafana CloudWatch data source\'s default region, for targets whose region is "default"' }),
    cloudtrail: flag(z.array(text).optional(), { group, describe: 'CloudTrail log files or folder (*.json.gz, lookup-events or Lake output; repeatable) for GetMetricData reads' }),
    readWithin: flag(text.optional(), { group, describe: 'count only CloudTrail reads of the last N days (30d)' }),
  };
}

/** `--read-within 30d` → 30; a usage error for anything else. */
export function readWithinDays(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)d$/.exec(value.trim());
  if (!match || Number(match[1]) === 0) throw new UsageError(`--read-within "${value}" is not a number of days`, { fix: 'write it as Nd, e.g. --read-within 30d' });
  return Number(match[1]);
}

/** `--dashboards DIR`: where the definitions are (or, for pull, go). */
export function dashboardsDirFlag(describe = 'directory of dashboard definitions') {
  return flag(text.optional(), `${describe} (default: dashboardsDir in cwdash.config.ts, else ${DEFAULT_DASHBOARDS_DIR}/)`);
}

/** `--force`: what it allows to be replaced differs per command, so each says it. */
export function forceFlag(describe: string, group?: string) {
  return flag(z.boolean().default(false), group === undefined ? describe : { describe, group });
}

export interface GlobalOptions {
  readonly projectConfig?: string | undefined;
  readonly debug?: boolean | undefined;
}

/** What a use case gets from the process: the CLI's cwd, environment and stdin, and the global --project-config. */
export function appContext(io: Io, options: GlobalOptions, extra: Pick<AppContext, 'progress'> = {}): AppContext {
  return { cwd: io.cwd, env: io.env, stdin: io.stdin, now: () => new Date(), interactive: io.stderr.isTTY === true, warn: (message) => warn(io, message), projectConfig: options.projectConfig, ...extra };
}
