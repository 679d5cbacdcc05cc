/**
 * The analyzer at scale: a generated exposition of 1,000,000 series in 2,000 families (60% counters, 20% gauges,
 * 20% classic histograms with 8 buckets; labels method, route, status_code, instance; HELP and TYPE on every family,
 * as in exposition.md §6) through parse + prometheus-receiver translation + awsemf counting, in a child process so
 * the peak RSS printed is the analyzer's alone; then `promtool check metrics` on the same file, timed in the same run.
 * Run: `npm run bench:analyze` (options: `--series N --families N --keep`). Target: no slower than promtool, < 1 GB.
 */
import { fork, spawn } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { predictMetrics } from '../src/analysis/awsemf/predict.js';
import { parseCollectorConfig } from '../src/sources/collector-config/load.js';
import { readScrapeFile } from '../src/sources/exposition/scrape-file.js';
import { BENCH_COLLECTOR_CONFIG } from './support/collector-config.js';

const { values } = parseArgs({ options: { child: { type: 'string' }, series: { type: 'string' }, families: { type: 'string' }, keep: { type: 'boolean' } } });
const SERIES = Number(values.series ?? 1_000_000);
const FAMILIES = Number(values.families ?? 2_000);
const BUCKETS = ['0.005', '0.01', '0.05', '0.1', '0.5', '1', '5', '+Inf'];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];
const CODES = ['200', '201', '204', '301', '400', '401', '403', '404', '500', '503'];


interface ChildResult {
  readonly seconds: number;
  readonly series: number;
  readonly customMetrics: number;
  readonly emfBytesPerScrape: number;
  readonly maxRssMiB: number;
}

/** The i-th label set of a family: distinct for every i, spread over the four labels. */
function labels(i: number): string {
  const method = METHODS[i % METHODS.length]!;
  const code = CODES[Math.floor(i / METHODS.length) % CODES.length]!;
  const route = `/api/v1/resource${Math.floor(i / (METHODS.length * CODES.length)) % 20}`;
  const instance = `10.0.${Math.floor(i / 1000) % 256}.${i % 250}:8080`;
  return `method="${method}",route="${route}",status_code="${code}",instance="${instance}"`;
}

async function generate(file: string): Promise<number> {
  const out = createWriteStream(file);
  let written = 0;
  let buffer = '';
  const flush = async () => {
    if (!out.write(buffer)) await once(out, 'drain');
    buffer = '';
  };
  const perFamily = Math.ceil(SERIES / FAMILIES);
  for (let f = 0; f < FAMILIES && written < SERIES; f++) {
    const kind = f % 5 < 3 ? 'counter' : f % 5 === 3 ? 'gauge' : 'histogram';
    const name = kind === 'counter' ? `app_family_${f}_total` : kind === 'gauge' ? `app_family_${f}_current` : `app_family_${f}_seconds`;
    buffer += `# HELP ${name} Generated family ${f}.\n# TYPE ${name} ${kind}\n`;
    if (kind === 'histogram') {
      for (let i = 0; i * (BUCKETS.length + 2) < perFamily && written < SERIES; i++) {
        const set = labels(i);
        BUCKETS.forEach((le, b) => (buffer += `${name}_bucket{${set},le="${le}"} ${(b + 1) * 3}\n`));
        buffer += `${name}_sum{${set}} ${(i * 0.37).toFixed(3)}\n${name}_count{${set}} 24\n`;
        written += BUCKETS.length + 2;
      }
    } else {
      for (let i = 0; i < perFamily && written < SERIES; i++, written++) buffer += `${name}{${labels(i)}} ${i * 7 + f}\n`;
    }
    if (buffer.length > 1 << 20) await flush();
  }
  await flush();
  out.end();
  await once(out, 'finish');
  return written;
}

async function child(file: string): Promise<ChildResult> {
  const start = performance.now();
  const scrape = await readScrapeFile(file, process.stdin);
  const prediction = predictMetrics({ config: parseCollectorConfig(BENCH_COLLECTOR_CONFIG, 'bench.yaml', {}), scrape, listMetrics: false });
  return {
    seconds: (performance.now() - start) / 1000,
    series: scrape.seriesCount,
    customMetrics: prediction.summary.customMetrics,
    emfBytesPerScrape: prediction.emf.bytesPerScrape,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
  };
}

function runChild(file: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const runner = fileURLToPath(new URL('../bin/run-ts.js', import.meta.url));
    const worker = fork(runner, [fileURLToPath(import.meta.url), '--child', file], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    worker.once('message', (message) => resolve(message as ChildResult));
    worker.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`analyzer child exited with ${code}`))));
  });
}

/** `promtool check metrics < file`: seconds, or undefined when promtool is not installed. */
async function promtool(file: string): Promise<{ seconds: number; exitCode: number | null } | undefined> {
  const start = performance.now();
  const tool = spawn('promtool', ['check', 'metrics'], { stdio: ['pipe', 'ignore', 'ignore'] });
  const failed = once(tool, 'error').then(() => 'missing' as const);
  createReadStream(file).pipe(tool.stdin).on('error', () => undefined);
  const outcome = await Promise.race([once(tool, 'close').then(([code]) => code as number | null), failed]);
  if (outcome === 'missing') return undefined;
  return { seconds: (performance.now() - start) / 1000, exitCode: outcome };
}

if (values.child) {
  const result = await child(values.child);
  process.send!(result);
} else {
  const dir = mkdtempSync(join(tmpdir(), 'cwdash-bench-analyze-'));
  const file = join(dir, 'metrics.txt');
  try {
    const series = await generate(file);
    const megabytes = statSync(file).size / 1e6;
    console.log(`exposition: ${series.toLocaleString('en-US')} series in ${FAMILIES.toLocaleString('en-US')} families, ${megabytes.toFixed(1)} MB (${file})`);
    const result = await runChild(file);
    console.log(
      `cwdash parse + translate + count: ${result.seconds.toFixed(2)} s, ${Math.round(result.series / result.seconds).toLocaleString('en-US')} series/s, ` +
        `peak RSS ${result.maxRssMiB.toFixed(0)} MiB; ${result.customMetrics.toLocaleString('en-US')} custom metrics, ${(result.emfBytesPerScrape / 1e6).toFixed(1)} MB EMF per scrape`,
    );
    const check = await promtool(file);
    if (check === undefined) console.log('promtool: not installed (apt-get install -y prometheus) — no comparison');
    else {
      console.log(`promtool check metrics: ${check.seconds.toFixed(2)} s, ${Math.round(series / check.seconds).toLocaleString('en-US')} series/s (exit ${check.exitCode}: lint findings only, or 0)`);
      console.log(`cwdash / promtool time: ${(result.seconds / check.seconds).toFixed(2)} (target ≤ 1), peak RSS target < 1024 MiB: ${result.maxRssMiB < 1024 ? 'met' : 'MISSED'}`);
    }
  } finally {
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  }
}
