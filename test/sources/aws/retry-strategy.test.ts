/** The retry budget is per call and per kind of fault, the same for CloudWatch and the Price List API. */
import { describe, expect, test } from 'vitest';
import { getDashboard, listDashboardNames } from '../../../src/sources/account/dashboards.js';
import { createCloudWatchClient } from '../../../src/sources/aws/cloudwatch-client.js';
import { createPricingClient } from '../../../src/sources/price-list/pricing-client.js';
import { AwsError } from '../../../src/shared/errors.js';
import { FAKE_CREDENTIALS_ENV, FAST_RETRY_POLICY, useFakeCloudWatch } from '../../support/fake-cloudwatch-server.js';
import { FakePricingServer } from '../../support/fake-pricing-server.js';

const cloudWatch = useFakeCloudWatch();

function client(url: string, notes: string[] = []) {
  return createCloudWatchClient({ endpointUrl: url, callPolicy: FAST_RETRY_POLICY, progress: { note: (message) => notes.push(message) } }, { env: FAKE_CREDENTIALS_ENV });
}

describe('retry budgets', () => {
  test('a throttle does not use up the server-error budget: 1 throttle + 2 × 500 succeeds, as 2 × 500 alone does', async () => {
    const server = cloudWatch();
    server.putDashboardOutside('ops-a', { widgets: [] });
    server.inject({ operation: 'GetDashboard', kind: 'throttle', times: 1 });
    server.inject({ operation: 'GetDashboard', kind: 'internal-error', times: 2 });
    const notes: string[] = [];
    const remote = await getDashboard(client(server.url, notes), 'ops-a');
    expect(remote?.body).toEqual({ widgets: [] });
    expect(server.callsOf('GetDashboard')).toHaveLength(4);
    expect(notes.map((note) => note.replace(/in \d+\.\ds/, 'in Ns'))).toEqual([
      'CloudWatch is throttling GetDashboard; retrying in Ns (attempt 2 of 8)',
      'CloudWatch GetDashboard failed (InternalServiceFault); retrying in Ns (attempt 2 of 3)',
      'CloudWatch GetDashboard failed (InternalServiceFault); retrying in Ns (attempt 3 of 3)',
    ]);
  });

  test('a third 500 after a throttle fails, counting every attempt made', async () => {
    const server = cloudWatch();
    server.inject({ operation: 'ListDashboards', kind: 'throttle', times: 1 });
    server.inject({ operation: 'ListDashboards', kind: 'internal-error', times: 3 });
    const error = await listDashboardNames(client(server.url)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AwsError);
    expect((error as AwsError).message).toBe('CloudWatch failed ListDashboards with InternalServiceFault (HTTP 500) after 4 attempts');
  });

  test('each call has its own budget: a call after one that used its retries gets all of them again', async () => {
    const server = cloudWatch();
    server.putDashboardOutside('ops-a', { widgets: [] });
    const cw = client(server.url);
    server.inject({ operation: 'GetDashboard', kind: 'internal-error', times: 2 });
    await getDashboard(cw, 'ops-a');
    server.inject({ operation: 'GetDashboard', kind: 'internal-error', times: 2 });
    await expect(getDashboard(cw, 'ops-a')).resolves.toMatchObject({ name: 'ops-a' });
    expect(server.callsOf('GetDashboard')).toHaveLength(6);
  });

  test('the Price List client retries the same way, and prints its notices', async () => {
    const server = await FakePricingServer.start({ products: [] });
    try {
      server.inject('throttle', 1);
      server.inject('internal-error', 2);
      const notes: string[] = [];
      const pricing = await createPricingClient({
        endpointUrl: server.endpoint,
        env: FAKE_CREDENTIALS_ENV,
        callPolicy: FAST_RETRY_POLICY,
        progress: { note: (message) => notes.push(message) },
      });
      const pages: (readonly string[])[] = [];
      for await (const page of pricing.getProducts([])) pages.push(page);
      expect(pages).toEqual([[]]);
      expect(server.calls).toHaveLength(4);
      expect(notes.map((note) => note.replace(/in \d+\.\ds/, 'in Ns'))).toEqual([
        'The Price List API is throttling GetProducts; retrying in Ns (attempt 2 of 8)',
        'The Price List API GetProducts failed (InternalErrorException); retrying in Ns (attempt 2 of 3)',
        'The Price List API GetProducts failed (InternalErrorException); retrying in Ns (attempt 3 of 3)',
      ]);
    } finally {
      await server.close();
    }
  });
});
