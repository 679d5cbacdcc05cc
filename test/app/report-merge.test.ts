import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { mergeReportFiles } from '../../src/app/report-merge.js';
import type { CostReport } from '../../src/analysis/report/cost-report.js';
import { tagTarget } from '../../src/analysis/report/merge.js';
import { InputError } from '../../src/shared/errors.js';
import { runCli } from '../support/run-cli.js';

let dir: string;
let single: CostReport;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cwdash-merge-'));
  const result = await runCli(['cost-report', '--format', 'json', '--date', '2026-12-01']);
  single = JSON.parse(result.stdout) as CostReport;
  await mkdir(join(dir, 'reports/deep'), { recursive: true });
  const tagged = (key: string, accountId: string) => tagTarget(single, { key, name: key.split('/')[0]!, accountId, region: key.split('/')[1]!, status: 'ok' });
  await writeFile(join(dir, 'reports/a.json'), JSON.stringify(tagged('prod/ap-northeast-1', '111111111111')));
  await writeFile(join(dir, 'reports/deep/b.json'), JSON.stringify(tagged('dev/ap-northeast-1', '222222222222')));
  await writeFile(join(dir, 'reports/notes.txt'), 'not a report');
}, 120_000);

describe('mergeReportFiles', () => {
  test('reads every report below a folder, in path order, and merges them', async () => {
    const merged = await mergeReportFiles({ inputs: ['reports'] }, { cwd: dir });
    expect(merged.targets?.map((target) => target.key)).toEqual(['prod/ap-northeast-1', 'dev/ap-northeast-1']);
    expect(merged.totals.customMetrics).toBe(2 * single.totals.customMetrics);
  });

  test('an organisation total over --budget is an error finding; under it, none', async () => {
    const over = await mergeReportFiles({ inputs: ['reports'], budget: 10 }, { cwd: dir });
    expect(over.findings[0]).toMatchObject({ rule: 'budget', severity: 'error', fingerprint: 'budget:organisation' });
    expect(over.findings[0]!.message).toMatch(/^the organisation's custom metrics cost \$[\d,.]+\/month, \$[\d,.]+ over the \$10\.00 budget$/);
    const under = await mergeReportFiles({ inputs: ['reports'], budget: 1_000_000 }, { cwd: dir });
    expect(under.findings.some((finding) => finding.rule === 'budget')).toBe(false);
  });

  test('a file that is not a cost report names the file and the field; an empty folder is a usage error', async () => {
    await writeFile(join(dir, 'bad.json'), JSON.stringify({ ...single, schemaVersion: 1 }));
    const error = await mergeReportFiles({ inputs: ['bad.json'] }, { cwd: dir }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).describe()).toMatch(/^bad\.json: \/schemaVersion: invalid cost report/);
    await mkdir(join(dir, 'empty'));
    await expect(mergeReportFiles({ inputs: ['empty'] }, { cwd: dir })).rejects.toThrow(/no cost report/);
  });
});
