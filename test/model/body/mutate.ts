/** Random edits of bodies for the never-throws and round-trip tests: deterministic, so a failure reproduces. */

/** A small deterministic PRNG (mulberry32), so a failure reproduces. */
export function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const replacements: unknown[] = [null, 0, -1, 1.5, '', '.', '...', 'x', true, [], {}, [null], [[]], { expression: 7 }, 'SEARCH(', 1e9];

/** Replaces one randomly chosen value somewhere inside `value`. */
export function mutate(value: unknown, next: () => number): unknown {
  if (Array.isArray(value) && value.length > 0 && next() < 0.8) {
    const copy = [...value];
    const index = Math.floor(next() * copy.length);
    copy[index] = mutate(copy[index], next);
    return copy;
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && next() < 0.8) {
    const keys = Object.keys(value);
    if (keys.length > 0) {
      const key = keys[Math.floor(next() * keys.length)]!;
      return { ...value, [key]: mutate((value as Record<string, unknown>)[key], next) };
    }
  }
  return replacements[Math.floor(next() * replacements.length)];
}
