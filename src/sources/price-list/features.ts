/**
 * The CloudWatch charges cwdash prices, each tied to the Price List product that carries its price.
 *
 * A product is found by its usagetype SUFFIX plus attributes, never by building the full usagetype string: the region
 * prefix is irregular (`CW:MetricMonitorUsage` has no prefix in us-east-1, Ireland is `EU-`, not `EUW1-`). AWS's
 * usage-type table gives only the suffixes (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_billing.html);
 * the prefixes are as observed in Price List output and bills. The unit is checked too, so a per-month alarm price is never multiplied by hours.
 */

export const PRICE_FEATURES = [
  'customMetrics',
  'dashboards',
  'standardAlarms',
  'highResolutionAlarms',
  'apiRequests',
  'getMetricData',
  'logIngestion',
  'logStorage',
  'logsInsightsScanned',
  'otelIngestion',
  'otelContainerInsights',
  'containerInsightsObservations',
] as const;

export type PriceFeature = (typeof PRICE_FEATURES)[number];

export interface PriceFeatureSpec {
  /** What the charge is, for tables and messages. */
  readonly title: string;
  /** Matches the end of the product's `usagetype` attribute. */
  readonly usagetype: RegExp;
  /** Attributes that must also match exactly (narrows products that share a usagetype suffix). */
  readonly attributes?: Readonly<Record<string, string>>;
  /** Price List `unit` values the price may carry; anything else is rejected rather than mis-multiplied. */
  readonly units: readonly string[];
  /** How cwdash counts the quantity the price applies to (one Price List unit each). */
  readonly quantityUnit: string;
  /** Account-global products (dashboards) have `location: Any` and an empty `regionCode`. */
  readonly global?: boolean;
}

export const PRICE_FEATURE_SPECS: Readonly<Record<PriceFeature, PriceFeatureSpec>> = {
  customMetrics: {
    title: 'Custom metrics (incl. EMF and detailed monitoring)',
    usagetype: /(^|-)CW:MetricMonitorUsage$/,
    units: ['Metrics'],
    quantityUnit: 'metric-months',
  },
  dashboards: {
    title: 'Dashboards',
    // Both dashboard usage types (`-Basic` for <= 50 metrics and the plain one) cost the same; the plain one is the
    // one every dashboard beyond the free ones is billed as.
    usagetype: /^DashboardsUsageHour$/,
    units: ['Dashboards'],
    quantityUnit: 'dashboard-months',
    global: true,
  },
  standardAlarms: {
    title: 'Standard-resolution alarm metrics',
    usagetype: /(^|-)CW:AlarmMonitorUsage$/,
    attributes: { alarmType: 'Standard' },
    units: ['Alarms'],
    quantityUnit: 'alarm-metric-months',
  },
  highResolutionAlarms: {
    title: 'High-resolution alarm metrics',
    usagetype: /(^|-)CW:HighResAlarmMonitorUsage$/,
    attributes: { alarmType: 'High Resolution' },
    units: ['Alarms'],
    quantityUnit: 'alarm-metric-months',
  },
  apiRequests: {
    title: 'API requests (PutMetricData, ListMetrics, ...)',
    usagetype: /(^|-)CW:Requests$/,
    units: ['Requests'],
    quantityUnit: 'requests',
  },
  getMetricData: {
    title: 'GetMetricData metrics requested',
    usagetype: /(^|-)CW:GMD-Metrics$/,
    units: ['Metrics'],
    quantityUnit: 'metrics',
  },
  logIngestion: {
    title: 'Logs ingestion, Standard class (EMF bytes)',
    usagetype: /-DataProcessing-Bytes$/,
    units: ['GB'],
    quantityUnit: 'GB',
  },
  logStorage: {
    title: 'Logs archive storage',
    usagetype: /-TimedStorage-ByteHrs$/,
    units: ['GB-Mo'],
    quantityUnit: 'GB-months',
  },
  logsInsightsScanned: {
    title: 'Logs Insights data scanned',
    usagetype: /-DataScanned-Bytes$/,
    units: ['GB'],
    quantityUnit: 'GB',
  },
  // CloudWatch's OpenTelemetry path (docs/sources.md#otel-metrics): usage types from the billing guide; no Price List figure
  // is confirmed yet, so these stay unknown until `cwdash pricing refresh` reads them.
  otelIngestion: {
    title: 'OpenTelemetry metrics ingested over OTLP',
    usagetype: /(^|-)CW:OTEL:Bytes$/,
    units: ['GB'],
    quantityUnit: 'GB',
  },
  otelContainerInsights: {
    title: 'OTel Container Insights metrics ingested',
    usagetype: /(^|-)CW:OTEL:Bytes:EKS-CI$/,
    units: ['GB'],
    quantityUnit: 'GB',
  },
  containerInsightsObservations: {
    title: 'Container Insights enhanced observability (EKS)',
    usagetype: /(^|-)ObservationUsage$/,
    attributes: { operation: 'ObservationCount:CI-EKS' },
    units: ['Observations'],
    quantityUnit: 'observations',
  },
};

/** The product attributes feature matching reads. */
export interface MatchableProduct {
  readonly attributes: Readonly<Record<string, string | undefined>>;
}

/** True when `product` is the Price List product behind `feature` (the unit is checked separately). */
export function productMatchesFeature(product: MatchableProduct, feature: PriceFeature): boolean {
  const spec = PRICE_FEATURE_SPECS[feature];
  const usagetype = product.attributes.usagetype ?? '';
  if (!spec.usagetype.test(usagetype)) return false;
  return Object.entries(spec.attributes ?? {}).every(([name, value]) => product.attributes[name] === value);
}

/** The feature a product prices, if any. */
export function featureOfProduct(product: MatchableProduct): PriceFeature | undefined {
  return PRICE_FEATURES.find((feature) => productMatchesFeature(product, feature));
}
