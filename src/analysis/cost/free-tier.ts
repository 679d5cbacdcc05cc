/**
 * CloudWatch's always-free allowances, per account and month, from the free-tier table of
 * https://aws.amazon.com/cloudwatch/pricing/ (read 2026-11-24). They are
 * quantities, not prices, and they are account-wide: applied once, after the account's existing usage.
 * The free tier is off unless asked for (`--free-tier`), the conservative default Infracost also uses.
 */
import type { PriceFeature } from '../../sources/price-list/features.js';

/** Allowances that belong to one charge. GetMetricData is never free. */
export const FREE_ALLOWANCES: Readonly<Partial<Record<PriceFeature, number>>> = {
  customMetrics: 10, // "10 Metrics (of Custom Metrics and Detailed Monitoring Metrics)"
  apiRequests: 1_000_000, // "1 Million API requests (not including GetMetricData, GetInsightRuleReport and GetMetricWidgetImage)"
  dashboards: 3, // "3 Custom Dashboards referencing up to 50 metrics each per month"
  standardAlarms: 10, // "10 Alarm metrics (only applicable to Standard resolution alarms ...)"
};

/** "5 GB Data (ingestion, archive storage, and data scanned by Logs Insights queries)": one pool for three charges. */
export const FREE_LOGS_GB = 5;

/**
 * The order the shared logs pool is spent in. AWS does not say; ingestion first is the order usage accrues in a month
 * (data is ingested before it is stored or scanned).
 */
export const FREE_LOGS_ORDER: readonly PriceFeature[] = ['logIngestion', 'logStorage', 'logsInsightsScanned'];
