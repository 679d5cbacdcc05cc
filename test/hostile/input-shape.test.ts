/**
 * Issue 14 points 1 and 6: files built to exhaust memory or the stack (a YAML "billion laughs", JSON 10,000 levels
 * deep, YAML 5,000 levels deep) are input errors naming the file and line, found in well under a second.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCollectorConfig } from '../../src/sources/collector-config/load.js';
import { InputError } from '../../src/shared/errors.js';
import { parseBoundedJson, MAX_NESTING_DEPTH } from '../../src/shared/input-limits.js';
import { runCli } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cwdash-shape-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** 9^8 copies of "lol" from 800 bytes: what an attacker puts in a pull request. */
const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  .concat('bcdefgh'.split('').map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdefgh'[index]}`).join(',')}]`))
  .join('\n');

const deepBlockYaml = Array.from({ length: 5000 }, (_, level) => `${' '.repeat(level)}a:`).join('\n');
const deepJson = '['.repeat(10_000) + ']'.repeat(10_000);

describe('YAML alias bombs', () => {
  it('the collector config loader keeps the alias limit and names the alias line', () => {
    const started = Date.now();
    let error: unknown;
    try {
      parseCollectorConfig(`receivers:\n  x: {}\n${laughs}\n`, 'bomb.yaml', {});
    } catch (caught) {
      error = caught;
    }
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).describe()).toMatch(/^bomb\.yaml:5:\d+: YAML aliases expand past 100 copies/);
  });

  it.each([['--rules'], ['--allow-list']])('%s files are refused as input errors, not internal errors', async (flag) => {
    const result = await runCli(['cost-report', flag, file(`bomb${flag}.yaml`, laughs)]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/bomb--[a-z-]+\.yaml:3:\d+: YAML aliases expand past 100 copies/);
    expect(result.stderr).not.toContain('internal error');
  });

  it('a few aliases stay fine', () => {
    const config = parseCollectorConfig('x: &x {a: 1}\nreceivers:\n  r1: *x\n  r2: *x\n', 'ok.yaml', {});
    expect(config.receivers.get('r2')?.raw).toEqual({ a: 1 });
  });
});

describe('deep nesting', () => {
  it('JSON 10,000 levels deep is refused before JSON.parse, with the position', () => {
    expect(() => parseBoundedJson(deepJson)).toThrow(new SyntaxError(`nested deeper than ${MAX_NESTING_DEPTH} levels (cwdash's limit) at position ${MAX_NESTING_DEPTH}`));
    expect(parseBoundedJson('{"a":"[[[[","b":[[1]]}')).toEqual({ a: '[[[[', b: [[1]] });
  });

  it('validate names the body file and line', async () => {
    const result = await runCli(['validate', file('deep.json', `{"widgets":\n${deepJson}}`)]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/deep\.json:2:\d+: not valid JSON: nested deeper than 256 levels/);
    expect(result.stderr).not.toContain('bug in cwdash');
  });

  it('a cluster inventory and EMF lines too', async () => {
    const inventory = await runCli(['metrics', '--config', 'examples/cluster/otel-config.yaml', '--cluster-inventory', file('inv.json', deepJson)]);
    expect(inventory.exitCode).toBe(2);
    expect(inventory.stderr).toMatch(/inv\.json: not JSON: nested deeper than 256 levels/);
    const emf = await runCli(['metrics', '--emf', file('events.jsonl', `${deepJson}\n`), '--format', 'json']);
    expect(emf.stderr).not.toContain('bug in cwdash');
    expect(JSON.parse(emf.stdout).warnings[0]).toEqual({ location: expect.stringMatching(/events\.jsonl:1$/), message: expect.stringMatching(/not JSON: nested deeper than 256 levels/) });
  });

  it.each([
    ['block', deepBlockYaml],
    ['flow', `receivers: ${'['.repeat(5000)}${']'.repeat(5000)}`],
    ['just past the limit', `receivers: ${'['.repeat(300)}${']'.repeat(300)}`],
  ])('YAML 5,000 levels deep (%s) is an input error at its line', async (_, text) => {
    const result = await runCli(['metrics', '--config', file('deep.yaml', text)]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/deep\.yaml:\d+:\d+: YAML nested (too deep|deeper than 256 levels)/);
    expect(result.stderr).not.toContain('bug in cwdash');
  });
});
