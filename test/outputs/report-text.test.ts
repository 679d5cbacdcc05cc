import { describe, expect, test } from 'vitest';
import { renderReportJson } from '../../src/outputs/report-json.js';
import { renderReportMarkdown } from '../../src/outputs/report-markdown.js';
import { renderReportTable } from '../../src/outputs/report-table.js';
import { histogramMetrics, NS, reportFor } from '../analysis/report/fixtures.js';

const hostile = ['/tasks', '<script>alert(1)</script>', 'a|b`c*d', '\u001b[31mred'];

describe('report renderers: table, markdown, json', () => {
  test('json is the report object with sorted keys, stable and versioned', async () => {
    const report = await reportFor();
    const json = renderReportJson(report);
    expect(json).toBe(renderReportJson(await reportFor()));
    const parsed = JSON.parse(json);
    expect(parsed.schemaVersion).toBe(3);
    expect(parsed.totals).toMatchObject({ customMetrics: 9, unusedMetrics: 8, unusedMonthlyUSD: '2.40', monthlyUSD: '5.70', pricedMonthlyUSD: '5.70', complete: true, unpriced: [] });
    expect(parsed.prices).toEqual([{ region: 'us-east-1', source: 'snapshot', date: '2026-11-24', file: expect.any(String) }]);
    expect(parsed.findings[0]).toEqual(
      expect.objectContaining({ rule: expect.any(String), severity: expect.any(String), message: expect.any(String), metrics: expect.any(Array), monthlyUSD: expect.any(String), savingUSD: expect.any(String) }),
    );
    expect(Object.keys(parsed)).toEqual([...Object.keys(parsed)].sort());
  });

  test('table shows totals, findings and assumptions, with control characters escaped', async () => {
    const metrics = [...histogramMetrics(hostile), { identity: { namespace: NS, metricName: '\u001b[31mred', dimensions: {} } }];
    const text = renderReportTable(await reportFor({ metrics }));
    expect(text).toMatch(/custom metrics +12 +\$3\.60\n {2}read by nothing +11 +\$3\.30\n/);
    expect(text).toMatch(/warning {3}unused-metric/);
    expect(text).toContain('\\u001b[31mred');
    expect(text).not.toContain('\u001b');
    expect(text).toContain('Assumptions\n- test\n');
  });

  test('markdown escapes scrape-derived names so they cannot inject HTML or break the table', async () => {
    const body = { widgets: [{ type: 'metric', properties: { metrics: [[NS, 'http_request_duration_seconds', 'route', '<script>alert(1)</script>|`x`']] } }] };
    const text = renderReportMarkdown(await reportFor({ metrics: histogramMetrics(hostile), body }));
    expect(text).toContain('## cwdash cost report: us-east-1');
    expect(text).toContain('**$6.30/month** predicted: 11 custom metrics ($3.30), 1 dashboards ($3.00), EMF logs ($0.00). **11 metrics are read by nothing: $3.30/month.** The generated fix saves $0.00/month.');
    expect(text).toContain('dashboard-missing-metric');
    expect(text).not.toContain('<script>');
    expect(text).toContain('&lt;script&gt;alert\\(1\\)&lt;/script&gt;\\|\\`x\\`');
    for (const line of text.split('\n').filter((row) => row.startsWith('| '))) {
      // Every table row has exactly its columns: no `|` from a label leaked through unescaped.
      const cells = line.replace(/\\\|/g, '').replace(/&#124;/g, '').split('|').length;
      expect([7, 9]).toContain(cells);
    }
  });
});
