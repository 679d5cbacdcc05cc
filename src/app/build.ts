/**
 * `cwdash build`: load every definition, validate, and write `<outDir>/<DashboardName>.json` for all of them or for
 * none. Errors anywhere mean nothing is written.
 */
import { join, resolve } from 'node:path';
import { loadProjectConfig } from '../config/project-config.js';
import { hasErrors } from '../model/body/messages.js';
import { renderDashboardBody } from '../model/body/serialize.js';
import { isOurs, openOutputFolder, StagedOutputs } from '../shared/output-folder.js';
import { eachDashboardDefinition, type LoadedDashboard } from '../sources/definitions/load.js';
import { compareStrings } from '../shared/json.js';
import { findDefinitionFiles } from '../sources/definitions/find.js';
import { typecheckDefinitions, type TypeDiagnostic } from '../sources/definitions/typecheck.js';
import type { AppContext } from './context.js';
import { DEFAULT_OUT_DIR, dashboardsDirOf } from './defaults.js';

/** The command's options: directories as given (flag > project config > default). */
export interface BuildCommandOptions {
  readonly dashboards?: string | undefined;
  readonly out?: string | undefined;
  readonly force: boolean;
  readonly check: boolean;
  readonly clean: boolean;
  /** Run the TypeScript checker (strict) first; its errors stop the build before anything is written. */
  readonly typecheck: boolean;
}

export interface BuildRun extends BuildResult {
  readonly dashboardsDir: string;
  readonly outDir: string;
  readonly dryRun: boolean;
  /** The project config's dashboard name prefix (`''` when none), and the dashboards whose names lie outside it. */
  readonly prefix: string;
  readonly outsidePrefix: readonly string[];
}

export type BuildOutcome = { readonly kind: 'type-errors'; readonly typeErrors: readonly TypeDiagnostic[] } | ({ readonly kind: 'built' } & BuildRun);

export async function build(options: BuildCommandOptions, context: AppContext): Promise<BuildOutcome> {
  const { config } = await loadProjectConfig(context.cwd, context.projectConfig);
  const dashboardsDir = dashboardsDirOf(context.cwd, options.dashboards, config.dashboardsDir);
  if (options.typecheck) {
    const typeErrors = await typecheckDefinitions(await findDefinitionFiles(dashboardsDir), context.cwd);
    if (typeErrors.length > 0) return { kind: 'type-errors', typeErrors };
  }
  const outDir = resolve(context.cwd, options.out ?? config.outDir ?? DEFAULT_OUT_DIR);
  const result = await buildDashboards({
    dashboardsDir,
    outDir,
    force: options.force,
    dryRun: options.check,
    clean: options.clean,
    defaultRegion: config.region,
  });
  // publish refuses these; saying so at build time saves a round trip.
  const prefix = config.prefix ?? '';
  const outsidePrefix = prefix === '' ? [] : result.dashboards.filter((dashboard) => !dashboard.name.startsWith(prefix)).map((dashboard) => dashboard.name);
  return { kind: 'built', ...result, dashboardsDir, outDir, dryRun: options.check, prefix, outsidePrefix };
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
  /** Earlier outputs in `outDir` that no definition builds any more and that are left in place (listed). */
  readonly stale: readonly string[];
  /** Earlier outputs deleted by `clean` (those unchanged since build wrote them). */
  readonly cleaned: readonly string[];
}

/** The manifest of `build`'s outputs in the out directory (see shared/output-folder.ts). */
export const BUILD_MANIFEST = '.cwdash-build.manifest';

export async function buildDashboards(options: BuildOptions): Promise<BuildResult> {
  // Each body is staged (written to its temp file) as soon as it is rendered, while the next definition compiles; an
  // error anywhere discards them all, so nothing is written unless every dashboard is valid.
  const staged = options.dryRun ? undefined : new StagedOutputs(options.outDir);
  try {
    const dashboards: LoadedDashboard[] = [];
    let failed = false;
    for await (const dashboard of eachDashboardDefinition(options.dashboardsDir, { defaultRegion: options.defaultRegion })) {
      dashboards.push(dashboard);
      failed ||= hasErrors(dashboard.messages);
      if (staged === undefined || failed) continue;
      staged.add({ name: `${dashboard.name}.json`, content: renderDashboardBody(dashboard.body) });
      // A turn of the event loop, so the staged writes' callbacks run and the next step of each starts.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const folder = await openOutputFolder(options.outDir, BUILD_MANIFEST, 'cwdash build', failed || staged === undefined);
    const names = new Set(dashboards.map((dashboard) => `${dashboard.name}.json`));
    const stale = [...folder.written.keys()].filter((name) => name.endsWith('.json') && !names.has(name)).sort(compareStrings);
    const staleResult = (cleaned: readonly string[]) => ({
      stale: stale.filter((name) => !cleaned.includes(name)).map((name) => join(options.outDir, name)),
      cleaned: cleaned.map((name) => join(options.outDir, name)),
    });
    if (failed || staged === undefined) {
      await staged?.discard();
      return { dashboards, written: [], failed, ...staleResult([]) };
    }
    // --clean deletes an earlier output only while it is as build wrote it; one edited since is the user's.
    const removable = options.clean ? await asyncFilter(stale, (name) => isOurs(folder, name)) : [];
    await staged.commit(folder, { force: options.force ?? false, remove: removable });
    return { dashboards, written: dashboards.map((dashboard) => join(options.outDir, `${dashboard.name}.json`)), failed: false, ...staleResult(removable) };
  } catch (error) {
    await staged?.discard();
    throw error;
  }
}

async function asyncFilter<T>(items: readonly T[], keep: (item: T) => Promise<boolean>): Promise<T[]> {
  const verdicts = await Promise.all(items.map(keep));
  return items.filter((_, index) => verdicts[index]);
}
