import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { costReportJsonSchema, costReportSchema } from '../../../src/analysis/report/cost-report-schema.js';
import { renderReportJson } from '../../../src/outputs/report-json.js';
import { stableStringify } from '../../../src/shared/json.js';
import { reportFor } from './fixtures.js';

const PUBLISHED = new URL('../../../schema/cost-report.schema.json', import.meta.url);

describe('the cost report JSON contract', () => {
  test('the JSON output parses with the strict schema (no unknown, missing or misspelt field)', async () => {
    const json = JSON.parse(renderReportJson(await reportFor({ budgetUSD: 1 })));
    expect(costReportSchema.safeParse(json).error?.issues).toBeUndefined();
    expect(costReportSchema.safeParse({ ...json, totals: { ...json.totals, unusedMonthlyUsd: 1 } }).success).toBe(false);
  });

  test('schema/cost-report.schema.json is the schema, as generated (UPDATE_GOLDEN=1 rewrites it)', () => {
    const generated = stableStringify(costReportJsonSchema());
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(PUBLISHED, generated);
    expect(readFileSync(PUBLISHED, 'utf8')).toBe(generated);
  });
});
