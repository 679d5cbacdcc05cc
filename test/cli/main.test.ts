import { describe, expect, test } from 'vitest';
import { runCli } from '../support/run-cli.js';

describe('cwdash main', () => {
  test('--version prints the package version', async () => {
    const result = await runCli(['--version']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  test('no command is a usage error with exit 2 and no stack trace', async () => {
    const result = await runCli([]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('name a command');
    expect(result.stderr).not.toContain('    at ');
  });

  test('an unknown flag is a usage error', async () => {
    const result = await runCli(['--no-such-flag']);
    expect(result.exitCode).toBe(2);
  });
});
