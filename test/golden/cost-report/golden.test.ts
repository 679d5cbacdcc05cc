/**
 * Golden tests of the cost report, one folder per case as Infracost keeps them: the inputs (collector config, scrape
 * or cluster inventory, dashboards, alarms) and `case.json` (the flags), beside the expected output in every format.
 * Each format is produced by the real CLI, in-process, from the case folder. A difference is a failure; the expected
 * files change only through `npm run golden:update`, and the change is reviewed in the diff.
 *
 * Normalised: the repository's absolute path (the embedded price snapshot lives there), as printed or as Markdown
 * escapes it, becomes `<cwdash>`; the date
 * allow-list expiries and the fix header use is fixed by `--date`; prices come from the embedded snapshot (an empty
 * price cache).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { inertMarkdown } from '../../../src/outputs/markdown-text.js';
import { runCli } from '../../support/run-cli.js';

const CASES = fileURLToPath(new URL('.', import.meta.url));
const REPOSITORY = fileURLToPath(new URL('../../../', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const DATE = '2026-12-01';

const EXPECTED: Readonly<Record<string, string>> = {
  table: 'expected.txt',
  markdown: 'expected.md',
  json: 'expected.json',
  html: 'expected.html',
  sarif: 'expected.sarif',
};

interface CaseSpec {
  readonly description: string;
  /** The flags after `cwdash cost-report`, with paths relative to the case folder (or to the repository). */
  readonly args: readonly string[];
  /** `repository`: run from the repository root (the bundled examples); default the case folder. */
  readonly cwd?: 'repository';
}

const cases = readdirSync(CASES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(CASES, entry.name, 'case.json')))
  .map((entry) => entry.name)
  .sort();

describe('cost-report goldens', () => {
  test('the cases are there', () => {
    expect(cases).toEqual(expect.arrayContaining(['bundled-examples', 'container-insights', 'declarations', 'replicas']));
  });

  describe.each(cases)('%s', (name) => {
    const folder = join(CASES, name);
    const spec = JSON.parse(readFileSync(join(folder, 'case.json'), 'utf8')) as CaseSpec;
    const cwd = spec.cwd === 'repository' ? REPOSITORY : folder;
    const env = { CWDASH_CACHE_DIR: mkdtempSync(join(tmpdir(), 'cwdash-golden-cache-')) };

    test.each(Object.keys(EXPECTED))('--format %s', async (format) => {
      const result = await runCli(['cost-report', ...spec.args, '--date', DATE, '--format', format], { cwd, env });
      expect(result.exitCode, result.stderr).toBe(0);
      const output = normalise(result.stdout);
      const file = join(folder, EXPECTED[format]!);
      if (UPDATE) writeFileSync(file, output);
      expect(existsSync(file), `${file} is missing: run npm run golden:update and review the new file`).toBe(true);
      expect(output).toBe(readFileSync(file, 'utf8'));
    });
  });
});

/**
 * The repository's path as it is printed: escaped by the Markdown renderer's own escaping (which changes it only when
 * the path holds characters it escapes), then plain. Both become the same `<cwdash>`, so the expected files do not
 * depend on where the repository is checked out.
 */
const REPOSITORY_FORMS = [REPOSITORY, REPOSITORY.replace(/\/$/, '')].flatMap((path) => {
  const placeholder = path.endsWith('/') ? '<cwdash>/' : '<cwdash>';
  return [[inertMarkdown(path), placeholder], [path, placeholder]] as const;
});

function normalise(text: string): string {
  return REPOSITORY_FORMS.reduce((normalised, [form, placeholder]) => normalised.split(form).join(placeholder), text);
}
