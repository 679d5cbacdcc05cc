/** Progress of account listings on stderr: plain lines at fixed steps in CI, one redrawn line on a terminal. */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress, formatCount } from '../../../src/sources/account/progress.js';
import type { Io } from '../../../src/shared/io.js';

function io(isTTY: boolean) {
  let stderr = '';
  const value: Io = {
    stdout: { write: () => undefined, isTTY },
    stderr: { write: (text) => void (stderr += text), isTTY },
    stdin: Readable.from([]),
    env: {},
    cwd: '/',
  };
  return { io: value, stderr: () => stderr };
}

describe('progress', () => {
  it('off a terminal: a line each time the count passes a step, then the summary; notes on their own line', () => {
    const out = io(false);
    const progress = createProgress(out.io, { lineEvery: 2 });
    const task = progress.start('ListMetrics', undefined, 'pages');
    task.advance(1, '500 metrics');
    task.advance(1, '1,000 metrics');
    progress.note('CloudWatch is throttling ListMetrics; retrying in 0.2s (attempt 2 of 8)');
    task.advance(3);
    task.done('5 pages, 2,500 metrics');
    expect(out.stderr()).toBe(
      [
        'ListMetrics: 2 pages (1,000 metrics)',
        'CloudWatch is throttling ListMetrics; retrying in 0.2s (attempt 2 of 8)',
        'ListMetrics: 5 pages',
        'ListMetrics: 5 pages, 2,500 metrics',
        '',
      ].join('\n'),
    );
  });

  it('on a terminal: a bar when the total is known, redrawn in place; a note keeps the bar below it', () => {
    const out = io(true);
    const progress = createProgress(out.io);
    const task = progress.start('GetDashboard', 4, 'dashboards');
    task.advance(4);
    progress.note('a retry');
    task.done('4 dashboards read');
    const text = out.stderr();
    expect(text).toContain('\r\u001b[KGetDashboard [------------------------] 0/4 dashboards');
    expect(text).toContain('\r\u001b[KGetDashboard [########################] 4/4 dashboards');
    expect(text).toContain('\r\u001b[Ka retry\n\r\u001b[KGetDashboard [########################] 4/4 dashboards');
    expect(text.endsWith('\r\u001b[KGetDashboard: 4 dashboards read\n')).toBe(true);
  });

  it('counts are written with thousands separators', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
  });
});
