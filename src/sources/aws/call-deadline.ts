/**
 * The deadline of one AWS call. A middleware opens a context per `send` (operation name, start, an abort signal that
 * fires at the deadline); the HTTP handler aborts the request in flight with that signal, and the retry strategy reads
 * the same context to name the call and to not start a retry the deadline would cut short. The context travels with
 * the call through the SDK's promises (AsyncLocalStorage), so concurrent calls on one client each keep their own.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsCallPolicy } from './options.js';
import type { AwsService } from './services.js';

export interface AwsCall {
  readonly service: AwsService;
  /** `GetDashboard`, `GetProducts`. */
  readonly operation: string;
  readonly startedAt: number;
  readonly deadlineMs: number;
  readonly requestTimeoutMs: number;
  readonly signal: AbortSignal;
  /** Set when a retry was not started because the deadline would pass first. */
  stoppedByDeadline: boolean;
}

const calls = new AsyncLocalStorage<AwsCall>();

export function currentCall(): AwsCall | undefined {
  return calls.getStore();
}

/**
 * The error a call ends with when time ran out: its deadline passed, or its last attempt hit the per-request
 * timeout. `toAwsError` words it.
 */
export class CallTimeoutError extends Error {
  override readonly name = 'CallTimeoutError';
  constructor(
    readonly kind: 'deadline' | 'request-timeout',
    readonly call: AwsCall,
    readonly attempts: number,
    readonly lastError: unknown,
  ) {
    super(`${call.operation}: ${kind}`, { cause: lastError });
  }
}

interface MiddlewareStackLike {
  add(middleware: unknown, options: { step: 'initialize'; name: string; priority: 'high' }): void;
}

/** Runs every call of the client inside its own deadline context. */
export function addCallDeadline(stack: MiddlewareStackLike, service: AwsService, policy: Pick<AwsCallPolicy, 'callDeadlineMs' | 'requestTimeoutMs'>): void {
  const middleware =
    (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) =>
    async (args: unknown): Promise<unknown> => {
      const controller = new AbortController();
      const call: AwsCall = {
        service,
        operation: (context.commandName ?? 'call').replace(/Command$/, ''),
        startedAt: Date.now(),
        deadlineMs: policy.callDeadlineMs,
        requestTimeoutMs: policy.requestTimeoutMs,
        signal: controller.signal,
        stoppedByDeadline: false,
      };
      const timer = setTimeout(() => controller.abort(new Error(`${call.operation} deadline`)), policy.callDeadlineMs);
      try {
        return await calls.run(call, () => next(args));
      } catch (error) {
        if (controller.signal.aborted || call.stoppedByDeadline) throw new CallTimeoutError('deadline', call, attemptsOf(error), error);
        if ((error as { name?: unknown } | undefined)?.name === 'TimeoutError') throw new CallTimeoutError('request-timeout', call, attemptsOf(error), error);
        throw error;
      } finally {
        clearTimeout(timer);
      }
    };
  stack.add(middleware, { step: 'initialize', name: 'cwdashCallDeadline', priority: 'high' });
}

type HandleArguments = Parameters<NodeHttpHandler['handle']>;

/** The SDK's Node.js handler, with every request bounded by the timeout and aborted at its call's deadline. */
export class DeadlineHttpHandler extends NodeHttpHandler {
  constructor(requestTimeoutMs: number) {
    super({ connectionTimeout: requestTimeoutMs, requestTimeout: requestTimeoutMs, socketTimeout: requestTimeoutMs, throwOnRequestTimeout: true });
  }

  override handle(request: HandleArguments[0], options: HandleArguments[1] = {}): ReturnType<NodeHttpHandler['handle']> {
    const call = currentCall();
    if (call === undefined) return super.handle(request, options);
    const abortSignal = options.abortSignal ? AbortSignal.any([call.signal, options.abortSignal as AbortSignal]) : call.signal;
    return super.handle(request, { ...options, abortSignal });
  }
}

function attemptsOf(error: unknown): number {
  const metadata = (error as { $metadata?: { attempts?: number } } | undefined)?.$metadata;
  return metadata?.attempts ?? 1;
}
