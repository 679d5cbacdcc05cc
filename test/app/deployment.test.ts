/**
 * Issue 19 point 17: publish and diff use the definitions' region when every widget names the same one (before the
 * environment's default), and build warns about a dashboard name outside the project's prefix, which publish refuses.
 */
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { sharedRegion } from '../../src/app/deployment.js';
import { runCli } from '../support/run-cli.js';
import { dashboardProject, textDashboards } from '../support/dashboard-project.js';
import { useFakeCloudWatch, type FakeCloudWatchServer } from '../support/fake-cloudwatch-server.js';

const API = resolve(import.meta.dirname, '../../src/index.ts');
const cloudWatch = useFakeCloudWatch();
let server: FakeCloudWatchServer;
beforeEach(() => {
  server = cloudWatch();
});

const graph = (region: string) => ({ type: 'metric', properties: { region, metrics: [['A', 'B']] } });

describe('the definitions\' region', () => {
  test('one region named by every widget that names one; none when they differ or none does', () => {
    expect(sharedRegion([{ body: { widgets: [graph('eu-west-1'), { type: 'text', properties: { markdown: 'x' } }] } }, { body: { widgets: [graph('eu-west-1')] } }] as never)).toBe('eu-west-1');
    expect(sharedRegion([{ body: { widgets: [graph('eu-west-1'), graph('us-east-1')] } }] as never)).toBeUndefined();
    expect(sharedRegion([{ body: { widgets: [{ type: 'text', properties: { markdown: 'x' } }] } }] as never)).toBeUndefined();
  });

  test('diff with no region in the flags, the environment or the profile uses the one the definitions set', async () => {
    const definition =
      `import { Dashboard, GraphWidget, Metric } from ${JSON.stringify(API)};\n` +
      `export default new Dashboard({ dashboardName: 'ops-api', region: 'eu-west-1', widgets: [new GraphWidget({ metrics: [new Metric({ namespace: 'App', metricName: 'Requests' })] })] });\n`;
    const cwd = await dashboardProject({ 'ops.ts': definition });
    const env = { AWS_ACCESS_KEY_ID: 'AKIDFAKE', AWS_SECRET_ACCESS_KEY: 'x', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' };
    const result = await runCli(['diff', '--endpoint-url', server.url, '--format', 'json'], { cwd, env });
    expect(result.stderr).not.toContain('no AWS region is configured');
    expect(result.exitCode, result.stderr).toBe(1);
    expect(JSON.parse(result.stdout).dashboards).toEqual([expect.objectContaining({ name: 'ops-api', action: 'create' })]);
  });
});

describe('build and the prefix', () => {
  test('a dashboard outside the configured prefix is a warning at build time', async () => {
    const cwd = await dashboardProject({ 'ops.ts': textDashboards(['team-a-api', 'API'], ['ops-db', 'DB']) });
    await writeFile(join(cwd, 'cwdash.config.ts'), "export default { prefix: 'team-a-' };\n");
    const result = await runCli(['build', '--check'], { cwd });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('warning: dashboard "ops-db" is outside the prefix "team-a-" of cwdash.config.ts: publish will refuse it');
    expect(result.stderr).not.toContain('"team-a-api" is outside');
  });
});
