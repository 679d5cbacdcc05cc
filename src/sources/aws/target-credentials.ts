/**
 * The credentials a target runs with. A `profile` is the shared-config profile (the SDK resolves it, SSO and
 * credential_process included); a `roleArn` is assumed through STS by the SDK's own provider, so refreshing and
 * signing stay the SDK's; with neither, the caller's credentials are used as they are.
 */
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { Target } from '../targets/targets-file.js';

/** What the caller already has: static keys from the environment, a profile, or the SDK's default chain. */
export type BaseCredentials = AwsCredentialIdentity | AwsCredentialIdentityProvider | undefined;

export interface TargetAccess {
  /** Client config for the target's own clients: a profile name or an assumed-role provider. */
  readonly profile?: string | undefined;
  readonly credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider | undefined;
}

export interface AssumeRoleSettings {
  /** The STS endpoint (tests, VPC endpoints); the SDK's regional endpoint when absent. */
  readonly stsEndpoint?: string | undefined;
  /** STS is called in the target's region, so a region that is not enabled fails there and is reported. */
  readonly region: string;
  /** `cwdash-<run id>`: the session name CloudTrail shows in the target account. */
  readonly sessionName: string;
}

export function targetAccess(target: Target, base: BaseCredentials, settings: AssumeRoleSettings): TargetAccess {
  if (target.profile !== undefined) return { profile: target.profile };
  if (target.roleArn === undefined) return { credentials: base };
  return { credentials: assumeRole(target.roleArn, target.externalId, base, settings) };
}

export function assumeRole(roleArn: string, externalId: string | undefined, base: BaseCredentials, settings: AssumeRoleSettings): AwsCredentialIdentityProvider {
  return fromTemporaryCredentials({
    params: {
      RoleArn: roleArn,
      RoleSessionName: settings.sessionName,
      ...(externalId === undefined ? {} : { ExternalId: externalId }),
    },
    ...(base === undefined ? {} : { masterCredentials: base }),
    clientConfig: { region: settings.region, ...(settings.stsEndpoint === undefined ? {} : { endpoint: settings.stsEndpoint }) },
  });
}
