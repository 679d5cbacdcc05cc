/**
 * The cost report as one self-contained HTML file: inline CSS and SVG bar charts (cost by namespace, metric name and
 * label), no script and no external resource, and a Content-Security-Policy that forbids both, so the file opens the
 * same offline, from an artifact store or a mail attachment. Every value goes through Handlebars' `{{...}}`, which
 * HTML-escapes it: metric names and label values come from a scrape and are untrusted.
 */
import Handlebars from 'handlebars';
import { formatUsd } from '../analysis/cost/money.js';
import type { CostBucket, CostReport } from '../analysis/report/cost-report.js';
import { formatMetricIdentity } from '../model/metric-identity.js';

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
<title>cwdash cost report: {{region}}</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#16191f;margin:24px auto;max-width:1100px;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d5dbdb;padding-bottom:4px}
.sub{color:#5f6b7a;margin:0 0 16px}.cards{display:flex;gap:12px;flex-wrap:wrap}
.card{border:1px solid #d5dbdb;border-radius:8px;padding:10px 14px;min-width:170px}.card b{display:block;font-size:22px}
.card.bad b{color:#d13212}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #eaeded;vertical-align:top}
td.n,th.n{text-align:right;white-space:nowrap}.sev{font-weight:600}.sev-error{color:#d13212}.sev-warning{color:#b7740f}.sev-note{color:#0972d3}
code{font:12px ui-monospace,Menlo,monospace;background:#f2f3f3;padding:1px 4px;border-radius:3px;word-break:break-all}
code.rule{word-break:normal;white-space:nowrap}svg text{font:12px system-ui,sans-serif;fill:#16191f}.legend span{display:inline-block;width:12px;height:12px;margin:0 4px -2px 12px}
</style>
</head>
<body>
<h1>cwdash cost report</h1>
<p class="sub">{{region}} · prices from the {{prices.source}} of {{prices.date}} · free tier {{freeTier}}</p>
<div class="cards">
<div class="card">Predicted per month<b>{{total}}</b></div>
<div class="card">Custom metrics<b>{{customMetrics}}</b>{{customMetricsUSD}}</div>
<div class="card bad">Read by nothing<b>{{unusedMetrics}}</b>{{unusedUSD}} per month</div>
<div class="card">Dashboards<b>{{dashboards}}</b>{{dashboardsUSD}}</div>
<div class="card">EMF logs<b>{{emfLogsUSD}}</b>ingestion + storage</div>
</div>
{{#if collectors.length}}
<h2>Collectors and the generated fix</h2>
<table><tr><th>Config</th><th class="n">Metrics</th><th class="n">Unread</th><th class="n">Per month</th><th class="n">After fix</th><th>Fix file</th></tr>
{{#each collectors}}<tr><td><code>{{config}}</code></td><td class="n">{{metrics}}</td><td class="n">{{unread}}</td><td class="n">{{usd}}</td><td class="n">{{after}}</td><td>{{#if file}}<code>{{file}}</code>{{/if}}</td></tr>
{{/each}}</table>
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
{{#each findings}}<tr><td class="sev sev-{{severity}}">{{severity}}</td><td><code class="rule">{{rule}}</code></td><td class="n">{{saving}}</td><td>{{message}}{{#if example}}<br>e.g. <code>{{example}}</code>{{/if}}{{#if where}}<br><code>{{where}}</code>{{/if}}</td><td>{{fix}}</td></tr>
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
}

export function renderReportHtml(report: CostReport, options: ReportHtmlOptions = {}): string {
  const maxBars = options.maxBars ?? 15;
  const { totals } = report;
  return template({
    region: report.region,
    prices: report.prices,
    freeTier: report.prices.freeTier ? 'applied' : 'not applied',
    total: formatUsd(totals.monthlyUSD),
    customMetrics: totals.customMetrics,
    customMetricsUSD: formatUsd(totals.customMetricsMonthlyUSD),
    unusedMetrics: totals.unusedMetrics,
    unusedUSD: formatUsd(totals.unusedMonthlyUSD),
    dashboards: totals.dashboards,
    dashboardsUSD: formatUsd(totals.dashboardsMonthlyUSD),
    emfLogsUSD: formatUsd(totals.emfLogsMonthlyUSD),
    collectors: report.collectors.map((collector) => ({
      config: collector.config,
      metrics: collector.metrics,
      unread: collector.unreadMetrics,
      usd: formatUsd(collector.monthlyUSD),
      after: collector.fix ? `${collector.fix.after.metrics} / ${formatUsd(collector.fix.after.monthlyUSD)}` : '-',
      file: collector.fix?.file ?? '',
    })),
    charts: [
      chart('Cost by namespace', report.costByNamespace, maxBars),
      chart('Cost by metric name', report.costByMetric, maxBars),
      chart('Cost by label (dimension name)', report.costByLabel, maxBars),
    ].filter((item) => item.rows.length > 0),
    findings: report.findings.map((finding) => ({
      severity: finding.severity,
      rule: finding.rule,
      saving: finding.savingUSD > 0 ? formatUsd(finding.savingUSD) : '-',
      message: finding.message,
      example: finding.metrics.length > 0 ? formatMetricIdentity(finding.metrics[0]!) : '',
      where: finding.location ? `${finding.location.file}${finding.location.line ? `:${finding.location.line}` : ''}` : '',
      fix: finding.fix,
    })),
    sources: report.usage.sources,
    readers: readerRows(report),
    assumptions: report.assumptions,
    problems: report.problems,
  });
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
  const shown = buckets.slice(0, maxBars);
  const largest = Math.max(...shown.map((bucket) => bucket.monthlyUSD), 0);
  const rows = shown.map((bucket, index) => {
    const full = largest === 0 ? 0 : (bucket.monthlyUSD / largest) * BAR_AREA;
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
      amount: formatUsd(bucket.monthlyUSD),
      title: `${bucket.name}: ${bucket.metrics} metrics, ${bucket.unreadMetrics} read by nothing, ${formatUsd(bucket.monthlyUSD)}/month`,
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
