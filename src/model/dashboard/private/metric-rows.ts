/**
 * Turns the metrics given to a widget into its `metrics[]` rows. The given metrics come first, in order; then the
 * inputs of math expressions (breadth first, each under the id its expression uses, hidden unless the metric says
 * otherwise). An input whose id a row already carries is not repeated, so two expressions can share an input; an
 * input the widget already shows (the same row, without an id) gives that row its id instead of a hidden copy, as
 * CDK does. A math expression's own period, when set, is the period of its inputs too (CloudWatch evaluates them
 * together).
 */
import type { MetricRow, MetricRowOptions } from '../../body/schema.js';
import type { IMetric, MetricConfig } from '../metric-types.js';

interface PendingInput {
  readonly id: string;
  readonly metric: IMetric;
  readonly period: number | undefined;
}

export function renderMetricRows(metrics: readonly IMetric[]): MetricRow[] {
  const rows: MetricRow[] = [];
  const ids = new Set<string>();
  let pending: PendingInput[] = [];

  const add = (config: MetricConfig) => {
    rows.push(toRow(config));
    if (config.options.id !== undefined) ids.add(config.options.id);
    if (config.kind === 'expression') {
      for (const [id, metric] of Object.entries(config.usingMetrics)) pending.push({ id, metric, period: config.options.period });
    }
  };

  for (const metric of metrics) add(metric.toMetricConfig());
  while (pending.length > 0) {
    const level = pending;
    pending = [];
    for (const input of level) {
      if (ids.has(input.id)) continue;
      const config = input.metric.toMetricConfig();
      const period = input.period === undefined ? {} : { period: input.period };
      const shown = config.kind === 'metric' ? findShownRow(rows, toRow({ ...config, options: { ...config.options, ...period } })) : -1;
      if (shown >= 0) {
        rows[shown] = withId(rows[shown]!, input.id);
        ids.add(input.id);
        continue;
      }
      const options = { ...config.options, ...period, visible: config.options.visible ?? false, id: input.id };
      add({ ...config, options } as MetricConfig);
    }
  }
  return rows;
}

function toRow(config: MetricConfig): MetricRow {
  if (config.kind === 'expression') return [config.options];
  const row: (string | MetricRowOptions)[] = [config.namespace, config.metricName];
  for (const name in config.dimensions) row.push(name, config.dimensions[name]!);
  if (hasKeys(config.options)) row.push(config.options as MetricRowOptions);
  return row as unknown as MetricRow;
}

function hasKeys(value: object): boolean {
  for (const _ in value) return true;
  return false;
}

/**
 * The index of a metric row without an id that reads the same data as `row` (namespace, name, dimensions, statistic,
 * period, region, account; how it is drawn does not matter), or -1.
 */
function findShownRow(rows: readonly MetricRow[], row: MetricRow): number {
  const wanted = dataKey(row);
  return rows.findIndex((candidate) => {
    const last = candidate[candidate.length - 1];
    if (typeof last === 'object' && last !== null && ('id' in last || 'expression' in last)) return false;
    return dataKey(candidate) === wanted;
  });
}

function dataKey(row: MetricRow): string {
  const last = row[row.length - 1];
  const options = typeof last === 'object' ? (last as MetricRowOptions) : {};
  const strings = typeof last === 'object' ? row.slice(0, -1) : row;
  return JSON.stringify([strings, options.stat, options.period, options.region, options.accountId]);
}

function withId(row: MetricRow, id: string): MetricRow {
  const last = row[row.length - 1];
  if (typeof last === 'object') return [...row.slice(0, -1), { ...last, id }] as unknown as MetricRow;
  return [...row, { id }] as unknown as MetricRow;
}
