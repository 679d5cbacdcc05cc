/**
 * `cwdash publish`: the plan of `prepareDeployment`, confirmed deletes, then applying it: PutDashboard for each create and update (nothing for unchanged ones), then DeleteDashboards in
 * batches of at most 100. It stops at the first failure and says exactly what was applied, what failed and what was
 * not attempted; since the plan is recomputed from the account, running again finishes the job. Deletes run last, so
 * a failed write never leaves a dashboard deleted without its replacement.
 */
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { AppliedAction, ApplyResult, DeploymentPlan, PlannedAction } from '../deploy/plan.js';
import { deleteDashboards, putDashboard } from '../sources/account/dashboards.js';
import { formatCount, silentProgress, type Progress } from '../sources/account/progress.js';
import { AwsError } from '../shared/errors.js';
import type { AppContext } from './context.js';
import { prepareDeployment, type DeploymentOptions, type PreparedDeployment } from './deployment.js';

export interface PublishOptions extends DeploymentOptions {
  /** Plan only; send nothing. */
  readonly dryRun: boolean;
  /**
   * Asked before any dashboard is deleted (unless `yes`); it throws to refuse. The CLI asks on the terminal.
   * Without it, deletes need `yes`.
   */
  readonly confirmDeletes: (names: readonly string[]) => Promise<void>;
  readonly yes: boolean;
}

export type PublishResult = PreparedDeployment & { readonly result?: ApplyResult | undefined };

export async function publish(options: PublishOptions, context: AppContext): Promise<PublishResult> {
  const prepared = await prepareDeployment(options, context);
  if (prepared.stopped || options.dryRun) return prepared;
  const deletes = prepared.plan.actions.filter((action) => action.kind === 'delete').map((action) => action.name);
  if (deletes.length > 0 && !options.yes) await options.confirmDeletes(deletes);
  return { ...prepared, result: await applyPlan(prepared.client, prepared.plan, context.progress) };
}

export async function applyPlan(client: CloudWatchClient, plan: DeploymentPlan, progress: Progress = silentProgress): Promise<ApplyResult> {
  const writes = plan.actions.filter((action): action is Extract<PlannedAction, { kind: 'create' | 'update' }> => action.kind === 'create' || action.kind === 'update');
  const deletes = plan.actions.filter((action) => action.kind === 'delete').map((action) => action.name);
  const applied: AppliedAction[] = [];
  const pending = (from: number): ApplyResult['notAttempted'] => [
    ...writes.slice(from).map(({ name, kind }) => ({ name, kind })),
    ...deletes.map((name) => ({ name, kind: 'delete' as const })),
  ];

  const task = progress.start('PutDashboard', writes.length, 'dashboards');
  for (const [index, action] of writes.entries()) {
    let result;
    try {
      result = await putDashboard(client, action.name, action.bodyText);
    } catch (error) {
      const awsError = error instanceof AwsError ? error : new AwsError(String(error), { cause: error });
      task.done(`${formatCount(index)} of ${formatCount(writes.length)} written, stopped at ${action.name}`);
      return { applied, failed: { name: action.name, kind: action.kind, sourceFile: action.sourceFile, reason: awsError.message, error: awsError }, notAttempted: pending(index + 1) };
    }
    if (!result.accepted) {
      task.done(`${formatCount(index)} of ${formatCount(writes.length)} written, CloudWatch rejected ${action.name}`);
      return {
        applied,
        failed: { name: action.name, kind: action.kind, sourceFile: action.sourceFile, reason: result.message, validationErrors: result.errors },
        notAttempted: pending(index + 1),
      };
    }
    applied.push({ name: action.name, kind: action.kind, warnings: result.warnings });
    task.advance(1);
  }
  task.done(`${formatCount(writes.length)} written`);

  const deleted = new Set<string>();
  try {
    await deleteDashboards(client, deletes, (batch) => {
      for (const name of batch) {
        deleted.add(name);
        applied.push({ name, kind: 'delete', warnings: [] });
      }
    });
  } catch (error) {
    const awsError = error instanceof AwsError ? error : new AwsError(String(error), { cause: error });
    const remaining = deletes.filter((name) => !deleted.has(name));
    // DeleteDashboards is all-or-nothing per call, so the whole failed batch is reported under its first name.
    return {
      applied,
      failed: { name: remaining[0]!, kind: 'delete', reason: awsError.message, error: awsError },
      notAttempted: remaining.slice(1).map((name) => ({ name, kind: 'delete' as const })),
    };
  }
  return { applied, notAttempted: [] };
}
