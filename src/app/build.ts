/**
 * `cwdash build`: load every definition, validate, and write `<outDir>/<DashboardName>.json` for all of them or for
 * none. Errors anywhere mean nothing is written.
 */
import { join, resolve } from 'node:path';
import { readFile, readdir, rm } from 'node:fs/promises';
import { loadProjectConfig } from '../config/project-config.js';
import { hasErrors } from '../model/body/messages.js';
import { renderDashboardBody } from '../model/body/serialize.js';
import { InputError } from '../shared/errors.js';
import { fileExists, writeFilesAtomically, type PendingFile } from '../shared/files.js';
import { loadDashboardDefinitions, type LoadedDashboard } from '../sources/definitions/load.js';
import { compareStrings } from '../shared/json.js';
import type { AppContext } from './context.js';
import { DEFAULT_OUT_DIR, dashboardsDirOf } from './defaults.js';

/** The command's options: directories as given (flag > project config > default). */
export interface BuildCommandOptions {
  readonly dashboards?: string | undefined;
  readonly out?: string | undefined;
  readonly force: boolean;
  readonly check: boolean;
  readonly clean: boolean;
}

export interface BuildRun extends BuildResult {
  readonly dashboardsDir: string;
  readonly outDir: string;
  readonly dryRun: boolean;
}

export async function build(options: BuildCommandOptions, context: AppContext): Promise<BuildRun> {
  const { config } = await loadProjectConfig(context.cwd, context.projectConfig);
  const dashboardsDir = dashboardsDirOf(context.cwd, options.dashboards, config.dashboardsDir);
  const outDir = resolve(context.cwd, options.out ?? config.outDir ?? DEFAULT_OUT_DIR);
  const result = await buildDashboards({
    dashboardsDir,
    outDir,
    force: options.force,
    dryRun: options.check,
    clean: options.clean,
    defaultRegion: config.region,
  });
  return { ...result, dashboardsDir, outDir, dryRun: options.check };
}

export interface BuildOptions {
  readonly dashboardsDir: string;
  readonly outDir: string;
  /** Replace files in `outDir` that are not earlier build outputs. */
  readonly force?: boolean;
  /** Region for widgets that set none (the project config's `region`). */
  readonly defaultRegion?: string | undefined;
  /** Only compile and validate; write nothing. */
  readonly dryRun?: boolean;
  /** Delete the earlier outputs in `outDir` that no definition builds any more (renamed or removed dashboards). */
  readonly clean?: boolean;
}

export interface BuildResult {
  readonly dashboards: readonly LoadedDashboard[];
  /** Files written (empty when a dashboard has errors, or on a dry run). */
  readonly written: readonly string[];
  /** True when at least one dashboard has a validation error; then nothing was written. */
  readonly failed: boolean;
  /** Earlier outputs in `outDir` that no definition builds any more: deleted with `clean`, else left and listed. */
  readonly stale: readonly string[];
  /** Whether `stale` files were deleted. */
  readonly cleaned: boolean;
}

export async function buildDashboards(options: BuildOptions): Promise<BuildResult> {
  const dashboards = await loadDashboardDefinitions(options.dashboardsDir, { defaultRegion: options.defaultRegion });
  const failed = dashboards.some((dashboard) => hasErrors(dashboard.messages));
  const files: PendingFile[] = dashboards.map((dashboard) => ({
    path: join(options.outDir, `${dashboard.name}.json`),
    content: renderDashboardBody(dashboard.body),
  }));
  const stale = await staleOutputs(options.outDir, new Set(files.map((file) => file.path)));
  if (failed || options.dryRun) return { dashboards, written: [], failed, stale, cleaned: false };
  if (!options.force) for (const file of files) await refuseForeignFile(file.path);
  await writeFilesAtomically(files, { overwrite: true });
  if (options.clean) await Promise.all(stale.map((path) => rm(path, { force: true })));
  return { dashboards, written: files.map((file) => file.path), failed, stale, cleaned: options.clean === true };
}

/** `*.json` dashboard bodies in `outDir` that this build does not write. */
async function staleOutputs(outDir: string, building: ReadonlySet<string>): Promise<string[]> {
  const names = await readdir(outDir).catch(() => [] as string[]);
  const stale: string[] = [];
  for (const name of names.filter((entry) => entry.endsWith('.json')).sort(compareStrings)) {
    const path = join(outDir, name);
    if (!building.has(path) && (await isDashboardBodyFile(path))) stale.push(path);
  }
  return stale;
}

async function isDashboardBodyFile(path: string): Promise<boolean> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    return typeof parsed === 'object' && parsed !== null && Array.isArray((parsed as { widgets?: unknown }).widgets);
  } catch {
    return false; // unreadable or not JSON: not a build output
  }
}

/**
 * Rebuilding replaces earlier outputs (a body JSON file), but a file that is not a dashboard body is someone's
 * data: it is only replaced with --force.
 */
async function refuseForeignFile(path: string): Promise<void> {
  if (!(await fileExists(path)) || (await isDashboardBodyFile(path))) return;
  throw new InputError('file already exists and is not a dashboard body written by `cwdash build`', {
    location: { file: path },
    fix: 'pass --force to replace it, or choose another --out directory',
  });
}
