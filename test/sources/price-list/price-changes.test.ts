import { describe, expect, test } from 'vitest';
import { comparePriceTables } from '../../../src/sources/price-list/price-changes.js';
import { loadPriceTable, resolvePrices, type PriceTable } from '../../../src/sources/price-list/prices.js';

const tokyo = await loadPriceTable({ region: 'ap-northeast-1', env: { CWDASH_CACHE_DIR: '/nonexistent/cwdash-test-cache' } });

function withLogIngestion(table: PriceTable, usdPerUnit: string | undefined): PriceTable {
  const current = table.prices.logIngestion;
  if (current.status !== 'known') throw new Error('Tokyo ingestion should be known');
  const logIngestion =
    usdPerUnit === undefined ? resolvePrices(table.region, []).logIngestion : { ...current, tiers: [{ begin: '0', end: null, usdPerUnit }] };
  return { ...table, prices: { ...table.prices, logIngestion } };
}

describe('comparePriceTables', () => {
  test('equal decimals written differently are no change', () => {
    expect(comparePriceTables(tokyo, withLogIngestion(tokyo, '0.76'))).toEqual([]);
  });

  test('a new rate, a price that appears and one that disappears are changes', () => {
    expect(comparePriceTables(tokyo, withLogIngestion(tokyo, '0.80'))).toEqual([
      { region: 'ap-northeast-1', feature: 'logIngestion', before: [{ begin: '0', end: null, usdPerUnit: '0.7600000000' }], after: [{ begin: '0', end: null, usdPerUnit: '0.80' }] },
    ]);
    expect(comparePriceTables(withLogIngestion(tokyo, undefined), tokyo)[0]).toMatchObject({ feature: 'logIngestion', before: null });
    expect(comparePriceTables(tokyo, withLogIngestion(tokyo, undefined))[0]).toMatchObject({ feature: 'logIngestion', after: null });
  });
});
