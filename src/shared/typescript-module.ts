/**
 * Loads a user's TypeScript file (a dashboard definition, `cwdash.config.ts`) with tsx, so users need no build step.
 * A file that does not compile or throws while loading becomes an InputError naming the file and, where the
 * compiler or the stack says so, the line.
 */
import { tsImport } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { CwdashError, InputError } from './errors.js';
import { fileExists } from './files.js';

export async function importTypeScriptModule(file: string): Promise<Record<string, unknown>> {
  const absolute = resolve(file);
  if (!(await fileExists(absolute))) {
    throw new InputError('file not found', { location: { file }, fix: 'check the path' });
  }
  try {
    // A query string makes every load fresh: a long-lived process (tests, watch) sees edits.
    const url = `${pathToFileURL(absolute).href}?cwdash=${Date.now()}-${Math.random()}`;
    return (await tsImport(url, import.meta.url)) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof CwdashError) {
      if (error.location?.file) throw error;
      throw new InputError(error.message, { location: { file }, fix: error.fix, cause: error });
    }
    const missing = missingPackage(error);
    if (missing !== undefined) {
      throw new InputError(`imports package "${missing}", which is not installed where this file is`, {
        location: { file },
        fix: `install it in the project that holds the file (npm install --save-dev ${missing})`,
        cause: error,
      });
    }
    const compileError = isCompileError(error);
    throw new InputError(`${compileError ? 'does not compile' : 'threw while loading'}: ${firstLine(error)}`, {
      location: { file, line: lineInFile(error, absolute) },
      fix: compileError
        ? 'fix the syntax error at that line (`npx tsc --noEmit` shows every type error too)'
        : 'the code at that line failed when it ran; fix it (add --debug for the stack trace)',
      cause: error,
    });
  }
}

/**
 * The file's default export. A `.ts` file outside an ESM package is compiled as CommonJS, and its `export default`
 * then arrives wrapped as `{ __esModule, default }`; unwrapping here gives every caller the value the user wrote.
 */
export async function importDefaultExport(file: string): Promise<unknown> {
  return defaultExportOf(await importTypeScriptModule(file));
}

/** The default export of an already-imported module, unwrapped the same way. */
export function defaultExportOf(module: Record<string, unknown>): unknown {
  const value = module.default;
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && '__esModule' in value && 'default' in value) {
    return (value as { default: unknown }).default;
  }
  return value;
}

/** esbuild (inside tsx) reports syntax errors as "Transform failed"; Node reports them as SyntaxError. */
function isCompileError(error: unknown): boolean {
  return error instanceof SyntaxError || (error instanceof Error && /Transform failed|Expected .* but found/.test(error.message));
}

function missingPackage(error: unknown): string | undefined {
  if (!(error instanceof Error) || (error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') return undefined;
  return /Cannot find package '([^']+)'/.exec(error.message)?.[1];
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // esbuild's first line only counts errors; the message itself follows "ERROR:" on a later line.
  const esbuildMessage = /ERROR: (.+)/.exec(text)?.[1];
  if (esbuildMessage !== undefined) return esbuildMessage.trim();
  return text.split('\n').find((line) => line.trim() !== '')?.trim() ?? text;
}

/** The first line number the error's stack or compiler message gives for this file, if any. */
function lineInFile(error: unknown, absolute: string): number | undefined {
  const text = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
  const escaped = absolute.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}(?:\\?[^:]*)?:(\\d+)`).exec(text);
  return match ? Number(match[1]) : undefined;
}
