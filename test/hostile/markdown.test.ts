/**
 * Issue 14 point 12: the Markdown report is inert. Label values, job names and file names carrying Markdown links,
 * images, raw HTML, autolinks, mentions and table breaks are rendered with markdown-it (CommonMark, with raw HTML
 * and GFM-style linkify on, the most permissive reading) and nothing active may come out of the data.
 */
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { inertCode, inertMarkdown } from '../../src/outputs/markdown-text.js';
import { runCli } from '../support/run-cli.js';
import { collectorConfig, scratch } from './support.js';

const HOSTILE = '[x](https://evil.example/a) ![i](https://evil.example/b.png) <img src=x onerror=alert(1)> <https://evil.example/auto> @channel https://evil.example/c www.evil.example a@b.example **bold** | cell &amp; `tick`';
const renderer = new MarkdownIt({ html: true, linkify: true });
const textOf = (html: string) => html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

function assertInert(markdown: string): void {
  const html = renderer.render(markdown);
  expect(html).not.toMatch(/<a\b|<img\b|<strong>bold|<em>/);
  // A mention needs `@` right before the name; the zero-width space after `@` keeps GitHub and Slack from notifying.
  expect(textOf(html)).not.toMatch(/@(channel|b\.example)/);
}

describe('inert Markdown text', () => {
  it.each([['paragraph', inertMarkdown(HOSTILE)], ['inline code', inertCode(HOSTILE)], ['table cell', `| a | b |\n|---|---|\n| ${inertMarkdown(HOSTILE)} | ${inertCode(HOSTILE)} |`]])(
    'in a %s, renders as its own characters and nothing active',
    (kind, markdown) => {
      assertInert(markdown);
      const text = textOf(renderer.render(markdown)).replace(/\u200b/g, '').trim();
      if (kind === 'table cell') {
        // Still one row of two cells: `|` in the data did not split it.
        expect(renderer.render(markdown).match(/<td>/g)).toHaveLength(2);
      } else {
        expect(text).toBe(HOSTILE);
      }
    },
  );
});

describe('the cost report in Markdown', () => {
  it('carries no link, image, HTML or mention that came from the data', async () => {
    const { dir, write } = scratch('markdown');
    const config = write(
      'otel.yaml',
      collectorConfig().replace('job_name: app', `job_name: ${JSON.stringify(`app ${HOSTILE}`)}`),
    );
    const scrape = write('s.prom', `# TYPE app_hits counter\napp_hits_total{user_id=${JSON.stringify(HOSTILE)}} 1\n`);
    const result = await runCli(['cost-report', '--config', config, '--scrape', scrape, '--format', 'markdown', '--no-usage', '--region', 'us-east-1'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('evil');
    assertInert(result.stdout);
    // The report's tables are still tables: in each, every row has as many cells as the header (no `|` split one).
    const html = renderer.render(result.stdout);
    const tables = html.match(/<table>[\s\S]*?<\/table>/g)!;
    expect(tables.length).toBeGreaterThanOrEqual(2);
    for (const table of tables) {
      const cells = table.match(/<tr>[\s\S]*?<\/tr>/g)!.map((row) => row.match(/<t[dh]\b/g)!.length);
      expect(new Set(cells).size, table).toBe(1);
    }
  });
});
