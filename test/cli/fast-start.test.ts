/**
 * Fast start: `cwdash --version` and `--help` load the parser's help and nothing a command needs (no AWS SDK, no
 * TypeScript loader, no YAML, scrape or definition parsing). Checked on the compiled bin, as users run it; the time
 * itself is measured in the README's benchmark notes, not here.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../sources/definitions/temp-project.js';

const run = promisify(execFile);
const HOOKS = pathToFileURL(join(import.meta.dirname, '../support/record-imports.mjs')).href;
const REGISTER = `data:text/javascript,import { register } from 'node:module'; register(${JSON.stringify(HOOKS)});`;
/** What help may load: Node's own modules, the CLI (yargs is inlined into dist/cli/main.js), and one constant list. */
const ALLOWED = /^node:|\/bin\/cwdash\.js$|\/dist\/(cli|shared)\/|\/dist\/sources\/aws\/services\.js$/;

async function importsOf(args: readonly string[]): Promise<string[]> {
  const { stderr } = await run(process.execPath, ['--import', REGISTER, join(REPO_ROOT, 'bin/cwdash.js'), ...args], { cwd: REPO_ROOT });
  return stderr
    .split('\n')
    .filter((line) => line.startsWith('import: '))
    .map((line) => line.slice('import: '.length));
}

describe('cwdash --version and --help load only the CLI', () => {
  test.each([['--version'], ['--help']])('%s', async (flag) => {
    const imports = await importsOf([flag]);
    expect(imports.some((url) => url.endsWith('/dist/cli/main.js'))).toBe(true);
    expect(imports.filter((url) => !ALLOWED.test(url))).toEqual([]);
  });

  test('--version loads no parser at all', async () => {
    expect((await importsOf(['--version'])).filter((url) => url.includes('/cli/commands/') || url.includes('yargs'))).toEqual([]);
  });
});
