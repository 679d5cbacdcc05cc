/**
 * One element of a GetProducts `PriceList`: a JSON document in a string
 * (https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_pricing_GetProducts.html).
 *
 * The zod schema models only the fields cwdash reads; zod drops every other key, so parsing an item is also how it is
 * trimmed before it is cached or embedded in the snapshot. Tiers are read from every OnDemand price dimension and
 * ordered by numeric `beginRange`, because the map's key order means nothing.
 */
import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { InputError, type SourceLocation } from '../../shared/errors.js';

const decimalString = z.string().regex(/^\d+(\.\d+)?$/, 'expected a non-negative decimal number in a string');

const priceDimensionSchema = z.object({
  unit: z.string().min(1),
  beginRange: decimalString,
  endRange: z.union([decimalString, z.literal('Inf')]),
  description: z.string().optional(),
  rateCode: z.string().optional(),
  pricePerUnit: z.object({ USD: decimalString }),
});

const onDemandTermSchema = z.object({
  sku: z.string().optional(),
  offerTermCode: z.string().optional(),
  effectiveDate: z.string().optional(),
  priceDimensions: z.record(z.string(), priceDimensionSchema).refine((dimensions) => Object.keys(dimensions).length > 0, {
    message: 'a term without price dimensions',
  }),
});

export const priceListItemSchema = z.object({
  product: z.object({
    productFamily: z.string().optional(),
    sku: z.string().optional(),
    attributes: z
      .object({
        usagetype: z.string().min(1),
        regionCode: z.string().optional(),
        location: z.string().optional(),
        group: z.string().optional(),
        alarmType: z.string().optional(),
        operation: z.string().optional(),
      }),
  }),
  serviceCode: z.string().optional(),
  terms: z.object({
    OnDemand: z.record(z.string(), onDemandTermSchema).refine((terms) => Object.keys(terms).length === 1, {
      message: 'expected exactly one OnDemand term',
    }),
  }),
  version: z.string().optional(),
  publicationDate: z.string().optional(),
});

export type PriceListItem = z.infer<typeof priceListItemSchema>;

/** One graduated tier: `usdPerUnit` applies to the quantity between `begin` and `end` (null: no upper bound). */
export interface PriceTier {
  readonly begin: string;
  readonly end: string | null;
  readonly usdPerUnit: string;
  readonly description?: string | undefined;
}

export interface ItemPrice {
  readonly usagetype: string;
  readonly unit: string;
  readonly tiers: readonly PriceTier[];
  /** The OnDemand term's `effectiveDate`, when the item has one. */
  readonly effectiveDate: string | undefined;
}

/** Validates an already-parsed item; `where` locates it in messages (a file, or "GetProducts page 2, item 7"). */
export function validatePriceListItem(value: unknown, where: SourceLocation): PriceListItem {
  const parsed = priceListItemSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = [where.path ?? '', ...issue.path.map(String)].filter((part) => part !== '').join('/');
    throw new InputError(`malformed Price List item: ${issue.message}`, {
      location: { ...where, path },
      fix: 'this is not a GetProducts item in the aws_v1 format; re-run `cwdash pricing refresh`',
    });
  }
  return parsed.data;
}

/** The item's price: its unit and its tiers in order. Fails on mixed units or gaps between tiers. */
export function itemPrice(item: PriceListItem, where: SourceLocation): ItemPrice {
  const term = Object.values(item.terms.OnDemand)[0]!;
  const dimensions = Object.values(term.priceDimensions).sort((a, b) => new Decimal(a.beginRange).comparedTo(b.beginRange));
  const units = new Set(dimensions.map((dimension) => dimension.unit));
  const usagetype = item.product.attributes.usagetype;
  if (units.size !== 1) {
    throw new InputError(`price dimensions of ${usagetype} mix units (${[...units].sort().join(', ')})`, {
      location: where,
      fix: 'narrow the product filter so each product has one unit',
    });
  }
  let expectedBegin = new Decimal(0);
  const tiers = dimensions.map((dimension, index): PriceTier => {
    const isLast = index === dimensions.length - 1;
    if (!expectedBegin.equals(dimension.beginRange) || (dimension.endRange === 'Inf') !== isLast) {
      throw new InputError(`price tiers of ${usagetype} do not join up at ${dimension.beginRange}`, {
        location: where,
        fix: 'tiers must run from 0 to "Inf" without gaps; re-run `cwdash pricing refresh`',
      });
    }
    if (dimension.endRange !== 'Inf') expectedBegin = new Decimal(dimension.endRange);
    return {
      begin: dimension.beginRange,
      end: dimension.endRange === 'Inf' ? null : dimension.endRange,
      usdPerUnit: dimension.pricePerUnit.USD,
      description: dimension.description,
    };
  });
  return { usagetype, unit: dimensions[0]!.unit, tiers, effectiveDate: term.effectiveDate };
}
