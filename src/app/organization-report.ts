/**
 * `cost-report --account` and `audit --account` over targets: each account and region is reported on its own, through
 * its own credentials and client, then the reports are merged into one (exact money, every finding tagged with its
 * target). A target that cannot be read is listed with the reason and makes the totals incomplete; it never stops the
 * others. At most `concurrency` targets are read at once, so memory is bounded by the reports in flight plus the merge.
 */
import type { CostReport, ReportTarget } from '../analysis/report/cost-report.js';
import { mergeCostReports, tagTarget } from '../analysis/report/merge.js';
import type { TargetRegion } from '../sources/targets/targets-file.js';
import { UsageError } from '../shared/errors.js';
import type { AccountReader } from './account.js';
import type { AppContext } from './context.js';
import { costReport, type CostReportOptions, type PreparedReport } from './cost-report.js';
import type { TargetChoice } from './target-choice.js';
import type { TargetRunOptions } from './targets-run.js';

/** One target's report: the cost-report use case with the target's region and account reader. */
export type ReportOneTarget = (unit: TargetRegion, readAccount: AccountReader) => Promise<CostReport>;

export interface OrganizationReport {
  readonly report: CostReport;
  /** True when a target could not be read (exit 3). */
  readonly partial: boolean;
}

export type TargetedReportOptions = CostReportOptions & Omit<TargetChoice, keyof CostReportOptions>;

/** The cost report of the options: over every target when they name targets, else the one report as always. */
export async function reportOverTargets(options: TargetedReportOptions, context: AppContext): Promise<PreparedReport & { readonly partial: boolean }> {
  const targeted = options.targets !== undefined || options.organization === true || (options.only?.length ?? 0) > 0;
  if (!targeted) return { ...(await costReport(options, context)), partial: false };
  if (!options.account) {
    throw new UsageError('--targets, --organization and --only choose accounts to read, which needs --account', { fix: 'add --account' });
  }
  // Loaded only for targets: a report on one collector needs neither the AWS SDK nor the organisation's code.
  const { chooseTargets, runOptions } = await import('./target-choice.js');
  const units = await chooseTargets({ ...options, projectConfig: context.projectConfig }, context);
  const { report, partial } = await organizationCostReport(units, runOptions(options, context), async (unit, readAccount) => {
    const prepared = await costReport({ ...options, region: unit.region }, context, readAccount);
    return prepared.report;
  });
  return { report, fixFiles: [], fallbackLocation: options.targets ?? 'cwdash.config.ts', notes: [], partial };
}

export async function organizationCostReport(units: readonly TargetRegion[], options: TargetRunOptions, reportOne: ReportOneTarget): Promise<OrganizationReport> {
  const [{ runOverTargets }, { fetchAccountInventory }] = await Promise.all([import('./targets-run.js'), import('../sources/account/inventory.js')]);
  const results = await runOverTargets(units, options, (unit, client) =>
    reportOne(unit, (_region, dashboardPrefix) => fetchAccountInventory(client, { dashboardPrefix, progress: options.progress })),
  );
  const reports: { source: string; report: CostReport }[] = [];
  const unread: ReportTarget[] = [];
  for (const result of results) {
    const target: ReportTarget = {
      key: result.key,
      name: result.name,
      ...(result.accountId === undefined ? {} : { accountId: result.accountId }),
      region: result.region,
      status: result.status,
      ...(result.status === 'failed' ? { failure: result.failure } : {}),
    };
    if (result.status === 'ok') reports.push({ source: result.key, report: tagTarget(result.value, target) });
    else unread.push(target);
  }
  return { report: mergeCostReports(reports, unread), partial: unread.length > 0 };
}
