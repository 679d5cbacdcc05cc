/**
 * Loading dashboard definitions: a `*.ts` file whose default export is a `Dashboard` or an array of them. Each
 * dashboard is rendered to its body and validated; the messages travel with it so callers decide what fails.
 */
import { Dashboard } from '../../model/dashboard/dashboard.js';
import type { DashboardBody } from '../../model/body/schema.js';
import type { ValidationMessage } from '../../model/body/messages.js';
import { validateDashboardBody, validateDashboardName } from '../../model/body/validate.js';
import { CwdashError, InputError } from '../../shared/errors.js';
import { defaultExportOf, importTypeScriptModule, importTypeScriptModules } from '../../shared/typescript-module.js';
import { findDefinitionFiles } from './find.js';
import { originOf, recordingCallSites } from '../../model/dashboard/private/call-site.js';

export interface LoadedDashboard {
  /** DashboardName: also the output file's name. */
  readonly name: string;
  readonly body: DashboardBody;
  /** The definition file, as given (relative paths stay relative). */
  readonly sourceFile: string;
  readonly messages: ValidationMessage[];
}

export interface LoadOptions {
  /** Region for widgets that set none, and whose dashboard sets none (the project config's `region`). */
  readonly defaultRegion?: string | undefined;
}

export async function loadDashboardDefinitions(dir: string, options: LoadOptions = {}): Promise<LoadedDashboard[]> {
  const loaded: LoadedDashboard[] = [];
  for await (const dashboard of eachDashboardDefinition(dir, options)) loaded.push(dashboard);
  return loaded;
}

/**
 * The same dashboards one definition file at a time, so a caller can act on each (write it) while the next compiles.
 * It throws what loadDashboardDefinitions throws, at the same points: a name used twice only after the last file.
 */
export async function* eachDashboardDefinition(dir: string, options: LoadOptions = {}): AsyncGenerator<LoadedDashboard> {
  const files = await findDefinitionFiles(dir);
  const modules = await recordingCallSites(() => importDefinitionModules(files));
  const loaded: LoadedDashboard[] = [];
  for (const [index, file] of files.entries()) {
    for (const dashboard of dashboardsOf(modules[index]!, file, options)) {
      loaded.push(dashboard);
      yield dashboard;
    }
  }
  checkUniqueNames(loaded);
}

export async function loadDashboardDefinition(file: string, options: LoadOptions = {}): Promise<LoadedDashboard[]> {
  return dashboardsOf(await recordingCallSites(() => importTypeScriptModule(file)), file, options);
}

/** All definition files through one bundle (see typescript-module.ts); the first that fails to load is reported. */
async function importDefinitionModules(files: readonly string[]): Promise<Record<string, unknown>[]> {
  return (await importTypeScriptModules(files)).map((outcome) => {
    if (!outcome.ok) throw outcome.error;
    return outcome.module;
  });
}

function dashboardsOf(module: Record<string, unknown>, file: string, options: LoadOptions): LoadedDashboard[] {
  const exported = defaultExportOf(module);
  const items = Array.isArray(exported) ? exported : [exported];
  return items.map((item, index) => {
    if (!isDashboard(item)) {
      throw new InputError(
        exported === undefined ? 'the file has no default export' : `the default export${Array.isArray(exported) ? `[${index}]` : ''} is not a Dashboard`,
        { location: { file }, fix: "end the file with `export default new Dashboard({ dashboardName: '...', widgets: [...] })` (or an array of them)" },
      );
    }
    return compile(item, file, options);
  });
}

/** Renders and validates one dashboard; a throw while rendering (a bug in user code) becomes an InputError. */
export function compile(dashboard: Dashboard, sourceFile: string, options: LoadOptions = {}): LoadedDashboard {
  let body: DashboardBody;
  try {
    body = dashboard.toBody({ region: options.defaultRegion });
  } catch (error) {
    // The model's own errors carry a fix; they may come from the definition's copy of cwdash, so no instanceof.
    const own = error instanceof Error && typeof (error as Partial<CwdashError>).fix === 'string' ? (error as CwdashError) : undefined;
    if (own) throw new InputError(own.message, { location: { file: sourceFile }, fix: own.fix, cause: error });
    throw new InputError(`dashboard "${dashboard.dashboardName}" cannot be rendered: ${error instanceof Error ? error.message : String(error)}`, {
      location: { file: sourceFile },
      fix: 'check the values passed to the widgets of this dashboard',
      cause: error,
    });
  }
  const messages = [...validateDashboardName(dashboard.dashboardName), ...validateDashboardBody(body)].map((message) =>
    withWidgetSource(message, body),
  );
  return { name: dashboard.dashboardName, body, sourceFile, messages };
}

/** A message about `/widgets/N/...` learns the line that created widget N. */
function withWidgetSource(message: ValidationMessage, body: DashboardBody): ValidationMessage {
  const index = /^\/widgets\/(\d+)/.exec(message.dataPath)?.[1];
  const widget = index === undefined ? undefined : body.widgets[Number(index)];
  const source = widget && originOf(widget);
  return source ? { ...message, source } : message;
}

/**
 * Compiled cwdash hands definitions its own modules, but a project may resolve `cwdash` to another install (and
 * cwdash run from its sources bundles a copy), so `instanceof` alone could fail: a structural check backs it up.
 */
function isDashboard(value: unknown): value is Dashboard {
  if (value instanceof Dashboard) return true;
  return (
    typeof value === 'object' && value !== null && typeof (value as Dashboard).toBody === 'function' && typeof (value as Dashboard).dashboardName === 'string'
  );
}

function checkUniqueNames(dashboards: readonly LoadedDashboard[]): void {
  const seen = new Map<string, string>();
  for (const dashboard of dashboards) {
    const first = seen.get(dashboard.name);
    if (first !== undefined) {
      throw new InputError(`dashboard name "${dashboard.name}" is also defined in ${first}`, {
        location: { file: dashboard.sourceFile },
        fix: 'give each dashboard its own dashboardName: the name is the dashboard in CloudWatch and the output file',
      });
    }
    seen.set(dashboard.name, dashboard.sourceFile);
  }
}
