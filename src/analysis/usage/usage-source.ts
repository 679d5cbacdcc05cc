/**
 * One usage source: something that reads metrics (cwdash dashboards, alarms, Grafana, CloudTrail, the account's
 * streams and detectors, the AWS consoles). Each yields read patterns and its own problems as data, and says what was
 * consulted, so a finding on an unread metric can list what "unread" rests on, and a source the user did not give is
 * named in the report's assumptions instead of silently counting as "reads nothing".
 */
import type { ReadsResult } from './metric-read.js';

export interface ConsultedSource {
  /** `Grafana dashboards`, as the assumptions and findings name it. */
  readonly label: string;
  readonly given: boolean;
  /** What was read (`3 files, 12 CloudWatch targets`), or how to give the source (`--grafana DIR|FILE`). */
  readonly summary: string;
}

export interface UsageSourceResult extends ReadsResult {
  readonly consulted: ConsultedSource;
}

export function notGiven(label: string, how: string): UsageSourceResult {
  return { reads: [], problems: [], consulted: { label, given: false, summary: `not given (${how})` } };
}

/** `Grafana dashboards: 3 files` / `CloudTrail metric reads: not given (--cloudtrail DIR|FILE)`. */
export function describeConsulted(source: ConsultedSource): string {
  return `${source.label}: ${source.summary}`;
}

export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}
