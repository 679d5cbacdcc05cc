/**
 * `cwdash audit`: the cost report for CI. Exit 0 when clean, 1 when findings at or above --fail-on are new since the
 * baseline, 2 on bad input, 3 when clean but some targets of an organisation-wide run could not be read. Appends a Markdown summary to $GITHUB_STEP_SUMMARY when it is set and writes SARIF for
 * code scanning with --sarif.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { defineCommand } from '../command.js';
import { flag, text } from '../flags.js';
import { appContext } from '../options.js';
import { CWDASH_VERSION } from '../version.js';
import { costInputOptions, writeReport } from './cost-report.js';

const group = 'Audit:';

export const auditOptions = {
  ...costInputOptions,
  failOn: flag(z.enum(['error', 'warning', 'note']).default('error'), { group, describe: 'lowest severity that fails the run' }),
  baseline: flag(text.optional(), { group, describe: 'fail only on findings not in this baseline (a --write-baseline file or a cost-report JSON)' }),
  writeBaseline: flag(z.boolean().default(false), { group, describe: 'write the current findings to --baseline (replacing it) and exit 0' }),
  sarif: flag(text.optional(), { group, describe: 'also write SARIF 2.1.0 to this file (replaced if it exists: CI output)' }),
  allowUnpriced: flag(z.boolean().default(false), { group, describe: 'pass even when a price is unknown and the total is incomplete (default: exit 1, naming what is missing)' }),
};

export const auditCommand = defineCommand({
  examples: [
    ['$0 audit --fail-on warning --sarif cwdash.sarif', 'fail on warnings and errors; SARIF for GitHub code scanning'],
    ['$0 audit --baseline cwdash-baseline.json --write-baseline', 'accept every current finding (run once, commit the file)'],
    ['$0 audit --baseline cwdash-baseline.json --budget 50', 'fail only on new findings, or when the month goes over $50'],
  ],
  options: auditOptions,
  async run(options, io) {
    const { audit } = await import('../../app/audit.js');
    const { createProgress } = await import('../../sources/account/progress.js');
    const { info, warn } = await import('../../shared/io.js');
    const { readWithinDays } = await import('../options.js');
    const result = await audit({ ...options, readWithinDays: readWithinDays(options.readWithin) }, appContext(io, options, { progress: createProgress(io) }));
    const { prepared } = result;
    const { report } = prepared;
    if (result.kind === 'baseline-written') {
      for (const note of prepared.notes) info(io, note);
      info(io, `wrote ${report.findings.length} findings to the baseline ${options.baseline}`);
      return 0;
    }
    const { outcome } = result;
    await writeReport(prepared, options, io);
    if (options.sarif) {
      const { renderReport } = await import('../../outputs/report-formats.js');
      const { writeFileAtomic } = await import('../../shared/files.js');
      const sarif = await renderReport(report, 'sarif', { toolVersion: CWDASH_VERSION, fallbackLocation: prepared.fallbackLocation });
      await writeFileAtomic(resolve(io.cwd, options.sarif), sarif, { overwrite: true });
    }
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
      const accepted = outcome.accepted.length > 0 ? ` (${outcome.accepted.length} in the baseline)` : '';
      if (result.partial) {
        // Findings fail the run first; a clean run over part of the targets is not a pass.
        info(io, `audit incomplete: no new findings at ${options.failOn} or above${accepted} in the targets read, but some targets could not be read (see the report)`);
        return 3;
      }
      info(io, `audit passed: no new findings at ${options.failOn} or above${accepted}`);
      return 0;
    }
    // Each line leads with the finding's own severity (`error: budget: ...`), never `warning: warning ...`.
    for (const finding of outcome.failing) info(io, `${finding.severity}: ${finding.rule}: ${finding.message}`);
    info(io, `audit failed: ${outcome.failing.length} new finding(s) at ${options.failOn} or above; fix them, or accept them with --write-baseline`);
    return 1;
  },
});
