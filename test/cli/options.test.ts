/**
 * Options declared once (src/cli/flags.ts): argv maps to the typed options each command's run receives, defaults
 * included, and a value its schema rejects is a usage error (exit 2) that names the flag, before any work is done.
 */
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { parseCommandLine } from '../../src/cli/main.js';
import { flag, isoDate, parseOptions, wholeNumber, yargsOption } from '../../src/cli/flags.js';
import type { Io } from '../../src/shared/io.js';
import { runCli } from '../support/run-cli.js';

const io: Io = { stdout: { write: () => {} }, stderr: { write: () => {} }, stdin: Readable.from([]), env: {}, cwd: '/nowhere' };
const parse = (...argv: string[]) => parseCommandLine(argv, io);

describe('argv → options', () => {
  test('build: defaults from the one declaration', async () => {
    expect(await parse('build')).toEqual({ force: false, check: false, clean: false, typecheck: false });
    expect(await parse('build', '--dashboards', 'ops', '--out', 'cw', '--check', '--project-config', 'p.ts')).toEqual({
      dashboards: 'ops',
      out: 'cw',
      force: false,
      check: true,
      clean: false,
      typecheck: false,
      projectConfig: 'p.ts',
    });
  });

  test('cost-report: repeatable flags are arrays, numbers are numbers, the date is kept as written', async () => {
    const options = await parse('cost-report', '--config', 'a.yaml', '--config', 'b.yaml', '--budget', '12.5', '--date', '2026-02-28', '--replicas', '3', '--no-usage', '--region', 'eu-west-1');
    expect(options).toMatchObject({
      config: ['a.yaml', 'b.yaml'],
      budget: 12.5,
      date: '2026-02-28',
      replicas: 3,
      usage: false,
      region: 'eu-west-1',
      format: 'table',
      force: false,
      freeTier: false,
      account: false,
    });
    // Only declared options reach run: no yargs bookkeeping ($0, _, kebab-case twins).
    expect(Object.keys(options as object)).not.toContain('$0');
    expect(Object.keys(options as object)).not.toContain('allow-drop-all');
  });

  test('audit shares the cost-report inputs and adds its own', async () => {
    expect(await parse('audit', '--fail-on', 'warning', '--budget', '0')).toMatchObject({ failOn: 'warning', budget: 0, writeBaseline: false, format: 'table' });
  });

  test('publish, diff, pull and pricing share the AWS flags', async () => {
    expect(await parse('publish', '--only', 'a', '--only', 'b', '--dry-run', '--profile', 'prod', '--endpoint-url', 'http://127.0.0.1:1')).toMatchObject({
      only: ['a', 'b'],
      dryRun: true,
      yes: false,
      prune: false,
      profile: 'prod',
      endpointUrl: 'http://127.0.0.1:1',
    });
    expect(await parse('diff', '--format', 'json')).toMatchObject({ format: 'json', prune: false });
    expect(await parse('pull', 'x', 'y', '--force')).toMatchObject({ names: ['x', 'y'], all: false, force: true });
    expect(await parse('pricing', 'show', '--region', 'us-east-1', '--region', 'eu-west-1', '--metrics', '5000')).toMatchObject({
      action: 'show',
      region: ['us-east-1', 'eu-west-1'],
      metrics: 5000,
      existingMetrics: 0,
      apiRegion: 'us-east-1',
    });
  });

  test('positionals are options too', async () => {
    expect(await parse('validate', 'a.json', 'b.ts')).toMatchObject({ files: ['a.json', 'b.ts'], format: 'text' });
    expect(await parse('import', 'body.json', '--name', 'n', '--print')).toMatchObject({ body: 'body.json', name: 'n', print: true, force: false });
  });
});

describe('a mistyped value is exit 2 naming the flag', () => {
  const cases: [string[], string][] = [
    [['cost-report', '--budget', 'abc'], 'error: --budget must be an amount in USD (a number ≥ 0), got "abc"\n  fix: e.g. --budget 50\n'],
    [['audit', '--budget', '-3'], 'error: --budget must be an amount in USD (a number ≥ 0), got -3\n'],
    [['cost-report', '--replicas', '0'], 'error: --replicas must be a whole number ≥ 1, got 0\n  fix: e.g. --replicas 3\n'],
    [['metrics', '--config', 'c.yaml', '--replicas', '1.5'], 'error: --replicas must be a whole number ≥ 1, got 1.5\n'],
    [['metrics', '--config', 'c.yaml', '--replicas', 'two'], 'error: --replicas must be a whole number ≥ 1, got "two"\n'],
    [['cost-report', '--date', '2026-13-45'], 'error: --date must be a date that exists, written YYYY-MM-DD, got "2026-13-45"\n  fix: e.g. --date 2027-01-31\n'],
    [['audit', '--date', '2026-02-30'], 'error: --date must be a date that exists, written YYYY-MM-DD, got "2026-02-30"\n'],
    [['pricing', 'show', '--metrics', 'lots'], 'error: --metrics must be a number of metrics (a number ≥ 0), got "lots"\n'],
    [['pricing', 'show', '--existing-metrics', '-1'], 'error: --existing-metrics must be a number of metrics (a number ≥ 0), got -1\n'],
  ];
  test.each(cases)('%j', async (argv, expected) => {
    const result = await runCli(argv, { cwd: '/nowhere' });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(expected);
    expect(result.stdout).toBe('');
  });

  test('an unknown --format names the flag and the choices', async () => {
    for (const argv of [['cost-report', '--format', 'xml'], ['metrics', '--format', 'yaml'], ['diff', '--format', 'html'], ['validate', 'x.json', '--format', 'sarif']]) {
      const result = await runCli(argv, { cwd: '/nowhere' });
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toMatch(/Argument: format, Given: "(xml|yaml|html|sarif)", Choices: /);
    }
  });

  test('an unknown flag is a usage error', async () => {
    const result = await runCli(['cost-report', '--budgte', '5'], { cwd: '/nowhere' });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('Unknown argument');
    expect(result.stderr).toContain('budgte');
  });
});

describe('the flag table', () => {
  test('yargs gets the type, array, choices and default from the schema; numbers stay untyped so the schema sees "abc"', () => {
    expect(yargsOption(flag(z.boolean().default(false), 'b'))).toEqual({ describe: 'b', type: 'boolean', default: false });
    expect(yargsOption(flag(z.array(z.string()).optional(), { describe: 'a', group: 'G:' }))).toEqual({ describe: 'a', group: 'G:', array: true, type: 'string' });
    expect(yargsOption(flag(z.enum(['x', 'y']).default('y'), 'e'))).toEqual({ describe: 'e', choices: ['x', 'y'], default: 'y' });
    expect(yargsOption(flag(wholeNumber(1).optional(), 'n'))).toEqual({ describe: 'n' });
  });

  test('the date schema refuses impossible dates and other spellings', () => {
    for (const good of ['2026-01-31', '2028-02-29']) expect(isoDate.safeParse(good).success).toBe(true);
    for (const bad of ['2026-13-45', '2026-02-29', '2026-1-5', '31.01.2026', '']) expect(isoDate.safeParse(bad).success).toBe(false);
  });

  test('a positional is named as one', () => {
    const table = { files: flag(z.array(z.string()).min(1, { error: 'at least one file' }), { describe: 'f', positional: true }) };
    expect(() => parseOptions(table, { files: [] }, 'validate')).toThrow('<files> must be at least one file, got nothing');
  });
});
