/**
 * Reading a JSON document cwdash or the user wrote (a cache file, a baseline, the price snapshot): not-JSON and
 * wrong-shape both become an InputError that names the file, the JSON pointer of the first problem, and the fix.
 */
import type { z } from 'zod';
import { InputError } from './errors.js';
import { JSONParser } from '@streamparser/json';
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

export type JsonParseResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string; readonly line?: number; readonly column?: number };

/** JSON.parse that says where a syntax error is (line and column from V8's character offset), for file:line messages. */
export function parseJsonText(text: string): JsonParseResult {
  // Editors on some systems save with a byte-order mark, which JSON.parse rejects.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: parseBoundedJson(body) };
  } catch (error) {
    // V8 quotes a snippet of the text (newlines and all); the line and column say where instead.
    const message = (error as Error).message.replace(/,\s*(?:\.\.\.)?".*" is not valid JSON$/s, '');
    const offset = /position (\d+)/.exec(message)?.[1] ?? syntaxErrorOffset(body);
    if (offset === undefined) return { ok: false, message };
    const before = body.slice(0, Number(offset));
    const line = before.split('\n').length;
    return { ok: false, message, line, column: before.length - before.lastIndexOf('\n') };
  }
}

/**
 * Where a JSON syntax error is, when V8's message does not say (`Unexpected token 'o', "..." is not valid JSON`):
 * the streaming tokenizer reports the absolute offset of the first character it cannot take.
 */
function syntaxErrorOffset(text: string): string | undefined {
  let offset: string | undefined;
  const parser = new JSONParser({ paths: [] });
  parser.onError = (error) => {
    offset ??= /absolute position "(\d+)"/.exec(error.message)?.[1];
  };
  try {
    parser.write(text);
  } catch {
    // onError has the position.
  }
  return offset;
}
