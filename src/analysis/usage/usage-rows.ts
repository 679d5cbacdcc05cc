/**
 * What `cwdash usage` prints: each read pattern as one row of the documented JSON contract (README "What counts as
 * read"), `*` where a query does not pin the namespace, the metric name or a dimension's value, SEARCH terms that do
 * not fold into those fields kept as text, and the evidence of every source that makes the same read. One row per
 * distinct pattern, rows and evidence sorted, so the output is byte-identical for the same inputs.
 */
import { compareStrings } from '../../shared/json.js';
import type { MetricRead, ReadSource, UsageProblem } from './metric-read.js';
import type { SearchTerm } from './search-expression.js';

export const USAGE_SCHEMA_VERSION = 1;

export type RowDimensions = Record<string, string[] | '*'>;

export interface UsageEvidence {
  readonly source: string;
  readonly name: string;
  readonly file?: string | undefined;
  readonly where?: string | undefined;
  readonly principal?: string | undefined;
  readonly lastSeen?: string | undefined;
  readonly notes?: readonly string[] | undefined;
}

export interface UsageRow {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: RowDimensions;
  /** True: the metric has exactly these dimension names; false: at least these. */
  readonly exactDimensions: boolean;
  readonly terms: readonly string[];
  /** `*` when the source leaves the region open (a Grafana `$region`). */
  readonly region: string;
  /** The account a cross-account read queries; null: the account the source belongs to. */
  readonly account: string | null;
  readonly evidence: readonly UsageEvidence[];
}

export interface UsageProblemRow {
  readonly source: string;
  readonly file?: string | undefined;
  readonly where?: string | undefined;
  readonly line?: number | undefined;
  readonly message: string;
}

export interface UsageListing {
  readonly schemaVersion: typeof USAGE_SCHEMA_VERSION;
  readonly reads: readonly UsageRow[];
  readonly problems: readonly UsageProblemRow[];
}

export function usageListing(reads: readonly MetricRead[], problems: readonly UsageProblem[]): UsageListing {
  const rows = new Map<string, { row: Omit<UsageRow, 'evidence'>; evidence: Map<string, UsageEvidence> }>();
  for (const read of reads) {
    for (const row of patternRows(read)) {
      const key = JSON.stringify([row.namespace, row.metricName, sortedDimensions(row.dimensions), row.exactDimensions, row.terms, row.region, row.account]);
      const entry = rows.get(key) ?? { row, evidence: new Map() };
      const evidence = evidenceOf(read.source);
      const evidenceKey = JSON.stringify([evidence.source, evidence.name, evidence.file, evidence.where, evidence.principal]);
      const before = entry.evidence.get(evidenceKey);
      if (!before || (evidence.lastSeen ?? '') > (before.lastSeen ?? '')) entry.evidence.set(evidenceKey, evidence);
      rows.set(key, entry);
    }
  }
  const sorted = [...rows.entries()].sort(([a], [b]) => compareStrings(a, b));
  return {
    schemaVersion: USAGE_SCHEMA_VERSION,
    reads: sorted.map(([, { row, evidence }]) => ({
      ...row,
      dimensions: sortedDimensions(row.dimensions),
      evidence: [...evidence.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, item]) => item),
    })),
    problems: problems
      .map((problem) => ({ source: problem.source.kind, file: problem.source.file, where: problem.source.path || undefined, line: problem.line, message: problem.message }))
      .sort((a, b) => compareStrings(JSON.stringify([a.file, a.line, a.where, a.message]), JSON.stringify([b.file, b.line, b.where, b.message]))),
  };
}

/** A read's source as evidence: who (name, principal), where (file, JSON pointer or API), when, and on what notes. */
export function evidenceOf(source: ReadSource): UsageEvidence {
  return { source: source.kind, name: source.name, file: source.file, where: source.path, principal: source.principal, lastSeen: source.lastSeen, notes: source.notes };
}

type Row = Omit<UsageRow, 'evidence'>;

function patternRows(read: MetricRead): Row[] {
  const scope = { region: read.region ?? '*', account: read.account ?? null };
  switch (read.kind) {
    case 'metric': {
      const dimensions: RowDimensions = {};
      for (const [name, values] of Object.entries(read.dimensions)) dimensions[name] = values === null ? '*' : [...values].sort(compareStrings);
      return [{ namespace: read.namespace ?? '*', metricName: read.metricName ?? '*', dimensions, exactDimensions: read.exact, terms: [], ...scope }];
    }
    case 'insights': {
      const { query } = read;
      const dimensions: RowDimensions = {};
      for (const name of query.schemaDimensions ?? []) dimensions[name] = '*';
      for (const [name, value] of Object.entries(query.equals)) dimensions[name] = [value];
      return [{ namespace: query.namespace, metricName: query.metricName ?? '*', dimensions, exactDimensions: query.schemaDimensions !== undefined, terms: [], ...scope }];
    }
    case 'search': {
      const { schema, term } = read.query;
      const dimensions: RowDimensions = {};
      for (const name of schema?.dimensionNames ?? []) dimensions[name] = '*';
      let namespace = schema?.namespace;
      let metricName: string | undefined;
      const terms: string[] = [];
      for (const conjunct of term.kind === 'and' ? term.terms : [term]) {
        if (conjunct.kind === 'text' && conjunct.field !== undefined) {
          if (conjunct.exact && conjunct.field === 'Namespace' && namespace === undefined) namespace = conjunct.text;
          else if (conjunct.exact && conjunct.field === 'MetricName' && metricName === undefined) metricName = conjunct.text;
          else if (conjunct.exact && conjunct.field !== 'Namespace' && conjunct.field !== 'MetricName') dimensions[conjunct.field] = [conjunct.text];
          else {
            if (conjunct.field !== 'Namespace' && conjunct.field !== 'MetricName') dimensions[conjunct.field] = '*';
            terms.push(renderTerm(conjunct));
          }
        } else if (conjunct.kind !== 'any') terms.push(renderTerm(conjunct));
      }
      return [{ namespace: namespace ?? '*', metricName: metricName ?? '*', dimensions, exactDimensions: schema !== undefined, terms, ...scope }];
    }
    case 'promql': {
      const dimensions: RowDimensions = {};
      const terms: string[] = [];
      for (const matcher of read.selector.matchers) {
        if (matcher.operator === '=') dimensions[matcher.label] = [matcher.value];
        else terms.push(`${matcher.label}${matcher.operator}${JSON.stringify(matcher.value)}`);
      }
      return [{ namespace: '*', metricName: read.selector.metricName ?? '*', dimensions, exactDimensions: false, terms, ...scope }];
    }
    case 'stream': {
      const terms = read.exclude.map((filter) => `NOT ${filter.namespace}${filter.metricNames.length ? ` (${filter.metricNames.join(', ')})` : ''}`);
      const includes = read.include.length > 0 ? read.include.flatMap((filter) => (filter.metricNames.length ? filter.metricNames.map((name) => [filter.namespace, name] as const) : [[filter.namespace, '*'] as const])) : [['*', '*'] as const];
      return includes.map(([namespace, metricName]) => ({ namespace, metricName, dimensions: {}, exactDimensions: false, terms, ...scope }));
    }
  }
}

function renderTerm(term: SearchTerm): string {
  switch (term.kind) {
    case 'and':
      return `(${term.terms.map(renderTerm).join(' AND ')})`;
    case 'or':
      return `(${term.terms.map(renderTerm).join(' OR ')})`;
    case 'not':
      return `NOT ${renderTerm(term.term)}`;
    case 'any':
      return '*';
    case 'text': {
      const text = term.exact ? JSON.stringify(term.text) : term.text;
      return term.field === undefined ? text : `${term.field}=${text}`;
    }
  }
}

function sortedDimensions(dimensions: RowDimensions): RowDimensions {
  const sorted: RowDimensions = {};
  for (const name of Object.keys(dimensions).sort(compareStrings)) sorted[name] = dimensions[name]!;
  return sorted;
}
