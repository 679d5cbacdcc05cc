/**
 * The one way cwdash builds an AWS SDK client, for CloudWatch and the Price List API alike. Settings follow the AWS
 * CLI: `--profile`, `--region` and `--endpoint-url` win; then the SDK's environment variables (`AWS_PROFILE`,
 * `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`, `AWS_ACCESS_KEY_ID`...); then the shared config files. They are
 * read from the environment given (`io.env`: `process.env` for the real CLI, a test's own environment in-process).
 * Every client gets the same retry strategy, per-request timeout and per-call deadline.
 */
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { UsageError } from '../../shared/errors.js';
import { addCallDeadline, DeadlineHttpHandler } from './call-deadline.js';
import { nonEmpty, resolveCallPolicy, type AwsCallPolicy, type AwsOptions } from './options.js';
import { BackoffRetryStrategy, describeRetry } from './retry-strategy.js';
import type { AwsService } from './services.js';

export interface AwsClientOptions extends AwsOptions {
  /** Where retry notices go ("CloudWatch is throttling GetDashboard; retrying in 0.4s ..."); nothing is printed without it. */
  readonly progress?: { note(message: string): void } | undefined;
  /** Overrides of the defaults and of the environment's waits (tests shorten them). */
  readonly callPolicy?: Partial<AwsCallPolicy> | undefined;
  /** A target's own credentials (an assumed role); they replace the profile and the environment's keys. */
  readonly credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider | undefined;
}

/** The settings both SDK clients accept, as this factory fills them. */
export interface AwsClientConfig {
  region?: string;
  endpoint?: string;
  profile?: string;
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  retryStrategy: BackoffRetryStrategy;
  requestHandler: DeadlineHttpHandler;
}

interface SdkClient {
  readonly middlewareStack: Parameters<typeof addCallDeadline>[0];
}

export interface BuiltClient<C> {
  readonly client: C;
  /** The endpoint in use, when a flag, a variable or the service names one (else the SDK derives it from the region). */
  readonly endpoint: string | undefined;
}

export function createAwsClient<C extends SdkClient>(
  Client: new (config: AwsClientConfig) => C,
  service: AwsService,
  options: AwsClientOptions & { readonly region: string | undefined },
  env: Readonly<Record<string, string | undefined>>,
): BuiltClient<C> {
  const endpoint =
    nonEmpty(options.endpointUrl) ?? nonEmpty(env[service.endpointVariable]) ?? nonEmpty(env.AWS_ENDPOINT_URL) ?? service.defaultEndpoint(options.region ?? '');
  if (endpoint !== undefined && !/^https?:\/\/[^/]/.test(endpoint)) {
    throw new UsageError(`invalid endpoint URL "${endpoint}"`, { fix: `give a full URL such as ${service.exampleEndpoint}` });
  }
  const policy = resolveCallPolicy(env, options.callPolicy);
  const config: AwsClientConfig = {
    retryStrategy: new BackoffRetryStrategy(service, policy, (notice) => options.progress?.note(describeRetry(notice))),
    requestHandler: new DeadlineHttpHandler(policy.requestTimeoutMs),
  };
  if (options.region !== undefined) config.region = options.region;
  if (endpoint !== undefined) config.endpoint = endpoint;
  const profile = nonEmpty(options.profile) ?? nonEmpty(env.AWS_PROFILE);
  const accessKeyId = nonEmpty(env.AWS_ACCESS_KEY_ID);
  const secretAccessKey = nonEmpty(env.AWS_SECRET_ACCESS_KEY);
  // An explicit --profile beats keys in the environment, as in the AWS CLI; otherwise the environment's keys win.
  if (options.credentials !== undefined) {
    config.credentials = options.credentials;
  } else if (options.profile === undefined && accessKeyId !== undefined && secretAccessKey !== undefined) {
    const sessionToken = nonEmpty(env.AWS_SESSION_TOKEN);
    config.credentials = { accessKeyId, secretAccessKey, ...(sessionToken === undefined ? {} : { sessionToken }) };
  } else if (profile !== undefined) {
    config.profile = profile;
  }
  const client = new Client(config);
  addCallDeadline(client.middlewareStack, service, policy);
  return { client, endpoint };
}
