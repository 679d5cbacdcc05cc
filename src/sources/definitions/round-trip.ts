/**
 * `import`'s promise checked on the code it writes, not on the model objects it printed: the source is loaded the
 * way `build` loads a definition (from a temp file beside the target, so `cwdash` resolves as it will there) and the
 * body it builds is compared with the body the importer meant.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { DashboardBody } from '../../model/body/schema.js';
import { sameJson } from '../../shared/same-json.js';
import { loadDashboardDefinition, type LoadOptions } from './load.js';

export type RoundTrip = { readonly kind: 'same' } | { readonly kind: 'different'; readonly path: string } | { readonly kind: 'unchecked'; readonly reason: string };

export async function checkDefinitionSource(source: string, target: string, expected: DashboardBody, options: LoadOptions = {}): Promise<RoundTrip> {
  const dir = dirname(target);
  const temp = join(dir, `.${basename(target, '.ts')}.round-trip-${process.pid}-${randomBytes(4).toString('hex')}.ts`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temp, source);
    const loaded = await loadDashboardDefinition(temp, options);
    const built = loaded[0]?.body;
    if (loaded.length === 1 && built && sameJson(built, expected)) return { kind: 'same' };
    return { kind: 'different', path: firstDifference(built, expected) };
  } catch (error) {
    return { kind: 'unchecked', reason: error instanceof Error ? error.message : String(error) };
  } finally {
    await rm(temp, { force: true });
  }
}

/** The JSON pointer of the first place two values differ, for the message. */
function firstDifference(a: unknown, b: unknown, path = ''): string {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return path || '/';
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const key of keys) {
    const left = (a as Record<string, unknown>)[key];
    const right = (b as Record<string, unknown>)[key];
    if (!Object.hasOwn(a, key) || !Object.hasOwn(b, key)) return `${path}/${key}`;
    if (!sameJson(left, right)) return firstDifference(left, right, `${path}/${key}`);
  }
  return path || '/';
}
