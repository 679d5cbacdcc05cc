/**
 * `cwdash preview`: load the definitions, render a page per dashboard plus an index, and write them all or none. A dashboard with validation errors gets no page (its body may not have the shape the page needs); the
 * index lists it with its error count. Earlier preview files are replaced; any other file only with `force`.
 */
import { join, resolve } from 'node:path';
import { displayPath } from '../shared/paths.js';
import { loadProjectConfig } from '../config/project-config.js';
import { hasErrors } from '../model/body/messages.js';
import { loadDashboardDefinitions, type LoadedDashboard } from '../sources/definitions/load.js';
import { InputError } from '../shared/errors.js';
import { fileExists, readTextFile, writeFilesAtomically, type PendingFile } from '../shared/files.js';
import { PREVIEW_GENERATOR, renderPreviewHtml, renderPreviewIndex } from '../outputs/preview-html.js';
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

export async function writePreviews(options: PreviewOptions): Promise<PreviewResult> {
  const dashboards = await loadDashboardDefinitions(options.dashboardsDir, { defaultRegion: options.defaultRegion });
  if (dashboards.length === 0) {
    throw new InputError('no dashboard definitions (*.ts) to preview', { location: { file: options.dashboardsDir }, fix: 'pass --dashboards DIR with the definitions' });
  }
  const show = options.showPath ?? ((file: string) => file);
  const drawn = dashboards.filter((dashboard) => !hasErrors(dashboard.messages));
  const skipped = dashboards.filter((dashboard) => hasErrors(dashboard.messages));
  const pages: PendingFile[] = drawn.map((dashboard) => ({
    path: join(options.outDir, `${dashboard.name}.html`),
    content: renderPreviewHtml({ name: dashboard.name, body: dashboard.body, source: show(dashboard.sourceFile) }),
  }));
  const indexPage: PendingFile = {
    path: join(options.outDir, PREVIEW_INDEX),
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
  if (!options.force) for (const file of files) await refuseForeignFile(file.path);
  await writeFilesAtomically(files, { overwrite: true });
  return { dashboards, written: files.map((file) => file.path), skipped };
}

async function refuseForeignFile(path: string): Promise<void> {
  if (!(await fileExists(path))) return;
  if ((await readTextFile(path, 'file')).includes(`<meta name="generator" content="${PREVIEW_GENERATOR}">`)) return;
  throw new InputError('file already exists and was not written by `cwdash preview`', {
    location: { file: path },
    fix: 'pass --force to replace it, or choose another --out directory',
  });
}
