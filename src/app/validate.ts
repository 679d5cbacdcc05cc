/**
 * `cwdash validate`: each `.ts` file as definitions, anything else as a body JSON file (or get-dashboard output);
 * a directory stands for the files in it.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadProjectConfig } from '../config/project-config.js';
import { validateDashboardBody, validateDashboardName } from '../model/body/validate.js';
import { compareStrings } from '../shared/json.js';
import type { ValidationMessage } from '../model/body/messages.js';
import { readDashboardBodyFile } from '../sources/definitions/body-file.js';
import { jsonPointerLines, lineOfPointer } from '../sources/definitions/json-lines.js';
import { loadDashboardDefinition, type LoadOptions } from '../sources/definitions/load.js';
import { typecheckDefinitions, type TypeDiagnostic } from '../sources/definitions/typecheck.js';
import type { AppContext } from './context.js';

export interface ValidateOptions {
  /** Files and directories as the user named them. */
  readonly files: readonly string[];
  /** Also run the TypeScript checker on the `.ts` definitions. */
  readonly typecheck: boolean;
}

export interface ValidateResult {
  readonly files: readonly FileValidation[];
  /** The TypeScript checker's errors in the definitions (counted in `errors`). */
  readonly typeErrors: readonly TypeDiagnostic[];
  readonly errors: number;
  readonly warnings: number;
}

export async function validate(options: ValidateOptions, context: AppContext): Promise<ValidateResult> {
  const { config } = await loadProjectConfig(context.cwd, context.projectConfig);
  const named = options.files.map((file) => ({ path: resolve(context.cwd, file), shownAs: file }));
  const files = await validateFiles(named, { defaultRegion: config.region });
  const definitions = (await expandDirectories(named)).map((file) => file.path).filter((path) => path.endsWith('.ts'));
  const typeErrors = options.typecheck ? await typecheckDefinitions(definitions, context.cwd) : [];
  const all = files.flatMap((file) => file.messages);
  const errors = all.filter((message) => message.severity === 'error').length + typeErrors.length;
  return { files, typeErrors, errors, warnings: all.filter((message) => message.severity === 'warning').length };
}

export interface FileValidation {
  readonly file: string;
  /** The file as a path (widget sources in messages are paths). */
  readonly path: string;
  readonly name: string | undefined;
  readonly messages: readonly ValidationMessage[];
}

export interface FileToValidate {
  readonly path: string;
  /** The name messages use for the file (as the user typed it). */
  readonly shownAs: string;
}

/** A directory stands for the `*.json` and `*.ts` files directly in it, in name order. */
export async function expandDirectories(files: readonly FileToValidate[]): Promise<FileToValidate[]> {
  const expanded: FileToValidate[] = [];
  for (const file of files) {
    const isDirectory = await stat(file.path).then((stats) => stats.isDirectory(), () => false);
    if (!isDirectory) {
      expanded.push(file);
      continue;
    }
    const names = (await readdir(file.path)).filter((name) => /\.(json|ts)$/.test(name) && !name.endsWith('.d.ts')).sort(compareStrings);
    expanded.push(...names.map((name) => ({ path: join(file.path, name), shownAs: join(file.shownAs, name) })));
  }
  return expanded;
}

export async function validateFiles(files: readonly FileToValidate[], options: LoadOptions = {}): Promise<FileValidation[]> {
  const results: FileValidation[] = [];
  for (const { path: file, shownAs } of await expandDirectories(files)) {
    if (file.endsWith('.ts')) {
      for (const dashboard of await loadDashboardDefinition(file, options)) {
        results.push({ file: shownAs, path: file, name: dashboard.name, messages: dashboard.messages });
      }
      continue;
    }
    const { body, dashboardName, text, textIsFile } = await readDashboardBodyFile(file, shownAs);
    const nameMessages = dashboardName === undefined ? [] : validateDashboardName(dashboardName);
    const bodyMessages = validateDashboardBody(body);
    // Lines only when the body is the file's own text (not a string inside a get-dashboard response).
    const lines = textIsFile && bodyMessages.length > 0 ? jsonPointerLines(text) : undefined;
    const located = bodyMessages.map((message) => {
      const line = lines && lineOfPointer(lines, message.dataPath);
      return line === undefined ? message : { ...message, source: { file, line } };
    });
    results.push({ file: shownAs, path: file, name: dashboardName, messages: [...nameMessages, ...located] });
  }
  return results;
}
