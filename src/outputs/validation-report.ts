/**
 * Validation results for people (one line per message, `file (dashboard): dataPath: message`, as CLI messages are
 * written everywhere) and for machines (versioned JSON), shared by `build` and `validate`.
 */
import type { ValidationMessage } from '../model/body/messages.js';
import { formatValidationMessage } from '../model/body/messages.js';
import { stableStringify } from '../shared/json.js';
import { warn, type Io } from '../shared/io.js';
import { displayPath } from '../shared/paths.js';

export interface ValidatedDashboard {
  /** File the dashboard came from, as the user should read it (relative to the working directory). */
  readonly file: string;
  /** The same file as an absolute path, to match the widget sources recorded in messages. */
  readonly path?: string;
  /** DashboardName, when known (definitions; get-dashboard output). */
  readonly name: string | undefined;
  readonly messages: readonly ValidationMessage[];
}

export const VALIDATION_REPORT_SCHEMA_VERSION = 1;

/**
 * `file:line (name): /widgets/0/...: message`, errors first, each group in body order. The line is where the widget
 * was created, when the definition created it; a widget made in another file (a shared helper) names that place.
 * @param sourceFile the dashboard's file as a path, to recognise widget sources in it (default: `file`)
 */
export function validationLines(
  dashboard: ValidatedDashboard,
  sourceFile = dashboard.file,
  showPath: (path: string) => string = (path) => path,
): { readonly severity: ValidationMessage['severity']; readonly text: string }[] {
  const ordered = [
    ...dashboard.messages.filter((message) => message.severity === 'error'),
    ...dashboard.messages.filter((message) => message.severity === 'warning'),
  ];
  const name = dashboard.name === undefined ? '' : ` (${dashboard.name})`;
  return ordered.map((message) => {
    const source = message.source;
    const inFile = source !== undefined && source.file === sourceFile;
    const where = `${dashboard.file}${inFile ? `:${source.line}` : ''}${name}`;
    const elsewhere = source !== undefined && !inFile ? ` (widget created at ${showPath(source.file)}:${source.line})` : '';
    return { severity: message.severity, text: `${where}: ${formatValidationMessage(message)}${elsewhere}` };
  });
}

export function countMessages(dashboards: readonly ValidatedDashboard[]): { errors: number; warnings: number } {
  const all = dashboards.flatMap((dashboard) => dashboard.messages);
  return {
    errors: all.filter((message) => message.severity === 'error').length,
    warnings: all.filter((message) => message.severity === 'warning').length,
  };
}

export function renderValidationJson(dashboards: readonly ValidatedDashboard[]): string {
  return stableStringify({
    schemaVersion: VALIDATION_REPORT_SCHEMA_VERSION,
    ...countMessages(dashboards),
    dashboards: dashboards.map((dashboard) => ({
      file: dashboard.file,
      name: dashboard.name ?? null,
      valid: !dashboard.messages.some((message) => message.severity === 'error'),
      messages: dashboard.messages.map((message) => ({
        dataPath: message.dataPath,
        message: message.message,
        severity: message.severity,
        // The line of the definition that created the widget, when it is in this file (paths are machine-specific).
        line: message.source !== undefined && message.source.file === (dashboard.path ?? dashboard.file) ? message.source.line : undefined,
      })),
    })),
  });
}

/** Every message on stderr: errors as `error: ...`, warnings as `warning: ...`. */
export function printValidationMessages(io: Io, dashboards: readonly ValidatedDashboard[]): void {
  const showPath = (path: string) => displayPath(io.cwd, path);
  for (const dashboard of dashboards) {
    for (const line of validationLines(dashboard, dashboard.path ?? dashboard.file, showPath)) {
      if (line.severity === 'error') io.stderr.write(`error: ${line.text}\n`);
      else warn(io, line.text);
    }
  }
}

/** TypeScript's diagnostics on stderr, in the same `error: file:line:column: ...` form as every other message. */
export function printTypeDiagnostics(io: Io, diagnostics: readonly { file: string; line: number; column: number; code: string; message: string }[]): void {
  for (const diagnostic of diagnostics) {
    io.stderr.write(`error: ${displayPath(io.cwd, diagnostic.file)}:${diagnostic.line}:${diagnostic.column}: ${diagnostic.code}: ${diagnostic.message}\n`);
  }
}
