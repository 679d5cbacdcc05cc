/**
 * `cwdash inventory`: the custom metrics, dashboards and alarms each account and region holds, read live. One account
 * (the current credentials) by default; every target of `--targets FILE` or of `--organization` with `--role-name`.
 * Exit 3 when some targets could not be read (the others are listed).
 */
import { z } from 'zod';
import { defineCommand } from '../command.js';
import { flag } from '../flags.js';
import { awsFlags, outputFlags } from '../options.js';
import { writeCommandOutput } from '../output.js';
import { targetFlags } from './targets.js';

export const inventoryCommand = defineCommand({
  examples: [
    ['$0 inventory --region eu-west-1', 'the current account in one region'],
    ['$0 inventory --targets cwdash-targets.yaml --concurrency 8', 'every account and region of the targets file'],
    ['$0 inventory --organization --role-name cwdash-read --regions eu-west-1 us-east-1 --format json', 'every active account of the organization'],
  ],
  options: {
    ...awsFlags,
    ...outputFlags(['table', 'json'], 'table'),
    ...targetFlags,
    recentlyActive: flag(z.boolean().default(false), { describe: 'only metrics that received data in the past three hours', group: 'Inputs:' }),
  },
  async run(options, io) {
    const { organizationInventory } = await import('../../app/inventory.js');
    const { renderInventoryJson, renderInventoryTable } = await import('../../outputs/inventory-report.js');
    const { createProgress } = await import('../../sources/account/progress.js');
    const inventory = await organizationInventory(options, { env: io.env, cwd: io.cwd, progress: createProgress(io) });
    await writeCommandOutput(options.format === 'json' ? renderInventoryJson(inventory) : renderInventoryTable(inventory), options, io);
    return inventory.totals.partial ? 3 : 0;
  },
});
