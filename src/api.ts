/**
 * The programmatic API: the pipeline stages as typed functions, for scripts that want cwdash's numbers without the
 * CLI (`import { analyzeCollector } from 'cwdash/api'`). Only exports; the definition API is `cwdash` itself.
 */
export * from './index.js';
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
export { predictMetrics, type PredictOptions } from './analysis/awsemf/predict.js';
export { analyzeCollector, type AnalyzeCollectorOptions } from './analysis/awsemf/collector.js';
export type { MetricsPrediction, PredictedMetric, PredictedMetricSource } from './model/prediction.js';
export { matchesDeclaration, initDeclarations } from './analysis/awsemf/declarations.js';
export { parseScrape, type Scrape } from './sources/exposition/scrape.js';
export { readScrapeFile } from './sources/exposition/scrape-file.js';
export { runCostReport, type CostReportRunOptions, type CostReportRun } from './app/cost-report.js';
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
