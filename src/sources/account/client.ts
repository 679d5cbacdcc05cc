/**
 * The CloudWatch client every account command uses. Settings follow the AWS CLI: `--profile`, `--region` and
 * `--endpoint-url` win; then the SDK's environment variables (`AWS_PROFILE`, `AWS_REGION`, `AWS_ENDPOINT_URL_CLOUDWATCH`,
 * `AWS_ENDPOINT_URL`, `AWS_ACCESS_KEY_ID`...); then the project config's region; then the shared config files.
 * They are read from `io.env`, which is `process.env` for the real CLI and a test's own environment in-process.
 */
import { CloudWatchClient, type CloudWatchClientConfig } from '@aws-sdk/client-cloudwatch';
import type { AwsOptions } from '../../cli/options.js';
import { UsageError } from '../../shared/errors.js';
import type { Io } from '../../shared/io.js';
import { DASHBOARD_OPERATIONS, OperationPacer } from './pacing.js';
import type { Progress } from './progress.js';
import { BackoffRetryStrategy, DEFAULT_RETRY_POLICY, type RetryNotice, type RetryPolicy } from './retry-strategy.js';

export interface CloudWatchClientOptions extends AwsOptions {
  /** The project config's region, used when neither the flag nor the environment names one. */
  readonly configRegion?: string | undefined;
  /** Where retry notices go; nothing is printed without it. */
  readonly progress?: Progress | undefined;
  readonly retryPolicy?: RetryPolicy | undefined;
  /** Client-side limit per dashboard API; CloudWatch's quota is 10. */
  readonly dashboardRequestsPerSecond?: number | undefined;
}

export function createCloudWatchClient(options: CloudWatchClientOptions, io: Pick<Io, 'env'>): CloudWatchClient {
  const env = io.env;
  const endpoint = options.endpointUrl ?? nonEmpty(env.AWS_ENDPOINT_URL_CLOUDWATCH) ?? nonEmpty(env.AWS_ENDPOINT_URL);
  if (endpoint !== undefined && !/^https?:\/\/[^/]/.test(endpoint)) {
    throw new UsageError(`invalid endpoint URL "${endpoint}"`, { fix: 'give a full URL such as https://monitoring.us-east-1.amazonaws.com' });
  }
  const region = options.region ?? nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION) ?? options.configRegion;
  const profile = options.profile ?? nonEmpty(env.AWS_PROFILE);
  const config: CloudWatchClientConfig = {
    retryStrategy: new BackoffRetryStrategy(options.retryPolicy ?? DEFAULT_RETRY_POLICY, (notice) =>
      options.progress?.note(describeRetry(notice)),
    ),
  };
  if (region !== undefined) config.region = region;
  if (endpoint !== undefined) config.endpoint = endpoint;
  const accessKeyId = nonEmpty(env.AWS_ACCESS_KEY_ID);
  const secretAccessKey = nonEmpty(env.AWS_SECRET_ACCESS_KEY);
  // An explicit --profile beats keys in the environment, as in the AWS CLI; otherwise the environment's keys win.
  if (options.profile === undefined && accessKeyId !== undefined && secretAccessKey !== undefined) {
    const sessionToken = nonEmpty(env.AWS_SESSION_TOKEN);
    config.credentials = { accessKeyId, secretAccessKey, ...(sessionToken === undefined ? {} : { sessionToken }) };
  } else if (profile !== undefined) {
    config.profile = profile;
  }
  const client = new CloudWatchClient(config);
  const pacer = new OperationPacer(options.dashboardRequestsPerSecond ?? 10);
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = context.commandName ?? '';
      if (DASHBOARD_OPERATIONS.has(operation)) await pacer.wait(operation);
      return next(args);
    },
    { step: 'initialize', name: 'cwdashDashboardPacing' },
  );
  return client;
}

function describeRetry(notice: RetryNotice): string {
  const what = notice.throttled ? 'CloudWatch is throttling requests' : `CloudWatch call failed: ${retryCause(notice.error)}`;
  return `${what}; retrying in ${(notice.delayMs / 1000).toFixed(1)}s (attempt ${notice.attempt} of ${notice.maxAttempts})`;
}

/**
 * What went wrong, in words a reader can act on: the service's error code and HTTP status (`InternalServiceFault,
 * HTTP 500`), or the network error's code and message (`ECONNRESET: socket hang up`); never a bare `Error`.
 */
export function retryCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  const code = (error as { code?: unknown }).code;
  const name = error.name !== 'Error' ? error.name : typeof code === 'string' ? code : undefined;
  const parts = [name, status === undefined ? undefined : `HTTP ${status}`].filter((part) => part !== undefined);
  const message = error.message && error.message !== name && !/^UnknownError$/.test(error.message) ? error.message : undefined;
  if (parts.length === 0) return message ?? 'an unknown error';
  return `${parts.join(', ')}${message ? ` (${message})` : ''}`;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
