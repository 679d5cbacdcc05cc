/**
 * Organisation-wide runs: the targets (a targets file, or the accounts of an AWS Organization), one unit of work per
 * account and region, at most `concurrency` at a time, each with its own credentials and CloudWatch client and the
 * pacing and retries every client has. A unit that fails (access denied, throttled to the end, a region not enabled)
 * is kept as a failure with its reason and the IAM action it lacked; the others go on.
 */
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { fromIni } from '@aws-sdk/credential-providers';
import type { AwsOptions } from '../sources/aws/options.js';
import { createCloudWatchClient } from '../sources/aws/cloudwatch-client.js';
import type { Progress } from '../sources/account/progress.js';
import type { AwsCallPolicy } from '../sources/aws/options.js';
import { listOrganizationTargets } from '../sources/aws/organization.js';
import { targetAccess, type BaseCredentials } from '../sources/aws/target-credentials.js';
import { expandTargets, loadTargetsFile, targetAccountId, type Target, type TargetRegion } from '../sources/targets/targets-file.js';
import { runBounded } from '../shared/bounded-run.js';
import { CwdashError, InputError, UsageError } from '../shared/errors.js';
import type { TargetFailure, TargetResult } from '../model/target-results.js';

/** ListMetrics allows 25 and the dashboard APIs 10 requests per second per account and region: four units at once keep
 * every account well inside its quotas while the run's own machine stays responsive. */
export const DEFAULT_TARGET_CONCURRENCY = 4;

export interface TargetSelection {
  readonly targetsFile?: string | undefined;
  /** `--organization --role-name NAME --regions ...`. */
  readonly organization?: { readonly roleName: string; readonly regions: readonly string[] } | undefined;
}

export interface TargetRunOptions extends AwsOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly concurrency?: number | undefined;
  readonly progress?: Progress | undefined;
  readonly callPolicy?: Partial<AwsCallPolicy> | undefined;
  /** Names the STS sessions (`cwdash-<id>`), so CloudTrail in each account shows which run read it. */
  readonly runId: string;
}

export async function selectTargets(selection: TargetSelection, options: TargetRunOptions): Promise<TargetRegion[]> {
  if (selection.targetsFile !== undefined && selection.organization !== undefined) {
    throw new UsageError('--targets and --organization both choose the accounts', { fix: 'pass one of them' });
  }
  if (selection.targetsFile !== undefined) return expandTargets(await loadTargetsFile(selection.targetsFile));
  if (selection.organization === undefined) return [];
  const targets = await listOrganizationTargets({
    credentials: callerCredentials(options),
    profile: options.profile,
    endpoint: nonEmpty(options.env.AWS_ENDPOINT_URL_ORGANIZATIONS) ?? nonEmpty(options.env.AWS_ENDPOINT_URL),
    region: 'us-east-1',
    roleName: selection.organization.roleName,
    regions: selection.organization.regions,
  }).catch((error: unknown) => {
    const failure = describeTargetFailure(error, 'organizations:ListAccounts');
    throw new UsageError(`cannot list the organization's accounts: ${failure.message}`, { fix: failure.fix ?? 'run from the management account or a delegated administrator' });
  });
  if (targets.length === 0) throw new UsageError('the organization lists no active account', { fix: 'check the credentials belong to the management account' });
  return expandTargets(targets);
}

export async function runOverTargets<T>(
  units: readonly TargetRegion[],
  options: TargetRunOptions,
  work: (unit: TargetRegion, client: CloudWatchClient) => Promise<T>,
): Promise<TargetResult<T>[]> {
  const base = callerCredentials(options);
  const stsEndpoint = nonEmpty(options.env.AWS_ENDPOINT_URL_STS) ?? nonEmpty(options.env.AWS_ENDPOINT_URL);
  const task = options.progress?.start('targets', units.length, 'targets');
  const outcomes = await runBounded(units, options.concurrency ?? DEFAULT_TARGET_CONCURRENCY, async (unit) => {
    const access = targetAccess(unit.target, base, { region: unit.region, sessionName: `cwdash-${options.runId}`, stsEndpoint });
    const client = createCloudWatchClient(
      { endpointUrl: options.endpointUrl, region: unit.region, profile: access.profile, credentials: access.credentials, callPolicy: options.callPolicy, progress: options.progress },
      { env: options.env },
    );
    try {
      return await work(unit, client);
    } finally {
      client.destroy();
      task?.advance(1, unit.key);
    }
  });
  // Bad input (a broken collector config, a mistyped flag) is the user's to fix, not a target's fault: it stops the run.
  const badInput = outcomes.find((outcome) => !outcome.ok && (outcome.error instanceof InputError || outcome.error instanceof UsageError));
  if (badInput && !badInput.ok) throw badInput.error;
  const failed = outcomes.filter((outcome) => !outcome.ok).length;
  task?.done(`${units.length - failed} of ${units.length} targets read${failed > 0 ? `, ${failed} failed` : ''}`);
  return outcomes.map((outcome, index) => {
    const unit = units[index]!;
    const head = { key: unit.key, name: unit.target.name, accountId: targetAccountId(unit.target), region: unit.region };
    return outcome.ok ? { ...head, status: 'ok', value: outcome.value } : { ...head, status: 'failed', failure: describeTargetFailure(outcome.error) };
  });
}

/**
 * The caller's own credentials, used for the targets without a role or profile and to assume the roles: an explicit
 * --profile first, then keys in the environment, then the SDK's default chain (undefined).
 */
export function callerCredentials(options: Pick<TargetRunOptions, 'profile' | 'env'>): BaseCredentials {
  if (options.profile !== undefined) return fromIni({ profile: options.profile });
  const accessKeyId = nonEmpty(options.env.AWS_ACCESS_KEY_ID);
  const secretAccessKey = nonEmpty(options.env.AWS_SECRET_ACCESS_KEY);
  if (accessKeyId === undefined || secretAccessKey === undefined) return undefined;
  const sessionToken = nonEmpty(options.env.AWS_SESSION_TOKEN);
  return { accessKeyId, secretAccessKey, ...(sessionToken === undefined ? {} : { sessionToken }) };
}

/** The reason a unit failed, in words, with the IAM action AWS named (`sts:AssumeRole`, `cloudwatch:ListMetrics`). */
export function describeTargetFailure(error: unknown, defaultAction?: string): TargetFailure {
  const named = error as { name?: string; message?: string } | undefined;
  const message = (error instanceof CwdashError ? error.message : named?.message) ?? String(error);
  const fix = error instanceof CwdashError ? error.fix : undefined;
  const action = /not authorized to perform: (\S+?)(?: on|$)/.exec(message)?.[1] ?? /may not call (\S+)/.exec(message)?.[1];
  const denied = action !== undefined || /AccessDenied/.test(named?.name ?? '');
  return {
    message: firstLine(message),
    fix: fix ?? (denied ? `allow "${action ?? defaultAction ?? 'the call'}" for the role cwdash uses in this account (README: "Auditing an organisation")` : undefined),
    missingAction: action ?? (denied ? defaultAction : undefined),
  };
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? text;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

export type { Target, TargetFailure, TargetRegion, TargetResult };
