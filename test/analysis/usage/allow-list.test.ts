import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { allowListEntryFor, loadAllowList } from '../../../src/analysis/usage/allow-list.js';

const dir = mkdtempSync(join(tmpdir(), 'cwdash-allow-'));
const write = (name: string, content: string) => {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
};

const heap = { namespace: 'prod/task-service', metricName: 'nodejs_heap_size_used_bytes', dimensions: {} };
const route = { namespace: 'prod/task-service', metricName: 'http_requests_total', dimensions: { route: '/tasks' } };

describe('allow-list', () => {
  test('active entries keep metrics from the rules they name; expired ones are reported, not applied', async () => {
    const file = write(
      'keep.yaml',
      [
        'version: 1',
        'keep:',
        '  - namespace: prod/task-service',
        '    metricName: nodejs_heap_size_used_bytes',
        '    reason: capacity planning reads it through GetMetricData',
        '  - namespace: prod/task-service',
        '    metricName: http_requests_total',
        '    dimensions: { route: "*" }',
        '    rules: [unused-metric]',
        '    reason: SLO job',
        '    expires: 2027-01-31',
        '  - namespace: prod/task-service',
        '    reason: migration',
        '    expires: 2026-01-01',
      ].join('\n'),
    );
    const list = await loadAllowList(file, '2026-11-24');
    expect(list.active).toHaveLength(2);
    expect(list.expired).toMatchObject([{ reason: 'migration', expires: '2026-01-01', line: 12 }]);
    expect(allowListEntryFor(list, heap, 'high-cardinality-dimension')?.reason).toMatch(/capacity/);
    expect(allowListEntryFor(list, route, 'unused-metric')?.reason).toBe('SLO job');
    expect(allowListEntryFor(list, route, 'high-cardinality-dimension')).toBeUndefined();
    expect(allowListEntryFor(list, { ...route, dimensions: {} }, 'unused-metric')).toBeUndefined();
    const later = await loadAllowList(file, '2027-02-01');
    expect(allowListEntryFor(later, route, 'unused-metric')).toBeUndefined();
  });

  test('an entry without a reason names the line and the field', async () => {
    const file = write('bad.yaml', 'version: 1\nkeep:\n  - namespace: ns\n    reason: ""\n');
    await expect(loadAllowList(file, '2026-11-24')).rejects.toMatchObject({
      message: 'invalid allow-list: every entry needs a reason',
      location: { file, line: 4, path: 'keep.0.reason' },
    });
    const broken = write('broken.yaml', 'version: 1\nkeep: [\n');
    await expect(loadAllowList(broken, '2026-11-24')).rejects.toMatchObject({ location: { file: broken, line: expect.any(Number) } });
    const typo = write('typo.yaml', 'version: 1\nkeep:\n  - namespace: ns\n    reason: r\n    metric: x\n');
    await expect(loadAllowList(typo, '2026-11-24')).rejects.toThrow(/metric/);
  });
});
