/** What `validate` checks: each `.ts` file as definitions, anything else as a body JSON file (or get-dashboard output). */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { validateDashboardBody, validateDashboardName } from '../../model/body/validate.js';
import { compareStrings } from '../../shared/json.js';
import type { ValidationMessage } from '../../model/body/messages.js';
import { readDashboardBodyFile } from './body-file.js';
import { jsonPointerLines, lineOfPointer } from './json-lines.js';
import { loadDashboardDefinition, type LoadOptions } from './load.js';

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
