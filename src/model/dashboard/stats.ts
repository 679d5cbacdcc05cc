/**
 * Statistic names, so definitions can write `Stats.p(99)` or `Stats.AVERAGE` instead of remembering the grammar.
 * Any string the grammar accepts (`checkStatistic`) works too; the validator rejects the others.
 */
export const Stats = {
  SAMPLE_COUNT: 'SampleCount',
  AVERAGE: 'Average',
  SUM: 'Sum',
  MINIMUM: 'Minimum',
  MAXIMUM: 'Maximum',
  IQM: 'IQM',
  /** Percentile, e.g. `p(99)` → `p99`, `p(99.9)` → `p99.9`. */
  p: (percentile: number): string => `p${percentile}`,
  /** Trimmed mean of the values between two percentiles: `TM(10%:90%)`. */
  trimmedMean: (lowerPercent?: number, upperPercent?: number): string => range('TM', lowerPercent, upperPercent, '%'),
  /** Winsorized mean: `WM(10%:90%)`. */
  winsorizedMean: (lowerPercent?: number, upperPercent?: number): string => range('WM', lowerPercent, upperPercent, '%'),
  /** Trimmed count: `TC(10%:90%)`. */
  trimmedCount: (lowerPercent?: number, upperPercent?: number): string => range('TC', lowerPercent, upperPercent, '%'),
  /** Trimmed sum: `TS(10%:90%)`. */
  trimmedSum: (lowerPercent?: number, upperPercent?: number): string => range('TS', lowerPercent, upperPercent, '%'),
  /** Percentile rank: the share of values in `[lower, upper]`, absolute values: `PR(0:300)`. */
  percentileRank: (lower: number, upper?: number): string => range('PR', lower, upper, ''),
} as const;

function range(prefix: string, lower: number | undefined, upper: number | undefined, unit: string): string {
  const bound = (value: number | undefined) => (value === undefined ? '' : `${value}${unit}`);
  return `${prefix}(${bound(lower)}:${bound(upper)})`;
}
