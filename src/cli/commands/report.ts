/**
 * `cwdash report merge FILE|DIR...`: JSON cost reports of several runs (one CI matrix job per account and region) as
 * one report, in every format. With `--fail-on` it judges the merged findings like `audit` (exit 1), with `--budget`
 * the organisation's total; exit 3 when a target in the reports could not be read and nothing else failed.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { defineCommand } from '../command.js';
import { flag, nonNegativeNumber, text } from '../flags.js';
import { outputFlags } from '../options.js';
import { writeCommandOutput } from '../output.js';
import { CWDASH_VERSION } from '../version.js';
import { REPORT_FORMATS } from '../../outputs/report-formats.js';

const group = 'Merge:';

export const reportCommand = defineCommand({
  examples: [
    ['$0 report merge reports/ --format markdown >> "$GITHUB_STEP_SUMMARY"', 'every *.json report below reports/, merged, as Markdown'],
    ['$0 report merge a.json b.json --budget 5000 --fail-on warning --sarif org.sarif', 'judge the organisation total and findings; SARIF for code scanning'],
  ],
  options: {
    action: flag(z.enum(['merge']), { describe: 'merge the given cost reports', positional: true }),
    inputs: flag(z.array(text).min(1), { describe: 'cost report JSON files (cost-report --format json), or folders of them', positional: true }),
    ...outputFlags(REPORT_FORMATS, 'table'),
    budget: flag(nonNegativeNumber('an amount in USD').optional(), { group, describe: "the organisation's monthly budget in USD: over it is an error finding", example: '5000' }),
    failOn: flag(z.enum(['error', 'warning', 'note']).optional(), { group, describe: 'exit 1 when a merged finding is at or above this severity' }),
    sarif: flag(text.optional(), { group, describe: 'also write SARIF 2.1.0 of the merged report to this file (replaced if it exists)' }),
  },
  async run(options, io) {
    const { mergeReportFiles } = await import('../../app/report-merge.js');
    const { renderReport } = await import('../../outputs/report-formats.js');
    const { SEVERITY_RANK } = await import('../../analysis/report/cost-report.js');
    const { info } = await import('../../shared/io.js');
    const report = await mergeReportFiles({ inputs: options.inputs, budget: options.budget }, { cwd: io.cwd });
    const rendering = { toolVersion: CWDASH_VERSION, fallbackLocation: 'cwdash-targets.yaml' };
    await writeCommandOutput(await renderReport(report, options.format, rendering), options, io);
    if (options.sarif) {
      const { writeFileAtomic } = await import('../../shared/files.js');
      await writeFileAtomic(resolve(io.cwd, options.sarif), await renderReport(report, 'sarif', rendering), { overwrite: true });
    }
    const failOn = options.failOn;
    const failing = failOn === undefined ? [] : report.findings.filter((finding) => SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[failOn]);
    for (const finding of failing) info(io, `${finding.severity}: ${finding.rule}: ${finding.target ? `${finding.target}: ` : ''}${finding.message}`);
    if (failing.length > 0) {
      info(io, `report merge: ${failing.length} finding(s) at ${failOn} or above`);
      return 1;
    }
    const unread = (report.targets ?? []).filter((target) => target.status === 'failed');
    if (unread.length > 0) info(io, `report merge: ${unread.length} target(s) could not be read: ${unread.map((target) => target.key).join(', ')}; the totals are incomplete`);
    return unread.length > 0 ? 3 : 0;
  },
});
