/**
 * Which OTLP series nothing reads: a series is read when a PromQL selector of a chart widget, a PromQL alarm or a
 * Grafana PromQL query finds it (the usage index's `readersOfSeries`). OTLP is billed per byte ingested, so the
 * report gives the unread series' bytes per month: what dropping them (a filter processor) would save.
 */
import type { OtlpSeries, OtlpVolume } from '../../model/otlp-prediction.js';
import type { UsageIndex } from '../usage/usage-index.js';

export interface OtlpUsage {
  /** Series no PromQL read finds. */
  readonly unreadSeries: number;
  /** Their billed bytes per month (bytes per point × points per scrape × scrapes per month). */
  readonly unreadBytesPerMonth: number;
}

export function otlpUsage(series: readonly OtlpSeries[], volume: OtlpVolume, usage: UsageIndex): OtlpUsage {
  const scrapesPerMonth = volume.dataPointsPerScrape === 0 ? 0 : volume.dataPointsPerMonth / volume.dataPointsPerScrape;
  let unreadSeries = 0;
  let bytesPerScrape = 0;
  for (const one of series) {
    if (usage.readersOfSeries(one).length > 0) continue;
    unreadSeries += 1;
    bytesPerScrape += one.bytesPerPoint * one.dataPointsPerScrape;
  }
  return { unreadSeries, unreadBytesPerMonth: Math.round(bytesPerScrape * scrapesPerMonth) };
}
