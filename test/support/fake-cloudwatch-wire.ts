/**
 * The wire-level pieces of the fake CloudWatch: error responses as the service sends them to a query-compatible client
 * (a `__type` plus the `x-amzn-query-error: <Code>;<Sender|Receiver>` header), opaque page tokens, and the stand-in for
 * CloudWatch's body checks.
 */

export interface ValidationMessage {
  readonly DataPath: string;
  readonly Message: string;
}

/** What CloudWatch says about a body: errors reject the PutDashboard call, warnings are returned with success. */
export interface BodyVerdict {
  readonly errors: readonly ValidationMessage[];
  readonly warnings: readonly ValidationMessage[];
}

/** `no-answer`: the request is read and never answered (the connection stays open until the server closes). */
export type FaultKind = 'throttle' | 'internal-error' | 'access-denied' | 'no-answer';

export class WireError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly queryCode: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** The default stand-in for CloudWatch's body checks: a JSON object with a `widgets` array. */
export function defaultVerdict(body: unknown): BodyVerdict {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { errors: [{ DataPath: '', Message: 'Should be object' }], warnings: [] };
  }
  if (!Array.isArray((body as { widgets?: unknown }).widgets)) {
    return { errors: [{ DataPath: '', Message: 'Should have required property "widgets"' }], warnings: [] };
  }
  return { errors: [], warnings: [] };
}

/** Rebuilds a JSON value with every object's keys in reverse order: equal meaning, different bytes. */
export function reorderKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reorderKeys);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).reverse();
    return Object.fromEntries(entries.map(([key, member]) => [key, reorderKeys(member)]));
  }
  return value;
}

/** The error CloudWatch answers with for an injected fault. */
export function faultError(kind: Exclude<FaultKind, 'no-answer'>, operation: string, input: Record<string, unknown>): WireError {
  if (kind === 'throttle') {
    return new WireError(400, 'com.amazon.coral.availability#ThrottlingException', 'Throttling', 'Rate exceeded');
  }
  if (kind === 'access-denied') {
    const resource = input.DashboardName ? `arn:aws:cloudwatch::123456789012:dashboard/${String(input.DashboardName)}` : '*';
    return new WireError(
      400,
      'com.amazon.coral.service#AccessDeniedException',
      'AccessDenied',
      `User: arn:aws:iam::123456789012:user/ci is not authorized to perform: cloudwatch:${operation} on resource: ${resource} because no identity-based policy allows the cloudwatch:${operation} action`,
    );
  }
  return new WireError(500, 'com.amazonaws.cloudwatch#InternalServiceFault', 'InternalServiceError', 'Internal service error');
}

/** Offset-based pages; the token is opaque to clients, like the real one. */
export function page<T>(all: readonly T[], token: unknown, size: number): { items: readonly T[]; nextToken: string | undefined } {
  let offset = 0;
  if (token !== undefined) {
    offset = Number(Buffer.from(String(token), 'base64').toString('utf8').replace(/^offset:/, ''));
    if (!Number.isInteger(offset)) throw new WireError(400, 'com.amazonaws.cloudwatch#InvalidNextToken', 'InvalidNextToken', 'The service cannot parse the NextToken');
  }
  const end = offset + size;
  const nextToken = end < all.length ? Buffer.from(`offset:${end}`).toString('base64') : undefined;
  return { items: all.slice(offset, end), nextToken };
}
