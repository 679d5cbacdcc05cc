/**
 * `cwdash import`: an existing dashboard body (console source view, or get-dashboard output) → an idiomatic
 * TypeScript definition that builds back to it, written to `<dashboards>/<name>.ts` (never over a file without force).
 */
import { resolve } from 'node:path';
import { fileInFolder } from '../shared/safe-path.js';
import { checkDefinitionSource } from '../sources/definitions/round-trip.js';
import { compile } from '../sources/definitions/load.js';
import { displayPath } from '../shared/paths.js';
import { loadProjectConfig } from '../config/project-config.js';
import type { ValidationMessage } from '../model/body/messages.js';
import { dashboardBodySchema } from '../model/body/schema.js';
import { validateDashboardBody, validateDashboardName } from '../model/body/validate.js';
import { importDashboard } from '../outputs/typescript-definition.js';
import { readDashboardBodyFile } from '../sources/definitions/body-file.js';
import { FindingsError, UsageError, type CwdashError } from '../shared/errors.js';
import { writeFileAtomic } from '../shared/files.js';
import type { AppContext } from './context.js';
import { dashboardsDirOf } from './defaults.js';

export interface ImportOptions {
  /** The body JSON file, as the user named it. */
  readonly body: string;
  readonly name?: string | undefined;
  readonly out?: string | undefined;
  readonly force: boolean;
  /** Return the definition without writing it. */
  readonly print: boolean;
}

export interface ImportResult {
  /** The body file as messages name it. */
  readonly file: string;
  readonly messages: readonly ValidationMessage[];
  /** Error messages among `messages`: a body with errors is written only with `force`. */
  readonly errors: number;
  /** Set when the body cannot be imported (not a body's shape, or errors without `force`); nothing was written. */
  readonly stopped?: CwdashError;
  readonly source?: string;
  /** Widgets kept as RawWidget JSON, by index and type: no typed widget reproduces them exactly. */
  readonly rawWidgets: readonly { readonly index: number; readonly type: string }[];
  /** The definition file written (not with `print`), and whether building it gave the same body or why that could not be checked. */
  readonly written?: { readonly file: string; readonly roundTrip: 'same' | { readonly unchecked: string } };
}

export async function importBody(options: ImportOptions, context: AppContext): Promise<ImportResult> {
  const { config } = await loadProjectConfig(context.cwd, context.projectConfig);
  const path = resolve(context.cwd, options.body);
  const { body, dashboardName } = await readDashboardBodyFile(path, options.body);
  const name = options.name ?? dashboardName;
  if (name === undefined) throw new UsageError('name the dashboard', { fix: 'pass --name NAME (the DashboardName; also the file name)' });
  const nameProblem = validateDashboardName(name)[0];
  if (nameProblem) throw new UsageError(nameProblem.message, { fix: 'pass a --name of letters, digits, - and _' });

  const file = displayPath(context.cwd, path);
  const messages = validateDashboardBody(body);
  const errors = messages.filter((message) => message.severity === 'error').length;
  const parsed = dashboardBodySchema.safeParse(body);
  if (!parsed.success) {
    const stopped = new FindingsError('the body does not have the shape of a dashboard body, so it cannot be imported', {
      location: { file },
      fix: 'fix the errors above (or download the body again with `aws cloudwatch get-dashboard`)',
    });
    return { file, messages, errors, stopped, rawWidgets: [] };
  }
  const imported = importDashboard(parsed.data, name);
  const rawWidgets = imported.rawWidgets.map((index) => ({ index, type: parsed.data.widgets[index]!.type }));
  const result = { file, messages, errors, source: imported.source, rawWidgets };
  if (options.print) return result;
  // A body CloudWatch would reject imports into a definition `build` rejects too: write it only when asked to.
  if (errors > 0 && !options.force) {
    const stopped = new FindingsError(`the body has ${errors} error${errors === 1 ? '' : 's'} (above): nothing was written`, {
      location: { file },
      fix: 'fix the body and import it again, or pass --force to write the definition anyway and fix it there',
    });
    return { ...result, stopped };
  }
  const out = options.out === undefined ? fileInFolder(dashboardsDirOf(context.cwd, undefined, config.dashboardsDir), name, '.ts') : resolve(context.cwd, options.out);
  // The promise "build gives the same body" is checked on the code as written: loaded like a definition, built, compared.
  const region = { defaultRegion: config.region };
  const roundTrip = await checkDefinitionSource(imported.source, out, compile(imported.dashboard, out, region).body, region);
  if (roundTrip.kind === 'different') {
    const stopped = new FindingsError(`the generated definition builds a different body (first difference at ${roundTrip.path}): nothing was written`, {
      location: { file },
      fix: 'this is a bug in cwdash import; please report it with the body (use --print to see the generated code)',
    });
    return { ...result, stopped };
  }
  await writeFileAtomic(out, imported.source, { overwrite: options.force });
  return { ...result, written: { file: out, roundTrip: roundTrip.kind === 'same' ? 'same' : { unchecked: roundTrip.reason } } };
}
