/**
 * From the target flags to the units of a run: a `--targets` file, `--organization` with `--role-name` and
 * `--regions`, or (with neither) the current credentials in the one region the region rule gives. `--only` keeps the
 * named targets (`prod`) or units (`prod/eu-west-1`); a name that matches nothing is a usage error, so a typo in CI
 * cannot silently audit nothing.
 */
import { resolve } from 'node:path';
import type { AwsOptions } from '../sources/aws/options.js';
import { loadProjectConfig } from '../config/project-config.js';
import { REGION_FIX, resolveRegion } from '../model/region.js';
import { readProfileSettings } from '../sources/aws/shared-config.js';
import { expandTargets, targetAccountId, type TargetRegion } from '../sources/targets/targets-file.js';
import { UsageError } from '../shared/errors.js';
import { selectTargets, type TargetRunOptions } from './targets-run.js';

export interface TargetChoice extends AwsOptions {
  readonly targets?: string | undefined;
  readonly organization?: boolean | undefined;
  readonly roleName?: string | undefined;
  readonly regions?: readonly string[] | undefined;
  readonly only?: readonly string[] | undefined;
  readonly concurrency?: number | undefined;
  readonly projectConfig?: string | undefined;
}

export interface ChosenTarget extends TargetRegion {
  readonly accountId?: string | undefined;
}

/** The name of the single unit a run without targets covers. */
export const CURRENT_ACCOUNT = 'current-account';

export async function chooseTargets(choice: TargetChoice, context: { readonly cwd: string; readonly env: Readonly<Record<string, string | undefined>> }): Promise<ChosenTarget[]> {
  if (choice.organization !== true && (choice.roleName !== undefined || choice.regions !== undefined)) {
    throw new UsageError('--role-name and --regions go with --organization', { fix: 'add --organization, or list the accounts in a --targets file' });
  }
  if (choice.organization === true && (choice.roleName === undefined || choice.regions === undefined || choice.regions.length === 0)) {
    throw new UsageError('--organization needs --role-name NAME and --regions R...', { fix: 'name the role cwdash assumes in every account and the regions to read' });
  }
  if (choice.concurrency !== undefined && (!Number.isInteger(choice.concurrency) || choice.concurrency < 1)) {
    throw new UsageError(`--concurrency ${choice.concurrency} is not a positive whole number`, { fix: 'pass how many targets to read at once, e.g. --concurrency 4' });
  }
  const units =
    choice.targets === undefined && choice.organization !== true
      ? await currentAccount(choice, context)
      : await selectTargets(
          {
            targetsFile: choice.targets === undefined ? undefined : resolve(context.cwd, choice.targets),
            organization: choice.organization === true ? { roleName: choice.roleName!, regions: choice.regions! } : undefined,
          },
          { ...choice, env: context.env, runId: 'list' },
        );
  return only(units, choice.only).map((unit) => ({ ...unit, accountId: targetAccountId(unit.target) }));
}

export function runOptions(choice: TargetChoice, context: { readonly env: Readonly<Record<string, string | undefined>>; readonly progress?: TargetRunOptions['progress']; readonly callPolicy?: TargetRunOptions['callPolicy']; readonly runId?: string | undefined }): TargetRunOptions {
  return {
    profile: choice.profile,
    endpointUrl: choice.endpointUrl,
    env: context.env,
    concurrency: choice.concurrency,
    progress: context.progress,
    callPolicy: context.callPolicy,
    runId: context.runId ?? String(Date.now()),
  };
}

async function currentAccount(choice: TargetChoice, context: { readonly cwd: string; readonly env: Readonly<Record<string, string | undefined>> }): Promise<TargetRegion[]> {
  const { config } = await loadProjectConfig(context.cwd, choice.projectConfig);
  const profile = await readProfileSettings({ profile: choice.profile, env: context.env, service: 'cloudwatch' });
  const region = resolveRegion({ flag: choice.region, project: config.region, env: context.env, profile });
  if (region === undefined) throw new UsageError('no AWS region to read the account in', { fix: REGION_FIX });
  return expandTargets([{ name: CURRENT_ACCOUNT, regions: [region.region], ...(choice.profile === undefined ? {} : { profile: choice.profile }) }]);
}

function only(units: readonly TargetRegion[], names: readonly string[] | undefined): TargetRegion[] {
  if (names === undefined || names.length === 0) return [...units];
  for (const name of names) {
    if (!units.some((unit) => unit.key === name || unit.target.name === name)) {
      throw new UsageError(`--only ${name} matches no target`, { fix: `name a target or name/region of the run: ${units.map((unit) => unit.key).join(', ')}` });
    }
  }
  return units.filter((unit) => names.includes(unit.key) || names.includes(unit.target.name));
}
