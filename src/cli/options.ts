/** Option groups several commands share, declared once so their names and help text cannot drift. */
import type { Argv } from 'yargs';
import type { AppContext } from '../app/context.js';
import { warn, type Io } from '../shared/io.js';

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

export interface AwsOptions {
  readonly profile?: string | undefined;
  readonly region?: string | undefined;
  readonly endpointUrl?: string | undefined;
}

/** Every command receives the global `--project-config` flag; `loadProjectConfig(io.cwd, options.projectConfig)`. */
export interface GlobalOptions {
  readonly projectConfig?: string | undefined;
  readonly debug?: boolean | undefined;
}

/** What a use case gets from the process: the CLI's cwd, environment and stdin, and the global --project-config. */
export function appContext(io: Io, options: GlobalOptions, extra: Pick<AppContext, 'progress'> = {}): AppContext {
  return { cwd: io.cwd, env: io.env, stdin: io.stdin, now: () => new Date(), warn: (message) => warn(io, message), projectConfig: options.projectConfig, ...extra };
}
