/** The cost report as JSON: the report object itself with sorted keys, so it diffs quietly and reads back in. */
import type { CostReport } from '../analysis/report/cost-report.js';
import { stableStringify } from '../shared/json.js';

export function renderReportJson(report: CostReport): string {
  return stableStringify(report);
}
