/**
 * The one error hierarchy of cwdash. Every problem a user can cause is a `CwdashError` that carries its exit code,
 * where it happened and how to fix it; `cli/main.ts` is the only place that turns them into output and exit codes.
 */

/**
 * 0 success; 1 the command worked and found something; 2 usage error or bad input; 3 an organisation-wide run
 * covered only part of its targets (the output lists the ones that failed and why).
 */
export type ExitCode = 0 | 1 | 2 | 3;

/** Where a problem is: a file, optionally a line/column in it, optionally a path (JSON pointer or YAML path). */
export interface SourceLocation {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** A JSON pointer such as `/widgets/3/properties/metrics/0`, or a dotted config path. */
  readonly path?: string;
}

export interface ErrorDetails {
  readonly location?: SourceLocation;
  /** One sentence telling the user what to change. */
  readonly fix?: string;
  readonly cause?: unknown;
}

export abstract class CwdashError extends Error {
  abstract readonly exitCode: ExitCode;
  readonly location: SourceLocation | undefined;
  readonly fix: string | undefined;

  constructor(message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.location = details.location;
    this.fix = details.fix;
  }

  /** `file:line:col: path: message` followed by the fix on its own line. */
  describe(): string {
    const where = formatLocation(this.location);
    const head = where ? `${where}: ${this.message}` : this.message;
    return this.fix ? `${head}\n  fix: ${this.fix}` : head;
  }
}

/** Bad input: an unreadable file, malformed YAML/JSON/scrape, a definition that does not load. Exit 2. */
export class InputError extends CwdashError {
  readonly exitCode = 2 as const;
}

/** The command line itself is wrong: unknown flag, missing argument, conflicting options. Exit 2. */
export class UsageError extends CwdashError {
  readonly exitCode = 2 as const;
}

/** The command ran and found problems the user asked it to fail on (validation errors, findings). Exit 1. */
export class FindingsError extends CwdashError {
  readonly exitCode = 1 as const;
}

/** A talk with AWS failed in a way the user can act on (credentials, permissions, throttling that did not clear). */
export class AwsError extends CwdashError {
  readonly exitCode = 2 as const;
}

export function formatLocation(location: SourceLocation | undefined): string {
  if (!location) return '';
  const parts: string[] = [];
  if (location.file !== undefined) {
    let file = location.file;
    if (location.line !== undefined) {
      file += `:${location.line}`;
      if (location.column !== undefined) file += `:${location.column}`;
    }
    parts.push(file);
  }
  if (location.path !== undefined && location.path !== '') parts.push(location.path);
  return parts.join(': ');
}

/** Node's file-system errors carry a `code`; this narrows `unknown` to them. */
export function errnoCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}
