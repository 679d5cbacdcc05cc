/** Small helpers the renderers share: turning typed options into the row options object of the body. */
import type { CommonMetricOptions } from '../metric-types.js';

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

/** The row options every kind of row shares, in wire form (period in seconds). */
export function commonRowOptions(options: CommonMetricOptions) {
  return {
    id: options.id,
    label: options.label,
    color: options.color,
    period: options.period?.toSeconds(),
    visible: options.visible,
    yAxis: options.yAxis,
    region: options.region,
    accountId: options.accountId,
  };
}
