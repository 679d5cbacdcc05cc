import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';

const run = promisify(execFile);
const WORKFLOW = new URL('../../.github/workflows/cwdash-audit.yml', import.meta.url).pathname;
const VALIDATOR = new URL('../../node_modules/.bin/action-validator', import.meta.url).pathname;

describe('.github/workflows/cwdash-audit.yml', () => {
  test('passes the GitHub workflow schema (action-validator)', async () => {
    const { stdout, stderr } = await run(VALIDATOR, [WORKFLOW]);
    expect(`${stdout}${stderr}`).not.toMatch(/error/i);
  });

  test('the validator rejects a broken workflow, so the check above means something', async () => {
    const broken = join(mkdtempSync(join(tmpdir(), 'cwdash-workflow-')), 'broken.yml');
    writeFileSync(broken, readFileSync(WORKFLOW, 'utf8').replace('runs-on: ubuntu-latest', 'runs_on: ubuntu-latest'));
    await expect(run(VALIDATOR, [broken])).rejects.toMatchObject({ code: 1 });
  });

  test('weekly schedule and pull requests; OIDC credentials; SARIF upload', () => {
    const workflow = parse(readFileSync(WORKFLOW, 'utf8'));
    expect(workflow.on.schedule[0].cron).toMatch(/^\d+ \d+ \* \* \d$/);
    expect(workflow.on.pull_request.paths).toContain('dashboards/**');
    expect(workflow.permissions).toMatchObject({ 'id-token': 'write', 'security-events': 'write', contents: 'read' });
    const steps = workflow.jobs.audit.steps as { uses?: string; run?: string; with?: Record<string, string> }[];
    const credentials = steps.find((step) => step.uses?.startsWith('aws-actions/configure-aws-credentials@'));
    expect(credentials?.with).toMatchObject({ 'role-to-assume': '${{ vars.CWDASH_AUDIT_ROLE_ARN }}' });
    expect(credentials?.with).not.toHaveProperty('aws-access-key-id');
    expect(steps.find((step) => step.run?.includes('npx cwdash audit'))?.run).toContain('--sarif cwdash.sarif');
    expect(steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'))?.with).toMatchObject({ sarif_file: 'cwdash.sarif' });
  });
});
