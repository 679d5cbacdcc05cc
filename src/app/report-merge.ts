/**
 * `cwdash report merge FILE|DIR...`: cost reports written by separate runs (a CI matrix job per account and region)
 * read back, checked against the report schema, merged into one and judged against the organisation's budget. A file
 * that is not a cost report of this schema version is an input error naming it and the first wrong field.
 */
import { resolve } from 'node:path';
import { costReportSchema } from '../analysis/report/cost-report-schema.js';
import type { CostReport } from '../analysis/report/cost-report.js';
import { mergeCostReports, withOrganisationBudget } from '../analysis/report/merge.js';
import { filesUnder } from '../shared/file-tree.js';
import { readTextFile } from '../shared/files.js';
import { parseJsonDocument } from '../shared/json-document.js';
import { displayPath } from '../shared/paths.js';
import { UsageError } from '../shared/errors.js';

export interface ReportMergeOptions {
  /** Report files, or folders holding them (every `*.json` below, in path order). */
  readonly inputs: readonly string[];
  /** The organisation's monthly budget in USD. */
  readonly budget?: number | undefined;
}

export async function mergeReportFiles(options: ReportMergeOptions, context: { readonly cwd: string }): Promise<CostReport> {
  const files: string[] = [];
  for (const input of options.inputs) files.push(...(await filesUnder(resolve(context.cwd, input), 'cost report', (name) => name.endsWith('.json'))));
  if (files.length === 0) {
    throw new UsageError(`no cost report (*.json) in ${options.inputs.join(', ')}`, { fix: 'pass the JSON files `cwdash cost-report --format json --out FILE` wrote, or their folder' });
  }
  const reports = [];
  for (const file of files) {
    const shown = displayPath(context.cwd, file);
    const report = parseJsonDocument(await readTextFile(file, 'cost report'), costReportSchema, {
      file: shown,
      what: 'cost report',
      fix: 'merge JSON reports of this cwdash version (`cwdash cost-report --format json`); re-run older jobs to regenerate theirs',
    }) as CostReport;
    reports.push({ source: shown, report });
  }
  return withOrganisationBudget(mergeCostReports(reports), options.budget);
}
