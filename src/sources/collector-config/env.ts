/**
 * Collector-style variable expansion: `${env:VAR}`, `${VAR}`, `${env:VAR:-default}` and `$$` for a literal `$`.
 * A value that is exactly one reference takes the variable's YAML type (`${env:PORT}` → 3000), as the collector's
 * confmap resolver does; a reference inside longer text is spliced in as a string.
 */
import { parse as parseYamlScalar } from 'yaml';
import { InputError } from '../../shared/errors.js';
import { readTextFile } from '../../shared/files.js';

const REFERENCE = /\$\$|\$\{(?:env:)?([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;
const WHOLE_REFERENCE = /^\$\{(?:env:)?([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}$/;

export type Env = Readonly<Record<string, string | undefined>>;

/** Thrown by `expandString` when a variable is unset; the loader adds the location. */
export class MissingVariableError extends Error {
  constructor(readonly variable: string) {
    super(`environment variable "${variable}" is not set`);
  }
}

export function expandString(text: string, env: Env): unknown {
  const whole = WHOLE_REFERENCE.exec(text);
  if (whole) return typedValue(lookup(whole[1]!, whole[2], env));
  if (!text.includes('$')) return text;
  return text.replace(REFERENCE, (match, name: string | undefined, fallback: string | undefined) =>
    match === '$$' ? '$' : lookup(name!, fallback, env),
  );
}

function lookup(name: string, fallback: string | undefined, env: Env): string {
  const value = env[name];
  if (value !== undefined) return value;
  if (fallback !== undefined) return fallback;
  throw new MissingVariableError(name);
}

/** `3000` → number, `true` → boolean, anything else stays text; never throws. */
function typedValue(value: string): unknown {
  try {
    const parsed: unknown = parseYamlScalar(value);
    return typeof parsed === 'number' || typeof parsed === 'boolean' ? parsed : value;
  } catch {
    return value;
  }
}

/**
 * A dotenv file: `NAME=value`, optional `export `, `#` comments, single or double quotes. Malformed lines are errors
 * with their line number, because a silently skipped variable would surface later as a confusing "not set".
 */
export async function loadEnvFile(file: string): Promise<Record<string, string>> {
  const text = await readTextFile(file, 'env file');
  const result: Record<string, string> = {};
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '').trim();
    if (line === '' || line.startsWith('#')) return;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) {
      throw new InputError('expected NAME=value', {
        location: { file, line: index + 1 },
        fix: 'write one variable per line as NAME=value',
      });
    }
    result[match[1]!] = unquote(match[2]!);
  });
  return result;
}

function unquote(value: string): string {
  const quoted = /^(['"])(.*)\1$/.exec(value);
  if (!quoted) return value.replace(/\s+#.*$/, '');
  return quoted[1] === '"' ? quoted[2]!.replace(/\\n/g, '\n').replace(/\\"/g, '"') : quoted[2]!;
}
