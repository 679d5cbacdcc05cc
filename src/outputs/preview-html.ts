/**
 * `cwdash preview`'s page: one self-contained HTML file per dashboard that draws the grid as CloudWatch lays it out
 * (24 columns, each widget at its x/y with its width/height), with every widget's title and content: the metrics
 * and expressions a graph plots, Markdown rendered, log queries, and the dashboard's variables. No data is drawn (no
 * AWS access); the page is for reviewing layout and content in a pull request. Inline CSS only, no script, and a
 * Content-Security-Policy that forbids both, so a hostile string in a body can neither run nor fetch anything; every
 * value is HTML-escaped by handlebars' `{{...}}`.
 */
import Handlebars from 'handlebars';
import type { DashboardBody, VariableJson } from '../model/body/schema.js';
import { GRID_WIDTH } from '../model/dashboard/widget.js';
import { layoutWidgets } from './preview/layout.js';
import { widgetView, type VariableDimensions } from './preview/widget-view.js';
import { PREVIEW_STYLE } from './preview/style.js';

/** Height of one grid row in the preview, in CSS pixels. */
export const PREVIEW_ROW_HEIGHT = 30;

export interface PreviewDashboard {
  readonly name: string;
  readonly body: DashboardBody;
  /** Where the dashboard is defined, shown in the page header. */
  readonly source?: string | undefined;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** Marks files cwdash wrote, so a later run may replace them without --force (and nothing else). */
export const PREVIEW_GENERATOR = 'cwdash preview';

/** The document around a page's body: CSP, generator mark, inline style. `content` is already-escaped HTML. */
const shell = Handlebars.compile(
  `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{csp}}">
<meta name="generator" content="{{generator}}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}}</title>
<style>{{{style}}}</style>
</head>
<body>
{{{content}}}</body>
</html>
`,
  { strict: true },
);

function documentHtml(title: string, content: string): string {
  return shell({ csp: CSP, generator: PREVIEW_GENERATOR, style: PREVIEW_STYLE, title, content });
}

const page = Handlebars.compile(
  `<header class="top">
<h1>{{name}}</h1>
<p class="meta">{{#if source}}<code>{{source}}</code> · {{/if}}{{widgetCount}} widgets on a {{columns}}-column grid · {{timeRange}} · layout preview, no data</p>
{{#if variables.length}}<div class="variables">{{#each variables}}
<div class="variable" data-variable="{{id}}"><span class="variable-label">{{label}}</span><span class="control">{{value}}</span><span class="variable-how">{{how}}</span></div>{{/each}}
</div>{{/if}}
</header>
<main class="grid" style="height: {{gridHeight}}px" data-rows="{{rows}}">
{{#each widgets}}<section class="widget widget-{{view.type}}{{#if view.transparent}} transparent{{/if}}{{#if notes.length}} has-notes{{/if}}" data-index="{{index}}" data-type="{{view.type}}" data-x="{{x}}" data-y="{{y}}" data-width="{{width}}" data-height="{{height}}" style="left: {{left}}%; top: {{top}}px; width: {{widthPercent}}%; height: {{heightPx}}px">
<div class="box">
{{#if view.title}}<h2>{{view.title}}</h2>{{/if}}
{{#if view.summary}}<p class="summary">{{view.summary}}{{#if autoPlaced}} · placed by CloudWatch{{/if}}</p>{{else}}{{#if autoPlaced}}<p class="summary">placed by CloudWatch</p>{{/if}}{{/if}}
{{#each notes}}<p class="note">⚠ {{this}}</p>{{/each}}
{{#if view.markdownHtml}}<div class="markdown">{{{view.markdownHtml}}}</div>{{/if}}
{{#if view.rows.length}}<ul class="rows">{{#each view.rows}}
<li class="row row-{{kind}}{{#if hidden}} hidden{{/if}}"><span class="swatch" style="background: {{color}}"></span><code class="what">{{text}}</code>{{#each dimensions}} <span class="dim">{{this}}</span>{{/each}}{{#if detail}} <span class="detail">{{detail}}</span>{{/if}}{{#if hidden}} <span class="detail">hidden: feeds math</span>{{/if}}</li>{{/each}}
</ul>{{/if}}
{{#each view.annotations}}<p class="annotation">{{this}}</p>{{/each}}
{{#if view.code}}<pre>{{view.code}}</pre>{{/if}}
{{#if view.items.length}}<ul class="items">{{#each view.items}}<li><code>{{this}}</code></li>{{/each}}</ul>{{/if}}
</div>
</section>
{{/each}}</main>
`,
  { strict: true },
);

export function renderPreviewHtml(dashboard: PreviewDashboard): string {
  const layout = layoutWidgets(dashboard.body.widgets);
  const variables = dashboard.body.variables ?? [];
  const variableDimensions: VariableDimensions = new Map(
    variables.filter((variable) => variable.type === 'property' && variable.property !== undefined).map((variable) => [variable.property!, variable.id]),
  );
  return documentHtml(`${dashboard.name} · cwdash preview`, page({
    name: dashboard.name,
    source: dashboard.source ?? '',
    columns: GRID_WIDTH,
    widgetCount: dashboard.body.widgets.length,
    timeRange: dashboard.body.start === undefined ? 'default time range' : `from ${dashboard.body.start}${dashboard.body.end === undefined ? '' : ` to ${dashboard.body.end}`}`,
    variables: variables.map(variableView),
    rows: layout.rows,
    gridHeight: layout.rows * PREVIEW_ROW_HEIGHT,
    widgets: layout.widgets.map((placed) => ({
      ...placed,
      left: percent(placed.x),
      widthPercent: percent(placed.width),
      top: placed.y * PREVIEW_ROW_HEIGHT,
      heightPx: placed.height * PREVIEW_ROW_HEIGHT,
      view: widgetView(placed.widget, variableDimensions),
    })),
  }));
}

function variableView(variable: VariableJson) {
  const target = variable.type === 'property' ? `property ${variable.property ?? '?'}` : `pattern "${variable.pattern ?? ''}"`;
  const choices =
    variable.values !== undefined
      ? `choices ${variable.values.map((choice) => choice.label ?? String(choice.value)).join(', ')}`
      : variable.search !== undefined
        ? `choices from ${variable.populateFrom ?? '?'} in ${variable.search}`
        : 'free text';
  return {
    id: variable.id,
    label: variable.label ?? variable.property ?? variable.id,
    value: variable.defaultValue === undefined ? '(first)' : String(variable.defaultValue),
    how: `${variable.inputType} · ${target} · ${choices}${variable.visible === false ? ' · hidden' : ''}`,
  };
}

/** Exact to 1/10000 of the width, written without a float's long tail so output is byte-stable. */
function percent(columns: number): string {
  return String(Math.round((columns / GRID_WIDTH) * 100 * 10000) / 10000);
}

const index = Handlebars.compile(
  `<header class="top"><h1>Dashboards</h1><p class="meta">{{dashboards.length}} dashboards · layout preview, no data</p></header>
<ul class="index">{{#each dashboards}}<li>{{#if file}}<a href="{{file}}">{{name}}</a>{{else}}<strong>{{name}}</strong> <span class="note">⚠ {{errors}}: not drawn; run cwdash validate</span>{{/if}} <span class="detail">{{widgets}} widgets{{#if source}} · {{source}}{{/if}}</span></li>{{/each}}</ul>
`,
  { strict: true },
);

export interface PreviewIndexEntry {
  readonly name: string;
  readonly widgets: number;
  readonly source?: string | undefined;
  /** The page's file name beside the index; none for a dashboard that was not drawn. */
  readonly file?: string | undefined;
  /** Validation errors that kept the dashboard from being drawn. */
  readonly errors?: number | undefined;
}

/** The index page linking every dashboard's page. */
export function renderPreviewIndex(entries: readonly PreviewIndexEntry[]): string {
  return documentHtml('cwdash preview', index({
    dashboards: entries.map((entry) => ({
      name: entry.name,
      widgets: entry.widgets,
      source: entry.source ?? '',
      file: entry.file === undefined ? '' : encodeURIComponent(entry.file),
      errors: entry.errors === 1 ? '1 validation error' : `${entry.errors ?? 0} validation errors`,
    })),
  }));
}
