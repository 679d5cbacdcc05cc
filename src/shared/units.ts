/**
 * One way to write counts and byte volumes in every command's text output. Bytes are in the unit CloudWatch Logs
 * bills ingestion and storage in, the GB of 2^30 bytes (with KB = 2^10 and MB = 2^20 below it), so `cwdash metrics`
 * and `cwdash cost-report` print the same bytes the same way.
 */

const BYTE_UNITS = ['KB', 'MB', 'GB', 'TB'] as const;

/** `19.7 KB`, `1.58 GB`: two decimals below 10, one above. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 2 : 1)} ${BYTE_UNITS[unit]}`;
}

/** `2,419,200` (or `1,234.5` with `maxFractionDigits`): thousands separated, fixed, not locale-dependent. */
export function formatCount(value: number, maxFractionDigits = 0): string {
  const scale = 10 ** maxFractionDigits;
  const rounded = Math.round(Math.abs(value) * scale) / scale;
  const [whole, fraction] = rounded.toFixed(maxFractionDigits).split('.') as [string, string | undefined];
  const trimmed = fraction?.replace(/0+$/, '') ?? '';
  return `${value < 0 && rounded !== 0 ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${trimmed === '' ? '' : `.${trimmed}`}`;
}
