/** Option groups several commands share, declared once so their names and help text cannot drift. */
import type { Argv } from 'yargs';
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
