/**
 * cwdash as a user gets it: `npm pack`, the tarball installed into a throw-away project, and there the bin builds
 * dashboards (also from a folder outside the project), plain Node imports `cwdash` and `cwdash/api`, `cost-report`
 * runs on the bundled examples, and a definition type-checks under a strict user tsconfig without @types/node.
 *
 * No network: the tarball is unpacked into `node_modules/cwdash` and its dependencies are linked from this
 * checkout's node_modules, which is the tree `npm install cwdash-x.tgz` would produce.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../sources/definitions/temp-project.js';

const run = promisify(execFile);
const repoPackage = JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  name: string;
  bin: Record<string, string>;
  dependencies: Record<string, string>;
};

let project: string;
let packed: string[];
let bin: string;

/** `node <args>` in `cwd`, resolving the exit code instead of throwing. */
async function node(args: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [...args], { cwd, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cwdash-package-'));
  // The test run has just built dist/ (test/support/build-dist.ts), so packing needs no prepare step.
  const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: REPO_ROOT });
  const [manifest] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  packed = manifest!.files.map((file) => file.path);

  project = join(dir, 'project');
  const installed = join(project, 'node_modules', repoPackage.name);
  await mkdir(installed, { recursive: true });
  await run('tar', ['-xzf', join(dir, manifest!.filename), '-C', installed, '--strip-components=1']);
  for (const dependency of Object.keys(repoPackage.dependencies)) {
    await mkdir(dirname(join(project, 'node_modules', dependency)), { recursive: true });
    await symlink(join(REPO_ROOT, 'node_modules', dependency), join(project, 'node_modules', dependency), 'dir');
  }
  await writeFile(join(project, 'package.json'), '{ "name": "user-project", "private": true, "type": "module" }\n');
  bin = join(installed, repoPackage.bin.cwdash!);
}, 120_000);

describe('the npm package', () => {
  test('holds the compiled code, its declarations and everything the README points to, and no sources or tests', () => {
    for (const file of ['bin/cwdash.js', 'dist/index.js', 'dist/index.d.ts', 'dist/index.js.map', 'dist/api.js', 'dist/api.d.ts', 'dist/cli/main.js']) {
      expect(packed).toContain(file);
    }
    for (const file of ['schema/cost-report.schema.json', 'rules/default.yaml', 'dist/sources/price-list/snapshot.json', 'README.md', 'docs/sources.md']) {
      expect(packed).toContain(file);
    }
    for (const folder of ['examples/task-service/', 'examples/cluster/', 'dashboards/']) expect(packed.some((file) => file.startsWith(folder))).toBe(true);
    expect(packed.filter((file) => /^(src|test|bench|scripts)\//.test(file) || file.startsWith('bin/run-ts') || file === 'dist/.build-stamp')).toEqual([]);
  });

  test('plain Node imports cwdash and cwdash/api', async () => {
    const script = [
      "const cwdash = await import('cwdash');",
      "const api = await import('cwdash/api');",
      "const body = new cwdash.Dashboard({ dashboardName: 'n', widgets: [new cwdash.TextWidget({ markdown: 'hi' })] }).toBody({});",
      'console.log(JSON.stringify({ body, same: api.Dashboard === cwdash.Dashboard, analyze: typeof api.analyzeCollector }));',
    ].join('\n');
    const result = await node(['--input-type=module', '-e', script], project);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      body: { widgets: [{ type: 'text', x: 0, y: 0, width: 6, height: 2, properties: { markdown: 'hi' } }] },
      same: true,
      analyze: 'function',
    });
  });

  test('the bin builds the project dashboards', async () => {
    await mkdir(join(project, 'dashboards'), { recursive: true });
    await writeFile(
      join(project, 'dashboards/api.ts'),
      [
        "import { Dashboard, GraphWidget, Metric, Stats } from 'cwdash';",
        "const requests = new Metric({ namespace: 'App', metricName: 'Requests', statistic: Stats.SUM });",
        "export default new Dashboard({ dashboardName: 'api', region: 'eu-west-1', widgets: [new GraphWidget({ title: 'Requests', metrics: [requests] })] });",
        '',
      ].join('\n'),
    );
    const result = await node([bin, 'build'], project);
    expect(result).toMatchObject({ code: 0 });
    expect(JSON.parse(await readFile(join(project, 'dist/dashboards/api.json'), 'utf8'))).toEqual({
      widgets: [
        { type: 'metric', x: 0, y: 0, width: 6, height: 6, properties: { view: 'timeSeries', title: 'Requests', region: 'eu-west-1', metrics: [['App', 'Requests', { stat: 'Sum' }]] } },
      ],
    });
  });

  test('definitions in a folder that cannot resolve cwdash use the running one: one copy of the model', async () => {
    const elsewhere = await mkdtemp(join(tmpdir(), 'cwdash-elsewhere-'));
    const body = { widgets: [{ type: 'text', x: 0, y: 0, width: 24, height: 2, properties: { markdown: '# hi' } }] };
    await writeFile(join(elsewhere, 'body.json'), JSON.stringify(body));
    expect(await node([bin, 'import', 'body.json', '--name', 'notes', '--out', join(elsewhere, 'defs/notes.ts')], elsewhere)).toMatchObject({ code: 0 });
    // A second definition proves the identity: its Dashboard must be the installed package's own class.
    const installedEntry = join(project, 'node_modules/cwdash/dist/index.js');
    await writeFile(
      join(elsewhere, 'defs/same.ts'),
      [
        "import { Dashboard, TextWidget } from 'cwdash';",
        // Through a variable, so the bundler leaves this import to Node.
        `const entry: string = ${JSON.stringify(installedEntry)};`,
        'const installed = await import(entry);',
        "if (installed.Dashboard !== Dashboard) throw new Error('a second copy of cwdash was loaded');",
        "export default new Dashboard({ dashboardName: 'same', widgets: [new TextWidget({ markdown: 'one copy' })] });",
        '',
      ].join('\n'),
    );
    const result = await node([bin, 'build', '--dashboards', join(elsewhere, 'defs'), '--out', join(elsewhere, 'out')], project);
    expect(result.stderr).toContain('built 2 dashboards');
    expect(result.code).toBe(0);
    expect(JSON.parse(await readFile(join(elsewhere, 'out/notes.json'), 'utf8'))).toEqual(body);
    expect(await readdir(join(elsewhere, 'out'))).toEqual(['.cwdash-build.manifest', 'notes.json', 'same.json']);
  });

  test('cost-report runs on the bundled examples', async () => {
    const result = await node([bin, 'cost-report', '--format', 'json'], project);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { collectors: { config: string; metrics: number }[] };
    expect(report.collectors.map((collector) => collector.config)).toEqual([
      'node_modules/cwdash/examples/task-service/otel-config.yaml',
      'node_modules/cwdash/examples/cluster/otel-config.yaml',
    ]);
    expect(report.collectors.map((collector) => collector.metrics)).toEqual([144, 135]);
  });

  test('definitions type-check under strict user options without @types/node; no Node types come from cwdash', async () => {
    const compilerOptions = {
      target: 'ES2023',
      lib: ['ES2023'],
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      types: [],
      strict: true,
      exactOptionalPropertyTypes: true,
      noPropertyAccessFromIndexSignature: true,
      noUncheckedIndexedAccess: true,
      skipLibCheck: true,
      noEmit: true,
    };
    await writeFile(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['dashboards', 'definition.ts', 'script.ts'] }));
    // The definition API alone, with every declaration checked: cwdash's own must be error-free (others' may not be).
    await writeFile(join(project, 'tsconfig.definitions.json'), JSON.stringify({ compilerOptions: { ...compilerOptions, skipLibCheck: false }, include: ['dashboards', 'definition.ts'] }));
    await writeFile(
      join(project, 'definition.ts'),
      [
        "import { Dashboard, GraphWidget, MathExpression, Metric, SingleValueWidget, Stats, TextWidget, defineConfig, nodeServiceDashboard } from 'cwdash';",
        "const requests = new Metric({ namespace: 'App', metricName: 'Requests', dimensionsMap: { Service: 'api' }, statistic: Stats.SUM });",
        "const errors = requests.with({ dimensionsMap: { Service: 'api', Code: '5xx' } });",
        "const rate = new MathExpression({ expression: '100 * e / r', label: 'error %', usingMetrics: { e: errors, r: requests } });",
        'export default [',
        "  new Dashboard({ dashboardName: 'api', widgets: [new TextWidget({ markdown: '# API' }), [new GraphWidget({ metrics: [requests, rate] }), new SingleValueWidget({ metrics: [requests] })]] }),",
        "  nodeServiceDashboard({ dashboardName: 'svc', service: 'svc', namespace: 'prod/svc' }),",
        '];',
        "export const config = defineConfig({ region: 'ap-northeast-1', dashboardsDir: 'dashboards' });",
        '',
      ].join('\n'),
    );
    await writeFile(
      join(project, 'script.ts'),
      "import { customMetricsMonthlyCost, type CostReport } from 'cwdash/api';\nexport type Report = CostReport;\nexport const cost: typeof customMetricsMonthlyCost = customMetricsMonthlyCost;\n",
    );
    const tsc = join(REPO_ROOT, 'node_modules/typescript/bin/tsc');
    const files = await node([tsc, '-p', project, '--listFilesOnly'], project);
    expect(files.stderr).toBe('');
    expect(files.stdout.split('\n').filter((file) => file.includes('@types/node'))).toEqual([]);
    expect(await node([tsc, '-p', project], project)).toMatchObject({ code: 0, stdout: '' });
    const definitions = await node([tsc, '-p', join(project, 'tsconfig.definitions.json')], project);
    expect(definitions.stdout.split('\n').filter((line) => line.includes('node_modules/cwdash/'))).toEqual([]);
  });
});
