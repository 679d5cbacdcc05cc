/**
 * What a Grafana dashboard reads from the CloudWatch data source (docs/sources.md#usage): every CloudWatch
 * metrics target of every panel, in collapsed and expanded rows, legacy `rows[]`, library panels whose model an export
 * embeds in `__elements`, and schema v2 `elements`. Each target becomes the read GetMetricData would make: a Builder
 * target with one value per dimension is a metric stat of that exact set; several values, `*` or `matchExact: false`
 * widen it as the inferred SEARCH does; Code mode reads its expression (the builder fields beside it are stale and
 * ignored); Metrics Insights reads its SQL. Template variables are expanded where the file lists their values and read
 * as "any value" where a query fills them at view time. A tolerant reader: a target it cannot read is a problem, the
 * rest of the dashboard still counts.
 *
 * Field names are Grafana's own (`@grafana/schema`): the dashboard, panel, variable and CloudWatch query types are
 * used as the lens, while values are checked at run time, since real files predate and stretch the schema (string
 * dimensions, `statistics[]`, string datasources).
 */
import type { Dashboard, Panel, RowPanel } from '@grafana/schema';
import type {
  CloudWatchMetricsQuery,
  MetricEditorMode,
  MetricQueryType,
} from '@grafana/schema/dist/esm/raw/composable/cloudwatch/dataquery/x/CloudWatchDataQuery_types.gen';
import { formatPromQLError, parsePromQL } from '../../model/promql/parse.js';
import { asRecord } from '../../shared/json.js';
import { expressionReads } from './dashboard-reads.js';
import { GrafanaVariables } from './grafana-variables.js';
import type { DimensionValues, MetricRead, ReadPattern, ReadsResult, ReadSource, UsageProblem } from './metric-read.js';
import type { SearchQuery, SearchTerm } from './search-expression.js';

const SEARCH: MetricQueryType.Search = 0;
const INSIGHTS: MetricQueryType.Insights = 1;
/** Newer plugin builds add PromQL (`promqlExpression`); @grafana/schema 13 does not have the member yet. */
const PROMQL = 2;
const CODE: MetricEditorMode.Code = 1;

type DashboardKey = keyof Dashboard | '__inputs' | '__elements' | 'rows' | 'dashboard' | 'elements' | 'spec';
type PanelKey = keyof Panel | keyof RowPanel | 'libraryPanel';
type TargetKey = keyof CloudWatchMetricsQuery | 'statistics' | 'promqlExpression';

export interface GrafanaReadOptions {
  /** The data source's default region, for targets whose region is `default`. */
  readonly defaultRegion?: string | undefined;
}

/** Stands in for a variable that takes any value while an expression is parsed; terms holding it match anything. */
const OPEN = '\u0001any\u0001';

interface Context {
  readonly file: string;
  readonly title: string;
  readonly variables: GrafanaVariables;
  /** Datasource variable and `__inputs` names → the plugin they stand for. */
  readonly datasourcePlugins: ReadonlyMap<string, string>;
  readonly libraryPanels: ReadonlyMap<string, Record<string, unknown>>;
  readonly options: GrafanaReadOptions;
  readonly reads: MetricRead[];
  readonly problems: UsageProblem[];
}

export function grafanaReads(document: unknown, file: string, options: GrafanaReadOptions = {}): ReadsResult {
  const reads: MetricRead[] = [];
  const problems: UsageProblem[] = [];
  const root = dashboardRoot(document);
  if (!root) {
    problems.push({ source: { kind: 'grafana', name: file, file, path: '' }, message: 'not a Grafana dashboard: expected an object with "panels", "rows" or "elements"' });
    return { reads, problems };
  }
  const spec = asRecord(get(root, 'spec'));
  const body = spec && asRecord(get(spec, 'elements')) ? spec : root;
  const title = typeof get(body, 'title') === 'string' ? String(get(body, 'title')) : file;
  const variableList = asRecord(get(body, 'templating'))?.list ?? v2Variables(body.variables);
  const context: Context = {
    file,
    title,
    variables: new GrafanaVariables(variableList),
    datasourcePlugins: datasourcePlugins(variableList, get(root, '__inputs')),
    libraryPanels: libraryPanels(get(root, '__elements')),
    options,
    reads,
    problems,
  };
  const prefix = body === root ? '' : '/spec';
  walkPanels(get(body, 'panels'), `${prefix}/panels`, context);
  const rows = get(body, 'rows');
  if (Array.isArray(rows)) rows.forEach((row, r) => walkPanels(asRecord(row)?.panels, `${prefix}/rows/${r}/panels`, context));
  v2Elements(asRecord(get(body, 'elements')), `${prefix}/elements`, context);
  return { reads, problems };
}

/** The dashboard object itself: a file may be the model, an API response `{dashboard, meta}`, or a v2 resource. */
function dashboardRoot(document: unknown): Record<string, unknown> | undefined {
  const record = asRecord(document);
  if (!record) return undefined;
  const inner = asRecord(get(record, 'dashboard'));
  const candidate = inner && !('panels' in record) ? inner : record;
  const spec = asRecord(get(candidate, 'spec'));
  const shaped = (value: Record<string, unknown> | undefined) => value !== undefined && ('panels' in value || 'rows' in value || 'elements' in value);
  return shaped(candidate) || shaped(spec) ? candidate : undefined;
}

function walkPanels(panels: unknown, pointer: string, context: Context): void {
  if (!Array.isArray(panels)) return;
  panels.forEach((item, index) => {
    const panel = asRecord(item);
    const path = `${pointer}/${index}`;
    if (!panel) return;
    if (panelField(panel, 'type') === 'row') {
      // A collapsed row keeps its children inside it; they run as soon as someone expands the row.
      walkPanels(panelField(panel, 'panels'), `${path}/panels`, context);
      return;
    }
    const library = asRecord(panelField(panel, 'libraryPanel'));
    if (library && !Array.isArray(panelField(panel, 'targets'))) {
      const uid = String(library.uid ?? '');
      const model = context.libraryPanels.get(uid);
      if (model) readPanel(model, path, context, [`library panel ${JSON.stringify(library.name ?? uid)} (model from __elements)`]);
      else {
        context.problems.push({
          source: { kind: 'grafana', name: `${context.title} / ${String(library.name ?? uid)}`, file: context.file, path },
          message: `library panel ${JSON.stringify(library.name ?? uid)} (uid ${uid}) is not in the file, so what it reads is unknown; export the dashboard with "Export for sharing externally", which embeds library panels in __elements`,
        });
      }
      return;
    }
    readPanel(panel, path, context, []);
  });
}

function readPanel(panel: Record<string, unknown>, path: string, context: Context, notes: readonly string[]): void {
  const targets = panelField(panel, 'targets');
  if (!Array.isArray(targets)) return;
  const title = panelField(panel, 'title');
  const name = `${context.title} / ${typeof title === 'string' && title !== '' ? title : `panel ${String(panelField(panel, 'id') ?? path)}`}`;
  targets.forEach((item, index) => {
    const target = asRecord(item);
    if (!target) return;
    const kind = datasourceKind(field(target, 'datasource'), context) ?? datasourceKind(panelField(panel, 'datasource'), context);
    if (kind === 'other') return;
    if (kind === undefined && !looksLikeCloudWatch(target)) return;
    const assumed = kind === undefined ? ['data source not named in the file: read as CloudWatch from the query fields'] : [];
    targetReads(target, { kind: 'grafana', name, file: context.file, path: `${path}/targets/${index}` }, context, [...notes, ...assumed]);
  });
}

/** Schema v2: `elements.<key>.spec.data.spec.queries[].spec.query` with `group: "cloudwatch"`. */
function v2Elements(elements: Record<string, unknown> | undefined, pointer: string, context: Context): void {
  for (const [key, element] of Object.entries(elements ?? {})) {
    const spec = asRecord(asRecord(element)?.spec);
    const queries = asRecord(asRecord(spec?.data)?.spec)?.queries;
    if (!Array.isArray(queries)) continue;
    const name = `${context.title} / ${typeof spec?.title === 'string' && spec.title !== '' ? spec.title : key}`;
    queries.forEach((item, index) => {
      const query = asRecord(asRecord(asRecord(item)?.spec)?.query);
      const group = query?.group ?? query?.kind;
      const target = asRecord(query?.spec);
      if (group !== 'cloudwatch' || !target) return;
      targetReads(target, { kind: 'grafana', name, file: context.file, path: `${pointer}/${key}/spec/data/spec/queries/${index}/spec/query/spec` }, context, []);
    });
  }
}

/** What one CloudWatch target sends to GetMetricData, as read patterns (docs/sources.md#usage). */
function targetReads(target: Record<string, unknown>, at: ReadSource, context: Context, notes: readonly string[]): void {
  const queryMode = field(target, 'queryMode') ?? 'Metrics';
  if (queryMode !== 'Metrics') return;
  const type = field(target, 'metricQueryType') ?? SEARCH;
  const expression = text(field(target, 'expression'));
  // The schemaVersion 34 migration: no editor mode means Code when there is an expression (or for Insights).
  const mode = field(target, 'metricEditorMode') ?? (expression !== undefined || type === INSIGHTS ? CODE : 0);
  const regionText = text(field(target, 'region'));
  if (regionText === undefined) return; // filterMetricsQuery drops a target without a region: it never runs.
  const region = regionOf(regionText, context);
  const accountText = text(field(target, 'accountId'));
  const account = accountText === undefined || accountText === 'all' || context.variables.interpolate(accountText).open ? undefined : accountText;
  const used: string[] = [...notes, ...region.notes];
  const emit = (pattern: ReadPattern, fieldNotes: readonly string[]) => {
    const allNotes = [...new Set([...used, ...fieldNotes])];
    const source = allNotes.length > 0 ? { ...at, notes: allNotes } : at;
    for (const value of region.values) context.reads.push({ ...pattern, source, region: value, account });
  };
  if (type === INSIGHTS) {
    const sql = text(field(target, 'sqlExpression'));
    if (sql !== undefined) codeReads(sql, at, context, emit);
    return;
  }
  if (type === PROMQL) {
    const query = text(field(target, 'promqlExpression'));
    if (query !== undefined) promqlReads(query, at, context, emit);
    return;
  }
  if (mode === CODE) {
    if (expression !== undefined) codeReads(expression, at, context, emit);
    return;
  }
  builderRead(target, context, emit);
}

/** Search + Builder: MetricStat when every value is pinned and matchExact holds; otherwise the inferred SEARCH. */
function builderRead(target: Record<string, unknown>, context: Context, emit: (pattern: ReadPattern, notes: readonly string[]) => void): void {
  const namespace = text(field(target, 'namespace'));
  const metricName = text(field(target, 'metricName'));
  const statistics = field(target, 'statistics');
  const statistic = text(field(target, 'statistic')) ?? (Array.isArray(statistics) ? text(statistics[0]) : undefined);
  if (namespace === undefined || metricName === undefined || statistic === undefined) return; // never sent
  const notes: string[] = [];
  const pinned = (value: string) => {
    const resolved = context.variables.interpolate(value);
    notes.push(...resolved.notes);
    return resolved.open || resolved.texts.length !== 1 ? null : resolved.texts[0]!;
  };
  const dimensions: Record<string, DimensionValues> = {};
  for (const [name, value] of Object.entries(asRecord(field(target, 'dimensions')) ?? {})) {
    const written = Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : typeof value === 'string' ? [value] : [];
    const values = new Set<string>();
    let any = written.length === 0;
    for (const item of written) {
      const resolved = context.variables.interpolate(item);
      notes.push(...resolved.notes);
      if (resolved.open || resolved.texts.includes('*')) any = true;
      for (const one of resolved.texts) values.add(one);
    }
    dimensions[name] = any ? null : [...values];
  }
  const exact = field(target, 'matchExact') !== false;
  emit({ kind: 'metric', namespace: pinned(namespace), metricName: pinned(metricName), dimensions, exact }, notes);
}

/** A Code-mode expression or Insights SQL, once per value combination of its variables. */
function codeReads(template: string, at: ReadSource, context: Context, emit: (pattern: ReadPattern, notes: readonly string[]) => void): void {
  const resolved = context.variables.interpolate(template, OPEN);
  for (const expression of resolved.texts) {
    const reads: MetricRead[] = [];
    const problems: UsageProblem[] = [];
    expressionReads(expression, at, reads, problems);
    context.problems.push(...problems.map((problem) => ({ ...problem, message: problem.message.split(OPEN).join('*') })));
    for (const read of reads) emit(opened(read), resolved.notes);
  }
}

/** Each vector selector of a PromQL query; a matcher holding an open variable is dropped (it matches anything). */
function promqlReads(template: string, at: ReadSource, context: Context, emit: (pattern: ReadPattern, notes: readonly string[]) => void): void {
  const resolved = context.variables.interpolate(template, OPEN);
  for (const query of resolved.texts) {
    const parsed = parsePromQL(query);
    if (!parsed.ok) {
      context.problems.push({ source: at, message: `cannot read PromQL ${JSON.stringify(template)}: ${formatPromQLError(parsed.error)}` });
      continue;
    }
    for (const selector of parsed.selectors) {
      const matchers = selector.matchers.filter((matcher) => !matcher.value.includes(OPEN));
      const metricName = selector.metricName?.includes(OPEN) ? undefined : selector.metricName;
      emit({ kind: 'promql', selector: { ...selector, metricName, matchers, text: selector.text.split(OPEN).join('*') } }, resolved.notes);
    }
  }
}

/** A parsed query with open variables widened: a term or filter holding one matches anything (broader is safe). */
function opened(read: MetricRead): ReadPattern {
  if (read.kind === 'search') return { kind: 'search', query: openSearch(read.query) };
  if (read.kind !== 'insights') return read;
  const { query } = read;
  if (query.namespace.includes(OPEN)) return { kind: 'metric', namespace: null, metricName: query.metricName?.includes(OPEN) ? null : (query.metricName ?? null), dimensions: {}, exact: false };
  const equals = Object.fromEntries(Object.entries(query.equals).filter(([name, value]) => !name.includes(OPEN) && !value.includes(OPEN)));
  const metricName = query.metricName?.includes(OPEN) ? undefined : query.metricName;
  return { kind: 'insights', query: { ...query, text: query.text.split(OPEN).join('$…'), metricName, equals } };
}

function openSearch(query: SearchQuery): SearchQuery {
  if (!query.text.includes(OPEN)) return query;
  const schemaOpen = query.schema && [query.schema.namespace, ...query.schema.dimensionNames].some((name) => name.includes(OPEN));
  const widen = (term: SearchTerm): SearchTerm => {
    switch (term.kind) {
      case 'and':
      case 'or':
        return { kind: term.kind, terms: term.terms.map(widen) };
      case 'not':
        return term.term.kind === 'text' && (term.term.text.includes(OPEN) || (term.term.field ?? '').includes(OPEN)) ? { kind: 'any' } : { kind: 'not', term: widen(term.term) };
      case 'text':
        return term.text.includes(OPEN) || (term.field ?? '').includes(OPEN) ? { kind: 'any' } : term;
      case 'any':
        return term;
    }
  };
  return { text: query.text.split(OPEN).join('*'), schema: schemaOpen ? undefined : query.schema, term: widen(query.term) };
}

/** The regions a target reads: `default` is the data source's region (--grafana-default-region), a variable any region. */
function regionOf(template: string, context: Context): { values: (string | undefined)[]; notes: string[] } {
  const resolved = context.variables.interpolate(template);
  const notes = [...resolved.notes];
  if (resolved.open) return { values: [undefined], notes };
  const values = new Set<string | undefined>();
  for (const region of resolved.texts) {
    if (region !== 'default') values.add(region);
    else if (context.options.defaultRegion !== undefined) values.add(context.options.defaultRegion);
    else {
      notes.push('region "default": the data source\'s default region, not known here (pass --grafana-default-region): any region');
      return { values: [undefined], notes };
    }
  }
  return { values: [...values], notes };
}

type DatasourceKind = 'cloudwatch' | 'other' | undefined;

/** CloudWatch, another plugin, or unknown (`null`, a name, `-- Mixed --`: then the target's own or its fields decide). */
function datasourceKind(ref: unknown, context: Context): DatasourceKind {
  if (ref === null || ref === undefined) return undefined;
  const record = asRecord(ref);
  const type = record ? text(record.type) : undefined;
  if (type === 'cloudwatch') return 'cloudwatch';
  const name = record ? text(record.uid) : text(ref);
  if (name === undefined || name === '-- Mixed --' || name === '-- Dashboard --') return type === undefined || type === 'datasource' ? undefined : 'other';
  if (name === '-- Grafana --' || name === 'grafana') return 'other';
  const variable = /^\$\{?(\w+)\}?$/.exec(name)?.[1];
  const plugin = variable === undefined ? undefined : context.datasourcePlugins.get(variable);
  if (plugin !== undefined) return plugin === 'cloudwatch' ? 'cloudwatch' : 'other';
  return type === undefined ? undefined : 'other';
}

/** A target of an unnamed data source is CloudWatch when it carries CloudWatch's query fields. */
function looksLikeCloudWatch(target: Record<string, unknown>): boolean {
  return typeof field(target, 'namespace') === 'string' || field(target, 'metricQueryType') !== undefined || typeof field(target, 'sqlExpression') === 'string';
}

function datasourcePlugins(variables: unknown, inputs: unknown): Map<string, string> {
  const plugins = new Map<string, string>();
  for (const item of Array.isArray(variables) ? variables : []) {
    const variable = asRecord(item);
    if (variable?.type === 'datasource' && typeof variable.name === 'string' && typeof variable.query === 'string') plugins.set(variable.name, variable.query);
  }
  for (const item of Array.isArray(inputs) ? inputs : []) {
    const input = asRecord(item);
    if (input?.type === 'datasource' && typeof input.name === 'string' && typeof input.pluginId === 'string') plugins.set(input.name, input.pluginId);
  }
  return plugins;
}

/** `__elements`: a list of `{uid, model}` in some builds, an object keyed by uid in 9.0–12.x exports. */
function libraryPanels(elements: unknown): Map<string, Record<string, unknown>> {
  const panels = new Map<string, Record<string, unknown>>();
  const list = Array.isArray(elements) ? elements : Object.values(asRecord(elements) ?? {});
  for (const item of list) {
    const element = asRecord(item);
    const model = asRecord(element?.model);
    if (typeof element?.uid === 'string' && model) panels.set(element.uid, model);
  }
  return panels;
}

/** Schema v2 variables (`{kind: "CustomVariable", spec}`) in the classic shape the variable reader knows. */
function v2Variables(variables: unknown): unknown[] | undefined {
  if (!Array.isArray(variables)) return undefined;
  const types: Record<string, string> = { CustomVariable: 'custom', QueryVariable: 'query', ConstantVariable: 'constant', TextVariable: 'textbox', DatasourceVariable: 'datasource' };
  return variables.map((item) => {
    const variable = asRecord(item);
    const spec = asRecord(variable?.spec) ?? {};
    const type = types[String(variable?.kind)] ?? 'unknown';
    return { ...spec, type, query: type === 'datasource' ? spec.pluginId : spec.query };
  });
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function get(record: Record<string, unknown>, key: DashboardKey): unknown {
  return record[key];
}

function panelField(panel: Record<string, unknown>, key: PanelKey): unknown {
  return panel[key];
}

function field(target: Record<string, unknown>, key: TargetKey): unknown {
  return target[key];
}
