/**
 * The flags that choose accounts and regions, declared once for `inventory`, `cost-report`, `audit` and `targets`;
 * and `cwdash targets`, which lists (and so validates) the units a run would cover, as JSON for a CI matrix.
 */
import type { Argv } from 'yargs';
import { defineCommand } from '../command.js';
import { withAwsOptions, type AwsOptions, type GlobalOptions } from '../options.js';

export interface TargetOptions {
  readonly targets?: string | undefined;
  readonly organization: boolean;
  readonly roleName?: string | undefined;
  readonly regions?: readonly string[] | undefined;
  readonly only?: readonly string[] | undefined;
  readonly concurrency?: number | undefined;
}

export function withTargetOptions<T>(argv: Argv<T>) {
  const group = 'Targets:';
  return argv
    .option('targets', { type: 'string', group, describe: 'YAML list of accounts and regions: {name, accountId?, profile? | roleArn?, externalId?, regions}' })
    .option('organization', { type: 'boolean', default: false, group, describe: 'every active account of the AWS Organization (ListAccounts), through --role-name' })
    .option('role-name', { type: 'string', group, describe: 'with --organization: the role assumed in each account (arn:aws:iam::<id>:role/NAME)' })
    .option('regions', { type: 'string', array: true, group, describe: 'with --organization: the regions to read in every account' })
    .option('only', { type: 'string', array: true, group, describe: 'only these targets: a name, or name/region (repeatable)' })
    .option('concurrency', { type: 'number', group, describe: 'targets read at once (default 4: well inside every account\'s API quotas)' });
}

interface TargetsCommandOptions extends GlobalOptions, AwsOptions, TargetOptions {
  readonly format: 'table' | 'json';
}

export const targetsCommand = defineCommand<TargetsCommandOptions>({
  command: 'targets',
  describe: 'list the accounts and regions a --targets file or --organization covers (JSON: a CI matrix)',
  examples: [['$0 targets --targets cwdash-targets.yaml --format json', 'one {key, name, accountId, region} entry per account and region']],
  builder: (argv) =>
    withTargetOptions(withAwsOptions(argv)).option('format', { choices: ['table', 'json'] as const, default: 'table' as const, describe: 'output format', group: 'Output:' }) as unknown as Argv<TargetsCommandOptions>,
  async run(options, io) {
    const { chooseTargets } = await import('../../app/inventory.js');
    const units = await chooseTargets(options, { env: io.env, cwd: io.cwd });
    const rows = units.map((unit) => ({ key: unit.key, name: unit.target.name, accountId: unit.accountId ?? null, region: unit.region }));
    if (options.format === 'json') {
      io.stdout.write(`${JSON.stringify(rows)}\n`);
    } else {
      const { renderTextTable } = await import('../../outputs/text-table.js');
      io.stdout.write(renderTextTable([{ header: 'target' }, { header: 'account' }, { header: 'region' }], rows.map((row) => [row.key, row.accountId ?? '', row.region])));
    }
    return 0;
  },
});
