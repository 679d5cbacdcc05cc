/** Documented defaults every use case shares (flag > project config > these), in a module light enough for `--help`. */
import { resolve } from 'node:path';

export const DEFAULT_DASHBOARDS_DIR = 'dashboards';
export const DEFAULT_OUT_DIR = 'dist/dashboards';
export const DEFAULT_PREVIEW_DIR = 'dist/preview';

/** The definitions directory: `--dashboards` > `dashboardsDir` of the project config > `dashboards/`. */
export function dashboardsDirOf(cwd: string, flag: string | undefined, configured: string | undefined): string {
  return resolve(cwd, flag ?? configured ?? DEFAULT_DASHBOARDS_DIR);
}
