import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../../src/shared/errors.js';
import { itemPrice, validatePriceListItem } from '../../../src/sources/price-list/price-list-item.js';

const sample = JSON.parse(readFileSync(new URL('../../fixtures/price-list/pricing-sample.json', import.meta.url), 'utf8')) as {
  PriceList: string[];
};
const where = { path: 'GetProducts page 1 item 1' };

describe('a GetProducts PriceList item', () => {
  test('the Tokyo custom-metric sample parses into four graduated tiers ordered by beginRange', () => {
    const item = validatePriceListItem(JSON.parse(sample.PriceList[0]!), where);
    expect(item.product.attributes).toMatchObject({ usagetype: 'APN1-CW:MetricMonitorUsage', regionCode: 'ap-northeast-1' });
    expect(itemPrice(item, where)).toEqual({
      usagetype: 'APN1-CW:MetricMonitorUsage',
      unit: 'Metrics',
      effectiveDate: '2025-06-01T00:00:00Z',
      tiers: [
        { begin: '0', end: '10000', usdPerUnit: '0.3000000000', description: expect.stringContaining('first 10,000') },
        { begin: '10000', end: '250000', usdPerUnit: '0.1000000000', description: expect.any(String) },
        { begin: '250000', end: '1000000', usdPerUnit: '0.0500000000', description: expect.any(String) },
        { begin: '1000000', end: null, usdPerUnit: '0.0200000000', description: expect.any(String) },
      ],
    });
  });

  test('parsing trims the item to the fields cwdash reads', () => {
    const item = validatePriceListItem(JSON.parse(sample.PriceList[0]!), where);
    const dimension = Object.values(Object.values(item.terms.OnDemand)[0]!.priceDimensions)[0]!;
    expect(Object.keys(dimension).sort()).toEqual(['beginRange', 'description', 'endRange', 'pricePerUnit', 'rateCode', 'unit']);
    expect(item.product.attributes).not.toHaveProperty('servicename');
  });

  function broken(mutate: (item: any) => void): string {
    const item = JSON.parse(sample.PriceList[0]!);
    mutate(item);
    return JSON.stringify(item);
  }

  test.each([
    ['a price that is not a number', broken((item) => (Object.values<any>(Object.values<any>(item.terms.OnDemand)[0].priceDimensions)[0].pricePerUnit.USD = 'free')), /decimal/],
    ['no usagetype', broken((item) => delete item.product.attributes.usagetype), /usagetype/],
    ['no OnDemand term', broken((item) => (item.terms.OnDemand = {})), /exactly one OnDemand term/],
  ])('an item with %s is an error that says where', (_case, text, message) => {
    let caught: unknown;
    try {
      itemPrice(validatePriceListItem(JSON.parse(text), where), where);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    const described = (caught as InputError).describe();
    expect(described).toMatch(message);
    expect(described).toContain('GetProducts page 1 item 1');
  });

  test('tiers with a gap are rejected rather than priced', () => {
    const text = broken((item) => {
      const dimensions = Object.values<any>(item.terms.OnDemand)[0].priceDimensions;
      delete dimensions[Object.keys(dimensions).find((key) => dimensions[key].beginRange === '10000')!];
    });
    expect(() => itemPrice(validatePriceListItem(JSON.parse(text), where), where)).toThrow(/do not join up at 250000/);
  });
});
