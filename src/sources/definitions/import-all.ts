/**
 * Loaded through `importTypeScriptModule`, this module imports every definition file from inside one tsx namespace,
 * so `cwdash` (all of src/) is evaluated once per build rather than once per definition file.
 */
import { pathToFileURL } from 'node:url';

export type ImportOutcome = { readonly ok: true; readonly module: Record<string, unknown> } | { readonly ok: false };

export async function importAll(files: readonly string[]): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const file of files) {
    try {
      outcomes.push({ ok: true, module: (await import(pathToFileURL(file).href)) as Record<string, unknown> });
    } catch {
      // The caller loads a failing file again on its own, which words the error with the file and line.
      outcomes.push({ ok: false });
    }
  }
  return outcomes;
}
