/**
 * The AWS Price List Query API behind a small interface: `getProducts(filters)` yields the `PriceList` strings of each
 * page. The real implementation is the AWS SDK (`@aws-sdk/client-pricing`) with its paginator and its standard retry
 * strategy (throttling backs off and is retried); `--profile` and `--endpoint-url` work as in the AWS CLI.
 */
import { AwsError, UsageError } from '../../shared/errors.js';

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

/** The Query API is served from these regions only; the region picks an endpoint, not which prices come back. */
export const PRICING_API_REGIONS = ['us-east-1', 'eu-central-1', 'ap-south-1'] as const;

export interface PricingClientOptions {
  readonly profile?: string | undefined;
  readonly endpointUrl?: string | undefined;
  /** @default 'us-east-1' */
  readonly apiRegion?: string | undefined;
  /** Attempts per call, the first included; throttled calls are retried with backoff. @default 5 */
  readonly maxAttempts?: number;
  /** The environment to read `AWS_ACCESS_KEY_ID`, `AWS_ENDPOINT_URL_PRICING`, ... from (the command's, not the process's). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

export const SERVICE_CODE = 'AmazonCloudWatch';

export async function createPricingClient(options: PricingClientOptions): Promise<PriceListClient> {
  const { PricingClient, paginateGetProducts } = await import('@aws-sdk/client-pricing');
  const apiRegion = options.apiRegion ?? 'us-east-1';
  const env = options.env;
  const endpoint =
    options.endpointUrl || env.AWS_ENDPOINT_URL_PRICING || env.AWS_ENDPOINT_URL || `https://api.pricing.${apiRegion}.amazonaws.com`;
  if (!/^https?:\/\/[^/]/.test(endpoint)) {
    throw new UsageError(`invalid endpoint URL "${endpoint}"`, { fix: 'give a full URL such as https://api.pricing.us-east-1.amazonaws.com' });
  }
  const profile = options.profile || env.AWS_PROFILE || undefined;
  // Keys in the command's environment are used as they are; otherwise the SDK's own chain (profile, SSO, IMDS, ...).
  const credentials =
    options.profile === undefined && env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
      ? { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, sessionToken: env.AWS_SESSION_TOKEN }
      : undefined;
  const client = new PricingClient({
    region: apiRegion,
    endpoint,
    maxAttempts: options.maxAttempts ?? 5,
    ...(profile === undefined || credentials !== undefined ? {} : { profile }),
    ...(credentials === undefined ? {} : { credentials }),
  });
  return {
    endpoint,
    async *getProducts(filters) {
      const input = {
        ServiceCode: SERVICE_CODE,
        FormatVersion: 'aws_v1',
        Filters: filters.map((filter) => ({ Type: 'TERM_MATCH' as const, Field: filter.field, Value: filter.value })),
      };
      try {
        for await (const page of paginateGetProducts({ client, pageSize: 100 }, input)) yield page.PriceList ?? [];
      } catch (error) {
        throw pricingApiError(error, endpoint, profile);
      }
    },
  };
}

/** Turns an SDK failure into a message the user can act on. */
export function pricingApiError(error: unknown, endpoint: string, profile: string | undefined): AwsError {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  const where = { location: { path: `Pricing API ${endpoint}` }, cause: error };
  if (name === 'CredentialsProviderError' || /credential/i.test(message)) {
    return new AwsError(`no AWS credentials for the Price List API: ${message}`, {
      ...where,
      fix: `configure credentials (aws configure${profile ? ` --profile ${profile}` : ''}, or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY); the embedded snapshot keeps working without them`,
    });
  }
  if (name === 'AccessDeniedException' || /not authorized|AccessDenied/i.test(message)) {
    return new AwsError(`access denied by the Price List API: ${message}`, { ...where, fix: 'grant pricing:GetProducts to these credentials' });
  }
  if (name === 'ThrottlingException') {
    return new AwsError(`the Price List API kept throttling: ${message}`, { ...where, fix: 'wait a minute and run the refresh again' });
  }
  return new AwsError(`Price List API call failed (${name}): ${message}`, {
    ...where,
    fix: 'check the network, --endpoint-url and --api-region (us-east-1, eu-central-1 or ap-south-1), then run the refresh again',
  });
}
