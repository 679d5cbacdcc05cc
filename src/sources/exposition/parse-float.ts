/**
 * Prometheus' `parseFloat`: Go's strconv.ParseFloat after refusing `p`, `P` and `_` (docs/sources.md#exposition). Error
 * messages are Go's, so users see what Prometheus would log.
 */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INFINITY = /^[+-]?(?:inf|infinity)$/i;
const NAN = /^nan$/i;

export type FloatResult = { ok: true; value: number } | { ok: false; error: string };

export function parsePrometheusFloat(text: string): FloatResult {
  if (/[pP_]/.test(text)) return { ok: false, error: 'unsupported character in float' };
  if (NAN.test(text)) return { ok: true, value: Number.NaN };
  if (INFINITY.test(text)) return { ok: true, value: text.startsWith('-') ? -Infinity : Infinity };
  if (!DECIMAL.test(text)) return { ok: false, error: `strconv.ParseFloat: parsing ${goQuote(text)}: invalid syntax` };
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false, error: `strconv.ParseFloat: parsing ${goQuote(text)}: value out of range` };
  return { ok: true, value };
}

/** Go's `%q` for the strings these messages quote (ASCII controls escaped like JSON). */
export function goQuote(text: string): string {
  return JSON.stringify(text);
}
