/**
 * The deployment plan: for every defined dashboard, whether it must be created, updated or left alone, and with
 * `prune`, which dashboards under the prefix are no longer defined and would be deleted. The plan is computed from the
 * account's current state every time, so a run that stopped half-way is finished by simply running it again. Pure:
 * `src/app/` reads the account and applies the plan.
 */
import type { DashboardValidationMessage, RemoteDashboard } from '../sources/account/dashboards.js';
import type { AwsError } from '../shared/errors.js';
import { compareStrings } from '../shared/json.js';
import { sameJson } from '../shared/same-json.js';
import { diffJson, type JsonChange } from './json-diff.js';

/** A dashboard as cwdash would publish it. */
export interface LocalDashboard {
  readonly name: string;
  /** The exact `DashboardBody` string PutDashboard would receive. */
  readonly bodyText: string;
  readonly sourceFile: string;
}

export type PlannedAction =
  | { readonly kind: 'create'; readonly name: string; readonly sourceFile: string; readonly bodyText: string }
  | { readonly kind: 'update'; readonly name: string; readonly sourceFile: string; readonly bodyText: string; readonly changes: readonly JsonChange[] }
  | { readonly kind: 'unchanged'; readonly name: string; readonly sourceFile: string }
  | { readonly kind: 'delete'; readonly name: string };

export type ActionKind = PlannedAction['kind'];

export interface DeploymentPlan {
  /** Sorted by name. */
  readonly actions: readonly PlannedAction[];
}

export interface RemoteState {
  /** GetDashboard for each local name; undefined when the dashboard does not exist. */
  readonly dashboards: ReadonlyMap<string, RemoteDashboard | undefined>;
  /** With prune: every dashboard name under the prefix. */
  readonly namesUnderPrefix?: readonly string[];
}

export function planDeployment(local: readonly LocalDashboard[], remote: RemoteState): DeploymentPlan {
  const actions: PlannedAction[] = local.map((dashboard) => {
    const current = remote.dashboards.get(dashboard.name);
    const wanted: unknown = JSON.parse(dashboard.bodyText);
    const base = { name: dashboard.name, sourceFile: dashboard.sourceFile };
    if (current === undefined) return { ...base, kind: 'create', bodyText: dashboard.bodyText };
    // A body that is not JSON (never expected from CloudWatch) is compared as its text, so it always differs.
    const currentValue = current.body === undefined ? current.bodyText : current.body;
    if (sameJson(currentValue, wanted)) return { ...base, kind: 'unchanged' };
    return { ...base, kind: 'update', bodyText: dashboard.bodyText, changes: diffJson(currentValue, wanted) };
  });
  const defined = new Set(local.map((dashboard) => dashboard.name));
  for (const name of remote.namesUnderPrefix ?? []) {
    if (!defined.has(name)) actions.push({ kind: 'delete', name });
  }
  return { actions: actions.sort((a, b) => compareStrings(a.name, b.name)) };
}

export function countActions(plan: DeploymentPlan): Record<ActionKind, number> {
  const counts: Record<ActionKind, number> = { create: 0, update: 0, unchanged: 0, delete: 0 };
  for (const action of plan.actions) counts[action.kind] += 1;
  return counts;
}

export function hasChanges(plan: DeploymentPlan): boolean {
  return plan.actions.some((action) => action.kind !== 'unchanged');
}

type ChangeAction = Exclude<PlannedAction, { kind: 'unchanged' }>;

export interface AppliedAction {
  readonly name: string;
  readonly kind: ChangeAction['kind'];
  /** CloudWatch's warnings for a body it saved anyway. */
  readonly warnings: readonly DashboardValidationMessage[];
}

export interface FailedAction {
  readonly name: string;
  readonly kind: ChangeAction['kind'];
  readonly sourceFile?: string;
  /** CloudWatch's one-line reason. */
  readonly reason: string;
  /** Set when CloudWatch rejected the body (`DashboardInvalidInputError`): every dataPath and message. */
  readonly validationErrors?: readonly DashboardValidationMessage[];
  /** Set when the call itself failed (permissions, throttling that did not clear, a 500). */
  readonly error?: AwsError;
}

/** What applying a plan did: it stops at the first failure, so `failed` and `notAttempted` say exactly what is left. */
export interface ApplyResult {
  readonly applied: readonly AppliedAction[];
  readonly failed?: FailedAction;
  readonly notAttempted: readonly { readonly name: string; readonly kind: ChangeAction['kind'] }[];
}
