/**
 * Chart (PromQL) widgets round-trip: the observed bodies (test/fixtures/promql) and the golden promql-charts.json
 * validate clean, import to typed ChartWidgets (no RawWidget), and the generated TypeScript type-checks and builds
 * back to the same JSON.
 */
import { describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dashboardBodySchema, type DashboardBody } from '../../src/model/body/schema.js';
import { validateDashboardBody } from '../../src/model/body/validate.js';
import { renderDashboardBody } from '../../src/model/body/serialize.js';
import { importDashboard } from '../../src/outputs/typescript-definition.js';
import { loadDashboardDefinitions } from '../../src/sources/definitions/load.js';
import { REPO_ROOT, tempProject } from '../sources/definitions/temp-project.js';
import { dashboardReads } from '../../src/analysis/usage/dashboard-reads.js';
import { widgetView } from '../../src/outputs/preview/widget-view.js';
import { mutate, random } from '../model/body/mutate.js';

const fixture = (path: string): DashboardBody => dashboardBodySchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, path), 'utf8')));
const bodies: [string, DashboardBody][] = [
  ['minimal', fixture('../fixtures/promql/minimal.json')],
  ['full', fixture('../fixtures/promql/full.json')],
  ['golden', fixture('../golden/dashboards/promql-charts.json')],
];

describe.each(bodies)('the %s body', (name, body) => {
  test('validates without a message', () => {
    expect(validateDashboardBody(body)).toEqual([]);
  });

  test('imports to ChartWidgets that rebuild it', () => {
    const imported = importDashboard(body, name);
    expect(imported.rawWidgets).toEqual([]);
    expect(imported.source).toContain('new ChartWidget(');
    expect(renderDashboardBody(imported.dashboard.toBody())).toBe(renderDashboardBody(body));
  });
});

test('the generated TypeScript type-checks and builds to the same JSON', async () => {
  const dir = await tempProject();
  for (const [name, body] of bodies) await writeFile(join(dir, `${name}.ts`), importDashboard(body, name).source);
  const built = await loadDashboardDefinitions(dir);
  expect(built.map((dashboard) => dashboard.name).sort()).toEqual(['full', 'golden', 'minimal']);
  for (const dashboard of built) {
    expect(dashboard.body, dashboard.name).toEqual(bodies.find(([name]) => name === dashboard.name)![1]);
    expect(dashboard.messages).toEqual([]);
  }
  const tsconfig = {
    compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2023', noEmit: true, skipLibCheck: true, types: ['node'], typeRoots: [join(REPO_ROOT, 'node_modules/@types')] },
    include: ['*.ts'],
  };
  await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
  expect(() => execFileSync(join(REPO_ROOT, 'node_modules/.bin/tsc'), ['-p', dir], { encoding: 'utf8' })).not.toThrow();
}, 120_000);

test('the imported source reads like a hand-written definition', () => {
  const source = importDashboard(bodies[1]![1], 'full').source;
  expect(source).toContain(`queries: [
        {
          id: 'in',
          query: 'sum({"claude_code.token.usage", type="input", "@resource.service.name"="claude-code"})',
          step: Duration.minutes(1),
          label: 'Input',
        },
      ],`);
  expect(source).toContain("legend: { position: 'bottom', show: true }");
  expect(source).toMatch(/dashboardName: 'full',\n {2}region: 'us-east-1',/);
});

test('mutated chart bodies: validation, usage reads and preview never throw; a valid shape imports and rebuilds', () => {
  const next = random(16);
  let rebuilt = 0;
  for (let round = 0; round < 1500; round++) {
    let body: unknown = bodies[round % bodies.length]![1];
    for (let edits = 1 + Math.floor(next() * 3); edits > 0; edits--) body = mutate(body, next);
    const text = JSON.stringify(body);
    expect(() => validateDashboardBody(body), text).not.toThrow();
    expect(() => dashboardReads({ name: 'fuzz', body }), text).not.toThrow();
    const parsed = dashboardBodySchema.safeParse(body);
    if (!parsed.success) continue;
    for (const widget of parsed.data.widgets) expect(() => widgetView(widget, new Map()), text).not.toThrow();
    const { dashboard } = importDashboard(parsed.data, 'fuzz');
    expect(renderDashboardBody(dashboard.toBody()), text).toBe(renderDashboardBody(parsed.data));
    rebuilt++;
  }
  expect(rebuilt).toBeGreaterThan(80);
});
