/**
 * The AWS Price List Query API behind a small interface: `getProducts(filters)` yields the `PriceList` strings of each
 * page. The real implementation is the AWS SDK (`@aws-sdk/client-pricing`) with its paginator, built by the same
 * factory as the CloudWatch client (one retry strategy, timeouts, deadline and error wording); `--profile` and
 * `--endpoint-url` work as in the AWS CLI.
 */
import { createAwsClient, type AwsClientOptions } from '../aws/client-factory.js';
import { toAwsError } from '../aws/errors.js';
import { PRICE_LIST } from '../aws/services.js';

/** One exact-match (`TERM_MATCH`) filter on a product attribute, e.g. `{ field: 'regionCode', value: 'us-east-1' }`. */
export interface ProductFilter {
  readonly field: string;
  readonly value: string;
}

export interface PriceListClient {
  /** What the prices are read from, recorded in the cache (`https://api.pricing.us-east-1.amazonaws.com`). */
  readonly endpoint: string;
  /** Every page of `GetProducts(ServiceCode=AmazonCloudWatch, filters)`, as its raw `PriceList` strings. */
  getProducts(filters: readonly ProductFilter[]): AsyncIterable<readonly string[]>;
}

export interface PricingClientOptions extends Omit<AwsClientOptions, 'region'> {
  /** Which Query API endpoint to call (one of PRICING_API_REGIONS). @default 'us-east-1' */
  readonly apiRegion?: string | undefined;
  /** The environment to read `AWS_ACCESS_KEY_ID`, `AWS_ENDPOINT_URL_PRICING`, ... from (the command's, not the process's). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

export const SERVICE_CODE = 'AmazonCloudWatch';

export async function createPricingClient(options: PricingClientOptions): Promise<PriceListClient> {
  const { PricingClient, paginateGetProducts } = await import('@aws-sdk/client-pricing');
  const built = createAwsClient(PricingClient, PRICE_LIST, { ...options, region: options.apiRegion ?? 'us-east-1' }, options.env);
  const client = built.client;
  return {
    endpoint: built.endpoint!,
    async *getProducts(filters) {
      const input = {
        ServiceCode: SERVICE_CODE,
        FormatVersion: 'aws_v1',
        Filters: filters.map((filter) => ({ Type: 'TERM_MATCH' as const, Field: filter.field, Value: filter.value })),
      };
      try {
        for await (const page of paginateGetProducts({ client, pageSize: 100 }, input)) yield page.PriceList ?? [];
      } catch (error) {
        throw toAwsError(error, 'GetProducts', PRICE_LIST);
      }
    },
  };
}
