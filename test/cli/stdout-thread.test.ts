/**
 * A long streamed output of the real process goes to stdout from a second thread (src/shared/stdout-thread.ts): the
 * bytes are those the CLI writes in-process (made inert the same way, in the same order), and a reader that closes
 * the pipe early still ends the run quietly with exit code 0. The thread is compiled JavaScript, so the CLI under test
 * is bin/cwdash.js over dist/ (the test run builds it first).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../sources/definitions/temp-project.js';
import { runCli } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cwdash-stdout-thread-'));
writeFileSync(join(dir, 'otel-config.yaml'), [
  'receivers:',
  '  prometheus:',
  '    config:',
  '      scrape_configs:',
  '        - job_name: app',
  '          static_configs: [{ targets: ["localhost:3000"] }]',
  'exporters:',
  '  awsemf: {}',
  'service:',
  '  pipelines:',
  '    metrics: { receivers: [prometheus], exporters: [awsemf] }',
].join('\n'));
// Some 3 MB of JSON and 1.7 MB of CSV: past the output the thread starts for; a C1 control in one value is escaped on the way.
const series = Array.from({ length: 4000 }, (_, index) => `requests_total{id="${index}",note="${index === 2500 ? 'csi \u009b here' : 'é'}"} ${index}`);
writeFileSync(join(dir, 'metrics.txt'), `# TYPE requests_total counter\n${series.join('\n')}\n`);
const ARGS = ['metrics', '--config', 'otel-config.yaml', '--scrape', 'metrics.txt'];

/** The spawned CLI's exit code and stdout; `closeAfter` bytes, the reader closes the pipe there. */
function spawned(args: readonly string[], closeAfter = Infinity): Promise<{ exitCode: number | null; stdout: Buffer; stderr: string }> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/cwdash.js'), ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  let length = 0;
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    length += chunk.length;
    if (length >= closeAfter) child.stdout.destroy();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode, stdout: Buffer.concat(chunks), stderr }));
  });
}

describe('stdout from a second thread', () => {
  for (const format of ['json', 'csv']) {
    test(`--format ${format}: the bytes of the in-process run`, async () => {
      const [process, inProcess] = await Promise.all([spawned([...ARGS, '--format', format]), runCli([...ARGS, '--format', format], { cwd: dir })]);
      expect(process.exitCode).toBe(0);
      expect(inProcess.exitCode).toBe(0);
      expect(process.stdout.length).toBeGreaterThan(1_200_000);
      expect(process.stdout.toString('utf8')).toBe(inProcess.stdout);
      expect(inProcess.stdout).toContain('csi \\u009b here');
    }, 60_000);
  }

  test('a reader that closes the pipe early: exit code 0, no error', async () => {
    const result = await spawned([...ARGS, '--format', 'json'], 1_500_000);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).not.toMatch(/error/i);
  }, 60_000);
});
