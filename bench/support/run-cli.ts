/** Runs the compiled CLI as a child process the way users do, and returns its wall time, exit code and peak RSS. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliRun {
  readonly seconds: number;
  readonly exitCode: number | null;
  readonly peakRssMiB: number;
  readonly stdoutBytes: number;
  readonly stderr: string;
}

export function runCliProcess(args: readonly string[], env: Record<string, string | undefined>, cwd = ROOT): Promise<CliRun> {
  const rssFile = join(mkdtempSync(join(tmpdir(), 'cwdash-bench-')), 'rss');
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', join(ROOT, 'bench/support/peak-rss.mjs'), join(ROOT, 'bin/cwdash.js'), ...args], {
    cwd,
    env: { ...env, CWDASH_BENCH_RSS_FILE: rssFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdoutBytes = 0;
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdoutBytes += chunk.length));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode) => {
      const seconds = (performance.now() - started) / 1000;
      resolve({ seconds, exitCode, peakRssMiB: Number(readFileSync(rssFile, 'utf8')) / 1024, stdoutBytes, stderr });
    });
  });
}

/** min / median / max of several runs. */
export function spread(values: readonly number[]): { min: number; median: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]!, max: sorted[sorted.length - 1]! };
}
