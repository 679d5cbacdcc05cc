/**
 * `cwdash audit`: the cost report judged for CI. The findings at or above `failOn` that the baseline does not accept
 * fail the run; with `writeBaseline` the current findings become the baseline instead.
 */
import { resolve } from 'node:path';
import { auditOutcome, loadBaseline, renderBaseline, type AuditOutcome } from '../analysis/report/baseline.js';
import type { Severity } from '../analysis/report/cost-report.js';
import { UsageError } from '../shared/errors.js';
import { writeFileAtomic } from '../shared/files.js';
import type { AppContext } from './context.js';
import type { PreparedReport } from './cost-report.js';
import { reportOverTargets, type TargetedReportOptions } from './organization-report.js';

export interface AuditOptions extends TargetedReportOptions {
  readonly failOn: Severity;
  readonly baseline?: string | undefined;
  readonly writeBaseline: boolean;
}

export type AuditResult =
  | { readonly kind: 'baseline-written'; readonly prepared: PreparedReport; readonly baselineFile: string }
  | { readonly kind: 'judged'; readonly prepared: PreparedReport; readonly outcome: AuditOutcome; readonly partial: boolean };

export async function audit(options: AuditOptions, context: AppContext): Promise<AuditResult> {
  if (options.writeBaseline && options.baseline === undefined) {
    throw new UsageError('--write-baseline needs --baseline FILE', { fix: 'name the file: --baseline cwdash-baseline.json --write-baseline' });
  }
  const { partial, ...prepared } = await reportOverTargets(options, context);
  if (options.writeBaseline) {
    const baselineFile = resolve(context.cwd, options.baseline!);
    // --write-baseline is itself the request to replace the file.
    await writeFileAtomic(baselineFile, renderBaseline(prepared.report), { overwrite: true });
    return { kind: 'baseline-written', prepared, baselineFile };
  }
  const baseline = options.baseline === undefined ? undefined : await loadBaseline(resolve(context.cwd, options.baseline));
  return { kind: 'judged', prepared, outcome: auditOutcome(prepared.report, options.failOn, baseline), partial };
}
