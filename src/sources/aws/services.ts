/** The AWS services cwdash calls, with what differs between them in settings and in the advice its errors give. */
export interface AwsService {
  /** As it is named inside a sentence: `CloudWatch`, `the Price List API`. */
  readonly name: string;
  /** The same at the start of a sentence: `The Price List API`. */
  readonly title: string;
  /** The IAM service prefix: `cloudwatch:PutDashboard`. */
  readonly iamPrefix: string;
  /** The SDK's per-service endpoint variable, read before `AWS_ENDPOINT_URL`. */
  readonly endpointVariable: string;
  /** The endpoint when no flag or variable names one; undefined lets the SDK derive it from the region. */
  defaultEndpoint(region: string): string | undefined;
  /** A valid endpoint, for the message about an invalid one. */
  readonly exampleEndpoint: string;
  /** The fix for throttling that did not clear. */
  readonly throttleFix: string;
  /** What a user does after a failure that may pass (a 5xx, a timeout). */
  readonly tryAgain: string;
  /** Appended to the fix for access problems: what still works, or where the policies are documented. */
  readonly accessNote: string;
}

export const CLOUDWATCH: AwsService = {
  name: 'CloudWatch',
  title: 'CloudWatch',
  iamPrefix: 'cloudwatch',
  endpointVariable: 'AWS_ENDPOINT_URL_CLOUDWATCH',
  defaultEndpoint: () => undefined,
  exampleEndpoint: 'https://monitoring.us-east-1.amazonaws.com',
  throttleFix: 'wait a minute and run the command again; it resumes where it stopped (the dashboard APIs allow 10 requests per second per region)',
  tryAgain: 'run the command again later; nothing that succeeded is repeated',
  accessNote: 'the README lists least-privilege policies for publish and for audit',
};

/** The Query API is served from a few regions only; the region picks an endpoint, not which prices come back. */
export const PRICING_API_REGIONS = ['us-east-1', 'eu-central-1', 'ap-south-1'] as const;

export const PRICE_LIST: AwsService = {
  name: 'the Price List API',
  title: 'The Price List API',
  iamPrefix: 'pricing',
  endpointVariable: 'AWS_ENDPOINT_URL_PRICING',
  defaultEndpoint: (region) => `https://api.pricing.${region}.amazonaws.com`,
  exampleEndpoint: 'https://api.pricing.us-east-1.amazonaws.com',
  throttleFix: 'wait a minute and run the refresh again',
  tryAgain: `run the refresh again later, or from another endpoint (--api-region ${PRICING_API_REGIONS.join(', ')}); the cache changes only when a refresh completes`,
  accessNote: 'the embedded price snapshot keeps working without them',
};
