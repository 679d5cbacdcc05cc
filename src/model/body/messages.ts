/**
 * One validation problem, shaped like an entry of CloudWatch's `DashboardValidationMessages` (a JSON-pointer
 * `dataPath` and a message) plus a severity: errors make PutDashboard fail, warnings are saved anyway.
 */
export interface ValidationMessage {
  /** JSON pointer into the body, e.g. `/widgets/3/properties/metrics/0/2`; empty for the body itself. */
  readonly dataPath: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
  /** For bodies built from a definition: where the widget the message is about was created. */
  readonly source?: { readonly file: string; readonly line: number };
}

/** Collects messages while the validators walk the body; each call names the place relative to the body root. */
export class MessageCollector {
  readonly messages: ValidationMessage[] = [];

  error(dataPath: string, message: string): void {
    this.messages.push({ dataPath, message, severity: 'error' });
  }

  warning(dataPath: string, message: string): void {
    this.messages.push({ dataPath, message, severity: 'warning' });
  }
}

export function hasErrors(messages: readonly ValidationMessage[]): boolean {
  return messages.some((message) => message.severity === 'error');
}

/** `dataPath: message` or `warning: dataPath: message`, the form the CLI prints after the file name. */
export function formatValidationMessage(message: ValidationMessage): string {
  const where = message.dataPath === '' ? '(body)' : message.dataPath;
  return `${where}: ${message.message}`;
}
