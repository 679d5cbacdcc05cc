/**
 * The contract between the real SDK and the fake CloudWatch, pinned: what the SDK sends (AWS JSON 1.0, the Granite
 * target, query-compatible mode) and which exception each error response becomes. If an SDK upgrade changes the
 * protocol, these fail first.
 */
import { CloudWatchClient, GetDashboardCommand, PutDashboardCommand } from '@aws-sdk/client-cloudwatch';
import { beforeEach, describe, expect, test } from 'vitest';
import { FAKE_CREDENTIALS_ENV, useFakeCloudWatch, type FakeCloudWatchServer } from '../../support/fake-cloudwatch-server.js';

const cloudWatch = useFakeCloudWatch();
let server: FakeCloudWatchServer;
beforeEach(() => {
  server = cloudWatch();
});

const sdk = () =>
  new CloudWatchClient({
    endpoint: server.url,
    region: 'us-east-1',
    maxAttempts: 1,
    credentials: { accessKeyId: FAKE_CREDENTIALS_ENV.AWS_ACCESS_KEY_ID, secretAccessKey: FAKE_CREDENTIALS_ENV.AWS_SECRET_ACCESS_KEY },
  });

describe('CloudWatch wire protocol as this SDK speaks it', () => {
  test('requests are AWS JSON 1.0 with the Granite target, query-compatible, SigV4-signed for "monitoring"', async () => {
    await sdk().send(new PutDashboardCommand({ DashboardName: 'a', DashboardBody: '{"widgets":[]}' }));
    const [call] = server.callsOf('PutDashboard');
    expect(call?.headers['x-amz-target']).toBe('GraniteServiceVersion20100801.PutDashboard');
    expect(call?.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(call?.headers['x-amzn-query-mode']).toBe('true');
    expect(call?.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDFAKECWDASH\/\d{8}\/us-east-1\/monitoring\/aws4_request/);
    expect(call?.input).toEqual({ DashboardName: 'a', DashboardBody: '{"widgets":[]}' });
  });

  test('error responses become the SDK exceptions cwdash relies on', async () => {
    const notFound = await sdk().send(new GetDashboardCommand({ DashboardName: 'missing' })).catch((error: unknown) => error);
    expect(notFound).toMatchObject({ name: 'ResourceNotFound', $metadata: { httpStatusCode: 404 } });

    server.judgeBody = () => ({ errors: [{ DataPath: '/widgets/0/width', Message: 'Should be <= 24' }], warnings: [] });
    const invalid = await sdk().send(new PutDashboardCommand({ DashboardName: 'a', DashboardBody: '{"widgets":[]}' })).catch((error: unknown) => error);
    expect(invalid).toMatchObject({
      name: 'DashboardInvalidInputError',
      dashboardValidationMessages: [{ DataPath: '/widgets/0/width', Message: 'Should be <= 24' }],
      $metadata: { httpStatusCode: 400 },
    });

    server.inject({ operation: 'GetDashboard', kind: 'throttle', times: 1 });
    const throttled = await sdk().send(new GetDashboardCommand({ DashboardName: 'a' })).catch((error: unknown) => error);
    expect(throttled).toMatchObject({ name: 'Throttling', message: 'Rate exceeded' });

    server.inject({ operation: 'GetDashboard', kind: 'internal-error', times: 1 });
    const fault = await sdk().send(new GetDashboardCommand({ DashboardName: 'a' })).catch((error: unknown) => error);
    expect(fault).toMatchObject({ name: 'InternalServiceFault', $fault: 'server', $metadata: { httpStatusCode: 500 } });
  });
});
