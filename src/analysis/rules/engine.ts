/**
 * Runs every enabled rule over one context and returns the findings in a stable order: severity (errors first), then
 * saving (largest first), then rule id and fingerprint, so the same input always lists the same findings the same way.
 */
import { SEVERITY_RANK, type Finding, type RuleDescriptor } from '../report/cost-report.js';
import { compareStrings } from '../../shared/json.js';
import { Decimal } from '../cost/money.js';
import { budget, dashboardMissingMetric, dashboardOverFreeTier } from './account-rules.js';
import type { RuleContext } from './context.js';
import { customRule } from './custom-rules.js';
import { highCardinalityDimension, readOnlyByWildcard, resourceAttributeDimension, rollupDuplicates, unusedMetric } from './metric-rules.js';
import type { BuiltinRules, RuleSet } from './rule-file.js';

type BuiltinRunners = { readonly [K in keyof BuiltinRules]: (context: RuleContext, rule: BuiltinRules[K]) => Finding[] };

const BUILTIN: BuiltinRunners = {
  'unused-metric': unusedMetric,
  'read-only-by-wildcard': readOnlyByWildcard,
  'high-cardinality-dimension': highCardinalityDimension,
  'rollup-duplicates': rollupDuplicates,
  'resource-attribute-dimension': resourceAttributeDimension,
  'dashboard-missing-metric': dashboardMissingMetric,
  'dashboard-over-free-tier': dashboardOverFreeTier,
  budget,
};

export function runRules(context: RuleContext, rules: RuleSet): Finding[] {
  const findings: Finding[] = [];
  for (const id of Object.keys(BUILTIN) as (keyof BuiltinRules)[]) {
    const rule = rules.builtin[id];
    if (!rule.enabled) continue;
    const run = BUILTIN[id] as (context: RuleContext, rule: BuiltinRules[typeof id]) => Finding[];
    findings.push(...run(context, rule));
  }
  for (const rule of rules.custom) if (rule.enabled) findings.push(...customRule(context, rule));
  return findings.sort(compareFindings);
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    compareSavings(a.savingUSD, b.savingUSD) ||
    compareStrings(a.rule, b.rule) ||
    compareStrings(a.fingerprint, b.fingerprint)
  );
}

/** Larger savings first; an unknown saving after the known ones. */
function compareSavings(a: string | null, b: string | null): number {
  if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0);
  return new Decimal(b).comparedTo(a);
}

/** id, severity and description of every rule in force: the SARIF `rules` array and the report's legend. */
export function ruleDescriptors(rules: RuleSet): RuleDescriptor[] {
  const builtin = (Object.keys(BUILTIN) as (keyof BuiltinRules)[]).map((id) => ({
    id,
    severity: rules.builtin[id].severity,
    description: rules.builtin[id].description,
    enabled: rules.builtin[id].enabled,
  }));
  const custom = rules.custom.map((rule) => ({ id: rule.id, severity: rule.severity, description: rule.description, enabled: rule.enabled }));
  return [...builtin, ...custom];
}
