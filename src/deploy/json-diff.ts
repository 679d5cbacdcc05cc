/**
 * A readable diff of two JSON values, as a list of changes at JSON pointers (`/widgets/2/properties/title`), the same
 * paths CloudWatch's validation messages use. Arrays are compared position by position, which matches how a body is
 * edited (a widget or metric row changes in place); an array of plain values, such as a metric row, changes as one.
 */
import { isObject, sameJson } from '../shared/same-json.js';

export interface JsonChange {
  readonly kind: 'added' | 'removed' | 'changed';
  /** JSON pointer; `''` is the whole document. */
  readonly path: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

export function diffJson(before: unknown, after: unknown): JsonChange[] {
  const changes: JsonChange[] = [];
  walk(before, after, '', changes);
  return changes;
}

function walk(before: unknown, after: unknown, path: string, changes: JsonChange[]): void {
  if (sameJson(before, after)) return;
  if (Array.isArray(before) && Array.isArray(after) && !(isFlat(before) && isFlat(after))) {
    const length = Math.max(before.length, after.length);
    for (let index = 0; index < length; index++) {
      const childPath = `${path}/${index}`;
      if (index >= after.length) changes.push({ kind: 'removed', path: childPath, before: before[index] });
      else if (index >= before.length) changes.push({ kind: 'added', path: childPath, after: after[index] });
      else walk(before[index], after[index], childPath, changes);
    }
    return;
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) {
      const childPath = `${path}/${escapePointer(key)}`;
      const had = before[key] !== undefined;
      const has = after[key] !== undefined;
      if (had && !has) changes.push({ kind: 'removed', path: childPath, before: before[key] });
      else if (!had && has) changes.push({ kind: 'added', path: childPath, after: after[key] });
      else if (had && has) walk(before[key], after[key], childPath, changes);
    }
    return;
  }
  changes.push({ kind: 'changed', path, before, after });
}

/** An array of scalars (a metric row's strings, a list of alarm ARNs) reads best as one value. */
function isFlat(values: readonly unknown[]): boolean {
  return values.every((value) => value === null || typeof value !== 'object');
}

/** RFC 6901: `~` → `~0`, `/` → `~1`. */
function escapePointer(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}
