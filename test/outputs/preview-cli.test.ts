/** `cwdash preview` end to end: pages and index written, re-run replaces them, foreign files and errors handled. */
import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dashboardProject, textDashboards } from '../support/dashboard-project.js';
import { runCli } from '../support/run-cli.js';

const API = resolve(import.meta.dirname, '../../src/index.ts');

describe('cwdash preview', () => {
  it('writes a page per dashboard and an index, and replaces them on the next run', async () => {
    const dir = await dashboardProject({ 'ops.ts': textDashboards(['ops-a', '# A'], ['ops-b', '**B**']) });
    const first = await runCli(['preview'], { cwd: dir });
    expect(first).toMatchObject({ exitCode: 0, stdout: '' });
    expect(first.stderr).toContain('wrote dist/preview/ops-a.html');
    expect((await readdir(join(dir, 'dist/preview'))).sort()).toEqual(['.cwdash-preview.manifest', 'index.html', 'ops-a.html', 'ops-b.html']);
    const page = await readFile(join(dir, 'dist/preview/ops-b.html'), 'utf8');
    expect(page).toContain('<p><strong>B</strong></p>');
    expect(page).toContain('<code>dashboards/ops.ts</code>');
    const index = await readFile(join(dir, 'dist/preview/index.html'), 'utf8');
    expect(index).toContain('<a href="ops-a.html">ops-a</a>');

    const second = await runCli(['preview'], { cwd: dir });
    expect(second.exitCode).toBe(0);
    expect(await readFile(join(dir, 'dist/preview/ops-b.html'), 'utf8')).toBe(page);
  });

  it('honours --dashboards and --out, and refuses to replace a file it did not write unless --force', async () => {
    const dir = await dashboardProject({});
    await mkdir(join(dir, 'defs'));
    await writeFile(join(dir, 'defs', 'x.ts'), textDashboards(['x', 'hello']));
    await mkdir(join(dir, 'site'));
    await writeFile(join(dir, 'site', 'index.html'), '<html>my own page</html>');
    const refused = await runCli(['preview', '--dashboards', 'defs', '--out', 'site'], { cwd: dir });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('site/index.html: file already exists and is not an output `cwdash preview` wrote');
    expect(refused.stderr).toContain('fix: pass --force');
    expect(await readdir(join(dir, 'site'))).toEqual(['index.html']);
    const forced = await runCli(['preview', '--dashboards', 'defs', '--out', 'site', '--force'], { cwd: dir });
    expect(forced.exitCode).toBe(0);
    expect((await readdir(join(dir, 'site'))).sort()).toEqual(['.cwdash-preview.manifest', 'index.html', 'x.html']);
  });

  it('lists a dashboard with validation errors in the index without drawing it, and exits 1', async () => {
    const broken = `import { Dashboard, GraphWidget, Metric } from ${JSON.stringify(API)};
export default new Dashboard({ dashboardName: 'broken', widgets: [new GraphWidget({ title: 'no region', metrics: [new Metric({ namespace: 'ns', metricName: 'm' })] })] });
`;
    const dir = await dashboardProject({ 'good.ts': textDashboards(['good', 'ok']), 'broken.ts': broken });
    const result = await runCli(['preview'], { cwd: dir });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/error: .*broken\.ts.*region/);
    expect((await readdir(join(dir, 'dist/preview'))).sort()).toEqual(['.cwdash-preview.manifest', 'good.html', 'index.html']);
    expect(await readFile(join(dir, 'dist/preview/index.html'), 'utf8')).toMatch(/<strong>broken<\/strong> <span class="note">⚠ 1 validation error: not drawn/);
  });

  it('says what to do when there is nothing to preview', async () => {
    const dir = await dashboardProject({});
    const result = await runCli(['preview'], { cwd: dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('no dashboard definitions (*.ts) to preview');
  });
});
