import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { importDashboard, renderTypeScriptDefinition } from '../../src/outputs/typescript-definition.js';
import { renderDashboardBody } from '../../src/model/body/serialize.js';
import { loadDashboardDefinitions } from '../../src/sources/definitions/load.js';
import type { DashboardBody } from '../../src/model/body/schema.js';
import { loadBodyVectors } from '../model/body/vectors.js';
import { mutate, random } from '../model/body/mutate.js';
import { dashboardBodySchema } from '../../src/model/body/schema.js';
import { REPO_ROOT, tempProject } from '../sources/definitions/temp-project.js';

const vectors = loadBodyVectors();
const GOLDEN_JSON = join(import.meta.dirname, '../golden/dashboards/all-widgets.json');
const fileName = (index: number) => `vector-${String(index).padStart(2, '0')}`;

describe('every vector round-trips import → TypeScript → build to the same JSON', () => {
  test('running the generated TypeScript files (as `cwdash build` does)', async () => {
    const dir = await tempProject();
    await Promise.all(
      vectors.map((vector, index) => writeFile(join(dir, `${fileName(index)}.ts`), renderTypeScriptDefinition(vector.body, fileName(index)))),
    );
    // The golden dashboard with every widget type and option goes through the same round trip.
    const golden = JSON.parse(await readFile(GOLDEN_JSON, 'utf8')) as DashboardBody;
    await writeFile(join(dir, 'zz-golden.ts'), renderTypeScriptDefinition(golden, 'golden'));
    const built = await loadDashboardDefinitions(dir);
    expect(built.pop()!.body).toEqual(golden);
    expect(built.map((dashboard) => dashboard.name)).toEqual(vectors.map((_, index) => fileName(index)));
    built.forEach((dashboard, index) => {
      expect(dashboard.body, vectors[index]!.name).toEqual(vectors[index]!.body);
      expect(dashboard.messages.filter((message) => message.severity === 'error')).toEqual([]);
    });
    // The generated files also pass the strict type check a user's project would run.
    const tsconfig = { compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2023', noEmit: true, skipLibCheck: true, types: ['node'], typeRoots: [join(REPO_ROOT, 'node_modules/@types')] }, include: ['*.ts'] };
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
    expect(() => execFileSync(join(REPO_ROOT, 'node_modules/.bin/tsc'), ['-p', dir], { encoding: 'utf8' })).not.toThrow();
  }, 120_000);

  test('with typed widgets only: no vector needs the RawWidget fallback', () => {
    for (const vector of vectors) expect(renderTypeScriptDefinition(vector.body, 'd'), vector.name).not.toContain('RawWidget');
  });
});

test('math inputs fold into usingMetrics, SEARCH into SearchExpression', () => {
  const byName = (name: string) => vectors.find((vector) => vector.name === name)!.body;
  expect(renderTypeScriptDefinition(byName('MathExpressions can be added to a graph'), 'math')).toContain(`new MathExpression({
          expression: 'a + b',
          usingMetrics: {
            a: new Metric({ namespace: 'Test', metricName: 'ACount' }),
            b: new Metric({ namespace: 'Test', metricName: 'BCount' }),
          },`);
  expect(renderTypeScriptDefinition(byName('SearchExpressions can be added to a graph'), 'search')).toContain(
    `new SearchExpression({
          schema: { namespace: 'AWS/EC2', dimensions: ['InstanceId'] },
          searchTerm: 'CPUUtilization',
          statistic: 'Average',`,
  );
});

test('a console-style body: positions become bands, shorthand rows are expanded, unknown shapes stay raw', () => {
  const body = {
    widgets: [
      { type: 'text', x: 0, y: 0, width: 24, height: 1, properties: { markdown: '# Title' } },
      {
        type: 'metric', x: 0, y: 1, width: 12, height: 6,
        properties: { region: 'eu-west-1', view: 'timeSeries', metrics: [['AWS/EC2', 'CPUUtilization', 'InstanceId', 'i-1'], ['...', 'i-2']], newFeature: true },
      },
      { type: 'metric', x: 12, y: 1, width: 12, height: 6, properties: { region: 'eu-west-1', metrics: [['AWS/EC2', 'NetworkIn', 'InstanceId', 'i-1'], ['.', '.', '.', 'i-2']] } },
    ],
  } as unknown as DashboardBody;
  const { source, dashboard } = importDashboard(body, 'console');
  expect(source).toContain("import { Dashboard, GraphWidget, Metric, RawWidget, TextWidget } from 'cwdash';");
  expect(source).toContain('new RawWidget({'); // the widget with an unknown property
  expect(source).toMatch(/widgets: \[\n {4}new TextWidget\(\{ width: 24, height: 1, markdown: '# Title' \}\),\n {4}\[\n/);
  const rebuilt = dashboard.toBody();
  expect(rebuilt.widgets.map((widget) => [widget.x, widget.y])).toEqual([[0, 0], [0, 1], [12, 1]]);
  expect(rebuilt.widgets[2]!.properties).toEqual({
    view: 'timeSeries', region: 'eu-west-1', metrics: [['AWS/EC2', 'NetworkIn', 'InstanceId', 'i-1'], ['AWS/EC2', 'NetworkIn', 'InstanceId', 'i-2']],
  });
});

test('positions cwdash would not produce are kept as explicit x/y', () => {
  const body: DashboardBody = {
    widgets: [
      { type: 'text', x: 6, y: 0, width: 6, height: 2, properties: { markdown: 'a' } },
      { type: 'text', x: 0, y: 4, width: 6, height: 2, properties: { markdown: 'b' } },
    ],
  };
  const { source, dashboard } = importDashboard(body, 'pinned');
  expect(source).toContain("new TextWidget({ x: 6, y: 0, markdown: 'a' })");
  expect(renderDashboardBody(dashboard.toBody())).toBe(renderDashboardBody(body));
});

test('variables and top-level settings are kept', () => {
  const body = vectors.find((vector) => vector.name === 'dashboard has initial select/pattern variable')!.body;
  const source = renderTypeScriptDefinition(body, 'vars');
  expect(source).toContain("new DashboardVariable({");
  expect(source).toContain("values: [{ label: 'IAD', value: 'us-east-1' }, { label: 'DUB', value: 'us-west-2' }]");
});

test('a region every widget shares is set once on the dashboard; raw widgets keep theirs', () => {
  const body: DashboardBody = {
    widgets: [
      { type: 'metric', width: 6, height: 6, properties: { view: 'timeSeries', region: 'eu-west-1', metrics: [['A', 'B']] } },
      { type: 'log', width: 6, height: 6, properties: { region: 'eu-west-1', query: "SOURCE 'g' | fields @message" } },
      { type: 'metric', width: 6, height: 6, properties: { view: 'timeSeries', region: 'eu-west-1', metrics: [['A', 'C']], futureOption: 1 } },
    ],
  };
  const { source, dashboard } = importDashboard(body, 'regions');
  expect(source.match(/region: 'eu-west-1'/g)).toHaveLength(2); // the dashboard's, and the raw widget's
  expect(source).toMatch(/dashboardName: 'regions',\n {2}region: 'eu-west-1',/);
  expect(dashboard.toBody()).toEqual(body);
});

test('only the widgets cwdash would place elsewhere keep x/y; the rest stay bands', () => {
  const text = (markdown: string, x: number, y: number, width: number) => ({ type: 'text' as const, x, y, width, height: 2, properties: { markdown } });
  const body: DashboardBody = { widgets: [text('a', 0, 0, 12), text('b', 12, 0, 12), text('odd', 6, 2, 6), text('c', 0, 4, 24)] };
  const { source, dashboard } = importDashboard(body, 'partial');
  expect(source).toContain("new TextWidget({ x: 6, y: 2, markdown: 'odd' })");
  expect(source.match(/x: /g)).toHaveLength(1);
  expect(dashboard.toBody()).toEqual(body);
});

test('a metric used in several widgets becomes one named constant', () => {
  const graph = (title: string) => ({
    type: 'metric' as const, width: 6, height: 6,
    properties: { view: 'timeSeries' as const, title, region: 'eu-west-1', metrics: [['AWS/EC2', 'CPUUtilization', 'InstanceId', 'i-1'] as const, ['App', 'http_requests_total'] as const] },
  });
  const body = { widgets: [graph('one'), graph('two'), { ...graph('three'), properties: { ...graph('three').properties, metrics: [['App', 'http_requests_total']] } }] } as unknown as DashboardBody;
  const { source, dashboard } = importDashboard(body, 'shared');
  expect(source).toContain("const cpuUtilization = new Metric({ namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensionsMap: { InstanceId: 'i-1' } });");
  expect(source).toContain("const httpRequestsTotal = new Metric({ namespace: 'App', metricName: 'http_requests_total' });");
  expect(source.match(/metrics: \[cpuUtilization, httpRequestsTotal\]/g)).toHaveLength(2);
  expect(source).toContain('metrics: [httpRequestsTotal]');
  expect(dashboard.toBody()).toEqual(body);
});

test('mutated bodies that keep a valid shape import to definitions that rebuild them', () => {
  const next = random(7);
  let checked = 0;
  for (let round = 0; round < 1500; round++) {
    const parsed = dashboardBodySchema.safeParse(mutate(vectors[round % vectors.length]!.body, next));
    if (!parsed.success || parsed.data.variables?.length === 0) continue; // an empty variables list is written as none
    checked++;
    const { dashboard } = importDashboard(parsed.data, 'fuzz');
    expect(renderDashboardBody(dashboard.toBody()), JSON.stringify(parsed.data)).toBe(renderDashboardBody(parsed.data));
  }
  expect(checked).toBeGreaterThan(100);
});

test('the bundled dashboards (dashboards/*.ts) import back to definitions that rebuild them byte for byte', async () => {
  const bundled = await loadDashboardDefinitions(join(REPO_ROOT, 'dashboards'));
  for (const { name, body } of bundled) {
    const { source, dashboard } = importDashboard(body, name);
    expect(renderDashboardBody(dashboard.toBody()), name).toBe(renderDashboardBody(body));
    expect(source, name).not.toContain('RawWidget');
  }
}, 60_000);
