/**
 * Issue 14 point 13: terminal and CI output is inert. Escape sequences from config keys, label values and names
 * never reach stderr or stdout raw, and no output line can start a GitHub Actions workflow command.
 */
import { describe, expect, it } from 'vitest';
import { inertStream } from '../../src/shared/io.js';
import { runCli } from '../support/run-cli.js';
import { collectorConfig, scratch } from './support.js';

const TITLE = '\u001b]0;pwned\u0007';
const CLEAR = '\u001b[2J';
/** Raw control characters other than line feed and tab. */
/** A control character that could act on a terminal: every one but tab, line feed and the CR of a CRLF line end. */
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/;
/** A line the Actions runner would run as a command (it trims leading blanks first). */
const WORKFLOW_COMMAND_LINE = /^[ \t]*::/m;

function captured(isTTY: boolean) {
  let text = '';
  return { stream: inertStream({ write: (chunk) => void (text += chunk), isTTY }), text: () => text };
}

describe('inertStream', () => {
  it('escapes control characters, keeps line feeds, tabs and the CR of a CRLF line end', () => {
    const out = captured(false);
    out.stream.write(`a${TITLE}b${CLEAR}\tc\rd\r\n`);
    expect(out.text()).toBe('a\\u001b]0;pwned\\u0007b\\u001b[2J\tc\\u000dd\r\n');
  });

  it('on a terminal keeps only cwdash\'s own colour and line-redraw sequences', () => {
    const out = captured(true);
    out.stream.write(`\u001b[33mwarning\u001b[0m: x${TITLE}${CLEAR}\r\u001b[Kprogress`);
    expect(out.text()).toBe('\u001b[33mwarning\u001b[0m: x\\u001b]0;pwned\\u0007\\u001b[2J\r\u001b[Kprogress');
  });

  it('neutralises :: at every line start, across writes', () => {
    const out = captured(false);
    out.stream.write('::error file=a::x\nok ::not-at-start\n  ::add-mask::secret\n');
    out.stream.write('::warning::y');
    out.stream.write(' still the same line ::z\n');
    expect(out.text()).not.toMatch(WORKFLOW_COMMAND_LINE);
    expect(out.text().replace(/\u200b/g, '')).toBe('::error file=a::x\nok ::not-at-start\n  ::add-mask::secret\n::warning::y still the same line ::z\n');
  });
});

describe('the CLI', () => {
  it('a config key with escape sequences is warned about escaped', async () => {
    const { write } = scratch('terminal');
    const config = write('otel.yaml', collectorConfig().replace('exporters:\n  awsemf:\n', `exporters:\n  awsemf:\n    "${TITLE}${CLEAR}": 1\n`));
    const result = await runCli(['metrics', '--config', config]);
    expect(result.stderr).toContain('unknown awsemf option "\\u001b]0;pwned\\u0007\\u001b[2J"');
    expect(result.stderr).not.toMatch(RAW_CONTROL);
  });

  it.each(['table', 'csv', 'json'])('%s output of hostile names and values has no raw control and no workflow command', async (format) => {
    const { write } = scratch('terminal');
    const config = write('otel.yaml', collectorConfig().replace('job_name: app', 'job_name: "::error file=x::pwned"'));
    const scrape = write('s.prom', `# TYPE m gauge\nm{v="${CLEAR}\\n::add-mask::x"} 1\n`);
    const result = await runCli(['metrics', '--config', config, '--scrape', scrape, '--format', format]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('pwned');
    expect(result.stdout).not.toMatch(RAW_CONTROL);
    expect(result.stdout).not.toMatch(WORKFLOW_COMMAND_LINE);
    expect(result.stderr).not.toMatch(WORKFLOW_COMMAND_LINE);
  });
});
