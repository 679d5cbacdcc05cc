/** Deterministic JSON: the same value always gives the same bytes, so outputs diff quietly in git and CI. */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Recursively sorts object keys (arrays keep their order) and drops `undefined` members. */
export function sortKeysDeep(value: unknown): Json {
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : sortKeysDeep(item)));
  if (value !== null && typeof value === 'object') {
    const sorted: { [key: string]: Json } = {};
    for (const key of Object.keys(value).sort(compareStrings)) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) sorted[key] = sortKeysDeep(member);
    }
    return sorted;
  }
  return value as Json;
}

/** JSON with sorted keys, two-space indent and a final newline. */
export function stableStringify(value: unknown): string {
  return `${JSON.stringify(sortKeysDeep(value), null, 2)}\n`;
}

/** Code-unit order, independent of the machine's locale (unlike `localeCompare`). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A parsed JSON value as an object to read fields from, or undefined for arrays, null and scalars. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
