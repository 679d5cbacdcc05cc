/** Turns zod issues into validation messages worded like CloudWatch's own (`Should have required property 'region'`). */
import type { z } from 'zod';
import type { MessageCollector } from './messages.js';

export function reportZodIssues(error: z.ZodError, basePath: string, out: MessageCollector): void {
  for (const issue of error.issues) {
    const path = `${basePath}${issue.path.map((key) => `/${String(key)}`).join('')}`;
    out.error(path, describeIssue(issue));
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const last = issue.path[issue.path.length - 1];
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
    return `Should have required property '${String(last)}'`;
  }
  if (issue.code === 'invalid_value' && 'values' in issue) {
    const allowed = issue.values.map((value) => JSON.stringify(value)).join(', ');
    return `must be one of ${allowed}`;
  }
  if (issue.code === 'invalid_union' && last === 'type') {
    return 'unknown widget type; use metric, text, log, alarm, explorer, custom or chart';
  }
  return issue.message.replace(/^Invalid input: /, '');
}

/** Keys of `value` that `schema` does not declare: CloudWatch ignores them with a warning. */
function unknownKeys(value: object, schema: { readonly shape: Record<string, unknown> }): string[] {
  return Object.keys(value).filter((key) => !(key in schema.shape));
}

export function warnUnknownKeys(value: object, schema: { readonly shape: Record<string, unknown> }, path: string, what: string, out: MessageCollector) {
  for (const key of unknownKeys(value, schema)) {
    out.warning(`${path}/${key}`, `The "${key}" property is not expected to be part of ${what}, will be ignored`);
  }
}
