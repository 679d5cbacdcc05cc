/**
 * Turns what the SDK throws into an `AwsError` a user can act on: which call failed, why, and what to change. The
 * permission message names the IAM action, because that is the one thing an SRE needs to fix a policy.
 */
import { AwsError } from '../../shared/errors.js';

const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'AuthorizationError', 'NotAuthorized']);
const BAD_CREDENTIALS = new Set([
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidSignatureException',
  'MissingAuthenticationToken',
  'MissingAuthenticationTokenException',
]);
const THROTTLED = new Set(['Throttling', 'ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

const CREDENTIALS_FIX =
  'pass --profile NAME (or set AWS_PROFILE), run `aws sso login` for an SSO profile, or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY';

interface SdkErrorShape {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
}

/** The IAM action of an SDK command or operation name: `PutDashboardCommand` → `cloudwatch:PutDashboard`. */
export function iamAction(operation: string): string {
  return `cloudwatch:${operation.replace(/Command$/, '')}`;
}

export function toAwsError(error: unknown, operation: string): AwsError {
  if (error instanceof AwsError) return error;
  const sdk = (typeof error === 'object' && error !== null ? error : {}) as SdkErrorShape;
  const name = sdk.name ?? 'Error';
  const message = sdk.message ?? String(error);
  // An assumed role's STS call fails inside the CloudWatch call that needed the credentials: AWS names the action.
  const action = /not authorized to perform: (\S+?)(?: on |$)/.exec(message)?.[1] ?? iamAction(operation);
  const call = operation.replace(/Command$/, '');
  if (name === 'CredentialsProviderError' || /could not load credentials/i.test(message)) {
    return new AwsError(`no AWS credentials found for ${call}: ${firstLine(message)}`, { fix: CREDENTIALS_FIX, cause: error });
  }
  if (/region is missing/i.test(message)) {
    return new AwsError('no AWS region is configured', {
      fix: 'pass --region, set AWS_REGION, add region to the profile, or set region in cwdash.config.ts',
      cause: error,
    });
  }
  if (name === 'RegionDisabledException') {
    return new AwsError(`the region is not enabled for this account: ${firstLine(message)}`, {
      fix: 'enable the region in the account (Account settings > AWS Regions), or leave it out',
      cause: error,
    });
  }
  if (ACCESS_DENIED.has(name)) {
    const principal = /User: (\S+) is not authorized/.exec(message)?.[1];
    return new AwsError(`access denied: ${principal ?? 'these credentials'} may not call ${action}`, {
      fix: `allow "${action}" in the IAM policy of ${principal ?? 'the role or user in use'}; the README lists least-privilege policies for publish and for audit`,
      cause: error,
    });
  }
  if (BAD_CREDENTIALS.has(name)) {
    return new AwsError(`AWS rejected the credentials (${name}): ${firstLine(message)}`, {
      fix: 'refresh them (`aws sso login`, a new session token) or choose another --profile',
      cause: error,
    });
  }
  if (THROTTLED.has(name) || sdk.$metadata?.httpStatusCode === 429) {
    return new AwsError(`CloudWatch kept throttling ${call} after ${sdk.$metadata?.attempts ?? 1} attempts`, {
      fix: 'wait a minute and run the command again; it resumes where it stopped (the dashboard APIs allow 10 requests per second per region)',
      cause: error,
    });
  }
  if (sdk.code !== undefined && NETWORK_CODES.has(sdk.code)) {
    return new AwsError(`cannot reach CloudWatch for ${call} (${sdk.code})`, {
      fix: 'check the network, --endpoint-url and AWS_ENDPOINT_URL_CLOUDWATCH',
      cause: error,
    });
  }
  const status = sdk.$metadata?.httpStatusCode;
  if (status !== undefined && status >= 500) {
    return new AwsError(`CloudWatch failed ${call} with ${name} (HTTP ${status}) after ${sdk.$metadata?.attempts ?? 1} attempts`, {
      fix: 'run the command again later; nothing that succeeded is repeated',
      cause: error,
    });
  }
  return new AwsError(`${call} failed: ${name}: ${firstLine(message)}`, { cause: error });
}

/** Runs one SDK call and maps anything it throws. */
export async function callCloudWatch<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toAwsError(error, operation);
  }
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? text;
}
