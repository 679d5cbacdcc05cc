/**
 * `cwdash audit`: the cost report for CI. Exit 0 when clean, 1 when findings at or above --fail-on are new since the
 * baseline, 2 on bad input. Appends a Markdown summary to $GITHUB_STEP_SUMMARY when it is set and writes SARIF for
 * code scanning with --sarif.
 */
import { resolve } from 'node:path';
import type { Argv } from 'yargs';
import { defineCommand } from '../command.js';
import { withCostInputOptions, type CostInputOptions } from './cost-report.js';

interface AuditOptions extends CostInputOptions {
  readonly failOn: 'error' | 'warning' | 'note';
  readonly baseline?: string | undefined;
  readonly writeBaseline: boolean;
  readonly sarif?: string | undefined;
  readonly allowUnpriced: boolean;
}

export const auditCommand = defineCommand<AuditOptions>({
  command: 'audit',
  describe: 'the cost report for CI: fail on findings at or above a severity that are new since the baseline',
  examples: [
    ['$0 audit --fail-on warning --sarif cwdash.sarif', 'fail on warnings and errors; SARIF for GitHub code scanning'],
    ['$0 audit --baseline cwdash-baseline.json --write-baseline', 'accept every current finding (run once, commit the file)'],
    ['$0 audit --baseline cwdash-baseline.json --budget 50', 'fail only on new findings, or when the month goes over $50'],
  ],
  builder: (argv) =>
    withCostInputOptions(argv, 'table')
      .option('fail-on', { choices: ['error', 'warning', 'note'] as const, default: 'error' as const, group: 'Audit:', describe: 'lowest severity that fails the run' })
      .option('baseline', { type: 'string', group: 'Audit:', describe: 'fail only on findings not in this baseline (a --write-baseline file or a cost-report JSON)' })
      .option('write-baseline', {
        type: 'boolean',
        default: false,
        group: 'Audit:',
        describe: 'write the current findings to --baseline (replacing it) and exit 0',
      })
      .option('allow-unpriced', {
        type: 'boolean',
        default: false,
        group: 'Audit:',
        describe: 'pass even when a price is unknown and the total is incomplete (default: exit 1, naming what is missing)',
      })
      .option('sarif', { type: 'string', group: 'Audit:', describe: 'also write SARIF 2.1.0 to this file (replaced if it exists: CI output)' }) as unknown as Argv<AuditOptions>,
  async run(options, io) {
    const { UsageError } = await import('../../shared/errors.js');
    const { writeFileAtomic } = await import('../../shared/files.js');
    const { info, warn } = await import('../../shared/io.js');
    const { prepareCostReport, renderReport, writeOutputs } = await import('../cost-report-run.js');
    const { auditOutcome, loadBaseline, renderBaseline } = await import('../../analysis/report/baseline.js');
    if (options.writeBaseline && options.baseline === undefined) {
      throw new UsageError('--write-baseline needs --baseline FILE', { fix: 'name the file: --baseline cwdash-baseline.json --write-baseline' });
    }
    const prepared = await prepareCostReport(options, io);
    const { report } = prepared;
    if (options.writeBaseline) {
      // --write-baseline is itself the request to replace the file.
      await writeFileAtomic(resolve(io.cwd, options.baseline!), renderBaseline(report), { overwrite: true });
      info(io, `wrote ${report.findings.length} findings to the baseline ${options.baseline}`);
      return 0;
    }
    const baseline = options.baseline === undefined ? undefined : await loadBaseline(resolve(io.cwd, options.baseline));
    const outcome = auditOutcome(report, options.failOn, baseline);
    await writeOutputs(io, options, renderReport(report, options.format, prepared), prepared.fixFiles);
    if (options.sarif) await writeFileAtomic(resolve(io.cwd, options.sarif), await renderReport(report, 'sarif', prepared), { overwrite: true });
    const summaryFile = io.env.GITHUB_STEP_SUMMARY;
    if (summaryFile) {
      const { appendFile } = await import('node:fs/promises');
      const { renderReportMarkdown } = await import('../../outputs/report-markdown.js');
      const verdict =
        outcome.failing.length === 0
          ? `✅ cwdash audit passed: no new ${options.failOn}-or-worse findings${outcome.accepted.length > 0 ? ` (${outcome.accepted.length} accepted by the baseline)` : ''}.`
          : `❌ cwdash audit failed: ${outcome.failing.length} new finding${outcome.failing.length === 1 ? '' : 's'} at ${options.failOn} or above.`;
      await appendFile(summaryFile, `${verdict}\n\n${renderReportMarkdown(report)}\n`);
    }
    // An incomplete total cannot be checked against a budget or trusted in review: it fails unless allowed.
    const unpriced = report.totals.complete || options.allowUnpriced ? [] : report.totals.unpriced;
    for (const charge of unpriced) warn(io, `no price for ${charge.charge} in ${charge.region}: the total is incomplete; ${charge.fix}`);
    if (unpriced.length > 0) {
      info(io, `audit failed: the total is incomplete (${unpriced.length} unpriced charge${unpriced.length === 1 ? '' : 's'}); refresh the prices, or pass --allow-unpriced`);
      return 1;
    }
    if (outcome.failing.length === 0) {
      info(io, `audit passed: no new findings at ${options.failOn} or above${outcome.accepted.length > 0 ? ` (${outcome.accepted.length} in the baseline)` : ''}`);
      return 0;
    }
    // Each line leads with the finding's own severity (`error: budget: ...`), never `warning: warning ...`.
    for (const finding of outcome.failing) info(io, `${finding.severity}: ${finding.rule}: ${finding.message}`);
    info(io, `audit failed: ${outcome.failing.length} new finding(s) at ${options.failOn} or above; fix them, or accept them with --write-baseline`);
    return 1;
  },
});
