/**
 * Every AWS call has a per-request timeout and a deadline, proved against the wire fakes with a server that reads the
 * request and never answers. The timeouts are shortened here; the defaults are 30 s per request and 120 s per call.
 */
import { describe, expect, test } from 'vitest';
import { getDashboard } from '../../../src/sources/account/dashboards.js';
import { createCloudWatchClient } from '../../../src/sources/aws/cloudwatch-client.js';
import type { AwsCallPolicy } from '../../../src/sources/aws/options.js';
import { createPricingClient } from '../../../src/sources/price-list/pricing-client.js';
import { AwsError } from '../../../src/shared/errors.js';
import { FAKE_CREDENTIALS_ENV, FAST_RETRY_POLICY, useFakeCloudWatch } from '../../support/fake-cloudwatch-server.js';
import { FakePricingServer } from '../../support/fake-pricing-server.js';

const cloudWatch = useFakeCloudWatch();

function cloudWatchClient(url: string, callPolicy: Partial<AwsCallPolicy>, notes: string[] = []) {
  return createCloudWatchClient({ endpointUrl: url, callPolicy: { ...FAST_RETRY_POLICY, ...callPolicy }, progress: { note: (message) => notes.push(message) } }, { env: FAKE_CREDENTIALS_ENV });
}

async function failure(promise: Promise<unknown>): Promise<{ error: AwsError; ms: number }> {
  const started = Date.now();
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AwsError);
  return { error: error as AwsError, ms: Date.now() - started };
}

describe('CloudWatch calls that get no answer', () => {
  test('each request times out, is retried as a transient fault, and the error names the call and the timeout', async () => {
    const server = cloudWatch();
    server.inject({ operation: 'GetDashboard', kind: 'no-answer' });
    const notes: string[] = [];
    const { error, ms } = await failure(getDashboard(cloudWatchClient(server.url, { requestTimeoutMs: 150, callDeadlineMs: 20_000 }, notes), 'ops-a'));
    expect(error.message).toBe('CloudWatch did not answer GetDashboard (no answer within 0.15 s per request, 3 attempts)');
    expect(error.fix).toContain('CWDASH_AWS_REQUEST_TIMEOUT=SECONDS');
    expect(server.callsOf('GetDashboard')).toHaveLength(3);
    expect(notes).toEqual([
      expect.stringMatching(/^CloudWatch GetDashboard failed \(TimeoutError\); retrying in \d\.\ds \(attempt 2 of 3\)$/),
      expect.stringMatching(/^CloudWatch GetDashboard failed \(TimeoutError\); retrying in \d\.\ds \(attempt 3 of 3\)$/),
    ]);
    expect(ms).toBeLessThan(5_000);
  });

  test('the deadline ends a call whose request would wait longer, mid-request', async () => {
    const server = cloudWatch();
    server.inject({ operation: 'GetDashboard', kind: 'no-answer' });
    const { error, ms } = await failure(getDashboard(cloudWatchClient(server.url, { requestTimeoutMs: 60_000, callDeadlineMs: 300 }), 'ops-a'));
    expect(error.message).toBe('CloudWatch did not answer GetDashboard (not done within the 0.3 s deadline of the call, 1 attempt)');
    expect(error.fix).toContain('CWDASH_AWS_CALL_DEADLINE=SECONDS');
    expect(ms).toBeGreaterThanOrEqual(250);
    expect(ms).toBeLessThan(5_000);
  });

  test('no retry starts that the deadline would cut short: the error says what failed last', async () => {
    const server = cloudWatch();
    server.inject({ operation: 'GetDashboard', kind: 'internal-error' });
    const policy = { callDeadlineMs: 400, baseDelayMs: 1_000, maxDelayMs: 1_000 };
    const { error } = await failure(getDashboard(cloudWatchClient(server.url, policy), 'ops-a'));
    expect(error.message).toBe('CloudWatch did not answer GetDashboard (not done within the 0.4 s deadline of the call, 1 attempt, last failure InternalServiceFault)');
    expect(server.callsOf('GetDashboard')).toHaveLength(1);
  });

  test('one unanswered request is retried and the call succeeds', async () => {
    const server = cloudWatch();
    server.putDashboardOutside('ops-a', { widgets: [] });
    server.inject({ operation: 'GetDashboard', kind: 'no-answer', times: 1 });
    const remote = await getDashboard(cloudWatchClient(server.url, { requestTimeoutMs: 150 }), 'ops-a');
    expect(remote?.body).toEqual({ widgets: [] });
    expect(server.callsOf('GetDashboard')).toHaveLength(2);
  });

  test('the waits come from CWDASH_AWS_REQUEST_TIMEOUT and CWDASH_AWS_CALL_DEADLINE; a bad value is a usage error', async () => {
    const server = cloudWatch();
    server.inject({ operation: 'GetDashboard', kind: 'no-answer' });
    const env = { ...FAKE_CREDENTIALS_ENV, CWDASH_AWS_REQUEST_TIMEOUT: '10', CWDASH_AWS_CALL_DEADLINE: '0.25' };
    const client = createCloudWatchClient({ endpointUrl: server.url, callPolicy: FAST_RETRY_POLICY }, { env });
    const { error } = await failure(getDashboard(client, 'ops-a'));
    expect(error.message).toMatch(/within the 0\.25 s deadline of the call/);
    expect(() => createCloudWatchClient({ endpointUrl: server.url }, { env: { CWDASH_AWS_CALL_DEADLINE: 'soon' } })).toThrow(
      'CWDASH_AWS_CALL_DEADLINE must be a number of seconds greater than 0, got "soon"',
    );
  });
});

describe('Price List calls that get no answer', () => {
  test('GetProducts times out per request and the error names the call', async () => {
    const server = await FakePricingServer.start({ products: [] });
    try {
      server.inject('no-answer', 10);
      const client = await createPricingClient({
        endpointUrl: server.endpoint,
        env: FAKE_CREDENTIALS_ENV,
        callPolicy: { ...FAST_RETRY_POLICY, requestTimeoutMs: 150 },
      });
      const { error } = await failure(drain(client.getProducts([])));
      expect(error.message).toBe('The Price List API did not answer GetProducts (no answer within 0.15 s per request, 3 attempts)');
      expect(error.fix).toMatch(/run the refresh again later/);
      expect(server.calls).toHaveLength(3);
    } finally {
      await server.close();
    }
  });
});

async function drain(pages: AsyncIterable<readonly string[]>): Promise<void> {
  for await (const page of pages) void page;
}
