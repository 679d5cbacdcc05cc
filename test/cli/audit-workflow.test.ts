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

  type Step = { uses?: string; run?: string; with?: Record<string, string>; env?: Record<string, string> };
  type Job = { if: string; permissions: Record<string, string>; steps: Step[] };
  const workflow = () => parse(readFileSync(WORKFLOW, 'utf8')) as { on: Record<string, any>; permissions: unknown; jobs: Record<string, Job> };

  test('weekly schedule and pull requests; SARIF upload from both jobs', () => {
    const { on, jobs } = workflow();
    expect(on.schedule[0].cron).toMatch(/^\d+ \d+ \* \* \d$/);
    expect(on.pull_request.paths).toContain('dashboards/**');
    for (const job of Object.values(jobs)) {
      expect(job.steps.find((step) => step.run?.includes('npx cwdash audit'))?.run).toContain('--sarif cwdash.sarif');
      expect(job.steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'))?.with).toMatchObject({ sarif_file: 'cwdash.sarif' });
    }
  });

  test('pull requests run offline with no cloud identity: no id-token, no secrets, no credentials, no kept token', () => {
    const { permissions, jobs } = workflow();
    expect(permissions).toEqual({});
    const offline = jobs.offline!;
    expect(offline.if).toContain("github.event_name == 'pull_request'");
    expect(offline.permissions).toEqual({ contents: 'read', 'security-events': 'write' });
    const text = JSON.stringify(offline);
    expect(text).not.toMatch(/secrets\.|id-token|configure-aws-credentials|--account|vars\./);
    expect(offline.steps.find((step) => step.uses?.startsWith('actions/checkout@'))?.with).toMatchObject({ 'persist-credentials': false });
  });

  test('only the scheduled / default-branch job may assume the role, through OIDC', () => {
    const { jobs } = workflow();
    const withIdentity = Object.entries(jobs).filter(([, job]) => job.permissions['id-token'] !== undefined).map(([name]) => name);
    expect(withIdentity).toEqual(['account']);
    const account = jobs.account!;
    expect(account.if).toBe("github.event_name != 'pull_request' && github.ref == format('refs/heads/{0}', github.event.repository.default_branch)");
    expect(account.permissions).toMatchObject({ 'id-token': 'write', contents: 'read' });
    const credentials = account.steps.find((step) => step.uses?.startsWith('aws-actions/configure-aws-credentials@'));
    expect(credentials?.with).toMatchObject({ 'role-to-assume': '${{ vars.CWDASH_AUDIT_ROLE_ARN }}' });
    expect(credentials?.with).not.toHaveProperty('aws-access-key-id');
    expect(account.steps.find((step) => step.run?.includes('npx cwdash audit'))?.run).toContain('--account');
  });
});
