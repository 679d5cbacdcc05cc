/** Long work shows progress on a terminal (stderr only), and nothing of it anywhere else. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import { runCli } from '../support/run-cli.js';
import { CONFIG, ENV, SCRAPE } from '../support/task-service-example.js';

async function runOnTerminal(argv: readonly string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (text: string) => void (stdout += text), isTTY: false },
    stderr: { write: (text: string) => void (stderr += text), isTTY: true },
    stdin: Readable.from([]),
    env: { ...ENV, NO_COLOR: '1' },
    cwd,
  };
  return { exitCode: await main(argv, io), stdout, stderr };
}

describe('progress of cost-report', () => {
  const args = (dir: string) => ['cost-report', '--config', CONFIG, '--scrape', SCRAPE, '--dashboards', join(dir, 'board.json'), '--region', 'us-east-1', '--format', 'json'];
  const workspace = () => {
    const dir = mkdtempSync(join(tmpdir(), 'cwdash-progress-'));
    writeFileSync(join(dir, 'board.json'), JSON.stringify({ widgets: [{ type: 'text', x: 0, y: 0, width: 6, height: 2, properties: { markdown: 'x' } }] }));
    return dir;
  };

  test('on a TTY: a line redrawn in place on stderr, naming the step; stdout is the report alone', async () => {
    const dir = workspace();
    const result = await runOnTerminal(args(dir), dir);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stderr).toContain('\r\u001b[Kcost report [');
    expect(result.stderr).toMatch(/predicting the metrics of \S*otel-config\.yaml/);
    expect(result.stderr).toContain('cost report: 1 collector predicted and fixed\n');
    expect(JSON.parse(result.stdout).totals.customMetrics).toBe(144);
  });

  test('not a TTY: no progress at all', async () => {
    const dir = workspace();
    const result = await runCli(args(dir), { cwd: dir, env: ENV });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
  });
});
