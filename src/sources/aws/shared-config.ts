/**
 * The AWS profile's settings as the AWS CLI reads them from the shared config file (`AWS_CONFIG_FILE`, else
 * ~/.aws/config): the profile is `--profile`, else `AWS_PROFILE`, else `default`; `[profile NAME]` sections, a
 * profile's `region` and `endpoint_url`, and a service's `endpoint_url` in the `[services NAME]` section the profile
 * names. The file is parsed by the AWS SDK's own loader (@smithy/core/config, the shared-ini-file-loader), so cwdash
 * reads exactly what the SDK would, from the environment it is given (a test's, or the process's).
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { loadSharedConfigFiles } from '@smithy/core/config';

export interface ProfileSettings {
  readonly name: string;
  readonly region?: string | undefined;
  /** The profile's `endpoint_url`, or the service's in its `services` section (which wins, as in the AWS CLI). */
  readonly endpointUrl?: string | undefined;
}

export interface ProfileRequest {
  readonly profile?: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The service's key in a `[services NAME]` section: `cloudwatch`, `pricing`. */
  readonly service?: string | undefined;
}

export async function readProfileSettings(request: ProfileRequest): Promise<ProfileSettings> {
  const { env } = request;
  const name = request.profile ?? nonEmpty(env.AWS_PROFILE) ?? 'default';
  const home = nonEmpty(env.HOME) ?? nonEmpty(env.USERPROFILE) ?? homedir();
  const files = await loadSharedConfigFiles({
    configFilepath: nonEmpty(env.AWS_CONFIG_FILE) ?? join(home, '.aws', 'config'),
    filepath: nonEmpty(env.AWS_SHARED_CREDENTIALS_FILE) ?? join(home, '.aws', 'credentials'),
    ignoreCache: true,
  });
  const section = files.configFile[name] ?? {};
  const services = section.services === undefined ? undefined : files.configFile[`services.${section.services}`];
  const serviceEndpoint = request.service === undefined ? undefined : services?.[`${request.service}.endpoint_url`];
  return { name, region: nonEmpty(section.region), endpointUrl: nonEmpty(serviceEndpoint) ?? nonEmpty(section.endpoint_url) };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
