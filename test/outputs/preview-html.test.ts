/**
 * The preview pages in headless Chromium: every widget box sits where the body places it on the 24-column grid, the
 * example dashboards render (screenshot), and hostile strings in a body render as text without running or fetching.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DashboardBody } from '../../src/model/body/schema.js';
import { PREVIEW_ROW_HEIGHT, renderPreviewHtml } from '../../src/outputs/preview-html.js';
import { layoutWidgets } from '../../src/outputs/preview/layout.js';
import { loadDashboardDefinitions } from '../../src/sources/definitions/load.js';
import { launchChromium } from '../support/chromium.js';
import { CHROMIUM, describeWithTool } from '../support/external-tools.js';

let browser: Browser;

interface Opened {
  readonly page: Page;
  readonly requests: string[];
  readonly dialogs: string[];
}

async function open(name: string, body: DashboardBody, source = 'dashboards/test.ts'): Promise<Opened> {
  const file = join(mkdtempSync(join(tmpdir(), 'cwdash-preview-')), `${name}.html`);
  writeFileSync(file, renderPreviewHtml({ name, body, source }));
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(pathToFileURL(file).href);
  return { page, requests, dialogs };
}

/** Every widget box against the grid position the body gives it (CloudWatch's placement for those without). */
async function expectBoxesOnGrid(page: Page, body: DashboardBody): Promise<void> {
  const grid = (await page.locator('main.grid').boundingBox())!;
  const column = grid.width / 24;
  const layout = layoutWidgets(body.widgets);
  const sections = page.locator('section.widget');
  expect(await sections.count()).toBe(body.widgets.length);
  for (const placed of layout.widgets) {
    const box = (await sections.nth(placed.index).boundingBox())!;
    expect(box.x).toBeCloseTo(grid.x + placed.x * column, 0);
    expect(box.y).toBeCloseTo(grid.y + placed.y * PREVIEW_ROW_HEIGHT, 0);
    expect(box.width).toBeCloseTo(placed.width * column, 0);
    expect(box.height).toBeCloseTo(placed.height * PREVIEW_ROW_HEIGHT, 0);
  }
}

describeWithTool(CHROMIUM, 'preview pages in headless Chromium', () => {
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('draw the example dashboards with each widget where the body places it', async () => {
    const dashboards = await loadDashboardDefinitions(new URL('../../dashboards', import.meta.url).pathname);
    expect(dashboards).toHaveLength(2);
    for (const dashboard of dashboards) {
      const { page, requests, dialogs } = await open(dashboard.name, dashboard.body, relative(new URL('../..', import.meta.url).pathname, dashboard.sourceFile));
      await expectBoxesOnGrid(page, dashboard.body);
      const png = await page.screenshot({ fullPage: true });
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      // The README's screenshots: `UPDATE_SCREENSHOTS=1 npx vitest run test/outputs/preview-html.test.ts`.
      if (process.env.UPDATE_SCREENSHOTS === '1') writeFileSync(new URL(`../../docs/preview-${dashboard.name}.png`, import.meta.url), png);
      expect(png.length).toBeGreaterThan(20_000);
      expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
      expect(dialogs).toEqual([]);
      await page.close();
    }
  });

  it('shows titles, metrics with their dimensions, expressions, Markdown and variables', async () => {
    const dashboards = await loadDashboardDefinitions(new URL('../../dashboards', import.meta.url).pathname);
    const cluster = dashboards.find((dashboard) => dashboard.name === 'mz-k8s-container-insights')!;
    const { page } = await open(cluster.name, cluster.body);
    expect(await page.locator('.markdown h1').first().innerText()).toBe('mz-k8s: Kubernetes cluster');
    expect(await page.locator('[data-variable="namespace"] .control').innerText()).toBe('prod');
    expect(await page.locator('[data-variable="workload"] .variable-label').innerText()).toBe('Workload (PodName)');
    const restarts = page.locator('section.widget', { hasText: 'Workload: container restarts' });
    expect(await restarts.locator('h2').innerText()).toBe('Workload: container restarts');
    expect(await restarts.locator('.dim').allInnerTexts()).toEqual(['ClusterName=mz-k8s', 'Namespace=prod (variable namespace)', 'PodName=task-service (variable workload)']);
    const log = page.locator('section.widget[data-type="log"] pre');
    expect(await log.innerText()).toContain("SOURCE '/aws/containerinsights/mz-k8s/performance'");
    const perNode = page.locator('section.widget', { hasText: 'CPU by node (%)' }).locator('.row-expression code');
    expect(await perNode.innerText()).toContain('SEARCH(');
    await page.close();
  });

  it('shows a chart widget\'s PromQL queries with the metric names they read', async () => {
    const golden = JSON.parse(readFileSync(new URL('../golden/dashboards/promql-charts.json', import.meta.url), 'utf8')) as DashboardBody;
    const { page } = await open('promql-charts', golden);
    await expectBoxesOnGrid(page, golden);
    const routes = page.locator('section.widget[data-type="chart"]', { hasText: 'Requests/s by route' });
    expect(await routes.locator('.summary').innerText()).toBe('line · stacked · PromQL · us-east-1');
    expect(await routes.locator('.row-promql code').first().innerText()).toBe(
      'sum by (http_route) (rate(http_requests_total{"@resource.service.name"="tasks-api", status_code!~"5.."}[5m]))',
    );
    expect(await routes.locator('.row-promql .detail').allInnerTexts()).toEqual(['id ok · label "ok" · 60 s', 'id err · label "__verbose__"']);
    expect(await routes.locator('.annotation').innerText()).toBe('horizontal 400 "capacity"');
    const heap = page.locator('section.widget', { hasText: 'Heap by pod' });
    expect(await heap.locator('.dim').allInnerTexts()).toEqual(['reads nodejs_heap_size_used_bytes', 'reads kube_pod_container_resource_limits']);
    await page.close();
  });

  it('renders hostile strings as text: nothing runs, nothing is fetched, no CSS is injected', async () => {
    const hostile = '<script>document.title="pwned"</script><img src="https://example.com/x.png" onerror="alert(1)">';
    const body: DashboardBody = {
      widgets: [
        { type: 'text', x: 0, y: 0, width: 12, height: 4, properties: { markdown: `# Title ${hostile}\n\n![x](https://example.com/y.png) [link](javascript:alert(2))` } },
        {
          type: 'metric',
          x: 12,
          y: 0,
          width: 12,
          height: 4,
          properties: {
            title: hostile,
            region: 'ap-northeast-1',
            metrics: [['ns', 'm', 'route', hostile, { color: 'red;background-image:url(https://example.com/z.png)', label: hostile }]],
          },
        },
        { type: 'log', x: 0, y: 4, width: 24, height: 3, properties: { region: 'r', query: `SOURCE 'g' | filter @message like /${hostile}/` } },
      ],
      variables: [{ type: 'pattern', pattern: hostile, inputType: 'input', id: 'v', label: 'x<b>y</b>' }],
    };
    const { page, requests, dialogs } = await open('hostile', body);
    await page.screenshot();
    expect(await page.title()).toBe('hostile · cwdash preview');
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('b', { hasText: 'y' }).count()).toBe(0);
    expect(await page.locator('a[href^="javascript"]').count()).toBe(0);
    expect(await page.locator('section.widget[data-type="metric"] h2').innerText()).toBe(hostile);
    expect(await page.locator('.markdown h1').innerText()).toBe(`Title ${hostile}`);
    // Images are not loaded: the Markdown image becomes a plain link to it.
    expect(await page.locator('.markdown a[href="https://example.com/y.png"]').innerText()).toBe('x');
    expect(await page.locator('.swatch').getAttribute('style')).toBe('background: #1f77b4');
    expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('places widgets without a position where CloudWatch would, and flags overlaps and the right edge', async () => {
    const text = (markdown: string, box: Partial<{ x: number; y: number; width: number; height: number }>) => ({ type: 'text' as const, ...box, properties: { markdown } });
    const body: DashboardBody = {
      widgets: [
        text('pinned', { x: 0, y: 0, width: 12, height: 2 }),
        text('auto one', { width: 12, height: 2 }),
        text('auto two', {}),
        text('overlapping', { x: 6, y: 1, width: 6, height: 2 }),
        text('too wide', { x: 20, y: 10, width: 8, height: 1 }),
      ],
    };
    const { page } = await open('layout', body);
    await expectBoxesOnGrid(page, body);
    expect(await page.locator('section.widget[data-index="1"]').getAttribute('data-x')).toBe('12');
    // 6×6 by default; rows 0-1 are full, and at row 2 the first six columns are free.
    expect(await page.locator('section.widget[data-index="2"]').getAttribute('data-x')).toBe('0');
    expect(await page.locator('section.widget[data-index="2"]').getAttribute('data-y')).toBe('2');
    expect(await page.locator('section.widget[data-index="2"] .summary').innerText()).toBe('placed by CloudWatch');
    expect(await page.locator('section.widget[data-index="3"] .note').allInnerTexts()).toEqual(['⚠ overlaps widget 1']);
    expect(await page.locator('section.widget[data-index="4"] .note').allInnerTexts()).toEqual(['⚠ extends past the right edge (x 20 + width 8 > 24)']);
    await page.close();
  });

  it('is byte-identical for the same body', async () => {
    const dashboards = await loadDashboardDefinitions(new URL('../../dashboards', import.meta.url).pathname);
    for (const dashboard of dashboards) {
      expect(renderPreviewHtml({ name: dashboard.name, body: dashboard.body })).toBe(renderPreviewHtml({ name: dashboard.name, body: structuredClone(dashboard.body) }));
    }
  });
});
