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

/**
 * `stableStringify(value)` without its final newline, as the lines of a member nested `depth` levels deep (each line
 * after the first indented by 2 × depth spaces), appended to `out`: the streamed writers render a million small
 * values this way, without a sorted copy of each or a re-indenting pass. Plain JSON data only (what sortKeysDeep takes).
 */
export function appendStableJson(value: unknown, depth: number, out: string[]): void {
  if (value === null || typeof value !== 'object') {
    out.push(JSON.stringify(value) ?? 'null');
    return;
  }
  const inner = newlineAndIndent(depth + 1);
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push('[]');
      return;
    }
    for (let index = 0; index < value.length; index++) {
      out.push(index === 0 ? `[${inner}` : `,${inner}`);
      appendStableJson(value[index] === undefined ? null : value[index], depth + 1, out);
    }
    out.push(`${newlineAndIndent(depth)}]`);
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort(compareStrings);
  let written = 0;
  for (const key of keys) {
    if (record[key] === undefined) continue;
    out.push(`${written === 0 ? '{' : ','}${inner}${JSON.stringify(key)}: `);
    appendStableJson(record[key], depth + 1, out);
    written++;
  }
  out.push(written === 0 ? '{}' : `${newlineAndIndent(depth)}}`);
}

const INDENTS: string[] = [];
function newlineAndIndent(depth: number): string {
  return (INDENTS[depth] ??= `\n${'  '.repeat(depth)}`);
}

/** The record's keys in `compareStrings` order, sorted only when they are not in order already (they mostly are). */
export function sortedKeys(record: object): string[] {
  const keys = Object.keys(record);
  return keysInOrder(keys) ? keys : keys.sort(compareStrings);
}

/** Whether the keys are in `compareStrings` order: checking is cheaper than sorting with a comparator. */
export function keysInOrder(keys: readonly string[]): boolean {
  for (let index = 1; index < keys.length; index++) if (keys[index - 1]! > keys[index]!) return false;
  return true;
}

/** Code-unit order, independent of the machine's locale (unlike `localeCompare`). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A parsed JSON value as an object to read fields from, or undefined for arrays, null and scalars. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
