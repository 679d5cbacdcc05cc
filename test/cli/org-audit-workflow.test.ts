import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';

const run = promisify(execFile);
const WORKFLOW = new URL('../../.github/workflows/cwdash-org-audit.yml', import.meta.url).pathname;
const VALIDATOR = new URL('../../node_modules/.bin/action-validator', import.meta.url).pathname;

interface Step {
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, string>;
  readonly env?: Record<string, string>;
}

describe('.github/workflows/cwdash-org-audit.yml', () => {
  const workflow = parse(readFileSync(WORKFLOW, 'utf8'));
  const steps = (job: string) => workflow.jobs[job].steps as Step[];

  test('passes the GitHub workflow schema (action-validator), and a broken copy does not', async () => {
    const { stdout, stderr } = await run(VALIDATOR, [WORKFLOW]);
    expect(`${stdout}${stderr}`).not.toMatch(/error/i);
    const broken = join(mkdtempSync(join(tmpdir(), 'cwdash-workflow-')), 'broken.yml');
    writeFileSync(broken, readFileSync(WORKFLOW, 'utf8').replace('needs: targets', 'needs_: targets'));
    await expect(run(VALIDATOR, [broken])).rejects.toMatchObject({ code: 1 });
  });

  test('never runs on pull requests, and only the audit jobs hold an id-token', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    const withToken = Object.entries(workflow.jobs as Record<string, { permissions?: Record<string, string> }>)
      .filter(([, job]) => job.permissions?.['id-token'] === 'write')
      .map(([name]) => name);
    expect(withToken).toEqual(['audit']);
  });

  test('a matrix over the targets cwdash lists; each job assumes the hub role by OIDC and writes one JSON artifact', () => {
    expect(steps('targets').find((step) => step.run?.includes('npx cwdash targets'))?.run).toContain('--format json');
    const audit = workflow.jobs.audit;
    expect(audit.strategy.matrix.target).toBe('${{ fromJSON(needs.targets.outputs.matrix) }}');
    expect(audit.strategy['fail-fast']).toBe(false);
    const credentials = steps('audit').find((step) => step.uses?.startsWith('aws-actions/configure-aws-credentials@'));
    expect(credentials?.with).toMatchObject({ 'role-to-assume': '${{ vars.CWDASH_ORG_ROLE_ARN }}', 'aws-region': '${{ matrix.target.region }}' });
    expect(credentials?.with).not.toHaveProperty('aws-access-key-id');
    const report = steps('audit').find((step) => step.run?.includes('npx cwdash cost-report'))?.run ?? '';
    expect(report).toMatch(/--account --targets cwdash-targets\.yaml --only "\$\{\{ matrix\.target\.key \}\}"/);
    expect(report).toContain('--format json --out');
    expect(steps('audit').find((step) => step.uses?.startsWith('actions/upload-artifact@'))?.with?.name).toContain('matrix.target.name');
  });

  test('the merge job writes the step summary, SARIF and HTML, fails on the organisation budget and can comment on a PR', () => {
    const merge = steps('merge');
    const commands = merge.map((step) => step.run ?? '').join('\n');
    expect(commands).toContain('npx cwdash report merge reports --format markdown --out summary.md');
    expect(commands).toContain('>> "$GITHUB_STEP_SUMMARY"');
    expect(commands).toContain('--format html');
    expect(commands).toMatch(/report merge reports \$BUDGET --fail-on warning --sarif cwdash-org\.sarif/);
    expect(merge.find((step) => step.env?.BUDGET !== undefined)?.env?.BUDGET).toContain('vars.CWDASH_ORG_BUDGET_USD');
    expect(merge.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'))?.with).toMatchObject({ sarif_file: 'cwdash-org.sarif' });
    expect(commands).toContain('gh pr comment');
  });
});
