/** One line of `npm run bench`'s table: a command's runs against its reference's, and the target they are held to. */
import { spread } from './run-cli.js';

export interface BenchRow {
  readonly command: string;
  readonly seconds: readonly number[];
  readonly peakRssMiB: readonly number[];
  readonly reference: string;
  readonly referenceSeconds: readonly number[];
  /** Largest median ratio allowed, and the peak RSS allowed (MiB). */
  readonly target: { readonly ratio: number; readonly rssMiB?: number };
}

function seconds(list: readonly number[]): string {
  const { min, median, max } = spread(list);
  return `${min.toFixed(2)} / ${median.toFixed(2)} / ${max.toFixed(2)}`;
}

export function benchTable(rows: readonly BenchRow[]): string {
  const lines = [
    '| command | cwdash s (min / median / max) | reference | reference s (median) | ratio (medians) | target | peak RSS MiB (max) | met |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    const ratio = spread(row.seconds).median / spread(row.referenceSeconds).median;
    const rss = Math.max(...row.peakRssMiB);
    const met = ratio <= row.target.ratio && (row.target.rssMiB === undefined || rss < row.target.rssMiB);
    const target = `≤ ${row.target.ratio.toFixed(1)}×${row.target.rssMiB === undefined ? '' : `, < ${row.target.rssMiB} MiB`}`;
    lines.push(`| ${row.command} | ${seconds(row.seconds)} | ${row.reference} | ${spread(row.referenceSeconds).median.toFixed(2)} | ${ratio.toFixed(2)}× | ${target} | ${rss.toFixed(0)} | ${met ? 'yes' : 'no'} |`);
  }
  return lines.join('\n');
}

