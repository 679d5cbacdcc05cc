/**
 * Baselines for `cwdash audit`: the fingerprints of findings a team has accepted, so CI fails only on what is new.
 * A baseline is the small file `--write-baseline` writes, or any `cost-report --format json` output (it carries the
 * same fingerprints): the report JSON reads back in, as the style guide asks of the versioned report.
 */
import { z } from 'zod';
import { readTextFile } from '../../shared/files.js';
import { parseJsonDocument } from '../../shared/json-document.js';
import { compareStrings, stableStringify } from '../../shared/json.js';
import { COST_REPORT_SCHEMA_VERSION, SEVERITY_RANK, type CostReport, type Finding, type Severity } from './cost-report.js';

export const BASELINE_SCHEMA_VERSION = 1;

const baselineSchema = z.object({
  // A baseline file (version 1) or a cost report of any version so far: both carry the findings' fingerprints.
  schemaVersion: z.number().int().min(1).max(Math.max(BASELINE_SCHEMA_VERSION, COST_REPORT_SCHEMA_VERSION)),
  findings: z.array(z.object({ fingerprint: z.string().min(1), rule: z.string().optional() }).loose()),
});

export async function loadBaseline(file: string): Promise<Set<string>> {
  const text = await readTextFile(file, 'baseline');
  const baseline = parseJsonDocument(text, baselineSchema, {
    file,
    what: 'baseline',
    fix: 'pass a file written by `cwdash audit --write-baseline` or `cwdash cost-report --format json`',
  });
  return new Set(baseline.findings.map((finding) => finding.fingerprint));
}

/**
 * Rules a baseline never accepts: a budget overrun is a fact about this month's total, not a finding to live with, so
 * it is not written into a baseline and fails every audit it is true in.
 */
const NEVER_BASELINED = new Set(['budget']);

/** The baseline file for a report: fingerprint, rule and message of every finding, sorted by fingerprint. */
export function renderBaseline(report: CostReport): string {
  const findings = report.findings
    .filter((finding) => !NEVER_BASELINED.has(finding.rule))
    .map((finding) => ({ fingerprint: finding.fingerprint, rule: finding.rule, message: finding.message }))
    .sort((a, b) => compareStrings(a.fingerprint, b.fingerprint));
  return stableStringify({ schemaVersion: BASELINE_SCHEMA_VERSION, findings });
}

export interface AuditOutcome {
  /** Findings at or above the threshold and not in the baseline: these fail the build. */
  readonly failing: readonly Finding[];
  /** Findings at or above the threshold that the baseline accepts. */
  readonly accepted: readonly Finding[];
}

export function auditOutcome(report: CostReport, failOn: Severity, baseline: ReadonlySet<string> | undefined): AuditOutcome {
  const atThreshold = report.findings.filter((finding) => SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[failOn]);
  const accepted = (finding: Finding) => !NEVER_BASELINED.has(finding.rule) && baseline?.has(finding.fingerprint) === true;
  return {
    failing: atThreshold.filter((finding) => !accepted(finding)),
    accepted: atThreshold.filter(accepted),
  };
}
