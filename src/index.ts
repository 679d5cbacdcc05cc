/**
 * The public API a dashboard definition or `cwdash.config.ts` imports: `import { ... } from 'cwdash'`.
 * Only exports; each concept lives in its own module.
 */
export { defineConfig, type ProjectConfig, type CollectorInput } from './config/project-config.js';
export type { MetricIdentity } from './model/metric-identity.js';
export * from './model/dashboard/index.js';
export type { DashboardBody, WidgetJson, MetricRow, MetricRowOptions, ExpressionRowOptions } from './model/body/schema.js';
export { validateDashboardBody, validateDashboardName } from './model/body/validate.js';
export type { ValidationMessage } from './model/body/messages.js';
export { loadPriceTable, type PriceTable, type Price, type KnownPrice, type UnknownPrice } from './sources/price-list/prices.js';
export { PRICE_FEATURES, type PriceFeature } from './sources/price-list/features.js';
export {
  estimateMonthlyCost,
  customMetricsMonthlyCost,
  customMetricsSaving,
  marginalMetricPrice,
  metricMonths,
  type UsageQuantities,
  type CostOptions,
  type CostBreakdown,
  type CostLine,
} from './analysis/cost/model.js';
export { emfLogUsage, type EmfLogVolume, type EmfLogUsage } from './analysis/cost/emf-logs.js';
export { loadCollectorConfig, parseCollectorConfig } from './sources/collector-config/load.js';
export type { CollectorConfig, AwsEmfConfig, MetricDeclaration } from './sources/collector-config/model.js';
export { analyzeCollector, predictMetrics, type AnalyzeCollectorOptions, type PredictOptions } from './analysis/awsemf/predict.js';
export type { MetricsPrediction, PredictedMetric, PredictedMetricSource } from './analysis/awsemf/types.js';
export { matchesDeclaration, initDeclarations } from './analysis/awsemf/declarations.js';
export { parseScrape, readScrapeFile, type Scrape } from './sources/exposition/scrape.js';
export * from './blueprints/index.js';
export { runCostReport, type CostReportRunOptions, type CostReportRun } from './analysis/report/run.js';
export { buildCostReport, type CostReportInputs, type CollectorInputs, type MetricInput } from './analysis/report/build.js';
export { COST_REPORT_SCHEMA_VERSION, type CostReport, type Finding, type Severity, type FixSummary } from './analysis/report/cost-report.js';
export { loadRuleSet, type RuleSet, type CustomRule } from './analysis/rules/rule-file.js';
export { buildUsageIndex, type UsageIndex } from './analysis/usage/usage-index.js';
export { dashboardReads } from './analysis/usage/dashboard-reads.js';
export { parseSearchQuery, searchMatches, type SearchQuery } from './analysis/usage/search-expression.js';
export {
  predictContainerInsightsMetrics,
  loadClusterInventory,
  parseClusterInventory,
  type ClusterInventory,
  type ContainerInsightsOptions,
} from './analysis/container-insights/index.js';
export { renderPreviewHtml, type PreviewDashboard } from './outputs/preview-html.js';
