/**
 * Runs one task per item with at most `concurrency` at a time and keeps every outcome, in the items' order whatever
 * order they finish in: one failed item never stops or hides the others (an organisation-wide run reports the account
 * that denied access beside the ones that worked).
 */
import pLimit from 'p-limit';

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

export async function runBounded<I, T>(items: readonly I[], concurrency: number, task: (item: I, index: number) => Promise<T>): Promise<Outcome<T>[]> {
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`);
  const limit = pLimit(concurrency);
  return Promise.all(
    items.map((item, index) =>
      limit(async (): Promise<Outcome<T>> => {
        try {
          return { ok: true, value: await task(item, index) };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    ),
  );
}
