/** Small helpers the renderers share: turning typed options into the row options object of the body. */
import type { CommonMetricOptions } from '../metric-types.js';
import type { MetricRowOptions } from '../../body/schema.js';

/** Drops `undefined` members so the JSON only carries what was set. */
export function definedOnly<T extends object>(value: T): T {
  const result: Record<string, unknown> = {};
  // for...in over plain objects: no entries array per call (this runs for every widget and row).
  for (const key in value) {
    const member = value[key];
    if (member !== undefined) result[key] = member;
  }
  return result as T;
}

/**
 * The row options every kind of row shares, in wire form (period in seconds; a metric row adds its `stat`): only those
 * that are set, in one object (this runs for every row).
 */
export function commonRowOptions(options: CommonMetricOptions): MetricRowOptions {
  const row: MetricRowOptions = {};
  if (options.id !== undefined) row.id = options.id;
  if (options.label !== undefined) row.label = options.label;
  if (options.color !== undefined) row.color = options.color;
  if (options.period !== undefined) row.period = options.period.toSeconds();
  if (options.visible !== undefined) row.visible = options.visible;
  if (options.yAxis !== undefined) row.yAxis = options.yAxis;
  if (options.region !== undefined) row.region = options.region;
  if (options.accountId !== undefined) row.accountId = options.accountId;
  return row;
}
