/**
 * What every AWS client of cwdash is built from: the AWS CLI's flags (`--profile`, `--region`, `--endpoint-url`) and
 * the call policy (retries, timeouts, deadline). The defaults suit the real services; `CWDASH_AWS_REQUEST_TIMEOUT` and
 * `CWDASH_AWS_CALL_DEADLINE` (seconds) change the two waits, and tests shorten everything through `callPolicy`.
 */
import { UsageError } from '../../shared/errors.js';

export interface AwsOptions {
  readonly profile?: string | undefined;
  readonly region?: string | undefined;
  readonly endpointUrl?: string | undefined;
}

/** How long cwdash waits for AWS and how often it tries again; every budget is per call (one SDK `send`). */
export interface AwsCallPolicy {
  /** Attempts in all (first call included) while the service throttles. */
  readonly throttleAttempts: number;
  /** Attempts in all for 5xx answers, timeouts and network failures; counted apart from throttling. */
  readonly transientAttempts: number;
  /** The first backoff; each retry doubles it (with jitter), up to `maxDelayMs`. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** One request (connect, send, response headers, body) that takes longer is abandoned and retried as a transient fault. */
  readonly requestTimeoutMs: number;
  /** One call, its retries and backoff included, ends with an error naming the call after this long. */
  readonly callDeadlineMs: number;
}

export const DEFAULT_CALL_POLICY: AwsCallPolicy = {
  throttleAttempts: 8,
  transientAttempts: 3,
  baseDelayMs: 200,
  maxDelayMs: 20_000,
  requestTimeoutMs: 30_000,
  callDeadlineMs: 120_000,
};

/** Environment variables that change the waits, in seconds. */
const POLICY_VARIABLES = [
  ['CWDASH_AWS_REQUEST_TIMEOUT', 'requestTimeoutMs'],
  ['CWDASH_AWS_CALL_DEADLINE', 'callDeadlineMs'],
] as const;

/** The defaults, then the environment's waits, then what the caller sets (tests). */
export function resolveCallPolicy(env: Readonly<Record<string, string | undefined>>, overrides: Partial<AwsCallPolicy> = {}): AwsCallPolicy {
  const fromEnv: { -readonly [K in keyof AwsCallPolicy]?: number } = {};
  for (const [variable, field] of POLICY_VARIABLES) {
    const text = env[variable];
    if (text === undefined || text === '') continue;
    const seconds = Number(text);
    if (!Number.isFinite(seconds) || seconds <= 0) {
      throw new UsageError(`${variable} must be a number of seconds greater than 0, got "${text}"`, { fix: `set ${variable}=60, or unset it for the default` });
    }
    fromEnv[field] = seconds * 1000;
  }
  return { ...DEFAULT_CALL_POLICY, ...fromEnv, ...overrides };
}

export function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
