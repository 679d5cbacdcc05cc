import { describe, expect, test } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli } from '../support/run-cli.js';
import { REPO_ROOT, graphDefinition, tempProject } from '../sources/definitions/temp-project.js';

/** In-process, the test runner's stack handling hides the line (the spawned test below pins it): `file.ts:N (name)`. */
const anyLine = (stderr: string) => stderr.replace(/(\.ts):\d+ \(/g, '$1:N (');

describe('cwdash build', () => {
  test('dashboards/*.ts → dist/dashboards/<name>.json, byte-identical across runs', async () => {
    const cwd = await tempProject({ 'dashboards/app.ts': graphDefinition(['app-overview', 'app-detail']) });
    const first = await runCli(['build'], { cwd });
    expect(first).toMatchObject({ exitCode: 0, stdout: '' });
    expect(first.stderr).toBe('wrote dist/dashboards/app-overview.json\nwrote dist/dashboards/app-detail.json\nbuilt 2 dashboards into dist/dashboards\n');
    const before = await readFile(join(cwd, 'dist/dashboards/app-overview.json'), 'utf8');
    expect((await runCli(['build'], { cwd })).exitCode).toBe(0);
    expect(await readFile(join(cwd, 'dist/dashboards/app-overview.json'), 'utf8')).toBe(before);
  });

  test('--dashboards and --out, or the project config, pick the directories; the config region fills widgets', async () => {
    const source = "import { Dashboard, SingleValueWidget, Metric } from 'cwdash';\nexport default new Dashboard({ dashboardName: 'svc', widgets: [new SingleValueWidget({ metrics: [new Metric({ namespace: 'A', metricName: 'B' })] })] });\n";
    const cwd = await tempProject({
      'ops/defs/svc.ts': source,
      'cwdash.config.ts': "export default { dashboardsDir: 'ops/defs', outDir: 'out', region: 'ap-northeast-1' };\n",
    });
    expect(await runCli(['build'], { cwd })).toMatchObject({ exitCode: 0 });
    expect(JSON.parse(await readFile(join(cwd, 'out/svc.json'), 'utf8')).widgets[0].properties.region).toBe('ap-northeast-1');
    expect(await runCli(['build', '--dashboards', 'ops/defs', '--out', 'elsewhere'], { cwd })).toMatchObject({ exitCode: 0 });
    expect(await readdir(join(cwd, 'elsewhere'))).toEqual(['.cwdash-build.manifest', 'svc.json']);
  });

  test('a validation error fails the build, names the file and the place, and writes nothing', async () => {
    const cwd = await tempProject({ 'dashboards/good.ts': graphDefinition(['good']), 'dashboards/bad.ts': graphDefinition(['bad'], { period: 20 }) });
    const result = await runCli(['build'], { cwd });
    expect(result.exitCode).toBe(1);
    expect(anyLine(result.stderr)).toBe(
      'error: dashboards/bad.ts:N (bad): /widgets/0/properties/period: period must be 1, 5, 10, 30, or a multiple of 60 seconds, received 20 (did you mean 60?)\n' +
        '1 error in 2 dashboards: nothing was written; fix the errors above and build again\n',
    );
    await expect(readdir(join(cwd, 'dist'))).rejects.toThrow(/ENOENT/);
  });

  test('a build that fails after earlier dashboards were written to temp files leaves the output folder as it was', async () => {
    // a.ts compiles (and is staged) before z.ts fails: the temp files go, and so does the folder the run created.
    const cwd = await tempProject({ 'dashboards/a.ts': graphDefinition(['a']), 'dashboards/z.ts': graphDefinition(['z'], { period: 20 }) });
    expect((await runCli(['build'], { cwd })).exitCode).toBe(1);
    await expect(readdir(join(cwd, 'dist'))).rejects.toThrow(/ENOENT/);
    await writeFile(join(cwd, 'dashboards/z.ts'), graphDefinition(['z']));
    expect((await runCli(['build'], { cwd })).exitCode).toBe(0);
    const out = join(cwd, 'dist/dashboards');
    const snapshot = async () => Promise.all((await readdir(out)).sort().map(async (name) => [name, await readFile(join(out, name), 'utf8')]));
    const built = await snapshot();
    expect(built.map(([name]) => name)).toEqual(['.cwdash-build.manifest', 'a.json', 'z.json']);
    await writeFile(join(cwd, 'dashboards/a.ts'), graphDefinition(['a'], { region: 'us-east-1' }));
    await writeFile(join(cwd, 'dashboards/z.ts'), graphDefinition(['z'], { period: 20 }));
    expect((await runCli(['build'], { cwd })).exitCode).toBe(1);
    expect(await snapshot()).toEqual(built);
    // A name used twice is found after the last file, when every other dashboard has been staged.
    await writeFile(join(cwd, 'dashboards/z.ts'), graphDefinition(['a']));
    const duplicate = await runCli(['build'], { cwd });
    expect(duplicate.exitCode).toBe(2);
    expect(duplicate.stderr).toContain('dashboard name "a" is also defined in');
    expect(await snapshot()).toEqual(built);
  });

  test('an output folder that cannot be made is an input error, and nothing is left behind', async () => {
    const cwd = await tempProject({ 'dashboards/a.ts': graphDefinition(['a', 'b']) });
    await writeFile(join(cwd, 'out'), 'a file where the folder would go');
    const result = await runCli(['build', '--out', 'out/dashboards'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^error: cannot write output: Error: (ENOTDIR|EEXIST)/);
    expect(await readFile(join(cwd, 'out'), 'utf8')).toBe('a file where the folder would go');
  });

  test('warnings print and pass', async () => {
    const source = "import { Dashboard, TextWidget } from 'cwdash';\nexport default new Dashboard({ dashboardName: 'w', widgets: [new TextWidget({ markdown: 'a', x: 0, y: 0, width: 12 }), new TextWidget({ markdown: 'b', x: 6, y: 1 })] });\n";
    const cwd = await tempProject({ 'dashboards/w.ts': source });
    const result = await runCli(['build', '--check'], { cwd });
    expect(result.exitCode).toBe(0);
    expect(anyLine(result.stderr)).toBe(
      'warning: dashboards/w.ts:N (w): /widgets/1: widget 1 (x=6, y=1, 6x2) overlaps widget 0 (x=0, y=0, 12x2); move one of them or let cwdash place it\n' +
        '1 dashboard valid (1 warning)\n',
    );
    await expect(readdir(join(cwd, 'dist'))).rejects.toThrow(/ENOENT/);
  });

  test('messages name the line that created the widget (the real CLI, as a user runs it)', async () => {
    const source = [
      "import { Dashboard, Duration, GraphWidget, Metric, TextWidget } from 'cwdash';",
      '',
      "const cpu = new Metric({ namespace: 'AWS/EC2', metricName: 'CPUUtilization' });",
      'export default new Dashboard({',
      "  dashboardName: 'lines',",
      "  region: 'eu-west-1',",
      '  widgets: [',
      "    new TextWidget({ markdown: 'ok' }),",
      '    new GraphWidget({ metrics: [cpu], period: Duration.seconds(45) }),',
      '  ],',
      '});',
      '',
    ].join('\n');
    const cwd = await tempProject({ 'dashboards/lines.ts': source });
    const run = promisify(execFile);
    const failure = await run(process.execPath, [join(REPO_ROOT, 'bin/cwdash.js'), 'build'], { cwd }).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toContain(
      'error: dashboards/lines.ts:9 (lines): /widgets/1/properties/period: period must be 1, 5, 10, 30, or a multiple of 60 seconds, received 45 (did you mean 60?)\n',
    );
  });

  test('a typo in a props object fails the build, naming the file:line and the option meant', async () => {
    const source = [
      "import { Dashboard, GraphWidget, Metric } from 'cwdash';",
      '',
      "const cpu = new Metric({ namespace: 'App', metricName: 'Cpu' });",
      'export default new Dashboard({',
      "  dashboardName: 'typos',",
      "  widgets: [new GraphWidget({ metrics: [cpu], widht: 12 } as never)],",
      '});',
      '',
    ].join('\n');
    const cwd = await tempProject({ 'dashboards/typos.ts': source });
    const run = promisify(execFile);
    const failure = await run(process.execPath, [join(REPO_ROOT, 'bin/cwdash.js'), 'build'], { cwd }).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toMatch(/^error: \S*dashboards\/typos\.ts:6: GraphWidget: unknown option "widht" \(did you mean width\?\)\n {2}fix: rename it to width\n$/);
    // In a metric row too, and in .with(): every props object of the typed API is checked.
    const statistic = await tempProject({
      'dashboards/stat.ts': "import { Dashboard, GraphWidget, Metric } from 'cwdash';\nconst m = new Metric({ namespace: 'A', metricName: 'B' });\nexport default new Dashboard({ dashboardName: 's', widgets: [new GraphWidget({ metrics: [m.with({ statistc: 'Sum' } as never)] })] });\n",
    });
    const result = await runCli(['build'], { cwd: statistic });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('Metric: unknown option "statistc" (did you mean statistic?)');
    expect(await readdir(statistic)).not.toContain('dist');
  });

  test('--typecheck (and validate on .ts) runs the TypeScript checker and reports its diagnostics with file:line', async () => {
    const source = "import { Dashboard, TextWidget } from 'cwdash';\n\nconst width: number = 'wide';\nexport default new Dashboard({ dashboardName: 'typed', widgets: [new TextWidget({ markdown: 'x', width: 6 })] });\nvoid width;\n";
    const cwd = await tempProject({ 'dashboards/typed.ts': source, 'dashboards/good.ts': graphDefinition(['good']) });
    expect((await runCli(['build', '--check'], { cwd })).exitCode).toBe(0); // it runs: only the checker sees it
    const checked = await runCli(['build', '--typecheck'], { cwd });
    expect(checked.exitCode).toBe(1);
    expect(checked.stderr).toBe(
      "error: dashboards/typed.ts:3:7: TS2322: Type 'string' is not assignable to type 'number'.\n" +
        '1 type error in the definitions: nothing was written; fix them and build again\n',
    );
    expect(await readdir(cwd)).not.toContain('dist');
    const validated = await runCli(['validate', 'dashboards'], { cwd });
    expect(validated.exitCode).toBe(1);
    expect(validated.stderr).toContain("error: dashboards/typed.ts:3:7: TS2322: Type 'string' is not assignable to type 'number'.\n");
    expect((await runCli(['validate', 'dashboards', '--no-typecheck'], { cwd })).exitCode).toBe(0);
  });

  test('a definition that does not load is an input error (exit 2) with the file and line, no stack trace', async () => {
    const cwd = await tempProject({ 'dashboards/broken.ts': "import { Dashboard } from 'cwdash';\n\nexport default new Dashboard({ dashboardName: 'x', widgets: [undefinedWidget] });\n" });
    const result = await runCli(['build'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^error: .*dashboards\/broken\.ts:\d+: threw while loading: undefinedWidget is not defined\n {2}fix: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test('a file in the output directory that is not a body needs --force', async () => {
    const cwd = await tempProject({ 'dashboards/a.ts': graphDefinition(['notes']) });
    await runCli(['build', '--out', 'dist'], { cwd });
    await writeFile(join(cwd, 'dist/notes.json'), 'my notes');
    const refused = await runCli(['build', '--out', 'dist'], { cwd });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('dist/notes.json: file already exists and is not an output `cwdash build` wrote (.cwdash-build.manifest does not list it as it is); nothing was written\n  fix: pass --force');
    expect(await readFile(join(cwd, 'dist/notes.json'), 'utf8')).toBe('my notes');
    expect((await runCli(['build', '--out', 'dist', '--force'], { cwd })).exitCode).toBe(0);
  });

  test('outputs of renamed dashboards are listed, and deleted only with --clean', async () => {
    const cwd = await tempProject({ 'dashboards/a.ts': graphDefinition(['old-name']) });
    await runCli(['build'], { cwd });
    await writeFile(join(cwd, 'dashboards/a.ts'), graphDefinition(['new-name']));
    await writeFile(join(cwd, 'dist/dashboards/notes.json'), '{"not": "a body"}');
    const kept = await runCli(['build'], { cwd });
    expect(kept.exitCode).toBe(0);
    expect(kept.stderr).toContain('warning: dist/dashboards/old-name.json is not built from any definition any more; delete it, or build with --clean\n');
    expect((await readdir(join(cwd, 'dist/dashboards'))).sort()).toEqual(['.cwdash-build.manifest', 'new-name.json', 'notes.json', 'old-name.json']);
    const cleaned = await runCli(['build', '--clean'], { cwd });
    expect(cleaned.stderr).toContain('deleted dist/dashboards/old-name.json (no definition builds it any more)\n');
    expect((await readdir(join(cwd, 'dist/dashboards'))).sort()).toEqual(['.cwdash-build.manifest', 'new-name.json', 'notes.json']);
  });

  test('--help lists the options', async () => {
    const result = await runCli(['build', '--help']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('--dashboards');
    expect(result.stdout).toContain('--check');
  });
});
