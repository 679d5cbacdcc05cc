import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { renderReportHtml } from '../../src/outputs/report-html.js';
import { histogramMetrics, NS, reportFor } from '../analysis/report/fixtures.js';
import { launchChromium } from '../support/chromium.js';
import { CHROMIUM, describeWithTool } from '../support/external-tools.js';

let browser: Browser;

const hostileName = '<script>document.title="pwned"</script><img src=x onerror=alert(1)>';

async function writeReport(): Promise<string> {
  const metrics = [
    ...histogramMetrics(['/tasks', '/users']),
    { identity: { namespace: NS, metricName: '<b>bold</b>', dimensions: { route: hostileName } } },
    { identity: { namespace: NS, metricName: hostileName, dimensions: {} } },
  ];
  const html = renderReportHtml(await reportFor({ metrics }));
  const file = join(mkdtempSync(join(tmpdir(), 'cwdash-html-')), 'report.html');
  writeFileSync(file, html);
  return file;
}

describeWithTool(CHROMIUM, 'HTML report in headless Chromium', () => {
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  test('scrape-derived strings render as text, nothing is fetched, and the charts are drawn', async () => {
    const file = await writeReport();
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(pathToFileURL(file).href);
    expect(await page.title()).toBe('cwdash cost report: us-east-1');

    // Each finding opens (a <details>, no script) onto the metrics it is about, with their dimension values.
    const finding = page.locator('tr', { hasText: '<b>bold</b> (prod/task-service)' }).locator('details');
    expect(await finding.locator('summary').innerText()).toBe('1 metric');
    expect(await finding.locator('table').isVisible()).toBe(false);
    await finding.locator('summary').click();
    expect(await finding.getAttribute('open')).toBe('');
    expect(await finding.locator('table').innerText()).toContain(`route=${hostileName}`);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('b', { hasText: 'bold' }).count()).toBe(0);
    const text = await page.locator('body').innerText();
    expect(text).toContain('<b>bold</b>');
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([pathToFileURL(file).href]);
    const charts = page.locator('svg[role=img]');
    expect(await charts.count()).toBe(3);
    expect(await charts.nth(2).getAttribute('aria-label')).toBe('Cost by label (dimension name)');
    expect(text).toContain(hostileName);
    expect(await page.locator('svg title', { hasText: hostileName }).count()).toBe(1);
    expect(text).toContain('Read by nothing');

    // Screenshot check: the unread (red) and read (blue) bars are really painted. The PNG is decoded by Chromium
    // itself in a blank page, whose canvas gives the pixels.
    const png = await page.screenshot({ fullPage: true });
    // The page code is a string: it runs in the browser, whose DOM types this Node project does not load.
    const counts = (await (await browser.newPage()).evaluate(`(async () => {
      const image = new Image();
      image.src = 'data:image/png;base64,${png.toString('base64')}';
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      const data = context.getImageData(0, 0, image.width, image.height).data;
      let red = 0;
      let blue = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i] === 0xd1 && data[i + 1] === 0x32 && data[i + 2] === 0x12) red++;
        if (data[i] === 0x09 && data[i + 1] === 0x72 && data[i + 2] === 0xd3) blue++;
      }
      return { red, blue, width: image.width, height: image.height };
    })()`)) as { red: number; blue: number; width: number; height: number };
    expect(counts.width).toBe(1200);
    expect(counts.height).toBeGreaterThan(900);
    expect(counts.red).toBeGreaterThan(5_000);
    expect(counts.blue).toBeGreaterThan(500);
    writeFileSync(join(tmpdir(), 'cwdash-report-screenshot.png'), png);
  }, 60_000);
});
