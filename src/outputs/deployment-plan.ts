/**
 * The deployment plan (and, after `publish`, what happened to each dashboard) as a text table with a readable JSON
 * diff per changed dashboard, or as versioned JSON. Both list dashboards in name order, so output is stable.
 */
import type { JsonChange } from '../deploy/json-diff.js';
import { countActions, hasChanges, type ApplyResult, type DeploymentPlan, type PlannedAction } from '../deploy/plan.js';
import type { DashboardValidationMessage } from '../sources/account/dashboards.js';
import { sortKeysDeep, stableStringify } from '../shared/json.js';
import { renderTextTable } from './text-table.js';

export const DEPLOYMENT_SCHEMA_VERSION = 1;

export interface PlanReport {
  readonly plan: DeploymentPlan;
  /** Absent for `diff` and `publish --dry-run`. */
  readonly result?: ApplyResult | undefined;
  readonly dryRun?: boolean | undefined;
}

type Outcome = 'applied' | 'failed' | 'not-attempted' | 'unchanged';

const VERB: Record<PlannedAction['kind'], string> = { create: 'create', update: 'update', unchanged: 'unchanged', delete: 'delete' };

function outcomeOf(action: PlannedAction, result: ApplyResult | undefined): Outcome | undefined {
  if (result === undefined) return undefined;
  if (action.kind === 'unchanged') return 'unchanged';
  if (result.failed?.name === action.name && result.failed.kind === action.kind) return 'failed';
  if (result.applied.some((applied) => applied.name === action.name && applied.kind === action.kind)) return 'applied';
  return 'not-attempted';
}

function warningsOf(action: PlannedAction, result: ApplyResult | undefined): readonly DashboardValidationMessage[] {
  return result?.applied.find((applied) => applied.name === action.name && applied.kind === action.kind)?.warnings ?? [];
}

export interface PlanTextOptions {
  /** Print the JSON diff under each updated dashboard. */
  readonly showDiff: boolean;
  /** Colour the diff lines (+ green, - red, ~ yellow): only for a terminal. */
  readonly color?: boolean | undefined;
}

const ANSI: Record<JsonChange['kind'], string> = { added: '\u001b[32m', removed: '\u001b[31m', changed: '\u001b[33m' };

export function renderPlanText(report: PlanReport, options: PlanTextOptions): string {
  const { plan, result } = report;
  const counts = countActions(plan);
  let text = `Plan: ${counts.create} to create, ${counts.update} to update, ${counts.delete} to delete, ${counts.unchanged} unchanged${report.dryRun ? ' (dry run: nothing sent)' : ''}\n`;
  if (plan.actions.length === 0) return `${text}No dashboards defined.\n`;
  const columns = [{ header: 'ACTION' }, { header: 'DASHBOARD' }, { header: 'SOURCE' }, ...(result ? [{ header: 'RESULT' }] : [])];
  const rows = plan.actions.map((action) => [
    VERB[action.kind],
    action.name,
    action.kind === 'delete' ? '(not defined)' : action.sourceFile,
    ...(result ? [outcomeOf(action, result) ?? ''] : []),
  ]);
  text += `\n${renderTextTable(columns, rows)}`;
  if (options.showDiff) {
    for (const action of plan.actions) {
      if (action.kind !== 'update') continue;
      const lines = action.changes.map((change) => (options.color ? `${ANSI[change.kind]}${formatChange(change).trimEnd()}\u001b[0m\n` : formatChange(change)));
      text += `\n~ ${action.name} (${action.sourceFile})\n${lines.join('')}`;
    }
  }
  if (!hasChanges(plan)) text += '\nEverything is up to date.\n';
  return text;
}

/** `  ~ /widgets/0/properties/title: "API" → "API latency"`, values as compact JSON with sorted keys. */
export function formatChange(change: JsonChange): string {
  const path = change.path === '' ? '(body)' : change.path;
  if (change.kind === 'added') return `    + ${path}: ${compact(change.after)}\n`;
  if (change.kind === 'removed') return `    - ${path}: ${compact(change.before)}\n`;
  return `    ~ ${path}: ${compact(change.before)} → ${compact(change.after)}\n`;
}

function compact(value: unknown): string {
  return value === undefined ? '(absent)' : JSON.stringify(sortKeysDeep(value));
}

export function renderPlanJson(report: PlanReport): string {
  const { plan, result } = report;
  return stableStringify({
    schemaVersion: DEPLOYMENT_SCHEMA_VERSION,
    dryRun: report.dryRun === true,
    changes: hasChanges(plan),
    summary: countActions(plan),
    dashboards: plan.actions.map((action) => {
      const failed = result?.failed?.name === action.name && result.failed.kind === action.kind ? result.failed : undefined;
      return {
        name: action.name,
        action: action.kind,
        sourceFile: action.kind === 'delete' ? null : action.sourceFile,
        changes: action.kind === 'update' ? action.changes.map((change) => ({ ...change })) : [],
        ...(result ? { result: outcomeOf(action, result), warnings: warningsOf(action, result) } : {}),
        ...(failed ? { error: failed.reason, validationErrors: failed.validationErrors ?? [] } : {}),
      };
    }),
  });
}
