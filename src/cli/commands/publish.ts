/** `cwdash publish`: validate every definition, compare with the account, and write only what changed. */
import { z } from 'zod';
import { defineCommand } from '../command.js';
import { flag, text } from '../flags.js';
import { appContext, awsFlags, dashboardsDirFlag, outputFlags } from '../options.js';
import { writeCommandOutput } from '../output.js';

/** The options `publish` and `diff` share, declared once. */
export const deploymentOptions = {
  ...awsFlags,
  ...outputFlags(['table', 'json'], 'table'),
  dashboards: dashboardsDirFlag(),
  only: flag(z.array(text).optional(), 'only these dashboards (by DashboardName); repeatable'),
  prefix: flag(z.string().optional(), 'dashboard name prefix cwdash manages: every definition must start with it, and --prune deletes only under it (default: prefix in cwdash.config.ts)'),
  prune: flag(z.boolean().default(false), 'also delete dashboards under --prefix that are no longer defined'),
};

export const publishOptions = {
  ...deploymentOptions,
  dryRun: flag(z.boolean().default(false), 'print the plan with its diffs and send nothing'),
  yes: flag(z.boolean().default(false), 'delete without asking (needed for --prune when nobody can answer, as in CI)'),
};

export const publishCommand = defineCommand({
  examples: [
    ['$0 publish --region us-east-1', 'publish every definition in ./dashboards'],
    ['$0 publish --dry-run', 'print the plan (create / update / unchanged) and send nothing'],
    ['$0 publish --prefix team-a- --prune --yes', 'also delete team-a-* dashboards that are no longer defined, without asking'],
    ['$0 publish --only team-a-api --profile prod', 'publish one dashboard with the "prod" profile'],
  ],
  options: publishOptions,
  async run(options, io) {
    const { publish } = await import('../../app/publish.js');
    const { confirmDeletion } = await import('../confirm.js');
    const { createProgress } = await import('../../sources/account/progress.js');
    const { printValidationMessages } = await import('../../outputs/validation-report.js');
    const { renderPlanJson, renderPlanText } = await import('../../outputs/deployment-plan.js');
    const { reportApplyResult } = await import('../../outputs/apply-report.js');
    const { colorEnabled } = await import('../../shared/io.js');
    const color = options.out === undefined && colorEnabled(io, io.stdout);
    const render = (report: Parameters<typeof renderPlanJson>[0]) =>
      options.format === 'json' ? renderPlanJson(report) : renderPlanText(report, { showDiff: report.dryRun === true, color });

    const published = await publish(
      { ...options, confirmDeletes: (names) => confirmDeletion(io, names) },
      appContext(io, options, { progress: createProgress(io) }),
    );
    printValidationMessages(io, published.validation);
    if (published.stopped) throw published.stopped;
    const { plan, result } = published;
    if (result === undefined) {
      await writeCommandOutput(render({ plan, dryRun: true }), options, io);
      return 0;
    }
    await writeCommandOutput(render({ plan, result }), options, io);
    reportApplyResult(plan, result, io);
    return 0;
  },
});
