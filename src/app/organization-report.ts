/**
 * `cost-report --account` and `audit --account` over targets: each account and region is reported on its own, through
 * its own credentials and client, then the reports are merged into one (exact money, every finding tagged with its
 * target). A target that cannot be read is listed with the reason and makes the totals incomplete; it never stops the
 * others. At most `concurrency` targets are read at once, so memory is bounded by the reports in flight plus the merge.
 */
import type { CostReport, ReportTarget } from '../analysis/report/cost-report.js';
import { mergeCostReports, tagTarget } from '../analysis/report/merge.js';
import { fetchAccountInventory, type AccountInventory } from '../sources/account/inventory.js';
import type { TargetRegion } from '../sources/targets/targets-file.js';
import { runOverTargets, type TargetRunOptions } from './targets-run.js';

/** Reads the account a report is about: the target's own, when an organisation-wide run calls it. */
export type AccountReader = (region: string, dashboardPrefix: string | undefined) => Promise<AccountInventory>;

/** One target's report: the cost-report use case with the target's region and account reader. */
export type ReportOneTarget = (unit: TargetRegion, readAccount: AccountReader) => Promise<CostReport>;

export interface OrganizationReport {
  readonly report: CostReport;
  /** True when a target could not be read (exit 3 for `cost-report`). */
  readonly partial: boolean;
}

export async function organizationCostReport(units: readonly TargetRegion[], options: TargetRunOptions, reportOne: ReportOneTarget): Promise<OrganizationReport> {
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
