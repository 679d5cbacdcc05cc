import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCloudWatchClient } from '../../../src/sources/aws/cloudwatch-client.js';
import { getDashboard, listDashboardNames, putDashboard } from '../../../src/sources/account/dashboards.js';
import { createProgress } from '../../../src/sources/account/progress.js';
import { AwsError } from '../../../src/shared/errors.js';
import { FAKE_CREDENTIALS_ENV, FAST_RETRY_POLICY, FakeCloudWatchServer, useFakeCloudWatch } from '../../support/fake-cloudwatch-server.js';

const cloudWatch = useFakeCloudWatch();
let server: FakeCloudWatchServer;
beforeEach(() => {
  server = cloudWatch();
});
afterEach(() => {
  vi.unstubAllEnvs();
});

function client(env: Record<string, string> = FAKE_CREDENTIALS_ENV, stderr: string[] = []) {
  const io = { env, stderr: { write: (text: string) => void stderr.push(text), isTTY: false } };
  return createCloudWatchClient(
    { endpointUrl: server.url, callPolicy: FAST_RETRY_POLICY, progress: createProgress({ ...io, stdout: io.stderr, stdin: process.stdin, cwd: '.' }) },
    io,
  );
}

describe('CloudWatch client', () => {
  test('signs with the credentials and region from the environment it is given', async () => {
    await listDashboardNames(client());
    expect(server.callsOf('ListDashboards')).toEqual([
      expect.objectContaining({ accessKeyId: 'AKIDFAKECWDASH', region: 'us-east-1', input: {} }),
    ]);
  });

  test('AWS_ENDPOINT_URL_CLOUDWATCH points the client at another endpoint, --region overrides AWS_REGION', async () => {
    const io = { env: { ...FAKE_CREDENTIALS_ENV, AWS_ENDPOINT_URL_CLOUDWATCH: server.url } };
    await listDashboardNames(createCloudWatchClient({ region: 'ap-northeast-1', callPolicy: FAST_RETRY_POLICY }, io));
    expect(server.callsOf('ListDashboards')[0]?.region).toBe('ap-northeast-1');
  });

  test('--profile reads the named profile from the shared files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cwdash-profile-'));
    await writeFile(join(dir, 'credentials'), '[ops]\naws_access_key_id = AKIDPROFILEOPS\naws_secret_access_key = s3cret\n');
    await writeFile(join(dir, 'config'), '[profile ops]\nregion = eu-west-1\n');
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(dir, 'credentials'));
    vi.stubEnv('AWS_CONFIG_FILE', join(dir, 'config'));
    const cw = createCloudWatchClient({ profile: 'ops', endpointUrl: server.url, region: 'eu-west-1' }, { env: {} });
    await listDashboardNames(cw);
    expect(server.callsOf('ListDashboards')[0]?.accessKeyId).toBe('AKIDPROFILEOPS');
  });

  test('missing credentials is an AwsError that says how to provide them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cwdash-nocreds-'));
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(dir, 'none'));
    vi.stubEnv('AWS_CONFIG_FILE', join(dir, 'none'));
    vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
    vi.stubEnv('AWS_ACCESS_KEY_ID', '');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', '');
    vi.stubEnv('AWS_PROFILE', '');
    const cw = createCloudWatchClient({ endpointUrl: server.url, region: 'us-east-1', profile: 'nobody' }, { env: {} });
    const error = await listDashboardNames(cw).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AwsError);
    expect((error as AwsError).message).toMatch(/^no AWS credentials found for ListDashboards/);
    expect((error as AwsError).fix).toContain('--profile');
    expect(server.calls).toHaveLength(0);
  });

  test('access denied names the missing IAM action and the principal', async () => {
    server.inject({ operation: 'PutDashboard', kind: 'access-denied' });
    const error = await putDashboard(client(), 'ops-a', '{"widgets":[]}').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AwsError);
    expect((error as AwsError).message).toBe('access denied: arn:aws:iam::123456789012:user/ci may not call cloudwatch:PutDashboard');
    expect((error as AwsError).fix).toContain('allow "cloudwatch:PutDashboard"');
  });

  test('throttling is retried with backoff and reported on stderr', async () => {
    server.inject({ operation: 'GetDashboard', kind: 'throttle', times: 3 });
    server.putDashboardOutside('ops-a', { widgets: [] });
    const stderr: string[] = [];
    const remote = await getDashboard(client(FAKE_CREDENTIALS_ENV, stderr), 'ops-a');
    expect(remote?.body).toEqual({ widgets: [] });
    expect(server.callsOf('GetDashboard')).toHaveLength(4);
    expect(stderr.join('')).toMatch(/CloudWatch is throttling GetDashboard; retrying in \d+\.\ds \(attempt 2 of 8\)/);
  });

  test('throttling that never clears ends in an AwsError after the last attempt', async () => {
    server.inject({ operation: 'ListDashboards', kind: 'throttle' });
    const error = await listDashboardNames(client()).catch((caught: unknown) => caught);
    expect((error as AwsError).message).toBe('CloudWatch kept throttling ListDashboards after 8 attempts');
    expect(server.callsOf('ListDashboards')).toHaveLength(8);
  });

  test('a 500 is retried; one that persists is reported with the operation', async () => {
    server.inject({ operation: 'ListDashboards', kind: 'internal-error', times: 1 });
    await expect(listDashboardNames(client())).resolves.toEqual([]);
    server.inject({ operation: 'ListDashboards', kind: 'internal-error' });
    const error = await listDashboardNames(client()).catch((caught: unknown) => caught);
    expect((error as AwsError).message).toBe('CloudWatch failed ListDashboards with InternalServiceFault (HTTP 500) after 3 attempts');
  });

  test('dashboard calls are paced to 10 per second on the client side', async () => {
    const cw = client();
    const started = Date.now();
    for (let i = 0; i < 6; i++) await getDashboard(cw, `missing-${i}`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
  });

  test('an endpoint nobody listens on is reported as unreachable, after the transient retries', async () => {
    const closed = await FakeCloudWatchServer.start();
    const url = closed.url;
    await closed.close();
    const cw = createCloudWatchClient({ endpointUrl: url, callPolicy: FAST_RETRY_POLICY }, { env: FAKE_CREDENTIALS_ENV });
    const error = await listDashboardNames(cw).catch((caught: unknown) => caught);
    expect((error as AwsError).message).toBe('cannot reach CloudWatch for ListDashboards (ECONNREFUSED)');
    expect((error as AwsError).fix).toContain('--endpoint-url');
  });

  test('an endpoint URL that is not a URL is a usage error', () => {
    expect(() => createCloudWatchClient({ endpointUrl: 'localhost:4566' }, { env: {} })).toThrow(/invalid endpoint URL "localhost:4566"/);
  });
});
