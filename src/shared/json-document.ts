/**
 * Reading a JSON document cwdash or the user wrote (a cache file, a baseline, the price snapshot): not-JSON and
 * wrong-shape both become an InputError that names the file, the JSON pointer of the first problem, and the fix.
 */
import type { z } from 'zod';
import { InputError } from './errors.js';
import { parseBoundedJson } from './input-limits.js';

export interface JsonDocumentContext {
  readonly file: string;
  /** What the file should be, for the message: `price cache`, `baseline`. */
  readonly what: string;
  readonly fix: string;
}

export function parseJsonDocument<Schema extends z.ZodType>(text: string, schema: Schema, context: JsonDocumentContext): z.output<Schema> {
  const { file, what, fix } = context;
  let value: unknown;
  try {
    value = parseBoundedJson(text);
  } catch (error) {
    throw new InputError(`${what} is not JSON: ${(error as Error).message}`, { location: { file }, fix });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(`invalid ${what}: ${issue.message}`, { location: { file, path: `/${issue.path.join('/')}` }, fix });
  }
  return parsed.data;
}
