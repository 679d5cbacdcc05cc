/**
 * `cwdash build` as users run it: 1,000 generated definition files × 50 widgets (graphs with math and SEARCH, single
 * values, gauges, tables, text, logs, alarm status, as in bench/build.ts), each file importing from 'cwdash' and
 * spelling its widgets out, built by the compiled CLI in a child process. Against the JSON floor: a Node process
 * that reads, parses, stringifies and writes the same bodies cwdash wrote (JSON.parse + JSON.stringify + writeFile
 * per file), timed in the same runs, interleaved with the builds so both see the same machine.
 * Run: `npm run build && npm run bench:build-files` (options: `--files N --widgets N --runs N --keep`).
 * Target (issue 13): the build's median ≤ 15× the floor's median (aim 10×).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { BenchRow } from './support/bench-table.js';
import { runCliProcess, spread } from './support/run-cli.js';

export interface BuildFilesOptions {
  readonly files?: number;
  readonly widgets?: number;
  readonly runs?: number;
  /** Leave the generated definitions and outputs in the temp dir (its path is printed). */
  readonly keep?: boolean;
}

const ALARM = 'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:api-5xx';
const KINDS = ['graph', 'math', 'search', 'single', 'graph', 'gauge', 'table', 'text', 'log', 'alarms'] as const;

/** Widget `w` of definition file `d`, written as a user would write it inline. */
function widgetSource(d: number, w: number): string {
  const service = `svc-${d}-${w % 7}`;
  const requests = `new Metric({ namespace: 'App', metricName: 'Requests', dimensionsMap: { Service: '${service}', Env: 'prod' }, statistic: 'Sum' })`;
  const errors = `new Metric({ namespace: 'App', metricName: 'Errors', dimensionsMap: { Service: '${service}', Env: 'prod', Code: '5xx' }, statistic: 'Sum' })`;
  const latency = `new Metric({ namespace: 'App', metricName: 'Latency', dimensionsMap: { Service: '${service}' }, statistic: 'p99', period: Duration.minutes(1) })`;
  switch (KINDS[w % KINDS.length]!) {
    case 'graph':
      return `new GraphWidget({ title: 'Requests ${w}', metrics: [${requests}, ${errors}.with({ yAxis: 'right' })], width: 8 })`;
    case 'math':
      return `new GraphWidget({\n    title: 'Error rate ${w}',\n    metrics: [new MathExpression({ expression: '100 * e / r', label: 'error %', usingMetrics: { e: ${errors}, r: ${requests} } })],\n    width: 8,\n  })`;
    case 'search':
      return `new GraphWidget({\n    title: 'Fleet ${w}',\n    metrics: [new SearchExpression({ schema: { namespace: 'AWS/EC2', dimensions: ['InstanceId'] }, searchTerm: 'MetricName="CPUUtilization"', statistic: 'Average', label: 'CPU' })],\n    width: 8,\n  })`;
    case 'single':
      return `new SingleValueWidget({ title: 'Latency ${w}', metrics: [${latency}], sparkline: true })`;
    case 'gauge':
      return `new GaugeWidget({ title: 'Errors ${w}', metrics: [${errors}], range: { min: 0, max: 1000 } })`;
    case 'table':
      return `new TableWidget({ title: 'Table ${w}', metrics: [${requests}, ${errors}, ${latency}], summaryColumns: ['MAX', 'AVG'] })`;
    case 'text':
      return `new TextWidget({ markdown: '## Section ${w}\\nRunbook for ${service}', width: 24, height: 1 })`;
    case 'log':
      return `new LogQueryWidget({ title: 'Errors ${w}', logGroupNames: ['/app/${service}'], queryLines: ['fields @timestamp, @message', 'filter @message like /ERROR/'] })`;
    case 'alarms':
      return `new AlarmStatusWidget({ title: 'Alarms ${w}', alarmArns: ['${ALARM}'] })`;
  }
}

function definitionSource(d: number, widgets: number): string {
  const rows: string[] = [];
  for (let w = 0; w < widgets; w += 3) {
    rows.push(`  [\n${Array.from({ length: Math.min(3, widgets - w) }, (_, i) => `    ${widgetSource(d, w + i).replaceAll('\n', '\n  ')},`).join('\n')}\n  ],`);
  }
  return [
    `import { AlarmStatusWidget, Dashboard, Duration, GaugeWidget, GraphWidget, LogQueryWidget, MathExpression, Metric, SearchExpression, SingleValueWidget, TableWidget, TextWidget } from 'cwdash';`,
    '',
    `export default new Dashboard({`,
    `  dashboardName: 'bench-${String(d).padStart(4, '0')}',`,
    `  region: 'eu-west-1',`,
    `  widgets: [\n${rows.join('\n')}\n  ],`,
    `});`,
    '',
  ].join('\n');
}

/**
 * The floor: a fresh Node process reading, parsing, stringifying and writing every body, one file after another. It
 * writes compact JSON, fewer bytes than cwdash's layout: the stricter floor.
 */
const FLOOR = `
const { readdir, readFile, writeFile } = require('node:fs/promises');
const { join } = require('node:path');
(async () => {
  const [from, to] = process.argv.slice(1);
  for (const name of (await readdir(from)).filter((name) => name.endsWith('.json')).sort()) {
    const body = JSON.parse(await readFile(join(from, name), 'utf8'));
    await writeFile(join(to, name), JSON.stringify(body));
  }
})();
`;

function timeFloor(from: string, to: string): number {
  mkdirSync(to);
  const started = performance.now();
  execFileSync(process.execPath, ['-e', FLOOR, from, to], { stdio: 'inherit' });
  return (performance.now() - started) / 1000;
}

async function timeBuild(cwd: string, dashboards: string, out: string): Promise<{ seconds: number; peakRssMiB: number }> {
  const run = await runCliProcess(['build', '--dashboards', dashboards, '--out', out], { ...process.env, NO_COLOR: '1' }, cwd);
  if (run.exitCode !== 0) throw new Error(`cwdash build exited with ${run.exitCode}:\n${run.stderr}`);
  return { seconds: run.seconds, peakRssMiB: run.peakRssMiB };
}

export async function benchBuildFiles(options: BuildFilesOptions = {}, log: (line: string) => void = () => undefined): Promise<BenchRow[]> {
  const files = options.files ?? 1000;
  const widgets = options.widgets ?? 50;
  const runs = options.runs ?? 3;
  const dir = mkdtempSync(join(tmpdir(), 'cwdash-bench-build-files-'));
  try {
    const dashboards = join(dir, 'dashboards');
    mkdirSync(dashboards);
    let bytes = 0;
    for (let d = 0; d < files; d++) {
      const source = definitionSource(d, widgets);
      bytes += source.length;
      writeFileSync(join(dashboards, `board-${String(d).padStart(4, '0')}.ts`), source);
    }
    log(`${files} definition files x ${widgets} widgets, ${(bytes / 1e6).toFixed(1)} MB of TypeScript (${dir})`);
    // A first build (not timed) writes the bodies the floor reads, and warms the file cache for both.
    const bodies = join(dir, 'bodies');
    await timeBuild(dir, dashboards, bodies);
    log(`bodies: ${readdirSync(bodies).filter((name) => name.endsWith('.json')).length} files`);
    const floor: number[] = [];
    const build: number[] = [];
    const peaks: number[] = [];
    for (let run = 0; run < runs; run++) {
      floor.push(timeFloor(bodies, join(dir, `floor-${run}`)));
      // A fresh out dir each run: build refuses to replace files it did not write, and a rewrite is not what we time.
      const result = await timeBuild(dir, dashboards, join(dir, `out-${run}`));
      build.push(result.seconds);
      peaks.push(result.peakRssMiB);
      log(`run ${run + 1}: floor ${floor[run]!.toFixed(2)} s, build ${result.seconds.toFixed(2)} s (${(result.seconds / floor[run]!).toFixed(1)}x), peak RSS ${result.peakRssMiB.toFixed(0)} MiB`);
    }
    return [
      {
        command: `cwdash build (${files.toLocaleString('en-US')} files × ${widgets} widgets)`,
        seconds: build,
        peakRssMiB: peaks,
        reference: 'JSON floor (read, parse, stringify, write each body)',
        referenceSeconds: floor,
        target: { ratio: 15 },
      },
    ];
  } finally {
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  }
}

function seconds(values: readonly number[]): string {
  const { min, median, max } = spread(values);
  return `${min.toFixed(2)} / ${median.toFixed(2)} / ${max.toFixed(2)} s`;
}

// Run directly (not imported by the aggregate `npm run bench`): print the figures.
if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { files: { type: 'string' }, widgets: { type: 'string' }, runs: { type: 'string' }, keep: { type: 'boolean' } } });
  const number = (text: string | undefined) => (text === undefined ? undefined : Number(text));
  const rows = await benchBuildFiles({ files: number(values.files), widgets: number(values.widgets), runs: number(values.runs), keep: values.keep }, console.log);
  for (const row of rows) {
    const ratio = spread(row.seconds).median / spread(row.referenceSeconds).median;
    console.log(`${row.reference}: min/median/max ${seconds(row.referenceSeconds)}`);
    console.log(`${row.command}: min/median/max ${seconds(row.seconds)}, peak RSS ${Math.max(...row.peakRssMiB).toFixed(0)} MiB`);
    console.log(`build / floor (medians): ${ratio.toFixed(1)}x, target ≤ ${row.target.ratio}x (aim 10x): ${ratio <= row.target.ratio ? 'met' : 'MISSED'}`);
  }
}
