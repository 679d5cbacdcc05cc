/**
 * A Price List Query API on 127.0.0.1 that speaks the wire protocol the real SDK uses: AWS JSON 1.1 over POST /, the
 * operation in `X-Amz-Target: AWSPriceListService.<Op>`, PascalCase members. GetProducts applies TERM_MATCH filters
 * to the products it holds, pages them with an opaque NextToken, and returns each product as a JSON string in
 * `PriceList`, as the service does. Errors are sent the way the SDK decodes them (status 400, `x-amzn-ErrorType`
 * header and `__type` in the body), and faults can be injected: throttling, 500s or no answer at all for the next N
 * calls (queued in order), a raw element (for malformed items) appended to a region's products.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const TARGET_PREFIX = 'AWSPriceListService.';

export interface FakeProduct {
  readonly product: { readonly attributes: Readonly<Record<string, string>>; readonly [key: string]: unknown };
  readonly [key: string]: unknown;
}

export interface RecordedPricingCall {
  readonly operation: string;
  readonly input: Record<string, unknown>;
  /** The access key id the request was signed with (from the SigV4 Authorization header). */
  readonly accessKeyId: string | undefined;
  readonly contentType: string | undefined;
}

export interface FakePricingServerOptions {
  readonly products: readonly (FakeProduct | string)[];
  /** Products per page unless the request asks for fewer. @default 100 */
  readonly pageSize?: number;
}

export type PricingFault = 'throttle' | 'internal-error' | 'no-answer';

export class FakePricingServer {
  readonly calls: RecordedPricingCall[] = [];
  /** The faults of the next calls, one entry per call. */
  private readonly faults: PricingFault[] = [];
  private readonly server: Server;
  private products: (FakeProduct | string)[];
  private readonly pageSize: number;

  private constructor(options: FakePricingServerOptions) {
    this.products = [...options.products];
    this.pageSize = options.pageSize ?? 100;
    this.server = createServer((request, response) => void this.handle(request, response));
  }

  static async start(options: FakePricingServerOptions): Promise<FakePricingServer> {
    const fake = new FakePricingServer(options);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get endpoint(): string {
    const address = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  /** The next `times` calls fail with ThrottlingException. */
  throttle(times: number): void {
    this.inject('throttle', times);
  }

  /** After the faults already queued, the next `times` calls get `fault`. */
  inject(fault: PricingFault, times: number): void {
    for (let index = 0; index < times; index++) this.faults.push(fault);
  }

  /** Replaces the catalogue; a string is served as a PriceList element as it is (malformed items). */
  setProducts(products: readonly (FakeProduct | string)[]): void {
    this.products = [...products];
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const target = String(request.headers['x-amz-target'] ?? '');
    const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : target;
    let input: Record<string, unknown>;
    try {
      input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
    } catch {
      return sendError(response, 400, 'SerializationException', 'request body is not JSON');
    }
    const authorization = String(request.headers.authorization ?? '');
    this.calls.push({
      operation,
      input,
      accessKeyId: /Credential=([^/]+)\//.exec(authorization)?.[1],
      contentType: request.headers['content-type'],
    });
    if (request.method !== 'POST' || !target.startsWith(TARGET_PREFIX)) {
      return sendError(response, 400, 'UnknownOperationException', `unknown target ${target}`);
    }
    const fault = this.faults.shift();
    if (fault === 'no-answer') return;
    if (fault === 'throttle') return sendError(response, 400, 'ThrottlingException', 'Rate exceeded');
    if (fault === 'internal-error') return sendError(response, 500, 'InternalErrorException', 'An internal error occurred');
    if (operation !== 'GetProducts') return sendError(response, 400, 'UnknownOperationException', `${operation} is not served here`);
    if (input.ServiceCode !== 'AmazonCloudWatch') return send(response, 200, { FormatVersion: 'aws_v1', PriceList: [] });
    if (input.FormatVersion !== undefined && input.FormatVersion !== 'aws_v1') {
      return sendError(response, 400, 'InvalidParameterException', 'FormatVersion must be aws_v1');
    }
    const filters = (input.Filters ?? []) as { Type: string; Field: string; Value: string }[];
    if (filters.some((filter) => filter.Type !== 'TERM_MATCH')) {
      return sendError(response, 400, 'InvalidParameterException', 'only TERM_MATCH filters are served here');
    }
    const matching = this.products.filter((product) => matches(product, filters));
    const offset = input.NextToken === undefined ? 0 : Number(Buffer.from(String(input.NextToken), 'base64url').toString('utf8'));
    if (!Number.isInteger(offset) || offset < 0 || offset > matching.length) {
      return sendError(response, 400, 'InvalidNextTokenException', 'The nextToken is invalid');
    }
    const size = Math.min(this.pageSize, typeof input.MaxResults === 'number' ? input.MaxResults : 100);
    const page = matching.slice(offset, offset + size);
    const next = offset + size < matching.length ? Buffer.from(String(offset + size)).toString('base64url') : undefined;
    const body: Record<string, unknown> = {
      FormatVersion: 'aws_v1',
      PriceList: page.map((product) => (typeof product === 'string' ? product : JSON.stringify(product))),
    };
    if (next !== undefined) body.NextToken = next;
    send(response, 200, body);
  }
}

/** A raw string element matches the filters when it contains every filter value (enough to place a broken item). */
function matches(product: FakeProduct | string, filters: readonly { Field: string; Value: string }[]): boolean {
  if (typeof product === 'string') return filters.every((filter) => product.includes(filter.Value));
  return filters.every((filter) => product.product.attributes[filter.Field] === filter.Value);
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'fake-request', ...headers });
  response.end(JSON.stringify(body));
}

function sendError(response: ServerResponse, status: number, type: string, message: string): void {
  send(response, status, { __type: type, Message: message }, { 'x-amzn-errortype': type });
}

export interface ProductSpec {
  readonly usagetype: string;
  readonly regionCode?: string;
  readonly location?: string;
  readonly unit: string;
  /** `[beginRange, endRange, USD]` per tier, in any order. */
  readonly tiers: readonly (readonly [string, string, string])[];
  readonly attributes?: Readonly<Record<string, string>>;
  readonly sku?: string;
}

/** A CloudWatch product in the GetProducts item shape (as in test/fixtures/price-list/pricing-sample.json). */
export function cloudWatchProduct(spec: ProductSpec): FakeProduct {
  const sku = spec.sku ?? spec.usagetype.replace(/[^A-Z0-9]/gi, '').toUpperCase().padEnd(16, 'X').slice(0, 16);
  const term = `${sku}.JRTCKXETXF`;
  const priceDimensions = Object.fromEntries(
    spec.tiers.map(([beginRange, endRange, usd], index) => {
      const rateCode = `${term}.RATE${index}`;
      return [rateCode, { unit: spec.unit, beginRange, endRange, description: `tier ${index}`, appliesTo: [], rateCode, pricePerUnit: { USD: usd } }];
    }),
  );
  return {
    product: {
      productFamily: 'Metric',
      attributes: {
        servicecode: 'AmazonCloudWatch',
        usagetype: spec.usagetype,
        regionCode: spec.regionCode ?? '',
        location: spec.location ?? 'Somewhere',
        locationType: 'AWS Region',
        ...spec.attributes,
      },
      sku,
    },
    serviceCode: 'AmazonCloudWatch',
    terms: {
      OnDemand: {
        [term]: { priceDimensions, sku, effectiveDate: '2026-11-01T00:00:00Z', offerTermCode: 'JRTCKXETXF', termAttributes: {} },
      },
    },
    version: '20261101000000',
    publicationDate: '2026-11-01T00:00:00Z',
  };
}
