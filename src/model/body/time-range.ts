/** `start`/`end` of a dashboard or widget: relative (`-PT3H`, `-P7D`) or absolute ISO-8601, and `end` only with `start`. */
import type { MessageCollector } from './messages.js';

const RELATIVE = /^-P(?:\d+[YMWD])*(?:T(?:\d+[HMS])+)?$/;
const ABSOLUTE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

function isRelativeTime(text: string): boolean {
  return RELATIVE.test(text) && text !== '-P' && !text.endsWith('T');
}

function isAbsoluteTime(text: string): boolean {
  return ABSOLUTE.test(text) && !Number.isNaN(Date.parse(text));
}

export function checkTimeRange(start: string | undefined, end: string | undefined, path: string, out: MessageCollector): void {
  // CloudWatch stores undocumented forms such as "-9H" (CDK passes them through), so an odd start is a warning.
  if (start !== undefined && !isRelativeTime(start) && !isAbsoluteTime(start)) {
    out.warning(
      `${path}/start`,
      `start "${start}" is neither a relative time (-PT5M, -PT8H, -P7D, -P3M) nor an ISO-8601 date-time; the console may not understand it`,
    );
  }
  if (end === undefined) return;
  if (start === undefined) out.error(`${path}/end`, 'end needs start: set start as well, or drop end');
  if (!isAbsoluteTime(end)) out.error(`${path}/end`, `end "${end}" must be an ISO-8601 date-time such as "2026-11-24T06:00:00.000Z"`);
}
