/**
 * `cwdash preview`: load the definitions, render a page per dashboard plus an index, and write them all or none. A
 * dashboard with validation errors gets no page (its body may not have the shape the page needs); the index lists it
 * with its error count. Files an earlier preview wrote (its manifest) are replaced; any other only with `force`.
 */
import { join, resolve } from 'node:path';
import { loadProjectConfig } from '../config/project-config.js';
import { hasErrors } from '../model/body/messages.js';
import { loadDashboardDefinitions, type LoadedDashboard } from '../sources/definitions/load.js';
import { InputError } from '../shared/errors.js';
import { openOutputFolder, replaceOutputs, type OutputFile } from '../shared/output-folder.js';
import { displayPath } from '../shared/paths.js';
import { renderPreviewHtml, renderPreviewIndex } from '../outputs/preview-html.js';
import type { AppContext } from './context.js';
import { dashboardsDirOf } from './defaults.js';

export interface PreviewCommandOptions {
  readonly dashboards?: string | undefined;
  readonly out: string;
  readonly force: boolean;
}

export async function preview(options: PreviewCommandOptions, context: AppContext): Promise<PreviewResult> {
  const { config } = await loadProjectConfig(context.cwd, context.projectConfig);
  return writePreviews({
    dashboardsDir: dashboardsDirOf(context.cwd, options.dashboards, config.dashboardsDir),
    outDir: resolve(context.cwd, options.out),
    defaultRegion: config.region,
    force: options.force,
    showPath: (path) => displayPath(context.cwd, path),
  });
}

export interface PreviewOptions {
  readonly dashboardsDir: string;
  readonly outDir: string;
  /** Region for widgets that set none (the project config's `region`). */
  readonly defaultRegion?: string | undefined;
  /** Replace files in `outDir` that an earlier preview did not write. */
  readonly force?: boolean;
  /** How a definition file is named on the pages (e.g. relative to the project). */
  readonly showPath?: (file: string) => string;
}

export interface PreviewResult {
  readonly dashboards: readonly LoadedDashboard[];
  /** Page files written, the index last. */
  readonly written: readonly string[];
  /** Dashboards with validation errors: listed, not drawn. */
  readonly skipped: readonly LoadedDashboard[];
}

export const PREVIEW_INDEX = 'index.html';
/** The list of files `preview` wrote into its folder (see shared/output-folder.ts). */
export const PREVIEW_MANIFEST = '.cwdash-preview.manifest';

export async function writePreviews(options: PreviewOptions): Promise<PreviewResult> {
  const dashboards = await loadDashboardDefinitions(options.dashboardsDir, { defaultRegion: options.defaultRegion });
  if (dashboards.length === 0) {
    throw new InputError('no dashboard definitions (*.ts) to preview', { location: { file: options.dashboardsDir }, fix: 'pass --dashboards DIR with the definitions' });
  }
  const show = options.showPath ?? ((file: string) => file);
  const drawn = dashboards.filter((dashboard) => !hasErrors(dashboard.messages));
  const skipped = dashboards.filter((dashboard) => hasErrors(dashboard.messages));
  const pages: OutputFile[] = drawn.map((dashboard) => ({
    name: `${dashboard.name}.html`,
    content: renderPreviewHtml({ name: dashboard.name, body: dashboard.body, source: show(dashboard.sourceFile) }),
  }));
  const indexPage: OutputFile = {
    name: PREVIEW_INDEX,
    content: renderPreviewIndex(
      dashboards.map((dashboard) => ({
        name: dashboard.name,
        widgets: dashboard.body.widgets.length,
        source: show(dashboard.sourceFile),
        ...(hasErrors(dashboard.messages)
          ? { errors: dashboard.messages.filter((message) => message.severity === 'error').length }
          : { file: `${dashboard.name}.html` }),
      })),
    ),
  };
  const files = [...pages, indexPage];
  // Only files the manifest lists as this command's (and unchanged since) are replaced without --force.
  const folder = await openOutputFolder(options.outDir, PREVIEW_MANIFEST, 'cwdash preview');
  await replaceOutputs(folder, files, { force: options.force ?? false });
  return { dashboards, written: files.map((file) => join(options.outDir, file.name)), skipped };
}
