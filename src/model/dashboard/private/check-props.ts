/**
 * Run-time check of the typed API's props objects: a definition that says `widht: 12` type-checks only where the
 * editor runs tsc, and JavaScript (or `as any`) skips it entirely, so an unknown key is an error naming the line
 * that wrote it and the option meant ("did you mean width?"), never silently dropped.
 */
import { dirname, join, sep } from 'node:path';
import { closest, distance } from 'fastest-levenshtein';
import { InputError, type SourceLocation } from '../../../shared/errors.js';
import { stackPositions } from '../../../shared/stack-frames.js';

/** Every key of every member of a union (`keyof (A | B)` would give only the common ones). */
type AllKeys<T> = T extends unknown ? keyof T & string : never;

/**
 * The props' keys as a value, listed once: `Record<AllKeys<T>, true>` makes the compiler reject a list that misses a
 * prop or names one the interface does not have, so the run-time list cannot drift from the type.
 */
export function propKeys<T>(keys: Record<AllKeys<T>, true>): readonly string[] {
  return Object.keys(keys);
}

/** The size and position keys every widget takes (`WidgetPlacementProps`). */
export const PLACEMENT_KEYS = { width: true, height: true, x: true, y: true } as const;

/** The keys every metric view takes (`MetricWidgetProps`). */
export const METRIC_WIDGET_KEYS = {
  ...PLACEMENT_KEYS,
  title: true,
  region: true,
  accountId: true,
  period: true,
  statistic: true,
  liveData: true,
  start: true,
  end: true,
  timezone: true,
} as const;

/** The keys every metric row takes (`CommonMetricOptions`). */
export const METRIC_OPTION_KEYS = { label: true, color: true, period: true, region: true, accountId: true, id: true, visible: true, yAxis: true } as const;

/** Throws an InputError for the first key of `props` that `known` does not list. */
export function checkProps(what: string, props: unknown, known: readonly string[]): void {
  if (typeof props !== 'object' || props === null || Array.isArray(props)) return;
  const unknown = Object.keys(props).filter((key) => !known.includes(key));
  if (unknown.length === 0) return;
  const key = unknown[0]!;
  const meant = closest(key, [...known]);
  const near = meant !== undefined && distance(key, meant) <= Math.max(2, Math.floor(key.length / 3));
  throw new InputError(`${what}: unknown option "${key}"${near ? ` (did you mean ${meant}?)` : ''}`, {
    ...locationOf(new Error()),
    fix: near ? `rename it to ${meant}` : `remove it; ${what} takes ${[...known].sort().join(', ')}`,
  });
}

/**
 * The first stack frame outside cwdash's code: the line of the definition that passed the props. cwdash's code is
 * `src/` and its compiled `dist/` in the package this file belongs to (four folders above it), found from the stack
 * itself, so it holds whichever copy of cwdash the definition imported, mapped through source maps or not.
 */
function locationOf(error: Error): { location?: SourceLocation } {
  const frames = stackPositions(error.stack ?? '');
  const own = frames[0];
  if (own === undefined) return {};
  const packageRoot = dirname(dirname(dirname(dirname(dirname(own.file)))));
  const ours = [join(packageRoot, 'src') + sep, join(packageRoot, 'dist') + sep];
  const frame = frames.find((position) => !ours.some((dir) => position.file.startsWith(dir)) && !position.file.includes(`${sep}node_modules${sep}`));
  return frame === undefined ? {} : { location: { file: frame.file, line: frame.line } };
}
