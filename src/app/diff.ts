/** `cwdash diff`: the publish plan alone (what would be created, updated or deleted), with nothing sent. */
import { hasChanges } from '../deploy/plan.js';
import type { AppContext } from './context.js';
import { prepareDeployment, type DeploymentOptions, type PreparedDeployment } from './deployment.js';

export type DiffResult = PreparedDeployment & { readonly changes: boolean };

export async function diff(options: DeploymentOptions, context: AppContext): Promise<DiffResult> {
  const prepared = await prepareDeployment(options, context);
  return { ...prepared, changes: prepared.stopped ? false : hasChanges(prepared.plan) };
}
