/**
 * The flags that choose accounts and regions, declared once for `inventory` and `targets`; and `cwdash targets`,
 * which lists (and so validates) the units a run would cover, as JSON for a CI matrix.
 */
import { z } from 'zod';
import { defineCommand } from '../command.js';
import { flag, text, wholeNumber } from '../flags.js';
import { awsFlags } from '../options.js';

const group = 'Targets:';

export const targetFlags = {
  targets: flag(text.optional(), { group, describe: 'YAML list of accounts and regions: {name, accountId?, profile? | roleArn?, externalId?, regions}' }),
  organization: flag(z.boolean().default(false), { group, describe: 'every active account of the AWS Organization (ListAccounts), through --role-name' }),
  roleName: flag(text.optional(), { group, describe: 'with --organization: the role assumed in each account (arn:aws:iam::<id>:role/NAME)' }),
  regions: flag(z.array(text).optional(), { group, describe: 'with --organization: the regions to read in every account' }),
  only: flag(z.array(text).optional(), { group, describe: 'only these targets: a name, or name/region (repeatable)' }),
  concurrency: flag(wholeNumber(1).optional(), { group, describe: "targets read at once (default 4: well inside every account's API quotas)", example: '4' }),
};

export const targetsCommand = defineCommand({
  examples: [['$0 targets --targets cwdash-targets.yaml --format json', 'one {key, name, accountId, region} entry per account and region']],
  options: {
    ...awsFlags,
    ...targetFlags,
    format: flag(z.enum(['table', 'json']).default('table'), { describe: 'output format', group: 'Output:' }),
  },
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
