/**
 * How cwdash retries AWS calls, the same for every service. The SDK classifies each failure (throttling, transient,
 * server, client); this strategy decides whether and how long to wait. Each call has its own budget per kind of
 * fault: throttling gets more attempts than 5xx and network failures (the dashboard APIs allow only 10 requests per
 * second per region, and a bulk deploy is expected to hit that now and then), and one kind does not use up the
 * other's (a throttle then two 500s still gets its third server-error attempt). No retry starts that the call's
 * deadline would cut short.
 */
import type { CloudWatchClientConfig } from '@aws-sdk/client-cloudwatch';
import { currentCall } from './call-deadline.js';
import type { AwsCallPolicy } from './options.js';
import type { AwsService } from './services.js';

type RetryStrategyV2 = Extract<NonNullable<CloudWatchClientConfig['retryStrategy']>, { refreshRetryTokenForRetry: unknown }>;
type RetryToken = Awaited<ReturnType<RetryStrategyV2['acquireInitialRetryToken']>>;
type RetryErrorInfo = Parameters<RetryStrategyV2['refreshRetryTokenForRetry']>[1];

export type RetryPolicy = Pick<AwsCallPolicy, 'throttleAttempts' | 'transientAttempts' | 'baseDelayMs' | 'maxDelayMs'>;

export interface RetryNotice {
  readonly service: AwsService;
  /** The call being retried, `GetDashboard`. */
  readonly operation: string;
  readonly throttled: boolean;
  /** The attempt about to be made for this kind of fault, 2 for its first retry. */
  readonly attempt: number;
  /** Attempts this kind of fault allows. */
  readonly maxAttempts: number;
  readonly delayMs: number;
  readonly error: unknown;
}

class Token implements RetryToken {
  constructor(
    /** Retries so far, of both kinds: the SDK counts attempts from it. */
    private readonly retries: number,
    private readonly delayMs: number,
    readonly throttleRetries: number,
    readonly transientRetries: number,
  ) {}
  getRetryCount(): number {
    return this.retries;
  }
  getRetryDelay(): number {
    return this.delayMs;
  }
}

export class BackoffRetryStrategy implements RetryStrategyV2 {
  constructor(
    private readonly service: AwsService,
    private readonly policy: RetryPolicy,
    private readonly onRetry: (notice: RetryNotice) => void = () => {},
  ) {}

  async acquireInitialRetryToken(): Promise<RetryToken> {
    return new Token(0, 0, 0, 0);
  }

  async refreshRetryTokenForRetry(previous: RetryToken, info: RetryErrorInfo): Promise<RetryToken> {
    const token = previous as Token;
    const call = currentCall();
    const throttled = info.errorType === 'THROTTLING';
    const retryable = throttled || info.errorType === 'TRANSIENT' || info.errorType === 'SERVER_ERROR';
    if (!retryable || call?.signal.aborted) throw info.error ?? new Error('not retryable');
    const kindRetries = throttled ? token.throttleRetries : token.transientRetries;
    const maxAttempts = throttled ? this.policy.throttleAttempts : this.policy.transientAttempts;
    const attempt = kindRetries + 2;
    if (attempt > maxAttempts) throw info.error ?? new Error('out of attempts');
    const ceiling = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** kindRetries);
    // Equal jitter: at least half the ceiling, so concurrent callers spread out but never retry at once.
    let delayMs = Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
    if (info.retryAfterHint) delayMs = Math.max(delayMs, Math.min(this.policy.maxDelayMs, info.retryAfterHint.getTime() - Date.now()));
    if (call !== undefined && Date.now() + delayMs >= call.startedAt + call.deadlineMs) {
      call.stoppedByDeadline = true;
      throw info.error ?? new Error('deadline');
    }
    this.onRetry({ service: this.service, operation: call?.operation ?? 'call', throttled, attempt, maxAttempts, delayMs, error: info.error });
    return new Token(
      token.getRetryCount() + 1,
      delayMs,
      token.throttleRetries + (throttled ? 1 : 0),
      token.transientRetries + (throttled ? 0 : 1),
    );
  }

  recordSuccess(): void {}
}

/** The notice printed before a retry: which service and call, why, how long, and which attempt of how many. */
export function describeRetry(notice: RetryNotice): string {
  const what = notice.throttled
    ? `${notice.service.title} is throttling ${notice.operation}`
    : `${notice.service.title} ${notice.operation} failed (${errorName(notice.error)})`;
  return `${what}; retrying in ${(notice.delayMs / 1000).toFixed(1)}s (attempt ${notice.attempt} of ${notice.maxAttempts})`;
}

/** A network failure is best named by its code (`ECONNRESET`); a service error by its name (`InternalServiceFault`). */
function errorName(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && (!(error instanceof Error) || error.name === 'Error')) return code;
  return error instanceof Error ? error.name : 'error';
}
