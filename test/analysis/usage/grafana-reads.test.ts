/** Grafana dashboards as a usage source: the bundled and community dashboards, and one case per rule of the spec. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { grafanaReads } from '../../../src/analysis/usage/grafana-reads.js';
import { loadGrafanaSource } from '../../../src/analysis/usage/grafana-source.js';
import { describeRead, type MetricRead } from '../../../src/analysis/usage/metric-read.js';
import { buildUsageIndex } from '../../../src/analysis/usage/usage-index.js';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/grafana');
const show = (path: string) => path.slice(FIXTURES.length + 1);

/** A classic dashboard with one CloudWatch panel per target given, and the variables given. */
function dashboard(targets: readonly Record<string, unknown>[], variables: readonly Record<string, unknown>[] = [], extra: Record<string, unknown> = {}) {
  return {
    title: 'svc',
    schemaVersion: 39,
    templating: { list: variables },
    panels: targets.map((target, index) => ({ id: index + 1, type: 'timeseries', title: `p${index}`, datasource: { type: 'cloudwatch', uid: 'cw' }, targets: [target] })),
    ...extra,
  };
}

const builder = (fields: Record<string, unknown>) => ({ refId: 'A', queryMode: 'Metrics', metricQueryType: 0, metricEditorMode: 0, region: 'us-east-1', statistic: 'Average', ...fields });
const described = (reads: readonly MetricRead[]) => reads.map(describeRead);

describe("Grafana's bundled CloudWatch dashboards and a community dashboard", () => {
  test('every panel of the bundled Lambda and EBS dashboards is read, with the variables said in the evidence', async () => {
    const result = await loadGrafanaSource([join(FIXTURES, 'grafana-bundled-Lambda.json'), join(FIXTURES, 'grafana-bundled-EBS.json')], { show });
    expect(result.problems).toEqual([]);
    expect(result.consulted).toEqual({ label: 'Grafana dashboards', given: true, summary: '2 files, 13 CloudWatch targets' });
    expect(described(result.reads).slice(0, 4)).toEqual([
      'AWS/Lambda Invocations {FunctionName=*}',
      'AWS/Lambda Duration {FunctionName=*}',
      'AWS/Lambda Errors {FunctionName=*}',
      'AWS/Lambda Throttles {FunctionName=*}',
    ]);
    const [first] = result.reads;
    // `$region` comes from regions() at view time: any region.
    expect(first!.region).toBeUndefined();
    expect(first!.source).toMatchObject({ kind: 'grafana', name: 'Lambda / Invocations $statistic', file: 'grafana-bundled-Lambda.json', path: '/panels/0/targets/0' });
    expect(first!.source.notes).toContain('$function: any value (dimension_values($region, AWS/Lambda, , FunctionName) is queried when the dashboard is viewed)');
    const index = buildUsageIndex([result], { region: 'eu-west-1' });
    expect(index.readersOf({ namespace: 'AWS/EBS', metricName: 'BurstBalance', dimensions: { VolumeId: 'vol-1' } })).toHaveLength(1);
    // matchExact: the volume-only set, never a superset.
    expect(index.readersOf({ namespace: 'AWS/EBS', metricName: 'BurstBalance', dimensions: { VolumeId: 'vol-1', Extra: 'x' } })).toEqual([]);
  });

  test('the community ACM dashboard: panels on the default data source (null) are read from their CloudWatch fields', async () => {
    const result = await loadGrafanaSource([join(FIXTURES, 'community-aws-acm.json')], { show });
    expect(described(result.reads)).toEqual(['AWS/CertificateManager DaysToExpiry {CertificateArn=*}', 'AWS/CertificateManager DaysToExpiry {CertificateArn=*}']);
    expect(result.reads[0]!.source.notes).toContain('data source not named in the file: read as CloudWatch from the query fields');
  });
});

describe('where queries sit', () => {
  test('collapsed rows, legacy rows, and text/row panels that run nothing', () => {
    const target = builder({ namespace: 'ns', metricName: 'm', dimensions: { a: 'x' } });
    const doc = {
      title: 'rows',
      panels: [
        { type: 'text', title: 'notes' },
        { type: 'row', collapsed: true, panels: [{ type: 'graph', title: 'inside', datasource: 'CloudWatch', targets: [target] }] },
      ],
      rows: [{ panels: [{ type: 'graph', title: 'legacy', datasource: { type: 'cloudwatch' }, targets: [{ ...target, metricName: 'legacy' }] }] }],
    };
    const result = grafanaReads(doc, 'rows.json');
    expect(described(result.reads)).toEqual(['ns m {a=x}', 'ns legacy {a=x}']);
    expect(result.reads.map((read) => read.source.path)).toEqual(['/panels/1/panels/0/targets/0', '/rows/0/panels/0/targets/0']);
  });

  test('library panels come from __elements (list or object); one that is not there is a problem, not a silent gap', () => {
    const model = { type: 'timeseries', title: 'lib', datasource: { type: 'cloudwatch' }, targets: [builder({ namespace: 'ns', metricName: 'lib', dimensions: {} })] };
    const panels = [{ id: 1, libraryPanel: { uid: 'L1', name: 'shared' } }, { id: 2, libraryPanel: { uid: 'GONE', name: 'missing' } }];
    for (const elements of [[{ uid: 'L1', name: 'shared', kind: 1, model }], { L1: { uid: 'L1', name: 'shared', kind: 1, model } }]) {
      const result = grafanaReads({ title: 'lib', panels, __elements: elements }, 'lib.json');
      expect(described(result.reads)).toEqual(['ns lib {}']);
      expect(result.reads[0]!.source.notes).toEqual(['library panel "shared" (model from __elements)']);
      expect(result.problems.map((problem) => problem.source.path)).toEqual(['/panels/1']);
      expect(result.problems[0]!.message).toContain('library panel "missing" (uid GONE) is not in the file');
    }
  });

  test('datasources: ${DS_CLOUDWATCH} through __inputs, a datasource variable, Mixed per target; other plugins are skipped', () => {
    const cw = builder({ namespace: 'ns', metricName: 'cw', dimensions: {} });
    const doc = {
      title: 'ds',
      __inputs: [{ name: 'DS_CLOUDWATCH', type: 'datasource', pluginId: 'cloudwatch' }, { name: 'DS_PROM', type: 'datasource', pluginId: 'prometheus' }],
      templating: { list: [{ type: 'datasource', name: 'datasource', query: 'cloudwatch' }] },
      panels: [
        { title: 'input', datasource: '${DS_CLOUDWATCH}', targets: [cw] },
        { title: 'variable', datasource: { uid: '$datasource' }, targets: [{ ...cw, metricName: 'var' }] },
        { title: 'prom', datasource: '${DS_PROM}', targets: [{ ...cw, metricName: 'prom' }] },
        {
          title: 'mixed',
          datasource: { type: 'datasource', uid: '-- Mixed --' },
          targets: [
            { ...cw, metricName: 'mixed', datasource: { type: 'cloudwatch', uid: 'x' } },
            { expr: 'up', datasource: { type: 'prometheus', uid: 'p' } },
          ],
        },
      ],
    };
    expect(described(grafanaReads(doc, 'ds.json').reads)).toEqual(['ns cw {}', 'ns var {}', 'ns mixed {}']);
  });

  test('annotation and Logs queries, dummy targets, and targets without a region or statistic never run', () => {
    const doc = dashboard([
      { queryMode: 'Logs', expression: 'fields @message', region: 'us-east-1' },
      { queryMode: 'Annotations', namespace: 'ns', metricName: 'alarmy', region: 'us-east-1', statistic: 'Sum' },
      builder({ namespace: '', metricName: '' }),
      builder({ namespace: 'ns', metricName: 'noregion', region: '' }),
      { ...builder({ namespace: 'ns', metricName: 'nostat' }), statistic: undefined },
      builder({ namespace: 'ns', metricName: 'hidden', hide: true, id: 'm1' }),
    ]);
    expect(described(grafanaReads(doc, 'x.json').reads)).toEqual(['ns hidden {}']);
  });

  test('schema v2: queries under elements.<key>.spec.data.spec.queries with group cloudwatch', () => {
    const doc = {
      apiVersion: 'dashboard.grafana.app/v2beta1',
      kind: 'Dashboard',
      spec: {
        title: 'v2',
        elements: {
          'panel-1': {
            kind: 'Panel',
            spec: { title: 'cpu', data: { kind: 'QueryGroup', spec: { queries: [{ kind: 'PanelQuery', spec: { query: { kind: 'DataQuery', group: 'cloudwatch', spec: builder({ namespace: 'ns', metricName: 'v2', dimensions: {} }) } } }] } } },
          },
        },
      },
    };
    const result = grafanaReads(doc, 'v2.json');
    expect(described(result.reads)).toEqual(['ns v2 {}']);
    expect(result.reads[0]!.source.path).toBe('/spec/elements/panel-1/spec/data/spec/queries/0/spec/query/spec');
  });

  test('a file that is not a dashboard, and one that is not JSON, are problems with a pointer or a line', async () => {
    expect(grafanaReads([1, 2], 'list.json').problems[0]!.message).toContain('not a Grafana dashboard');
    const dir = mkdtempSync(join(tmpdir(), 'cwdash-grafana-'));
    writeFileSync(join(dir, 'good.json'), JSON.stringify(dashboard([builder({ namespace: 'ns', metricName: 'ok', dimensions: {} })])));
    writeFileSync(join(dir, 'broken.json'), '{\n  "title": "x",\n  "panels": [\n    {,\n  ]\n}\n');
    const result = await loadGrafanaSource([dir], { show: (path) => path.slice(dir.length + 1) });
    expect(described(result.reads)).toEqual(['ns ok {}']);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ source: { file: 'broken.json' }, line: 4 });
    expect(result.problems[0]!.message).toMatch(/^not valid JSON/);
  });
});

describe('what a target sends and how it matches', () => {
  test('Builder: one value per key is a metric stat of that exact set; several values, * or matchExact false widen it', () => {
    const reads = grafanaReads(
      dashboard([
        builder({ namespace: 'ns', metricName: 'm', dimensions: { a: 'x', b: ['y'] } }),
        builder({ namespace: 'ns', metricName: 'm', dimensions: { a: ['x', 'z'] } }),
        builder({ namespace: 'ns', metricName: 'm', dimensions: { a: '*' } }),
        builder({ namespace: 'ns', metricName: 'm', dimensions: { a: 'x' }, matchExact: false }),
      ]),
      'b.json',
    ).reads;
    expect(described(reads)).toEqual(['ns m {a=x,b=y}', 'ns m {a=x|z}', 'ns m {a=*}', 'ns m {a=x,...}']);
    const index = buildUsageIndex([{ reads, problems: [] }]);
    const readers = (dimensions: Record<string, string>) => index.readsOf({ namespace: 'ns', metricName: 'm', dimensions }).map(describeRead);
    expect(readers({ a: 'x', b: 'y' })).toEqual(['ns m {a=x,b=y}', 'ns m {a=x,...}']);
    expect(readers({ a: 'z' })).toEqual(['ns m {a=x|z}', 'ns m {a=*}']);
    expect(readers({ a: 'q', c: '1' })).toEqual([]);
  });

  test('Code mode reads its expression and ignores the stale builder fields beside it; math over ids reads nothing', () => {
    const reads = grafanaReads(
      dashboard([
        builder({ metricEditorMode: 1, namespace: 'AWS/EC2', metricName: 'Stale', expression: `SEARCH('{AWS/EC2,InstanceId} MetricName="CPUUtilization"', 'Average', 300)` }),
        builder({ metricEditorMode: 1, expression: 'm1 / m2 * 100' }),
        // No editor mode (schemaVersion < 34): an expression means Code.
        { refId: 'C', region: 'us-east-1', expression: `SEARCH('{ns,a} m', 'Sum')`, metricName: 'Stale2', namespace: 'ns', statistic: 'Sum' },
      ]),
      'c.json',
    ).reads;
    expect(described(reads)).toEqual([`SEARCH('{AWS/EC2,InstanceId} MetricName="CPUUtilization"')`, `SEARCH('{ns,a} m')`]);
  });

  test('Metrics Insights SQL, with a variable in WHERE read as any value but the key still required by SCHEMA', () => {
    const reads = grafanaReads(
      dashboard(
        [builder({ metricQueryType: 1, metricEditorMode: 1, sqlExpression: `SELECT AVG(latency) FROM SCHEMA("svc", route) WHERE route = '$route' GROUP BY route` })],
        [{ type: 'textbox', name: 'route', query: '/tasks' }],
      ),
      'i.json',
    ).reads;
    expect(reads).toHaveLength(1);
    const index = buildUsageIndex([{ reads, problems: [] }]);
    expect(index.readsOf({ namespace: 'svc', metricName: 'latency', dimensions: { route: '/anything' } })).toHaveLength(1);
    expect(index.readsOf({ namespace: 'svc', metricName: 'latency', dimensions: {} })).toEqual([]);
    expect(reads[0]!.source.notes).toEqual(['$route: any value (free text)']);
  });

  test('PromQL targets (metricQueryType 2) read their selectors: OTLP series, not Classic metrics', () => {
    const reads = grafanaReads(dashboard([builder({ metricQueryType: 2, promqlExpression: 'sum(rate(http_requests_total{code="500"}[5m]))' })]), 'p.json').reads;
    expect(described(reads)).toEqual(['http_requests_total{code="500"}']);
    const index = buildUsageIndex([{ reads, problems: [] }]);
    expect(index.readsOfSeries({ metricName: 'http_requests_total', labels: { code: '500' } })).toHaveLength(1);
    expect(index.readsOfSeries({ metricName: 'http_requests_total', labels: { code: '200' } })).toEqual([]);
    expect(index.readsOf({ namespace: 'any', metricName: 'http_requests_total', dimensions: { code: '500' } })).toEqual([]);
  });
});

describe('template variables', () => {
  const custom = { type: 'custom', name: 'svc', multi: true, query: 'api, worker,batch : jobs', options: [] };

  test('custom values are listed from the file in every syntax; a query variable that refreshes is any value', () => {
    const reads = grafanaReads(
      dashboard(
        [
          builder({ namespace: 'ns', metricName: 'm', dimensions: { service: '$svc' } }),
          builder({ namespace: 'ns', metricName: 'm', dimensions: { service: '${svc:csv}' } }),
          builder({ namespace: 'ns', metricName: 'm', dimensions: { service: '[[svc]]' } }),
          builder({ namespace: 'ns', metricName: 'm', dimensions: { host: '$host' } }),
          builder({ namespace: 'ns', metricName: 'm', dimensions: { host: '$frozen' } }),
        ],
        [
          custom,
          { type: 'query', name: 'host', refresh: 1, definition: 'dimension_values(us-east-1, ns, m, host)', options: [{ value: 'h-saved' }] },
          { type: 'query', name: 'frozen', refresh: 0, query: 'dimension_values(us-east-1, ns, m, host)', options: [{ value: 'h-1' }, { value: 'h-2' }] },
        ],
      ),
      'v.json',
    ).reads;
    expect(described(reads)).toEqual(['ns m {service=api|worker|jobs}', 'ns m {service=api|worker|jobs}', 'ns m {service=api|worker|jobs}', 'ns m {host=*}', 'ns m {host=h-1|h-2}']);
    expect(reads[0]!.source.notes).toEqual(['$svc: api, worker, jobs (custom values in the file)']);
    expect(reads[4]!.source.notes).toEqual(['$frozen: h-1, h-2 (saved options, never refreshed)']);
  });

  test('All with a custom all value (*) is any value; All without one is every option; a templated metric name is *', () => {
    const reads = grafanaReads(
      dashboard(
        [
          builder({ namespace: 'ns', metricName: 'm', dimensions: { service: '$any' } }),
          builder({ namespace: 'ns', metricName: 'm', dimensions: { service: '$all' } }),
          builder({ namespace: 'ns', metricName: '$metric', dimensions: {} }),
        ],
        [
          { ...custom, name: 'any', includeAll: true, allValue: '*' },
          { ...custom, name: 'all', includeAll: true, allValue: null },
          { type: 'query', name: 'metric', refresh: 1, definition: 'metrics(ns)' },
        ],
      ),
      'a.json',
    ).reads;
    expect(described(reads)).toEqual(['ns m {service=*}', 'ns m {service=api|worker|jobs}', 'ns * {}']);
    expect(reads[0]!.source.notes).toEqual(['$any: any value (All is "*")']);
  });

  test('region default is the data source region when given; otherwise any region, said in the evidence', () => {
    const doc = dashboard([builder({ namespace: 'ns', metricName: 'm', dimensions: {}, region: 'default' })]);
    expect(grafanaReads(doc, 'r.json', { defaultRegion: 'ap-northeast-1' }).reads[0]!.region).toBe('ap-northeast-1');
    const open = grafanaReads(doc, 'r.json').reads[0]!;
    expect(open.region).toBeUndefined();
    expect(open.source.notes?.[0]).toContain('region "default"');
    const index = buildUsageIndex([grafanaReads(doc, 'r.json', { defaultRegion: 'ap-northeast-1' })], { region: 'us-east-1' });
    expect(index.readsOf({ namespace: 'ns', metricName: 'm', dimensions: {} })).toEqual([]);
  });

  test('a templated SEARCH term matches anything; the rest of the query still narrows', () => {
    const reads = grafanaReads(
      dashboard(
        [builder({ metricEditorMode: 1, expression: `SEARCH('{ns,host} MetricName="m" host="$host"', 'Average')` })],
        [{ type: 'query', name: 'host', refresh: 2, definition: 'dimension_values(...)' }],
      ),
      's.json',
    ).reads;
    const index = buildUsageIndex([{ reads, problems: [] }]);
    expect(index.readsOf({ namespace: 'ns', metricName: 'm', dimensions: { host: 'h-9' } })).toHaveLength(1);
    expect(index.readsOf({ namespace: 'ns', metricName: 'other', dimensions: { host: 'h-9' } })).toEqual([]);
  });
});
