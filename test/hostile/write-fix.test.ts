/**
 * Issue 14 point 10: `--write-fix` never loses a fix. Two collectors named otel.yaml in different folders (outside
 * the working directory, where mirroring the relative path cannot tell them apart) get distinct fix files, and an
 * existing `--out` stops the run before any fix is written.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFilesAtomically } from '../../src/shared/files.js';
import { runCli } from '../support/run-cli.js';
import { collectorConfig, scratch } from './support.js';

function twoCollectors() {
  const { dir, write } = scratch('write-fix');
  const scrape = write('s.prom', '# TYPE a gauge\na{x="1"} 1\n# TYPE b gauge\nb 2\n');
  const configs = ['one', 'two'].map((folder, index) => {
    mkdirSync(join(dir, folder));
    return write(join(folder, 'otel.yaml'), collectorConfig().replace('job_name: app', `job_name: app-${index}`));
  });
  const cwd = scratch('write-fix-cwd').dir;
  const args = ['cost-report', ...configs.flatMap((config) => ['--collector', `config=${config},scrape=${scrape}`]), '--no-usage', '--allow-drop-all', '--write-fix', 'fixed', '--region', 'us-east-1'];
  return { cwd, configs, args };
}

const filesBelow = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesBelow(join(dir, entry.name)) : [join(dir, entry.name)]));

describe('--write-fix', () => {
  it('same-named configs in different folders outside the working directory get distinct fix files', async () => {
    const { cwd, configs, args } = twoCollectors();
    const result = await runCli(args, { cwd });
    expect(result.exitCode).toBe(0);
    const written = filesBelow(join(cwd, 'fixed')).sort();
    expect(written).toHaveLength(2);
    expect(written.every((file) => file.endsWith('otel.cwdash-fix.yaml'))).toBe(true);
    // Each fix is its own collector's: the job names differ.
    expect(readFileSync(written.find((file) => file.includes('/one/'))!, 'utf8')).toContain('app-0');
    expect(readFileSync(written.find((file) => file.includes('/two/'))!, 'utf8')).toContain('app-1');
    expect(written.map((file) => file.slice(join(cwd, 'fixed').length))).toEqual(configs.map((config) => `${config.replace(/otel\.yaml$/, 'otel.cwdash-fix.yaml')}`));
  });

  it('an existing --out is refused before any fix is written', async () => {
    const { cwd, args } = twoCollectors();
    writeFileSync(join(cwd, 'report.json'), 'mine');
    const result = await runCli([...args, '--format', 'json', '--out', 'report.json'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('report.json: file already exists');
    expect(existsSync(join(cwd, 'fixed'))).toBe(false);
    expect(readFileSync(join(cwd, 'report.json'), 'utf8')).toBe('mine');
  });

  it('two outputs of one run aimed at one file are refused, nothing written', async () => {
    const { dir } = scratch('write-fix-same');
    const path = join(dir, 'x.yaml');
    await expect(writeFilesAtomically([{ path, content: 'a' }, { path: join(dir, '.', 'x.yaml'), content: 'b' }])).rejects.toThrow('two outputs of one run would be written to the same file');
    expect(existsSync(path)).toBe(false);
  });
});
