/**
 * Dashboards as code at scale: 1,000 generated dashboards × 50 widgets (graphs with math and SEARCH, single values,
 * gauges, tables, text, logs, alarm status) compiled to body JSON and validated by cwdash, and the same dashboards
 * built with aws-cdk-lib's aws-cloudwatch and synthesized. Each side runs in its own child process, so the peak RSS
 * printed is that side's alone. Run: `npm run bench:build` (CDK side: `npm install --prefix bench` once).
 * Options: `--dashboards N --widgets N` (defaults 1000 and 50); `--side cwdash|cdk` runs one side in this process.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as cw from '../src/index.js';
import { compile } from '../src/sources/definitions/load.js';
import { renderDashboardBody } from '../src/model/body/serialize.js';
import { hasErrors } from '../src/model/body/messages.js';

interface Result {
  readonly side: string;
  readonly seconds: number;
  readonly maxRssMiB: number;
  readonly bytes: number;
}

const { values } = parseArgs({ options: { side: { type: 'string' }, dashboards: { type: 'string' }, widgets: { type: 'string' } } });
const DASHBOARDS = Number(values.dashboards ?? 1000);
const WIDGETS = Number(values.widgets ?? 50);
const REGION = 'eu-west-1';
const ALARM = 'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:api-5xx';

/** The widget mix, as plain data both sides turn into their own API: kind by position, names by index. */
function widgetKind(index: number): 'graph' | 'math' | 'search' | 'single' | 'gauge' | 'table' | 'text' | 'log' | 'alarms' {
  return (['graph', 'math', 'search', 'single', 'graph', 'gauge', 'table', 'text', 'log', 'alarms'] as const)[index % 10]!;
}
const service = (d: number, w: number) => `svc-${d}-${w % 7}`;

function cwdashDashboard(d: number): cw.Dashboard {
  const widgets: cw.IWidget[] = [];
  for (let w = 0; w < WIDGETS; w++) {
    const requests = new cw.Metric({ namespace: 'App', metricName: 'Requests', dimensionsMap: { Service: service(d, w), Env: 'prod' }, statistic: 'Sum' });
    const errors = requests.with({ dimensionsMap: { Service: service(d, w), Env: 'prod', Code: '5xx' } });
    const latency = new cw.Metric({ namespace: 'App', metricName: 'Latency', dimensionsMap: { Service: service(d, w) }, statistic: 'p99', period: cw.Duration.minutes(1) });
    switch (widgetKind(w)) {
      case 'graph':
        widgets.push(new cw.GraphWidget({ title: `Requests ${w}`, metrics: [requests, errors.with({ yAxis: 'right' })], width: 8 }));
        break;
      case 'math':
        widgets.push(new cw.GraphWidget({ title: `Error rate ${w}`, metrics: [new cw.MathExpression({ expression: '100 * e / r', label: 'error %', usingMetrics: { e: errors, r: requests } })], width: 8 }));
        break;
      case 'search':
        widgets.push(new cw.GraphWidget({ title: `Fleet ${w}`, metrics: [new cw.SearchExpression({ schema: { namespace: 'AWS/EC2', dimensions: ['InstanceId'] }, searchTerm: 'MetricName="CPUUtilization"', statistic: 'Average', label: 'CPU' })], width: 8 }));
        break;
      case 'single':
        widgets.push(new cw.SingleValueWidget({ title: `Latency ${w}`, metrics: [latency], sparkline: true }));
        break;
      case 'gauge':
        widgets.push(new cw.GaugeWidget({ title: `Errors ${w}`, metrics: [errors], range: { min: 0, max: 1000 } }));
        break;
      case 'table':
        widgets.push(new cw.TableWidget({ title: `Table ${w}`, metrics: [requests, errors, latency], summaryColumns: ['MAX', 'AVG'] }));
        break;
      case 'text':
        widgets.push(new cw.TextWidget({ markdown: `## Section ${w}\nRunbook for ${service(d, w)}`, width: 24, height: 1 }));
        break;
      case 'log':
        widgets.push(new cw.LogQueryWidget({ title: `Errors ${w}`, logGroupNames: [`/app/${service(d, w)}`], queryLines: ['fields @timestamp, @message', 'filter @message like /ERROR/'] }));
        break;
      case 'alarms':
        widgets.push(new cw.AlarmStatusWidget({ title: `Alarms ${w}`, alarmArns: [ALARM] }));
        break;
    }
  }
  return new cw.Dashboard({ dashboardName: `bench-${d}`, region: REGION, widgets: chunk(widgets, 3) });
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

function runCwdash(): Result {
  const start = performance.now();
  let bytes = 0;
  for (let d = 0; d < DASHBOARDS; d++) {
    const loaded = compile(cwdashDashboard(d), 'bench');
    if (hasErrors(loaded.messages)) throw new Error(`bench dashboard ${d} is invalid: ${JSON.stringify(loaded.messages[0])}`);
    bytes += renderDashboardBody(loaded.body).length;
  }
  return { side: 'cwdash', seconds: (performance.now() - start) / 1000, maxRssMiB: process.resourceUsage().maxRSS / 1024, bytes };
}

/** The same dashboards with CDK: constructs in stacks of 100 dashboards, synthesized (templates written to a temp dir). */
/* eslint-disable @typescript-eslint/no-explicit-any -- aws-cdk-lib lives in bench/node_modules only, so this file
   must type-check without its types (CI does not install them). */
type CdkModule = Record<string, any>;

function runCdk(): Result {
  const require = createRequire(join(fileURLToPath(import.meta.url), '..', 'package.json'));
  const cdk = require('aws-cdk-lib') as CdkModule;
  const cloudwatch = require('aws-cdk-lib/aws-cloudwatch') as CdkModule;
  const outdir = mkdtempSync(join(tmpdir(), 'cwdash-bench-cdk-'));
  const start = performance.now();
  const app = new cdk.App({ outdir });
  let stack: unknown;
  for (let d = 0; d < DASHBOARDS; d++) {
    if (d % 100 === 0) stack = new cdk.Stack(app, `Bench${d / 100}`, { env: { account: '123456789012', region: REGION } });
    const widgets: unknown[] = [];
    for (let w = 0; w < WIDGETS; w++) {
      const requests = new cloudwatch.Metric({ namespace: 'App', metricName: 'Requests', dimensionsMap: { Service: service(d, w), Env: 'prod' }, statistic: 'Sum' });
      const errors = requests.with({ dimensionsMap: { Service: service(d, w), Env: 'prod', Code: '5xx' } });
      const latency = new cloudwatch.Metric({ namespace: 'App', metricName: 'Latency', dimensionsMap: { Service: service(d, w) }, statistic: 'p99', period: cdk.Duration.minutes(1) });
      switch (widgetKind(w)) {
        case 'graph':
          widgets.push(new cloudwatch.GraphWidget({ title: `Requests ${w}`, left: [requests], right: [errors], width: 8 }));
          break;
        case 'math':
          widgets.push(new cloudwatch.GraphWidget({ title: `Error rate ${w}`, left: [new cloudwatch.MathExpression({ expression: '100 * e / r', label: 'error %', usingMetrics: { e: errors, r: requests } })], width: 8 }));
          break;
        case 'search':
          widgets.push(new cloudwatch.GraphWidget({ title: `Fleet ${w}`, left: [new cloudwatch.MathExpression({ expression: `SEARCH('{AWS/EC2,InstanceId} MetricName="CPUUtilization"', 'Average', 300)`, label: 'CPU', searchAccount: '123456789012', searchRegion: REGION })], width: 8 }));
          break;
        case 'single':
          widgets.push(new cloudwatch.SingleValueWidget({ title: `Latency ${w}`, metrics: [latency], sparkline: true }));
          break;
        case 'gauge':
          widgets.push(new cloudwatch.GaugeWidget({ title: `Errors ${w}`, metrics: [errors], leftYAxis: { min: 0, max: 1000 } }));
          break;
        case 'table':
          widgets.push(new cloudwatch.TableWidget({ title: `Table ${w}`, metrics: [requests, errors, latency], summary: { columns: [cloudwatch.TableSummaryColumn.MAXIMUM, cloudwatch.TableSummaryColumn.AVERAGE] } }));
          break;
        case 'text':
          widgets.push(new cloudwatch.TextWidget({ markdown: `## Section ${w}\nRunbook for ${service(d, w)}`, width: 24, height: 1 }));
          break;
        case 'log':
          widgets.push(new cloudwatch.LogQueryWidget({ title: `Errors ${w}`, logGroupNames: [`/app/${service(d, w)}`], queryLines: ['fields @timestamp, @message', 'filter @message like /ERROR/'] }));
          break;
        case 'alarms':
          widgets.push(new cloudwatch.TextWidget({ markdown: `alarms ${w}` }));
          break;
      }
    }
    new cloudwatch.Dashboard(stack, `Dashboard${d}`, { dashboardName: `bench-${d}`, widgets: chunk(widgets, 3) });
  }
  app.synth();
  const seconds = (performance.now() - start) / 1000;
  rmSync(outdir, { recursive: true, force: true });
  return { side: 'aws-cdk-lib', seconds, maxRssMiB: process.resourceUsage().maxRSS / 1024, bytes: 0 };
}

function cdkInstalled(): boolean {
  try {
    createRequire(join(fileURLToPath(import.meta.url), '..', 'package.json')).resolve('aws-cdk-lib/aws-cloudwatch');
    return true;
  } catch {
    return false;
  }
}

function runSide(side: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('../bin/run-ts.js', import.meta.url)), [fileURLToPath(import.meta.url), '--side', side, '--dashboards', String(DASHBOARDS), '--widgets', String(WIDGETS)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('message', (message) => resolve(message as Result));
    child.on('exit', (code) => (code === 0 ? undefined : reject(new Error(`the ${side} run exited with ${code}`))));
  });
}

function line(result: Result): string {
  const rate = DASHBOARDS / result.seconds;
  return `${result.side.padEnd(12)} ${result.seconds.toFixed(2).padStart(7)} s  ${rate.toFixed(0).padStart(6)} dashboards/s  ${(rate * WIDGETS).toFixed(0).padStart(8)} widgets/s  peak RSS ${result.maxRssMiB.toFixed(0).padStart(5)} MiB`;
}

/** A side run as a child reports to the parent; run directly (`--side cwdash`, for profiling) it prints. */
function report(result: Result): void {
  if (process.send) process.send(result);
  else console.log(line(result));
}

if (values.side === 'cwdash') report(runCwdash());
else if (values.side === 'cdk') report(runCdk());
else {
  console.log(`${DASHBOARDS} dashboards x ${WIDGETS} widgets (graphs with math and SEARCH, single values, gauges, tables, text, logs, alarm status)`);
  const ours = await runSide('cwdash');
  console.log(`${line(ours)}  (compile + validate + render JSON, ${(ours.bytes / 1024 / 1024).toFixed(1)} MiB of bodies)`);
  if (!cdkInstalled()) {
    console.log('aws-cdk-lib  not installed: run `npm install --prefix bench` once for the side-by-side figures');
  } else {
    const theirs = await runSide('cdk');
    console.log(`${line(theirs)}  (construct + synth)`);
    console.log(`cwdash is ${(theirs.seconds / ours.seconds).toFixed(1)}x CDK's throughput; target >= 10x, and < 5 s for the whole set`);
  }
}
