/**
 * How cwdash retries CloudWatch calls. The SDK classifies each failure (throttling, transient, server, client); this
 * strategy decides how long to wait. Throttling gets more attempts than other transient failures because the dashboard
 * APIs allow only 10 requests per second per region and a bulk deploy is expected to hit that now and then.
 */
import type { CloudWatchClientConfig } from '@aws-sdk/client-cloudwatch';

type RetryStrategyV2 = Extract<NonNullable<CloudWatchClientConfig['retryStrategy']>, { refreshRetryTokenForRetry: unknown }>;
type RetryToken = Awaited<ReturnType<RetryStrategyV2['acquireInitialRetryToken']>>;
type RetryErrorInfo = Parameters<RetryStrategyV2['refreshRetryTokenForRetry']>[1];

export interface RetryPolicy {
  /** Attempts in all (first call included) when CloudWatch throttles. */
  readonly throttleAttempts: number;
  /** Attempts in all for 5xx and network failures. */
  readonly transientAttempts: number;
  /** The first backoff; each retry doubles it (with jitter), up to `maxDelayMs`. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { throttleAttempts: 8, transientAttempts: 3, baseDelayMs: 200, maxDelayMs: 20_000 };

export interface RetryNotice {
  readonly throttled: boolean;
  /** The attempt about to be made, 2 for the first retry. */
  readonly attempt: number;
  readonly maxAttempts: number;
  readonly delayMs: number;
  readonly error: unknown;
}

class Token implements RetryToken {
  constructor(
    private readonly retries: number,
    private readonly delayMs: number,
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
    private readonly policy: RetryPolicy,
    private readonly onRetry: (notice: RetryNotice) => void = () => {},
  ) {}

  async acquireInitialRetryToken(): Promise<RetryToken> {
    return new Token(0, 0);
  }

  async refreshRetryTokenForRetry(token: RetryToken, info: RetryErrorInfo): Promise<RetryToken> {
    const throttled = info.errorType === 'THROTTLING';
    if (!throttled && info.errorType !== 'TRANSIENT' && info.errorType !== 'SERVER_ERROR') throw info.error ?? new Error('not retryable');
    const maxAttempts = throttled ? this.policy.throttleAttempts : this.policy.transientAttempts;
    const attempt = token.getRetryCount() + 2;
    if (attempt > maxAttempts) throw info.error ?? new Error('out of attempts');
    const ceiling = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** token.getRetryCount());
    // Equal jitter: at least half the ceiling, so concurrent callers spread out but never retry at once.
    let delayMs = Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
    if (info.retryAfterHint) delayMs = Math.max(delayMs, Math.min(this.policy.maxDelayMs, info.retryAfterHint.getTime() - Date.now()));
    this.onRetry({ throttled, attempt, maxAttempts, delayMs, error: info.error });
    return new Token(token.getRetryCount() + 1, delayMs);
  }

  recordSuccess(): void {}
}
