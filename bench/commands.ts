/**
 * The commands users run, at scale, end to end (issue 13): generated inputs of the shapes below, the compiled CLI
 * spawned as a user runs it (peak RSS of that child), the reference timed in the same run, several runs each with
 * min / median / max, and one Markdown table the README copies. Run: `npm run bench` (builds dist/ first).
 * Options: `--runs N` (default 3), `--only metrics|cost-report|build|analyze` (repeatable), `--keep` (leave the inputs).
 *
 * - `cwdash metrics --format table|json|csv` on a 1,000,000-sample exposition (1,250 families × 500 series of
 *   method × route × status_code; every tenth family a histogram of 5 buckets), against `promtool check metrics`.
 * - `cwdash cost-report --write-fix` on the 200,000-sample cut of it (one dashboard reading two metrics), against
 *   `promtool check metrics` on the cut.
 * - `cwdash build` of 1,000 definition files × 50 widgets (bench/build-files.ts), against the JSON floor.
 * - the analyzer core alone (bench/analyze.ts), as a second line.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchTable, type BenchRow } from './support/bench-table.js';
import { BENCH_COLLECTOR_CONFIG } from './support/collector-config.js';
import { runCliProcess, type CliRun } from './support/run-cli.js';

const { values } = parseArgs({ options: { runs: { type: 'string' }, only: { type: 'string', multiple: true }, keep: { type: 'boolean' } } });
const RUNS = Number(values.runs ?? 3);
const ONLY = new Set(values.only ?? ['metrics', 'cost-report', 'build', 'analyze']);
const ROOT = fileURLToPath(new URL('../', import.meta.url));

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];
const CODES = ['200', '201', '204', '301', '400', '401', '403', '404', '500', '503'];
const BUCKETS = ['0.01', '0.1', '1', '10', '+Inf'];

/** The exposition: 500 label sets a family, every tenth family a histogram (7 samples a series). */
async function writeExposition(file: string, samples: number): Promise<void> {
  const sets: string[] = [];
  for (let route = 0; route < 10; route++) for (const method of METHODS) for (const code of CODES) sets.push(`method="${method}",route="/api/v1/r${route}",status_code="${code}"`);
  const out = createWriteStream(file);
  let buffer = '';
  let written = 0;
  for (let family = 0; written < samples; family++) {
    const histogram = family % 10 === 9;
    const name = histogram ? `app_op_${family}_seconds` : `app_op_${family}_total`;
    buffer += `# HELP ${name} Family ${family}.\n# TYPE ${name} ${histogram ? 'histogram' : 'counter'}\n`;
    for (const set of sets) {
      if (written >= samples) break;
      if (histogram) {
        for (const le of BUCKETS) buffer += `${name}_bucket{${set},le="${le}"} 3\n`;
        buffer += `${name}_sum{${set}} 1.5\n${name}_count{${set}} 3\n`;
        written += BUCKETS.length + 2;
      } else {
        buffer += `${name}{${set}} ${written}\n`;
        written++;
      }
    }
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}


const OTEL_LIB = 'github.com/open-telemetry/opentelemetry-collector-contrib/receiver/prometheusreceiver';
/** One dashboard reading a rolled-up and a full metric, so the fix keeps two and drops the rest. */
const DASHBOARD = {
  widgets: [
    {
      type: 'metric', x: 0, y: 0, width: 12, height: 6,
      properties: {
        region: 'us-east-1', view: 'timeSeries', stat: 'Sum', period: 60,
        metrics: [
          ['bench', 'app_op_0_total', 'OTelLib', OTEL_LIB, 'route', '/api/v1/r0'],
          ['bench', 'app_op_1_total', 'OTelLib', OTEL_LIB, 'method', 'GET', 'route', '/api/v1/r0', 'status_code', '200'],
        ],
      },
    },
  ],
};

/** `promtool check metrics < file` (its lint findings make the exit code 3; only the time is used). */
async function promtool(file: string): Promise<number> {
  const started = performance.now();
  const tool = spawn('promtool', ['check', 'metrics'], { stdio: ['pipe', 'ignore', 'ignore'] });
  const failed = once(tool, 'error').then(([error]) => Promise.reject(new Error(`promtool: ${String(error)} (apt-get install -y prometheus)`)));
  createReadStream(file).pipe(tool.stdin).on('error', () => undefined);
  await Promise.race([once(tool, 'close'), failed]);
  return (performance.now() - started) / 1000;
}

async function checked(run: Promise<CliRun>, what: string): Promise<CliRun> {
  const result = await run;
  if (result.exitCode !== 0) throw new Error(`${what} exited with ${result.exitCode}: ${result.stderr.slice(0, 2000)}`);
  return result;
}

async function metricsRows(dir: string): Promise<BenchRow[]> {
  const scrape = join(dir, 'metrics-1m.txt');
  await writeExposition(scrape, 1_000_000);
  writeFileSync(join(dir, 'otel-config.yaml'), BENCH_COLLECTOR_CONFIG);
  const formats = ['table', 'json', 'csv'] as const;
  const reference: number[] = [];
  const runs = new Map(formats.map((format) => [format, [] as CliRun[]]));
  for (let round = 0; round < RUNS; round++) {
    reference.push(await promtool(scrape));
    for (const format of formats) {
      runs.get(format)!.push(await checked(runCliProcess(['metrics', '--config', 'otel-config.yaml', '--scrape', 'metrics-1m.txt', '--format', format], {}, dir), `metrics --format ${format}`));
    }
  }
  return formats.map((format) => ({
    command: `cwdash metrics --format ${format} (1,000,000 samples)`,
    seconds: runs.get(format)!.map((run) => run.seconds),
    peakRssMiB: runs.get(format)!.map((run) => run.peakRssMiB),
    reference: 'promtool check metrics',
    referenceSeconds: reference,
    target: { ratio: format === 'table' ? 1.0 : 1.5, rssMiB: 1024 },
  }));
}

async function costReportRows(dir: string): Promise<BenchRow[]> {
  const scrape = join(dir, 'metrics-200k.txt');
  await writeExposition(scrape, 200_000);
  writeFileSync(join(dir, 'otel-config.yaml'), BENCH_COLLECTOR_CONFIG);
  mkdirSync(join(dir, 'dashboards'), { recursive: true });
  writeFileSync(join(dir, 'dashboards', 'app.json'), JSON.stringify(DASHBOARD));
  const reference: number[] = [];
  const runs: CliRun[] = [];
  for (let round = 0; round < RUNS; round++) {
    reference.push(await promtool(scrape));
    const fixDir = `fix-${round}`;
    runs.push(await checked(runCliProcess(['cost-report', '--config', 'otel-config.yaml', '--scrape', 'metrics-200k.txt', '--dashboards', 'dashboards', '--write-fix', fixDir], { AWS_REGION: 'us-east-1' }, dir), 'cost-report'));
  }
  return [{
    command: 'cwdash cost-report --write-fix (200,000 samples)',
    seconds: runs.map((run) => run.seconds),
    peakRssMiB: runs.map((run) => run.peakRssMiB),
    reference: 'promtool check metrics',
    referenceSeconds: reference,
    target: { ratio: 2.0 },
  }];
}

async function buildRows(): Promise<BenchRow[]> {
  const { benchBuildFiles } = await import('./build-files.js');
  return benchBuildFiles({ runs: RUNS });
}

/** bench/analyze.ts's own figure line (the analyzer core in one process, no CLI), run once. */
async function analyzeLine(): Promise<string> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/run-ts.js'), join(ROOT, 'bench/analyze.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  await once(child, 'close');
  return output.split('\n').filter((line) => line.startsWith('cwdash') || line.startsWith('promtool')).join('; ');
}

const dir = mkdtempSync(join(tmpdir(), 'cwdash-bench-commands-'));
try {
  const rows: BenchRow[] = [];
  if (ONLY.has('metrics')) rows.push(...(await metricsRows(dir)));
  if (ONLY.has('cost-report')) rows.push(...(await costReportRows(dir)));
  if (ONLY.has('build')) rows.push(...(await buildRows()));
  console.log(`${RUNS} run(s) each, this machine: ${(await import('node:os')).cpus().length} cores\n`);
  console.log(benchTable(rows));
  if (ONLY.has('analyze')) console.log(`\nanalyzer core (bench:analyze, in-process, 1,000,000 series of its own shape): ${await analyzeLine()}`);
} finally {
  if (values.keep) console.log(`\ninputs kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
