/**
 * The project root: what report paths (and so baseline fingerprints and SARIF locations) are relative to, so the same
 * audit run from a subfolder finds the same findings. The folder of `cwdash.config.ts`, else the git root (a `.git`
 * directory, or the `.git` file of a worktree), else the current folder.
 */
import { dirname, join, resolve } from 'node:path';
import { fileExists } from '../shared/files.js';

export async function projectRoot(cwd: string, projectConfigFile: string | undefined): Promise<string> {
  if (projectConfigFile !== undefined) return dirname(resolve(cwd, projectConfigFile));
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (await fileExists(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return resolve(cwd);
  }
}
