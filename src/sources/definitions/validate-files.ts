/** What `validate` checks: each `.ts` file as definitions, anything else as a body JSON file (or get-dashboard output). */
import { validateDashboardBody, validateDashboardName } from '../../model/body/validate.js';
import type { ValidationMessage } from '../../model/body/messages.js';
import { readDashboardBodyFile } from './body-file.js';
import { loadDashboardDefinition, type LoadOptions } from './load.js';

export interface FileValidation {
  readonly file: string;
  readonly name: string | undefined;
  readonly messages: readonly ValidationMessage[];
}

export async function validateFiles(files: readonly string[], options: LoadOptions = {}): Promise<FileValidation[]> {
  const results: FileValidation[] = [];
  for (const file of files) {
    if (file.endsWith('.ts')) {
      for (const dashboard of await loadDashboardDefinition(file, options)) {
        results.push({ file, name: dashboard.name, messages: dashboard.messages });
      }
      continue;
    }
    const { body, dashboardName } = await readDashboardBodyFile(file);
    const nameMessages = dashboardName === undefined ? [] : validateDashboardName(dashboardName);
    results.push({ file, name: dashboardName, messages: [...nameMessages, ...validateDashboardBody(body)] });
  }
  return results;
}
