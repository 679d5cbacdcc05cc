/**
 * The cost report as one self-contained HTML file: inline CSS and SVG bar charts (cost by namespace, metric name and
 * label), no script and no external resource, and a Content-Security-Policy that forbids both, so the file opens the
 * same offline, from an artifact store or a mail attachment. Every value goes through Handlebars' `{{...}}`, which
 * HTML-escapes it: metric names and label values come from a scrape and are untrusted.
 */
import Handlebars from 'handlebars';
import { Decimal, formatMoney } from '../analysis/cost/money.js';
import type { CostBucket, CostReport, Finding } from '../analysis/report/cost-report.js';
import { formatCount } from '../shared/units.js';
import { migrationPlanLines } from './report-migration.js';
import { comparisonRows, otlpPriceNote } from './report-otlp.js';
import { afterFixText, incompleteLines, pricesLine, savingText, totalText } from './report-words.js';

const BAR_AREA = 420;
const ROW_HEIGHT = 22;
const LABEL_WIDTH = 360;

interface ChartRow {
  readonly y: number;
  readonly textY: number;
  readonly name: string;
  readonly readWidth: number;
  readonly unreadX: number;
  readonly unreadWidth: number;
  readonly amountX: number;
  readonly amount: string;
  readonly title: string;
}

interface Chart {
  readonly title: string;
  readonly height: number;
  readonly width: number;
  readonly rows: readonly ChartRow[];
  readonly more: number;
}

const template = Handlebars.compile(
  `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>cwdash cost report: {{regions}}</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#16191f;margin:24px auto;max-width:1100px;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d5dbdb;padding-bottom:4px}
.sub{color:#5f6b7a;margin:0 0 16px}.cards{display:flex;gap:12px;flex-wrap:wrap}
.card{border:1px solid #d5dbdb;border-radius:8px;padding:10px 14px;min-width:170px}.card b{display:block;font-size:22px}
.card.bad b{color:#d13212}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #eaeded;vertical-align:top}
td.n,th.n{text-align:right;white-space:nowrap}.sev{font-weight:600}.sev-error{color:#d13212}.sev-warning{color:#b7740f}.sev-note{color:#0972d3}
code{font:12px ui-monospace,Menlo,monospace;background:#f2f3f3;padding:1px 4px;border-radius:3px;word-break:break-all}
code.rule{word-break:normal;white-space:nowrap}details{margin-top:4px}summary{cursor:pointer;color:#0972d3}table.m td,table.m th{padding:2px 6px;font-size:12px}.warn{color:#b7740f}svg text{font:12px system-ui,sans-serif;fill:#16191f}.legend span{display:inline-block;width:12px;height:12px;margin:0 4px -2px 12px}
</style>
</head>
<body>
<h1>cwdash cost report</h1>
<p class="sub">prices for {{prices}} · free tier {{freeTier}}</p>
{{#each incomplete}}<p class="warn">{{this}}</p>
{{/each}}
<div class="cards">
<div class="card">Predicted per month<b>{{total}}</b></div>
<div class="card">Custom metrics<b>{{customMetrics}}</b>{{customMetricsUSD}}</div>
<div class="card bad">Read by nothing<b>{{unusedMetrics}}</b>{{unusedUSD}} per month</div>
<div class="card">Dashboards<b>{{dashboards}}</b>{{dashboardsUSD}}</div>
<div class="card">EMF logs<b>{{emfLogsUSD}}</b>ingestion + storage</div>
</div>
{{#if collectors.length}}
<h2>Collectors and the generated fix</h2>
<table><tr><th>Config</th><th>Region</th><th class="n">Metrics</th><th class="n">Unread</th><th class="n">Per month</th><th class="n">After fix</th><th>Fix file</th></tr>
{{#each collectors}}<tr><td><code>{{config}}</code></td><td>{{region}}</td><td class="n">{{metrics}}</td><td class="n">{{unread}}</td><td class="n">{{usd}}</td><td class="n">{{after}}</td><td>{{#if file}}<code>{{file}}</code>{{/if}}</td></tr>
{{/each}}</table>
{{/if}}
{{#if comparison.length}}
<h2>Classic vs OpenTelemetry (OTLP, per GB) and Container Insights modes</h2>
<table><tr><th>Config</th><th>Compared with</th><th>Classic per month</th><th>Per month that way</th></tr>
{{#each comparison}}<tr><td><code>{{config}}</code></td><td>{{basis}}</td><td>{{classic}}</td><td>{{otlp}}</td></tr>
{{/each}}</table>
{{#if priceNote}}<p class="sub">{{priceNote}}</p>{{/if}}
{{/if}}
{{#if migration}}
<h2>Migration plan: Classic → OpenTelemetry (PromQL)</h2>
<pre>{{migration}}</pre>
{{/if}}
<h2>Where the money goes</h2>
<p class="legend"><span style="background:#0972d3"></span>read<span style="background:#d13212"></span>read by nothing</p>
{{#each charts}}
<h3>{{title}}</h3>
<svg role="img" aria-label="{{title}}" width="{{width}}" height="{{height}}" viewBox="0 0 {{width}} {{height}}">
{{#each rows}}<g><title>{{title}}</title><text x="0" y="{{textY}}">{{name}}</text><rect x="${LABEL_WIDTH}" y="{{y}}" width="{{readWidth}}" height="16" fill="#0972d3"/><rect x="{{unreadX}}" y="{{y}}" width="{{unreadWidth}}" height="16" fill="#d13212"/><text x="{{amountX}}" y="{{textY}}">{{amount}}</text></g>
{{/each}}</svg>
{{#if more}}<p class="sub">…and {{more}} more</p>{{/if}}
{{/each}}
<h2>Findings ({{findings.length}})</h2>
{{#if findings.length}}
<table><tr><th>Severity</th><th>Rule</th><th class="n">Saving/month</th><th>Finding</th><th>Fix</th></tr>
{{#each findings}}<tr><td class="sev sev-{{severity}}">{{severity}}</td><td><code class="rule">{{rule}}</code></td><td class="n">{{saving}}</td><td>{{message}}{{#if where}}<br><code>{{where}}</code>{{/if}}{{#if metrics.length}}
<details><summary>{{metricsSummary}}</summary><table class="m"><tr><th>Namespace</th><th>Metric name</th><th>Dimensions</th></tr>
{{#each metrics}}<tr><td><code>{{namespace}}</code></td><td><code>{{metricName}}</code></td><td>{{#each dimensions}}<code>{{name}}={{value}}</code> {{else}}(none){{/each}}</td></tr>
{{/each}}</table>{{#if moreMetrics}}<p class="sub">…and {{moreMetrics}} more (the JSON report lists every one)</p>{{/if}}</details>{{/if}}</td><td>{{fix}}</td></tr>
{{/each}}</table>
{{else}}<p>No findings.</p>{{/if}}
<h2>Who reads each metric</h2>
<ul>{{#each sources}}<li>{{label}}: {{summary}}</li>{{/each}}</ul>
{{#if readers.length}}
<table><tr><th>Metric</th><th class="n">Read</th><th class="n">Only by wildcard</th><th class="n">Allow-listed</th><th class="n">Unread</th><th>Read by</th></tr>
{{#each readers}}<tr><td><code>{{name}}</code></td><td class="n">{{read}}</td><td class="n">{{wildcard}}</td><td class="n">{{allowListed}}</td><td class="n">{{unread}}</td><td>{{#each by}}{{this}}<br>{{/each}}{{#if more}}…and {{more}} more{{/if}}</td></tr>
{{/each}}</table>
{{/if}}
<h2>Assumptions</h2>
<ul>{{#each assumptions}}<li>{{this}}</li>{{/each}}</ul>
{{#if problems.length}}<h2>Inputs read only in part</h2>
<ul>{{#each problems}}<li><code>{{where}}</code>: {{message}}</li>{{/each}}</ul>{{/if}}
</body>
</html>
`,
  { strict: true },
);

export interface ReportHtmlOptions {
  /** Bars per chart. @default 15 */
  readonly maxBars?: number;
  /** Metrics listed under each finding. @default 200 */
  readonly maxMetricsPerFinding?: number;
}

export function renderReportHtml(report: CostReport, options: ReportHtmlOptions = {}): string {
  const maxBars = options.maxBars ?? 15;
  const { totals } = report;
  return template({
    regions: report.regions.join(', '),
    prices: pricesLine(report),
    freeTier: report.freeTier ? 'applied' : 'not applied',
    incomplete: incompleteLines(report),
    total: totalText(report),
    customMetrics: formatCount(totals.customMetrics),
    customMetricsUSD: formatMoney(totals.customMetricsMonthlyUSD),
    unusedMetrics: formatCount(totals.unusedMetrics),
    unusedUSD: formatMoney(totals.unusedMonthlyUSD),
    dashboards: formatCount(totals.dashboards),
    dashboardsUSD: formatMoney(totals.dashboardsMonthlyUSD),
    emfLogsUSD: formatMoney(totals.emfLogsMonthlyUSD),
    collectors: report.collectors.map((collector) => ({
      config: collector.config,
      region: collector.region,
      metrics: formatCount(collector.metrics),
      unread: formatCount(collector.unreadMetrics),
      usd: formatMoney(collector.monthlyUSD),
      after: afterFixText(collector.fix),
      file: collector.fix?.file ?? '',
    })),
    comparison: comparisonRows(report),
    priceNote: otlpPriceNote(report) ?? '',
    migration: report.migrationPlan ? migrationPlanLines(report.migrationPlan).join('\n') : '',
    charts: [
      chart('Cost by account and region', report.costByTarget ?? [], maxBars),
      chart('Cost by owner', report.costByOwner ?? [], maxBars),
      chart('Cost by namespace', report.costByNamespace, maxBars),
      chart('Cost by metric name', report.costByMetric, maxBars),
      chart('Cost by label (dimension name)', report.costByLabel, maxBars),
    ].filter((item) => item.rows.length > 0),
    findings: report.findings.map((finding) => findingView(finding, options.maxMetricsPerFinding ?? 200)),
    sources: report.usage.sources,
    readers: readerRows(report),
    assumptions: report.assumptions,
    problems: report.problems,
  });
}

/** A finding's row, with the metrics it is about (dimension values included: they are what costs money). */
function findingView(finding: Finding, maxMetrics: number) {
  const shown = finding.metrics.slice(0, maxMetrics);
  return {
    severity: finding.severity,
    rule: finding.rule,
    saving: savingText(finding.savingUSD),
    message: finding.message,
    where: finding.location ? `${finding.location.file}${finding.location.line ? `:${finding.location.line}` : ''}` : '',
    fix: finding.fix,
    metricsSummary: `${formatCount(finding.metrics.length)} metric${finding.metrics.length === 1 ? '' : 's'}`,
    metrics: shown.map((metric) => ({
      namespace: metric.namespace,
      metricName: metric.metricName,
      dimensions: Object.entries(metric.dimensions).map(([name, value]) => ({ name, value })),
    })),
    moreMetrics: finding.metrics.length > shown.length ? formatCount(finding.metrics.length - shown.length) : '',
  };
}

/** Per metric name: how many of its metrics each status has, and who reads them (at most 8 readers shown). */
function readerRows(report: CostReport) {
  const groups = new Map<string, CostReport['metrics'][number][]>();
  for (const metric of report.metrics) {
    const key = `${metric.namespace} ${metric.metricName}`;
    const group = groups.get(key);
    if (group) group.push(metric);
    else groups.set(key, [metric]);
  }
  return [...groups.entries()].map(([name, metrics]) => {
    const count = (status: string) => metrics.filter((metric) => metric.status === status).length;
    const by = [
      ...new Set(
        metrics.flatMap((metric) =>
          metric.readers.map((reader) => {
            const where = [reader.file, reader.where].filter(Boolean).join(' ');
            return `${reader.source} ${reader.name}${where ? ` (${where})` : ''}${reader.lastSeen ? `, last ${reader.lastSeen.slice(0, 10)}` : ''}`;
          }),
        ),
      ),
    ];
    return { name, read: count('read'), wildcard: count('read-by-wildcard'), allowListed: count('allow-listed'), unread: count('unread'), by: by.slice(0, 8), more: Math.max(0, by.length - 8) };
  });
}

/** A horizontal bar per bucket, split into its read and unread cost, scaled to the largest bucket. */
function chart(title: string, buckets: readonly CostBucket[], maxBars: number): Chart {
  // Unknown amounts have no bar: a zero-length bar would read as $0.00.
  const shown = buckets.filter((bucket) => bucket.monthlyUSD !== null).slice(0, maxBars);
  const amount = (bucket: CostBucket) => new Decimal(bucket.monthlyUSD ?? 0).toNumber();
  const largest = Math.max(...shown.map(amount), 0);
  const rows = shown.map((bucket, index) => {
    const full = largest === 0 ? 0 : (amount(bucket) / largest) * BAR_AREA;
    const unreadShare = bucket.metrics === 0 ? 0 : bucket.unreadMetrics / bucket.metrics;
    const unreadWidth = round(full * unreadShare);
    const readWidth = round(full - unreadWidth);
    const y = index * ROW_HEIGHT + 2;
    return {
      y,
      textY: y + 13,
      name: truncate(bucket.name, 52),
      readWidth,
      unreadX: round(LABEL_WIDTH + readWidth),
      unreadWidth,
      amountX: round(LABEL_WIDTH + full + 6),
      amount: formatMoney(bucket.monthlyUSD),
      title: `${bucket.name}: ${formatCount(bucket.metrics)} metrics, ${formatCount(bucket.unreadMetrics)} read by nothing, ${formatMoney(bucket.monthlyUSD)}/month`,
    };
  });
  return { title, rows, height: rows.length * ROW_HEIGHT + 4, width: LABEL_WIDTH + BAR_AREA + 90, more: Math.max(0, buckets.length - shown.length) };
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
