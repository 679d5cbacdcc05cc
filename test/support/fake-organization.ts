/**
 * An AWS Organization on 127.0.0.1, at the wire level, for the real SDK clients: STS `AssumeRole` in the Query protocol
 * (form-encoded POST, XML answer), Organizations `ListAccounts` in AWS JSON 1.1, and CloudWatch (AWS JSON 1.0) with a
 * separate stateful `FakeCloudWatchServer` per account and region. Requests reach the account whose temporary
 * credentials signed them (AssumeRole hands out `ASIA<account id>` keys), so a role assumed in the wrong account reads
 * the wrong metrics, as it would in AWS. Faults: an account whose role denies AssumeRole; an account and region that
 * throttles; a region that is not enabled.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeCloudWatchServer } from './fake-cloudwatch-server.js';

const ORGANIZATIONS_TARGET = 'AWSOrganizationsV20161128.';

export interface FakeAccount {
  readonly id: string;
  readonly name: string;
  readonly status?: 'ACTIVE' | 'SUSPENDED';
}

export interface AssumeRoleCall {
  readonly roleArn: string;
  readonly externalId: string | undefined;
  readonly sessionName: string;
  readonly callerAccessKeyId: string | undefined;
}

export class FakeOrganization {
  readonly accounts: FakeAccount[] = [];
  /** Accounts whose role refuses to be assumed (the trust policy does not name the caller). */
  readonly denyAssumeRole = new Set<string>();
  /** `account/region` pairs whose region is not enabled: STS there answers RegionDisabledException. */
  readonly disabledRegions = new Set<string>();
  /** Required external ids per account. */
  readonly externalIds = new Map<string, string>();
  readonly assumeRoleCalls: AssumeRoleCall[] = [];
  listAccountsPageSize = 20;
  private readonly cloudWatches = new Map<string, FakeCloudWatchServer>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeOrganization> {
    let fake: FakeOrganization | undefined;
    const server = createServer((request, response) => void fake!.handle(request, response));
    fake = new FakeOrganization(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The CloudWatch of one account in one region, started on first use. */
  async cloudWatch(accountId: string, region: string): Promise<FakeCloudWatchServer> {
    const key = `${accountId}/${region}`;
    let fake = this.cloudWatches.get(key);
    if (!fake) {
      fake = await FakeCloudWatchServer.start();
      this.cloudWatches.set(key, fake);
    }
    return fake;
  }

  async close(): Promise<void> {
    await Promise.all([...this.cloudWatches.values()].map((fake) => fake.close()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const target = String(request.headers['x-amz-target'] ?? '');
    const signed = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\//.exec(String(request.headers.authorization ?? ''));
    if (target.startsWith(ORGANIZATIONS_TARGET)) return this.organizations(target.slice(ORGANIZATIONS_TARGET.length), body, response);
    if (signed?.[3] === 'sts') return this.sts(new URLSearchParams(body.toString('utf8')), signed, response);
    if (signed?.[3] === 'monitoring') return this.proxyToCloudWatch(request, body, signed, response);
    response.writeHead(400, { 'content-type': 'text/plain' }).end(`unexpected request for ${signed?.[3] ?? 'an unsigned service'}`);
  }

  private organizations(operation: string, body: Buffer, response: ServerResponse): void {
    const send = (status: number, value: unknown) => {
      const text = JSON.stringify(value);
      response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'content-length': Buffer.byteLength(text) }).end(text);
    };
    if (operation !== 'ListAccounts') return send(400, { __type: 'UnknownOperationException', message: `${operation} is not faked` });
    const input = JSON.parse(body.toString('utf8') || '{}') as { NextToken?: string };
    const start = input.NextToken === undefined ? 0 : Number(input.NextToken);
    const page = this.accounts.slice(start, start + this.listAccountsPageSize);
    const next = start + this.listAccountsPageSize < this.accounts.length ? String(start + this.listAccountsPageSize) : undefined;
    send(200, {
      Accounts: page.map((account) => ({
        Id: account.id,
        Arn: `arn:aws:organizations::111111111111:account/o-example/${account.id}`,
        Email: `${account.name}@example.com`,
        Name: account.name,
        Status: account.status ?? 'ACTIVE',
        JoinedMethod: 'CREATED',
        JoinedTimestamp: 1_700_000_000,
      })),
      ...(next === undefined ? {} : { NextToken: next }),
    });
  }

  private sts(form: URLSearchParams, signed: RegExpExecArray, response: ServerResponse): void {
    const fail = (status: number, code: string, message: string) =>
      this.xml(response, status, `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>req-sts</RequestId></ErrorResponse>`);
    if (form.get('Action') !== 'AssumeRole') return fail(400, 'InvalidAction', `${form.get('Action')} is not faked`);
    const roleArn = form.get('RoleArn') ?? '';
    const sessionName = form.get('RoleSessionName') ?? '';
    const externalId = form.get('ExternalId') ?? undefined;
    this.assumeRoleCalls.push({ roleArn, externalId, sessionName, callerAccessKeyId: signed[1] });
    const accountId = /^arn:aws:iam::(\d{12}):role\//.exec(roleArn)?.[1];
    const region = signed[2]!;
    if (accountId === undefined) return fail(400, 'ValidationError', `invalid RoleArn ${roleArn}`);
    if (this.disabledRegions.has(`${accountId}/${region}`)) {
      return fail(403, 'RegionDisabledException', `STS is not activated in this region for account:${accountId}. Your account administrator can activate STS in this region using the IAM Console.`);
    }
    const wanted = this.externalIds.get(accountId);
    if (this.denyAssumeRole.has(accountId) || (wanted !== undefined && wanted !== externalId)) {
      return fail(403, 'AccessDenied', `User: arn:aws:iam::111111111111:user/ci is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);
    }
    const roleName = roleArn.slice(roleArn.indexOf(':role/') + 6);
    this.xml(
      response,
      200,
      `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><AssumedRoleUser>` +
        `<AssumedRoleId>AROA${accountId}:${sessionName}</AssumedRoleId><Arn>arn:aws:sts::${accountId}:assumed-role/${roleName}/${sessionName}</Arn></AssumedRoleUser>` +
        `<Credentials><AccessKeyId>ASIA${accountId}</AccessKeyId><SecretAccessKey>fake-secret-${accountId}</SecretAccessKey>` +
        `<SessionToken>fake-token-${accountId}</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>` +
        `</AssumeRoleResult><ResponseMetadata><RequestId>req-sts</RequestId></ResponseMetadata></AssumeRoleResponse>`,
    );
  }

  private xml(response: ServerResponse, status: number, text: string): void {
    response.writeHead(status, { 'content-type': 'text/xml', 'content-length': Buffer.byteLength(text) }).end(text);
  }

  /** CloudWatch calls go to the fake of the account whose temporary keys signed them, in the signed region. */
  private async proxyToCloudWatch(request: IncomingMessage, body: Buffer, signed: RegExpExecArray, response: ServerResponse): Promise<void> {
    const accountId = /^ASIA(\d{12})$/.exec(signed[1]!)?.[1] ?? 'caller';
    const upstream = await this.cloudWatch(accountId, signed[2]!);
    const forwarded = httpRequest(`${upstream.url}${request.url ?? '/'}`, { method: request.method, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    forwarded.on('error', () => response.writeHead(502).end());
    forwarded.end(body);
  }
}
