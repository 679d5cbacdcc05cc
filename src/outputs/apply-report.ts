/**
 * What a human needs after `publish` applied a plan: CloudWatch's warnings against the source files, and when it
 * stopped, every validation message of the rejected body and an exact account of what was and was not applied.
 */
import { AwsError, FindingsError } from '../shared/errors.js';
import { warn, type Io } from '../shared/io.js';
import type { ApplyResult, DeploymentPlan } from '../deploy/plan.js';

/** Prints warnings and, when something failed, throws the error that sets the exit code. */
export function reportApplyResult(plan: DeploymentPlan, result: ApplyResult, io: Io): void {
  const sources = new Map(plan.actions.map((action) => [action.name, action.kind === 'delete' ? undefined : action.sourceFile]));
  for (const applied of result.applied) {
    for (const warning of applied.warnings) {
      warn(io, `${sources.get(applied.name) ?? applied.name}: ${applied.name}: ${warning.dataPath || '(body)'}: ${warning.message} (CloudWatch saved it anyway)`);
    }
  }
  const failed = result.failed;
  if (!failed) return;
  const where = failed.sourceFile ?? failed.name;
  for (const message of failed.validationErrors ?? []) {
    io.stderr.write(`error: ${where}: ${failed.name}: ${message.dataPath || '(body)'}: ${message.message}\n`);
  }
  const applied = result.applied.map((action) => `${action.kind} ${action.name}`);
  const pending = result.notAttempted.map((action) => `${action.kind} ${action.name}`);
  const account =
    `applied: ${applied.length === 0 ? 'nothing' : applied.join(', ')}; ` +
    `not applied: ${failed.kind} ${failed.name}${pending.length === 0 ? '' : `, ${pending.join(', ')}`}`;
  if (failed.validationErrors) {
    throw new FindingsError(`CloudWatch rejected the body of ${failed.name}: ${failed.reason} (${account})`, {
      location: failed.sourceFile === undefined ? undefined : { file: failed.sourceFile },
      fix: 'fix the errors above and run publish again; it continues where it stopped',
    });
  }
  throw new AwsError(`${failed.kind} ${failed.name} failed: ${failed.reason} (${account})`, {
    fix: `${failed.error?.fix ? `${failed.error.fix}; then ` : ''}run publish again: it continues where it stopped`,
    cause: failed.error,
  });
}
