/**
 * Golden definitions: each `<case>.ts` here builds to `<case>.json` byte for byte, and importing the JSON gives a
 * definition that builds back to it. `npm run golden:update` rewrites the JSON.
 */
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDashboardDefinition } from '../../../src/sources/definitions/load.js';
import { renderDashboardBody } from '../../../src/model/body/serialize.js';
import { importDashboard } from '../../../src/outputs/typescript-definition.js';
import { dashboardBodySchema } from '../../../src/model/body/schema.js';

const dir = import.meta.dirname;
const cases = readdirSync(dir).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts')).map((name) => name.slice(0, -3));

describe.each(cases)('golden %s', (name) => {
  test('builds to the golden JSON, with no validation message', async () => {
    const [dashboard] = await loadDashboardDefinition(join(dir, `${name}.ts`));
    const text = renderDashboardBody(dashboard!.body);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(join(dir, `${name}.json`), text);
    expect(dashboard!.messages).toEqual([]);
    expect(text).toBe(readFileSync(join(dir, `${name}.json`), 'utf8'));
  });

  test('imports back to a definition that builds the same JSON, without raw fallbacks', () => {
    const golden = dashboardBodySchema.parse(JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')));
    const imported = importDashboard(golden, name);
    expect(renderDashboardBody(imported.dashboard.toBody())).toBe(renderDashboardBody(golden));
    expect(imported.rawWidgets).toEqual([]);
    expect(imported.source).not.toContain('RawWidget');
  });
});
