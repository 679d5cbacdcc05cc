/** The cost report in each format it is rendered in; each renderer loads only when asked for. */
import type { CostReport } from '../analysis/report/cost-report.js';

export const REPORT_FORMATS = ['table', 'markdown', 'json', 'html', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface RenderContext {
  /** cwdash's version, for SARIF's tool section. */
  readonly toolVersion: string;
  /** Where findings without a file of their own are placed in SARIF. */
  readonly fallbackLocation: string;
}

export function renderReport(report: CostReport, format: ReportFormat, context: RenderContext): Promise<string> {
  return renderers[format](report, context);
}

const renderers: Record<ReportFormat, (report: CostReport, context: RenderContext) => Promise<string>> = {
  table: async (report) => (await import('./report-table.js')).renderReportTable(report),
  markdown: async (report) => (await import('./report-markdown.js')).renderReportMarkdown(report),
  json: async (report) => (await import('./report-json.js')).renderReportJson(report),
  html: async (report) => (await import('./report-html.js')).renderReportHtml(report),
  sarif: async (report, context) => (await import('./report-sarif.js')).renderReportSarif(report, context),
};
