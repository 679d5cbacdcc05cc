/**
 * Issue 14 point 11: `import` tells the truth. A metric named `eval` (hoisted to a constant) and a `__proto__`
 * dimension survive into code that builds back to the same body, and the "turns back into the same body" claim is
 * checked on the written code itself.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDashboard } from '../../src/outputs/typescript-definition.js';
import { dashboardBodySchema } from '../../src/model/body/schema.js';
import { runCli } from '../support/run-cli.js';
import { tempProject } from '../sources/definitions/temp-project.js';
import { checkDefinitionSource } from '../../src/sources/definitions/round-trip.js';

const graph = (title: string, metrics: unknown[]) => ({ type: 'metric', x: 0, y: 0, width: 12, height: 6, properties: { title, region: 'eu-west-1', view: 'timeSeries', metrics } });
const BODY = {
  widgets: [
    graph('a', [['App', 'eval', 'Service', 'api']]),
    { ...graph('b', [['App', 'eval', 'Service', 'api', { stat: 'p99' }]]), x: 12 },
    { ...graph('c', [['App', 'arguments', '__proto__', 'polluted']]), y: 6 },
    { ...graph('d', [['App', 'arguments', '__proto__', 'polluted', { stat: 'Sum' }]]), x: 12, y: 6 },
  ],
};

describe('cwdash import on hostile names', () => {
  it('never declares a reserved word and keeps a __proto__ key as a key', () => {
    const { source } = importDashboard(dashboardBodySchema.parse(BODY), 'hostile');
    expect(source).not.toMatch(/\bconst (eval|arguments)\b/);
    expect(source).toMatch(/const evalMetric = /);
    expect(source).toContain("['__proto__']: 'polluted'");
  });

  it('writes code that builds back to the same body, checked on the written file', async () => {
    const cwd = await tempProject();
    await writeFile(join(cwd, 'body.json'), JSON.stringify(BODY));
    const result = await runCli(['import', 'body.json', '--name', 'hostile'], { cwd });
    expect(result.stderr).toBe('wrote dashboards/hostile.ts; `cwdash build` turns it back into the same body\n');
    expect(result.exitCode).toBe(0);
    expect((await runCli(['build'], { cwd })).exitCode).toBe(0);
    expect(JSON.parse(await readFile(join(cwd, 'dist/dashboards/hostile.json'), 'utf8'))).toEqual(BODY);
  });

  it('the check reports where written code builds something else (here: the printed code of the old importer)', async () => {
    const cwd = await tempProject();
    const expected = { widgets: [graph('c', [['App', 'arguments', '__proto__', 'polluted']])] };
    // What the importer used to print: `__proto__:` in an object literal sets the prototype, so the dimension is lost.
    const source = [
      "import { Dashboard, GraphWidget, Metric } from 'cwdash';",
      "export default new Dashboard({ dashboardName: 'x', widgets: [new GraphWidget({ title: 'c', region: 'eu-west-1', width: 12, height: 6,",
      "  metrics: [new Metric({ namespace: 'App', metricName: 'arguments', dimensionsMap: { __proto__: 'polluted' } as never })] })] });",
    ].join('\n');
    const result = await checkDefinitionSource(source, join(cwd, 'dashboards/x.ts'), dashboardBodySchema.parse(expected));
    expect(result).toEqual({ kind: 'different', path: '/widgets/0/properties/metrics/0/2' });
  });
});
