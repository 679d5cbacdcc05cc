/**
 * Where a widget was created in the user's definition, so a validation message about `/widgets/3` can name the line
 * that built widget 3. Capturing a stack is cheap in V8 (the text is only formatted when read), so it is read only
 * when a message needs it.
 */
import { stackPositions } from '../../../shared/stack-frames.js';
import type { WidgetJson } from '../../body/schema.js';

export interface CallSite {
  readonly file: string;
  readonly line: number;
}

/**
 * Capturing costs a few microseconds per widget, so it happens only while definition files are evaluated (where a
 * line number helps the user), not when code builds dashboards programmatically. The switch lives on a global symbol
 * because definitions may run against another copy of this module.
 */
const RECORDING = Symbol.for('cwdash.record-call-sites');
const flags = globalThis as { [RECORDING]?: number };

export async function recordingCallSites<T>(load: () => Promise<T>): Promise<T> {
  flags[RECORDING] = (flags[RECORDING] ?? 0) + 1;
  try {
    return await load();
  } finally {
    flags[RECORDING]! -= 1;
  }
}

/** A captured stack whose first frame is the code that called `new X(...)`. */
export class PendingCallSite {
  private readonly holder: { stack?: string } = {};

  /**
   * The call site of the `new` running now, or undefined when call sites are not being recorded.
   * @param constructorFunction the outermost constructor (`new.target`): it and the frames inside it are left out
   */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- the type Error.captureStackTrace takes
  static capture(constructorFunction: Function): PendingCallSite | undefined {
    return flags[RECORDING] ? new PendingCallSite(constructorFunction) : undefined;
  }

  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- the type Error.captureStackTrace takes
  private constructor(constructorFunction: Function) {
    // One frame is all we read (the caller of `new X`), and capturing fewer frames is cheaper.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 1;
    Error.captureStackTrace(this.holder, constructorFunction);
    Error.stackTraceLimit = limit;
  }

  resolve(): CallSite | undefined {
    return stackPositions(this.holder.stack ?? '')[0];
  }
}

/**
 * Widget JSON → where its widget was created; filled as widgets render, read when messages are reported. Definitions
 * may use another copy of this module (another install of cwdash, or cwdash's sources bundled in), so the map lives
 * on a global symbol that every copy shares.
 */
const ORIGINS = Symbol.for('cwdash.widget-origins');
const registry = globalThis as { [ORIGINS]?: WeakMap<object, { resolve(): CallSite | undefined }> };
const origins = (registry[ORIGINS] ??= new WeakMap());

export function recordOrigin(json: WidgetJson, site: PendingCallSite | undefined): void {
  if (site) origins.set(json, site);
}

export function originOf(json: WidgetJson): CallSite | undefined {
  return origins.get(json)?.resolve();
}
