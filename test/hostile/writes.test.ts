/**
 * Issue 14 points 7-9: `pull` writes only inside its folder; `build` (and `preview`) replace and clean only the
 * outputs their manifest lists; and a build killed at any moment leaves the old set, or a journal the next run finishes, never a
 * mix, and no temp files after the next run.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_MANIFEST } from '../../src/app/build.js';
import { fileInFolder } from '../../src/shared/safe-path.js';
import { openOutputFolder } from '../../src/shared/output-folder.js';
import { FAKE_CREDENTIALS_ENV, useFakeCloudWatch } from '../support/fake-cloudwatch-server.js';
import { runCli } from '../support/run-cli.js';
import { graphDefinition, REPO_ROOT, tempProject } from '../sources/definitions/temp-project.js';

const cloudWatch = useFakeCloudWatch();

describe('pull writes only inside its folder', () => {
  it('fileInFolder refuses every name that is not one plain file inside the folder', () => {
    for (const name of ['../../escaped', '/etc/passwd', 'a/b', '..', '.', '', 'a\\b', 'x\u0000y']) {
      expect(() => fileInFolder('/tmp/out', name, '.ts'), name).toThrow(/not a plain file name inside/);
    }
    expect(fileInFolder('/tmp/out', 'api-prod_1', '.ts')).toBe('/tmp/out/api-prod_1.ts');
  });

  it('names from the account that CloudWatch would not allow stop the pull before anything is written', async () => {
    const server = cloudWatch();
    const body = { widgets: [{ type: 'text', x: 0, y: 0, width: 6, height: 2, properties: { markdown: 'x' } }] };
    for (const name of ['../../escaped', '/tmp/absolute', 'fine']) server.putDashboardOutside(name, body);
    const cwd = await tempProject();
    const result = await runCli(['pull', '--all', '--force', '--endpoint-url', server.url], { cwd, env: FAKE_CREDENTIALS_ENV });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('not a CloudWatch dashboard name: "../../escaped", "/tmp/absolute"; nothing was written');
    expect(existsSync(join(cwd, 'dashboards'))).toBe(false);
    expect(existsSync(join(cwd, '..', 'escaped.ts'))).toBe(false);
  });
});

describe('build knows what it wrote', () => {
  it('a hand-written out/api.json is not replaced without --force; --clean deletes only what build wrote', async () => {
    const cwd = await tempProject({ 'dashboards/a.ts': graphDefinition(['api']) });
    await mkdir(join(cwd, 'out'));
    // A body-shaped file the user wrote: it has "widgets", which no longer makes it build's.
    const handWritten = '{"widgets": [], "mine": true}\n';
    await writeFile(join(cwd, 'out/api.json'), handWritten);
    await writeFile(join(cwd, 'out/other.json'), handWritten);
    const refused = await runCli(['build', '--out', 'out'], { cwd });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('out/api.json: file already exists and is not an output `cwdash build` wrote');
    expect(await readFile(join(cwd, 'out/api.json'), 'utf8')).toBe(handWritten);

    expect((await runCli(['build', '--out', 'out', '--force'], { cwd })).exitCode).toBe(0);
    await writeFile(join(cwd, 'dashboards/a.ts'), graphDefinition(['renamed']));
    const cleaned = await runCli(['build', '--out', 'out', '--clean'], { cwd });
    expect(cleaned.exitCode).toBe(0);
    expect(cleaned.stderr).toContain('deleted out/api.json');
    expect((await readdir(join(cwd, 'out'))).sort()).toEqual([BUILD_MANIFEST, 'other.json', 'renamed.json']);
    expect(await readFile(join(cwd, 'out/other.json'), 'utf8')).toBe(handWritten);
  });

  it('an output edited since build wrote it is the user\'s: neither replaced nor cleaned', async () => {
    const cwd = await tempProject({ 'dashboards/a.ts': graphDefinition(['api', 'old']) });
    await runCli(['build', '--out', 'out'], { cwd });
    await writeFile(join(cwd, 'out/old.json'), '{"edited": true}\n');
    await writeFile(join(cwd, 'dashboards/a.ts'), graphDefinition(['api']));
    const result = await runCli(['build', '--out', 'out', '--clean'], { cwd });
    expect(result.stderr).toContain('out/old.json is not built from any definition any more, and was changed since build wrote it: delete it yourself');
    expect(await readFile(join(cwd, 'out/old.json'), 'utf8')).toBe('{"edited": true}\n');
  });
});

describe('preview knows what it wrote', () => {
  it('a hand-written page that only looks like a preview (its generator tag) is not replaced without --force', async () => {
    const cwd = await tempProject({ 'dashboards/a.ts': graphDefinition(['page']) });
    await mkdir(join(cwd, 'site'));
    const lookalike = '<!doctype html><meta name="generator" content="cwdash preview"><p>mine</p>\n';
    await writeFile(join(cwd, 'site/page.html'), lookalike);
    const refused = await runCli(['preview', '--out', 'site'], { cwd });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('site/page.html: file already exists and is not an output `cwdash preview` wrote');
    expect(await readFile(join(cwd, 'site/page.html'), 'utf8')).toBe(lookalike);
    expect((await runCli(['preview', '--out', 'site', '--force'], { cwd })).exitCode).toBe(0);
    expect((await runCli(['preview', '--out', 'site'], { cwd })).exitCode).toBe(0);
  });
});

describe('all or nothing across a crash', () => {
  const COUNT = 400;
  const names = Array.from({ length: COUNT }, (_, index) => `d${String(index).padStart(3, '0')}`);
  const regionOf = (text: string) => /"region": "([^"]+)"/.exec(text)?.[1];

  /** Starts `cwdash build` in a child and SIGKILLs it when `moment` first holds (or lets it finish). */
  async function buildKilledWhen(cwd: string, moment: () => boolean): Promise<'killed' | 'finished'> {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/cwdash.js'), 'build', '--out', 'out'], { cwd, stdio: 'ignore' });
    const exited = new Promise<void>((done) => child.on('exit', () => done()));
    let killed = false;
    const deadline = Date.now() + 60_000;
    while (child.exitCode === null && Date.now() < deadline) {
      if (moment()) {
        child.kill('SIGKILL');
        killed = true;
        break;
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    await exited;
    return killed ? 'killed' : 'finished';
  }

  const temps = (cwd: string) => readdirSync(join(cwd, 'out')).filter((name) => name.includes('.tmp-'));
  const pending = (cwd: string) => readFileSync(join(cwd, 'out', BUILD_MANIFEST), 'utf8').includes('"pending"');

  it('a build killed mid-write or mid-switch: the next run sees one whole set and no temp files', async () => {
    const cwd = await tempProject({ 'dashboards/all.ts': graphDefinition(names, { region: 'eu-west-1' }) });
    expect((await runCli(['build', '--out', 'out'], { cwd })).exitCode).toBe(0);
    // [what, when to kill, tries]: the switch is short (400 renames), so a kill may come too late; retried until
    // one lands, every try checked all the same.
    const moments: [string, (cwd: string) => boolean, number][] = [
      ['while temp files are written', (dir) => temps(dir).length > COUNT / 2 && !pending(dir), 3],
      ['between the journal and the final manifest', (dir) => pending(dir), 5],
    ];
    let region = 'eu-west-1';
    for (const [label, moment, tries] of moments) {
      let killed = false;
      for (let attempt = 0; attempt < tries && !killed; attempt++) {
        const next = region === 'eu-west-1' ? 'us-east-1' : 'eu-west-1';
        await writeFile(join(cwd, 'dashboards/all.ts'), graphDefinition(names, { region: next }));
        killed = (await buildKilledWhen(cwd, () => moment(cwd))) === 'killed';
        // What the next run does first: finish a journalled switch, remove dead temp files.
        await openOutputFolder(join(cwd, 'out'), BUILD_MANIFEST, 'cwdash build');
        const regions = new Set(names.map((name) => regionOf(readFileSync(join(cwd, 'out', `${name}.json`), 'utf8'))));
        expect([...regions], label).toHaveLength(1);
        expect(temps(cwd), label).toEqual([]);
        expect(pending(cwd)).toBe(false);
        // Killed while writing temps: still the old set; killed after the journal: the new one, finished.
        expect([...regions][0], label).toBe(killed && label.startsWith('while') ? region : next);
        region = [...regions][0]!;
      }
      expect(killed, label).toBe(true);
    }
  }, 120_000);
});
