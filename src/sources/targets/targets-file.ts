/**
 * `--targets FILE`: the accounts and regions an organisation-wide run covers. Each target is reached one way: its own
 * shared-config `profile`, a `roleArn` assumed through STS (with an optional `externalId`), or, with neither, the
 * caller's own credentials. Validated in one step, so a mistake names the file, the line and the field.
 */
import { z } from 'zod';
import { loadYamlFile } from '../../shared/yaml-file.js';
import { InputError } from '../../shared/errors.js';

/** Commercial, GovCloud and China partitions: `us-east-1`, `us-gov-west-1`, `cn-north-1`, `ap-southeast-5`... */
export const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const ROLE_ARN_PATTERN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/[\w+=,.@/-]{1,512}$/;

const regionSchema = z.string().regex(REGION_PATTERN, 'not an AWS region name such as eu-west-1');

const targetSchema = z
  .object({
    /** A short name for reports and CI job names: letters, digits, `.`, `_`, `-`. */
    name: z.string().regex(/^[\w.-]{1,64}$/, 'use 1 to 64 letters, digits, ".", "_" or "-"'),
    accountId: z.string({ error: 'quote the account id ("012345678901"): as a YAML number it loses leading zeros' }).regex(/^\d{12}$/, 'an AWS account id is 12 digits (quote it in YAML so leading zeros stay)').optional(),
    profile: z.string().min(1).optional(),
    roleArn: z.string().regex(ROLE_ARN_PATTERN, 'not an IAM role ARN (arn:aws:iam::123456789012:role/NAME)').optional(),
    externalId: z.string().min(2).max(1224).optional(),
    regions: z.array(regionSchema).min(1, 'list at least one region'),
  })
  .strict()
  .superRefine((target, context) => {
    if (target.profile !== undefined && target.roleArn !== undefined) {
      context.addIssue({ code: 'custom', path: ['roleArn'], message: 'give either profile or roleArn, not both' });
    }
    if (target.externalId !== undefined && target.roleArn === undefined) {
      context.addIssue({ code: 'custom', path: ['externalId'], message: 'externalId goes with a roleArn' });
    }
    const roleAccount = target.roleArn === undefined ? undefined : ROLE_ARN_PATTERN.exec(target.roleArn)?.[1];
    if (roleAccount !== undefined && target.accountId !== undefined && roleAccount !== target.accountId) {
      context.addIssue({ code: 'custom', path: ['accountId'], message: `accountId ${target.accountId} differs from the roleArn's account ${roleAccount}` });
    }
    if (new Set(target.regions).size !== target.regions.length) {
      context.addIssue({ code: 'custom', path: ['regions'], message: 'a region is listed twice' });
    }
  });

const targetsFileSchema = z.object({ targets: z.array(targetSchema).min(1, 'list at least one target') }).strict();

export type Target = z.infer<typeof targetSchema>;

/** One account in one region: the unit of work that runs, fails and is reported on its own. */
export interface TargetRegion {
  readonly target: Target;
  readonly region: string;
  /** `name/region`, unique within a run: the key reports and CI artifacts use. */
  readonly key: string;
}

const FIX = 'each target is {name, accountId?, profile? | roleArn?, externalId?, regions: [...]} under a top-level "targets:" list (README: "Auditing an organisation")';

export async function loadTargetsFile(file: string): Promise<readonly Target[]> {
  const loaded = await loadYamlFile(file, targetsFileSchema, { what: 'targets file', fix: FIX });
  const seen = new Map<string, number>();
  loaded.value.targets.forEach((target, index) => {
    const first = seen.get(target.name);
    if (first !== undefined) {
      throw new InputError(`target name "${target.name}" is used twice (first at targets.${first})`, {
        location: { file, line: loaded.lineOf(['targets', index, 'name']), path: `targets.${index}.name` },
        fix: 'give every target its own name',
      });
    }
    seen.set(target.name, index);
  });
  return loaded.value.targets;
}

/** Every target × region, in file order: the order reports list them in whatever order they finish. */
export function expandTargets(targets: readonly Target[]): TargetRegion[] {
  return targets.flatMap((target) => target.regions.map((region) => ({ target, region, key: `${target.name}/${region}` })));
}

/** The account a target names, from `accountId` or its role ARN; undefined when only the credentials know it. */
export function targetAccountId(target: Target): string | undefined {
  return target.accountId ?? (target.roleArn === undefined ? undefined : ROLE_ARN_PATTERN.exec(target.roleArn)?.[1]);
}
