/**
 * Validation results for people (one line per message, `file (dashboard): dataPath: message`, as CLI messages are
 * written everywhere) and for machines (versioned JSON), shared by `build` and `validate`.
 */
import type { ValidationMessage } from '../model/body/messages.js';
import { formatValidationMessage } from '../model/body/messages.js';
import { stableStringify } from '../shared/json.js';
import { warn, type Io } from '../shared/io.js';

export interface ValidatedDashboard {
  /** File the dashboard came from, as the user should read it (relative to the working directory). */
  readonly file: string;
  /** DashboardName, when known (definitions; get-dashboard output). */
  readonly name: string | undefined;
  readonly messages: readonly ValidationMessage[];
}

export const VALIDATION_REPORT_SCHEMA_VERSION = 1;

/** `file (name): /widgets/0/...: message`, errors first, each group in body order. */
export function validationLines(dashboard: ValidatedDashboard): { readonly severity: ValidationMessage['severity']; readonly text: string }[] {
  const where = dashboard.name === undefined ? dashboard.file : `${dashboard.file} (${dashboard.name})`;
  const ordered = [
    ...dashboard.messages.filter((message) => message.severity === 'error'),
    ...dashboard.messages.filter((message) => message.severity === 'warning'),
  ];
  return ordered.map((message) => ({ severity: message.severity, text: `${where}: ${formatValidationMessage(message)}` }));
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
      messages: dashboard.messages.map((message) => ({ dataPath: message.dataPath, message: message.message, severity: message.severity })),
    })),
  });
}

/** Every message on stderr: errors as `error: ...`, warnings as `warning: ...`. */
export function printValidationMessages(io: Io, dashboards: readonly ValidatedDashboard[]): void {
  for (const dashboard of dashboards) {
    for (const line of validationLines(dashboard)) {
      if (line.severity === 'error') io.stderr.write(`error: ${line.text}\n`);
      else warn(io, line.text);
    }
  }
}
