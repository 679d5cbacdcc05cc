/** The call policy: defaults, then the environment's waits, then the caller's overrides. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CALL_POLICY, resolveCallPolicy } from '../../../src/sources/aws/options.js';
import { UsageError } from '../../../src/shared/errors.js';

describe('resolveCallPolicy', () => {
  it('defaults: 30 s per request, 120 s per call, 8 throttle and 3 transient attempts', () => {
    expect(resolveCallPolicy({})).toEqual(DEFAULT_CALL_POLICY);
    expect(DEFAULT_CALL_POLICY).toMatchObject({ requestTimeoutMs: 30_000, callDeadlineMs: 120_000, throttleAttempts: 8, transientAttempts: 3 });
  });

  it('CWDASH_AWS_REQUEST_TIMEOUT and CWDASH_AWS_CALL_DEADLINE are seconds; the caller\'s overrides win', () => {
    const policy = resolveCallPolicy({ CWDASH_AWS_REQUEST_TIMEOUT: '2.5', CWDASH_AWS_CALL_DEADLINE: '600', CWDASH_OTHER: 'x' }, { callDeadlineMs: 1_000 });
    expect(policy).toMatchObject({ requestTimeoutMs: 2_500, callDeadlineMs: 1_000 });
    expect(resolveCallPolicy({ CWDASH_AWS_REQUEST_TIMEOUT: '' }).requestTimeoutMs).toBe(30_000);
  });

  it.each(['0', '-1', 'soon', 'Infinity'])('%s is a usage error naming the variable', (value) => {
    expect(() => resolveCallPolicy({ CWDASH_AWS_REQUEST_TIMEOUT: value })).toThrow(UsageError);
    expect(() => resolveCallPolicy({ CWDASH_AWS_REQUEST_TIMEOUT: value })).toThrow(/^CWDASH_AWS_REQUEST_TIMEOUT must be a number of seconds/);
  });
});
