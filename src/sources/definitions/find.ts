/** Finding definition files: every `*.ts` directly in the dashboards directory (not `.d.ts`), in name order. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError, errnoCode } from '../../shared/errors.js';
import { compareStrings } from '../../shared/json.js';

export async function findDefinitionFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    const code = errnoCode(error);
    throw new InputError(code === 'ENOENT' ? 'dashboards directory not found' : `cannot read the dashboards directory: ${String(error)}`, {
      location: { file: dir },
      fix: 'create it with a definition (see the README), or pass --dashboards DIR',
    });
  }
  return names
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .sort(compareStrings)
    .map((name) => join(dir, name));
}
