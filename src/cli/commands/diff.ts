/** `cwdash diff`: the publish plan alone, with a JSON diff per changed dashboard; exit 1 when anything would change. */
import { defineCommand } from '../command.js';
import { appContext } from '../options.js';
import { writeCommandOutput } from '../output.js';
import { deploymentOptions } from './publish.js';

export const diffCommand = defineCommand({
  examples: [
    ['$0 diff', 'what publish would create or update, with a readable JSON diff per dashboard'],
    ['$0 diff --prefix team-a- --prune --format json', 'also what it would delete, as JSON for CI'],
  ],
  options: deploymentOptions,
  async run(options, io) {
    const { diff } = await import('../../app/diff.js');
    const { createProgress } = await import('../../sources/account/progress.js');
    const { printValidationMessages } = await import('../../outputs/validation-report.js');
    const { renderPlanJson, renderPlanText } = await import('../../outputs/deployment-plan.js');
    const { colorEnabled } = await import('../../shared/io.js');
    const result = await diff(options, appContext(io, options, { progress: createProgress(io) }));
    printValidationMessages(io, result.validation);
    if (result.stopped) throw result.stopped;
    const color = options.out === undefined && colorEnabled(io, io.stdout);
    const { plan } = result;
    await writeCommandOutput(options.format === 'json' ? renderPlanJson({ plan }) : renderPlanText({ plan }, { showDiff: true, color }), options, io);
    return result.changes ? 1 : 0;
  },
});
