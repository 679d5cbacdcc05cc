/**
 * Cost by owner without tags: AWS has no cost allocation tags per metric, so the project config maps metric patterns
 * to teams (`owners: [{ team, namespace?, metricName?, dimensions? }]`). The first rule that matches a metric owns
 * it; a pattern is a glob where `*` stands for any run of characters (no regex, so no pattern can stall a run).
 */
import type { MetricIdentity } from '../../model/metric-identity.js';

export interface OwnerRule {
  readonly team: string;
  readonly namespace?: string | undefined;
  readonly metricName?: string | undefined;
  /** Each named dimension must be present with a value matching its pattern. */
  readonly dimensions?: Readonly<Record<string, string>> | undefined;
}

/** The bucket of metrics no rule matches. */
export const NO_OWNER = '(no owner)';

export function ownerOf(identity: MetricIdentity, rules: readonly OwnerRule[]): string {
  for (const rule of rules) {
    if (rule.namespace !== undefined && !globMatches(rule.namespace, identity.namespace)) continue;
    if (rule.metricName !== undefined && !globMatches(rule.metricName, identity.metricName)) continue;
    const dimensions = Object.entries(rule.dimensions ?? {});
    if (dimensions.every(([name, pattern]) => identity.dimensions[name] !== undefined && globMatches(pattern, identity.dimensions[name]!))) return rule.team;
  }
  return NO_OWNER;
}

/** Whole-string glob match; `*` matches any run of characters, everything else itself. Linear in practice. */
export function globMatches(pattern: string, value: string): boolean {
  const parts = pattern.split('*');
  if (parts.length === 1) return pattern === value;
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (!value.startsWith(first) || !value.endsWith(last) || value.length < first.length + last.length) return false;
  let at = first.length;
  const end = value.length - last.length;
  for (const middle of parts.slice(1, -1)) {
    const found = value.indexOf(middle, at);
    if (found === -1 || found + middle.length > end) return false;
    at = found + middle.length;
  }
  return true;
}
