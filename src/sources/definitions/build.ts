/**
 * `build` as a function (the build command and `publish` both call it): load every definition, validate, and write
 * `<outDir>/<DashboardName>.json` for all of them or for none. Errors anywhere mean nothing is written.
 */
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { hasErrors } from '../../model/body/messages.js';
import { renderDashboardBody } from '../../outputs/dashboard-body.js';
import { InputError } from '../../shared/errors.js';
import { fileExists, writeFilesAtomically, type PendingFile } from '../../shared/files.js';
import { loadDashboardDefinitions, type LoadedDashboard } from './load.js';

export interface BuildOptions {
  readonly dashboardsDir: string;
  readonly outDir: string;
  /** Replace files in `outDir` that are not earlier build outputs. */
  readonly force?: boolean;
  /** Region for widgets that set none (the project config's `region`). */
  readonly defaultRegion?: string | undefined;
  /** Only compile and validate; write nothing. */
  readonly dryRun?: boolean;
}

export interface BuildResult {
  readonly dashboards: readonly LoadedDashboard[];
  /** Files written (empty when a dashboard has errors, or on a dry run). */
  readonly written: readonly string[];
  /** True when at least one dashboard has a validation error; then nothing was written. */
  readonly failed: boolean;
}

export async function buildDashboards(options: BuildOptions): Promise<BuildResult> {
  const dashboards = await loadDashboardDefinitions(options.dashboardsDir, { defaultRegion: options.defaultRegion });
  const failed = dashboards.some((dashboard) => hasErrors(dashboard.messages));
  if (failed || options.dryRun) return { dashboards, written: [], failed };
  const files: PendingFile[] = dashboards.map((dashboard) => ({
    path: join(options.outDir, `${dashboard.name}.json`),
    content: renderDashboardBody(dashboard.body),
  }));
  if (!options.force) for (const file of files) await refuseForeignFile(file.path);
  await writeFilesAtomically(files, { overwrite: true });
  return { dashboards, written: files.map((file) => file.path), failed };
}

/**
 * Rebuilding replaces earlier outputs (a body JSON file), but a file that is not a dashboard body is someone's
 * data: it is only replaced with --force.
 */
async function refuseForeignFile(path: string): Promise<void> {
  if (!(await fileExists(path))) return;
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && Array.isArray((parsed as { widgets?: unknown }).widgets)) return;
  } catch {
    // Unreadable or not JSON: not a build output, so refuse below.
  }
  throw new InputError('file already exists and is not a dashboard body written by `cwdash build`', {
    location: { file: path },
    fix: 'pass --force to replace it, or choose another --out directory',
  });
}
