/**
 * Options declared once. A command's options are a table of flags, each a zod schema plus its help text; from that
 * one table come the yargs declaration (type, array, choices, default, group, help), the TypeScript type of the
 * options `run` receives, the defaults, and the validation. yargs only splits argv; zod decides what a value means,
 * so `--budget abc`, `--replicas 0` or `--date 2026-13-45` is a usage error (exit 2) that names the flag.
 */
import type { Options as YargsOption, PositionalOptions } from 'yargs';
import { z } from 'zod';
import { UsageError } from '../shared/errors.js';

export interface FlagHelp {
  readonly describe: string;
  /** The heading `--help` lists the flag under (`AWS:`, `Output:`, `Inputs:`). */
  readonly group?: string;
  /** A positional argument of the command string (`validate <files..>`), not a `--flag`. */
  readonly positional?: boolean;
  /** An example of a good value, for the fix line of a usage error. */
  readonly example?: string;
}

export interface Flag<S extends z.ZodType = z.ZodType> {
  readonly schema: S;
  readonly help: FlagHelp;
}

export type FlagTable = Readonly<Record<string, Flag>>;

/** The options a command's `run` receives: each flag's schema output (defaults applied). */
export type OptionsOf<T extends FlagTable> = { readonly [K in keyof T]: z.output<T[K]['schema']> };

export function flag<S extends z.ZodType>(schema: S, help: FlagHelp | string): Flag<S> {
  return { schema, help: typeof help === 'string' ? { describe: help } : help };
}

/** `endpointUrl` → `--endpoint-url`; a positional keeps its name. */
export function flagName(key: string, flag?: Flag): string {
  return flag?.help.positional ? `<${key}>` : `--${kebab(key)}`;
}

export function kebab(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** What yargs needs to split argv and draw `--help`; the value's meaning is left to the schema. */
export function yargsOption(flag: Flag): YargsOption & PositionalOptions {
  const { inner, defaultValue } = unwrap(flag.schema);
  const spec: YargsOption & PositionalOptions = { describe: flag.help.describe };
  if (flag.help.group !== undefined && !flag.help.positional) spec.group = flag.help.group;
  if (defaultValue !== undefined) spec.default = defaultValue;
  const element = inner instanceof z.ZodArray ? unwrap(inner.element as z.ZodType).inner : inner;
  if (inner instanceof z.ZodArray) spec.array = true;
  if (element instanceof z.ZodBoolean) spec.type = 'boolean';
  else if (element instanceof z.ZodEnum) spec.choices = element.options as string[];
  // Numbers are declared without a type: yargs would turn "abc" into NaN, and the schema should see "abc".
  else if (element instanceof z.ZodString) spec.type = 'string';
  return spec;
}

function unwrap(schema: z.ZodType): { inner: z.ZodType; defaultValue: unknown } {
  let inner = schema;
  let defaultValue: unknown;
  for (;;) {
    if (inner instanceof z.ZodDefault) {
      defaultValue ??= inner._zod.def.defaultValue;
      inner = inner.unwrap() as z.ZodType;
    } else if (inner instanceof z.ZodOptional) inner = inner.unwrap() as z.ZodType;
    else return { inner, defaultValue };
  }
}

/**
 * The parsed argv (yargs' camelCase keys) → the typed options, or a usage error naming the first bad flag, what it
 * must be, the value given, and an example: `--replicas must be a whole number ≥ 1, got 0`.
 */
export function parseOptions<T extends FlagTable>(table: T, parsed: Readonly<Record<string, unknown>>, command: string): OptionsOf<T> {
  const shape: Record<string, z.ZodType> = {};
  const input: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(table)) {
    shape[key] = entry.schema;
    input[key] = parsed[key];
  }
  const result = z.object(shape).safeParse(input);
  if (result.success) return result.data as OptionsOf<T>;
  const issue = result.error.issues[0]!;
  const key = String(issue.path[0]);
  const entry = table[key];
  const value = input[key];
  const given = value === undefined || (Array.isArray(value) && value.length === 0) ? 'nothing' : Array.isArray(value) ? value.map(quote).join(' ') : quote(value);
  throw new UsageError(`${flagName(key, entry)} must be ${issue.message}, got ${given}`, {
    fix: entry?.help.example ? `e.g. ${flagName(key, entry)} ${entry.help.example}` : `see \`cwdash ${command} --help\``,
  });
}

function quote(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

// Value schemas several flags share. Their messages complete "--flag must be …".

/** A count of things: a whole number ≥ `min`. */
export function wholeNumber(min: number): z.ZodNumber {
  const error = `a whole number ≥ ${min}`;
  return z.number({ error }).int({ error }).min(min, { error });
}

/** An amount ≥ 0 (USD, counts of metric-months). */
export function nonNegativeNumber(what: string): z.ZodNumber {
  const error = `${what} (a number ≥ 0)`;
  return z.number({ error }).nonnegative({ error });
}

/** A calendar date written YYYY-MM-DD that exists (no 2026-13-45, no 2026-02-30). */
export const isoDate = z.string().refine((value) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}, { error: 'a date that exists, written YYYY-MM-DD' });

/** A non-empty path or name. */
export const text = z.string({ error: 'a value' }).min(1, { error: 'a value' });
