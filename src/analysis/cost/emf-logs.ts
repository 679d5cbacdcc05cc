/**
 * EMF is billed as logs too (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_billing.html):
 * the JSON bytes are ingested (`DataProcessing-Bytes`) and then stored, compressed, for as long as the log group keeps them (`TimedStorage-ByteHrs`). This turns the bytes
 * `cwdash metrics` predicts into the `logIngestion` and `logStorage` quantities of the cost model.
 */
import { BYTES_PER_GB, Decimal } from './money.js';

/** Days in an average month (365.25 / 12), to turn a retention in days into months of storage. */
const DAYS_PER_MONTH = new Decimal(365.25).div(12);

/**
 * Archived size / ingested size. CloudWatch bills storage on the compressed archive; 0.15 is the factor the AWS Pricing
 * Calculator uses, as quoted by the third-party aws-rough calculator (aws-rough-functions).
 */
export const DEFAULT_COMPRESSION_RATIO = 0.15;

export interface EmfLogVolume {
  /** EMF bytes written to CloudWatch Logs per month. */
  readonly bytesPerMonth: number;
  /** The log group's retention; undefined or 0 means never expire (the awsemf exporter's default `log_retention: 0`). */
  readonly retentionDays?: number | undefined;
  /** For never-expiring groups, storage keeps growing: price the month after this many months of emission. @default 12 */
  readonly horizonMonths?: number;
  /** @default 0.15 */
  readonly compressionRatio?: number;
}

export interface EmfLogUsage {
  /** GB ingested per month. */
  readonly logIngestion: number;
  /** GB-months stored in a steady month (or in month `horizonMonths` when the data never expires). */
  readonly logStorage: number;
}

export function emfLogUsage(volume: EmfLogVolume): EmfLogUsage {
  const ingestedGb = new Decimal(volume.bytesPerMonth).div(BYTES_PER_GB);
  const retention = volume.retentionDays ?? 0;
  const monthsKept = retention > 0 ? new Decimal(retention).div(DAYS_PER_MONTH) : new Decimal(volume.horizonMonths ?? 12);
  const stored = ingestedGb.times(volume.compressionRatio ?? DEFAULT_COMPRESSION_RATIO).times(monthsKept);
  return { logIngestion: ingestedGb.toNumber(), logStorage: stored.toNumber() };
}
