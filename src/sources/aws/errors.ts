/**
 * Turns what the SDK throws into an `AwsError` a user can act on, for every service the same way: which call failed,
 * why, and what to change. The permission message names the IAM action, because that is the one thing an SRE needs
 * to fix a policy.
 */
import { AwsError } from '../../shared/errors.js';
import { CallTimeoutError } from './call-deadline.js';
import { CLOUDWATCH, type AwsService } from './services.js';

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

/** The IAM action of an operation: `PutDashboard` → `cloudwatch:PutDashboard`. */
export function iamAction(operation: string, service: AwsService = CLOUDWATCH): string {
  return `${service.iamPrefix}:${operation.replace(/Command$/, '')}`;
}

export function toAwsError(error: unknown, operation: string, service: AwsService = CLOUDWATCH): AwsError {
  if (error instanceof AwsError) return error;
  if (error instanceof CallTimeoutError) return timeoutError(error);
  const sdk = (typeof error === 'object' && error !== null ? error : {}) as SdkErrorShape;
  const name = sdk.name ?? 'Error';
  const message = sdk.message ?? String(error);
  // An assumed role's STS call fails inside the call that needed the credentials: AWS names the action.
  const action = /not authorized to perform: (\S+?)(?: on |$)/.exec(message)?.[1] ?? iamAction(operation, service);
  const call = operation.replace(/Command$/, '');
  const attempts = sdk.$metadata?.attempts ?? 1;
  if (name === 'CredentialsProviderError' || /could not load credentials/i.test(message)) {
    return new AwsError(`no AWS credentials found for ${call}: ${firstLine(message)}`, { fix: `${CREDENTIALS_FIX}; ${service.accessNote}`, cause: error });
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
      fix: `allow "${action}" in the IAM policy of ${principal ?? 'the role or user in use'}; ${service.accessNote}`,
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
    return new AwsError(`${service.title} kept throttling ${call} after ${attempts} attempts`, {
      fix: service.throttleFix,
      cause: error,
    });
  }
  if (sdk.code !== undefined && NETWORK_CODES.has(sdk.code)) {
    return new AwsError(`cannot reach ${service.name} for ${call} (${sdk.code})`, {
      fix: `check the network, --endpoint-url and ${service.endpointVariable}`,
      cause: error,
    });
  }
  const status = sdk.$metadata?.httpStatusCode;
  if (status !== undefined && status >= 500) {
    return new AwsError(`${service.title} failed ${call} with ${name} (HTTP ${status}) after ${attempts} attempts`, {
      fix: service.tryAgain,
      cause: error,
    });
  }
  return new AwsError(`${call} failed: ${name}: ${firstLine(message)}`, { cause: error });
}

/** A call that ran out of time: which call, which limit, how many attempts, and how to allow more. */
function timeoutError(error: CallTimeoutError): AwsError {
  const { call, attempts } = error;
  const tries = `${attempts} attempt${attempts === 1 ? '' : 's'}`;
  const last = (error.lastError as SdkErrorShape | undefined)?.name;
  const why =
    error.kind === 'request-timeout'
      ? `no answer within ${seconds(call.requestTimeoutMs)} per request, ${tries}`
      : `not done within the ${seconds(call.deadlineMs)} deadline of the call, ${tries}${last === undefined || last === 'AbortError' || last === 'TimeoutError' ? '' : `, last failure ${last}`}`;
  const variable = error.kind === 'request-timeout' ? 'CWDASH_AWS_REQUEST_TIMEOUT' : 'CWDASH_AWS_CALL_DEADLINE';
  return new AwsError(`${call.service.title} did not answer ${call.operation} (${why})`, {
    fix: `check the network and --endpoint-url, then ${call.service.tryAgain}; ${variable}=SECONDS waits longer`,
    cause: error,
  });
}

/** Runs one SDK call and maps anything it throws. */
export async function callAws<T>(operation: string, call: () => Promise<T>, service: AwsService = CLOUDWATCH): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toAwsError(error, operation, service);
  }
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? text;
}
