/**
 * A stateful CloudWatch on 127.0.0.1 that speaks the wire protocol the real SDK uses: AWS JSON 1.0 over POST /, the
 * operation in `X-Amz-Target: GraniteServiceVersion20100801.<Op>`, PascalCase members, timestamps as epoch seconds.
 * Errors look the way the service sends them to a query-compatible client: a `__type` in the body plus the
 * `x-amzn-query-error: <Code>;<Sender|Receiver>` header, which the SDK prefers when it picks the exception class.
 * Faults can be injected per operation (throttling, 500s, access denied, no answer at all), one after another, so tests
 * prove retries, deadlines and partial failures.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { defaultVerdict, faultError, page, reorderKeys, WireError, type BodyVerdict, type FaultKind } from './fake-cloudwatch-wire.js';

export type { BodyVerdict, FaultKind, ValidationMessage } from './fake-cloudwatch-wire.js';

const TARGET_PREFIX = 'GraniteServiceVersion20100801.';
const REAL_PAGE_SIZES = { ListMetrics: 500, ListDashboards: 1000, DescribeAlarms: 100, ListMetricStreams: 500, DescribeAnomalyDetectors: 100 };

export interface WireMetric {
  readonly Namespace: string;
  readonly MetricName: string;
  readonly Dimensions?: readonly { readonly Name: string; readonly Value: string }[];
}

export interface Fault {
  readonly operation: string;
  readonly kind: FaultKind;
  /** How many matching calls fail; afterwards the operation works again. Default: every call. */
  readonly times?: number;
  /** Only calls about this dashboard (PutDashboard/GetDashboard `DashboardName`). */
  readonly dashboardName?: string;
}

export interface RecordedCall {
  readonly operation: string;
  readonly input: Record<string, unknown>;
  /** The access key id the request was signed with. */
  readonly accessKeyId: string | undefined;
  readonly region: string | undefined;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

interface StoredDashboard {
  body: string;
  lastModified: Date;
}

interface ActiveFault extends Fault {
  remaining: number;
}

export class FakeCloudWatchServer {
  readonly dashboards = new Map<string, StoredDashboard>();
  metrics: readonly (WireMetric & { readonly recentlyActive?: boolean })[] = [];
  metricAlarms: readonly Record<string, unknown>[] = [];
  compositeAlarms: readonly Record<string, unknown>[] = [];
  /** Metric streams as GetMetricStream returns them (`Name`, `State`, `IncludeFilters`, `ExcludeFilters`, ...). */
  metricStreams: readonly Record<string, unknown>[] = [];
  /** Anomaly detectors as DescribeAnomalyDetectors lists them. */
  anomalyDetectors: readonly Record<string, unknown>[] = [];
  /** The real maximum page sizes. */
  readonly pageSize = { ...REAL_PAGE_SIZES };
  readonly calls: RecordedCall[] = [];
  /** Replace to make CloudWatch reject or warn about bodies. */
  judgeBody: (body: unknown, name: string) => BodyVerdict = defaultVerdict;
  /** When false, calls are not recorded (the 200k-metric bench). */
  recordCalls = true;
  private readonly faults: ActiveFault[] = [];
  private clock = Date.UTC(2026, 10, 24, 12, 0, 0);

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeCloudWatchServer> {
    let fake: FakeCloudWatchServer | undefined;
    const server = createServer((request, response) => void fake!.handle(request, response));
    fake = new FakeCloudWatchServer(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  inject(fault: Fault): void {
    this.faults.push({ ...fault, remaining: fault.times ?? Number.POSITIVE_INFINITY });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  /** Back to an empty account with no faults, as after `start()`. */
  reset(): void {
    this.clearFaults();
    this.calls.length = 0;
    this.dashboards.clear();
    this.metrics = [];
    this.metricAlarms = [];
    this.compositeAlarms = [];
    this.metricStreams = [];
    this.anomalyDetectors = [];
    Object.assign(this.pageSize, REAL_PAGE_SIZES);
    this.judgeBody = defaultVerdict;
  }

  /** A dashboard as someone else (the console, another tool) saved it. */
  putDashboardOutside(name: string, body: unknown): void {
    this.dashboards.set(name, { body: JSON.stringify(body), lastModified: this.tick() });
  }

  /** The dashboard's body, parsed, or undefined. */
  dashboardBody(name: string): unknown {
    const stored = this.dashboards.get(name);
    return stored === undefined ? undefined : JSON.parse(stored.body);
  }

  callsOf(operation: string): RecordedCall[] {
    return this.calls.filter((call) => call.operation === operation);
  }

  private tick(): Date {
    this.clock += 1000;
    return new Date(this.clock);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    try {
      const target = String(request.headers['x-amz-target'] ?? '');
      if (request.method !== 'POST' || !target.startsWith(TARGET_PREFIX)) {
        throw new WireError(400, 'UnknownOperationException', 'UnknownOperation', `unexpected target "${target}"`);
      }
      if (request.headers['content-type'] !== 'application/x-amz-json-1.0') {
        throw new WireError(400, 'SerializationException', 'SerializationException', 'expected application/x-amz-json-1.0');
      }
      const operation = target.slice(TARGET_PREFIX.length);
      const input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      const credential = /Credential=([^/]+)\/\d{8}\/([^/]+)\/monitoring\//.exec(String(request.headers.authorization ?? ''));
      if (!credential) {
        throw new WireError(400, 'MissingAuthenticationTokenException', 'MissingAuthenticationToken', 'Request is missing Authentication Token');
      }
      if (this.recordCalls) this.calls.push({ operation, input, accessKeyId: credential[1], region: credential[2], headers: request.headers });
      if (this.failIfFaulty(operation, input) === 'no-answer') return;
      this.send(response, 200, {}, this.dispatch(operation, input));
    } catch (error) {
      if (!(error instanceof WireError)) throw error;
      const sender = error.status >= 500 ? 'Receiver' : 'Sender';
      this.send(
        response,
        error.status,
        { 'x-amzn-query-error': `${error.queryCode};${sender}` },
        { __type: error.type, message: error.message, ...error.extra },
      );
    }
  }

  private send(response: ServerResponse, status: number, headers: Record<string, string>, body: unknown): void {
    const text = JSON.stringify(body);
    response.writeHead(status, {
      'content-type': 'application/x-amz-json-1.0',
      'content-length': Buffer.byteLength(text),
      'x-amzn-requestid': `req-${this.calls.length}`,
      ...headers,
    });
    response.end(text);
  }

  /** Throws the injected fault's error, or says the call is to go unanswered. Faults are matched in injection order. */
  private failIfFaulty(operation: string, input: Record<string, unknown>): 'no-answer' | undefined {
    const fault = this.faults.find(
      (candidate) =>
        candidate.remaining > 0 &&
        candidate.operation === operation &&
        (candidate.dashboardName === undefined || candidate.dashboardName === input.DashboardName),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.kind === 'no-answer') return 'no-answer';
    throw faultError(fault.kind, operation, input);
  }

  private dispatch(operation: string, input: Record<string, unknown>): unknown {
    switch (operation) {
      case 'PutDashboard':
        return this.putDashboard(String(input.DashboardName), String(input.DashboardBody));
      case 'GetDashboard':
        return this.getDashboard(String(input.DashboardName));
      case 'ListDashboards':
        return this.listDashboards(input);
      case 'DeleteDashboards':
        return this.deleteDashboards(input.DashboardNames as string[]);
      case 'ListMetrics':
        return this.listMetrics(input);
      case 'DescribeAlarms':
        return this.describeAlarms(input);
      case 'ListMetricStreams':
        return this.listMetricStreams(input);
      case 'GetMetricStream':
        return this.getMetricStream(String(input.Name));
      case 'DescribeAnomalyDetectors':
        return this.describeAnomalyDetectors(input);
      default:
        throw new WireError(400, 'UnknownOperationException', 'UnknownOperation', `operation ${operation} is not faked`);
    }
  }

  private putDashboard(name: string, bodyText: string): unknown {
    let body: unknown;
    try {
      body = JSON.parse(bodyText);
    } catch {
      body = undefined;
    }
    const verdict = body === undefined ? { errors: [{ DataPath: '', Message: 'Invalid JSON' }], warnings: [] } : this.judgeBody(body, name);
    if (verdict.errors.length > 0) {
      const listed = verdict.errors.map((error) => ({ dataPath: error.DataPath, message: error.Message }));
      throw new WireError(
        400,
        'com.amazonaws.cloudwatch#DashboardInvalidInputError',
        'InvalidParameterInput',
        `The dashboard body is invalid, there are ${verdict.errors.length} validation errors:\n${JSON.stringify(listed, null, 2)}`,
        { dashboardValidationMessages: verdict.errors },
      );
    }
    // CloudWatch keeps the meaning, not the bytes: store it re-serialised with its keys in another order.
    this.dashboards.set(name, { body: JSON.stringify(reorderKeys(body)), lastModified: this.tick() });
    return { DashboardValidationMessages: verdict.warnings };
  }

  private getDashboard(name: string): unknown {
    const stored = this.dashboards.get(name);
    if (!stored) {
      throw new WireError(404, 'com.amazonaws.cloudwatch#DashboardNotFoundError', 'ResourceNotFound', 'Dashboard ' + name + ' does not exist');
    }
    return { DashboardName: name, DashboardArn: `arn:aws:cloudwatch::123456789012:dashboard/${name}`, DashboardBody: stored.body };
  }

  private listDashboards(input: Record<string, unknown>): unknown {
    const prefix = typeof input.DashboardNamePrefix === 'string' ? input.DashboardNamePrefix : '';
    const names = [...this.dashboards.keys()].filter((name) => name.startsWith(prefix)).sort();
    const { items, nextToken } = page(names, input.NextToken, this.pageSize.ListDashboards);
    return {
      DashboardEntries: items.map((name) => {
        const stored = this.dashboards.get(name)!;
        return {
          DashboardName: name,
          DashboardArn: `arn:aws:cloudwatch::123456789012:dashboard/${name}`,
          LastModified: stored.lastModified.getTime() / 1000,
          Size: Buffer.byteLength(stored.body),
        };
      }),
      ...(nextToken === undefined ? {} : { NextToken: nextToken }),
    };
  }

  private deleteDashboards(names: readonly string[]): unknown {
    if (names.length > 100) {
      throw new WireError(400, 'com.amazonaws.cloudwatch#InvalidParameterValueException', 'InvalidParameterValue', 'At most 100 dashboard names per call');
    }
    const missing = names.filter((name) => !this.dashboards.has(name));
    // All or nothing, as the API documents.
    if (missing.length > 0) {
      throw new WireError(404, 'com.amazonaws.cloudwatch#DashboardNotFoundError', 'ResourceNotFound', `Dashboard ${missing[0]} does not exist`);
    }
    for (const name of names) this.dashboards.delete(name);
    return {};
  }

  private listMetrics(input: Record<string, unknown>): unknown {
    const selected =
      input.Namespace === undefined && input.RecentlyActive === undefined && input.MetricName === undefined
        ? this.metrics
        : this.metrics.filter(
            (metric) =>
              (input.Namespace === undefined || metric.Namespace === input.Namespace) &&
              (input.MetricName === undefined || metric.MetricName === input.MetricName) &&
              (input.RecentlyActive === undefined || metric.recentlyActive === true),
          );
    const { items, nextToken } = page(selected, input.NextToken, this.pageSize.ListMetrics);
    return {
      Metrics: items.map(({ Namespace, MetricName, Dimensions }) => ({ Namespace, MetricName, Dimensions: Dimensions ?? [] })),
      ...(nextToken === undefined ? {} : { NextToken: nextToken }),
    };
  }

  private describeAlarms(input: Record<string, unknown>): unknown {
    const types = Array.isArray(input.AlarmTypes) ? (input.AlarmTypes as string[]) : ['MetricAlarm'];
    const tagged = [
      ...(types.includes('CompositeAlarm') ? this.compositeAlarms.map((alarm) => ({ kind: 'composite', alarm })) : []),
      ...(types.includes('MetricAlarm') ? this.metricAlarms.map((alarm) => ({ kind: 'metric', alarm })) : []),
    ];
    const { items, nextToken } = page(tagged, input.NextToken, this.pageSize.DescribeAlarms);
    return {
      CompositeAlarms: items.filter((item) => item.kind === 'composite').map((item) => item.alarm),
      MetricAlarms: items.filter((item) => item.kind === 'metric').map((item) => item.alarm),
      ...(nextToken === undefined ? {} : { NextToken: nextToken }),
    };
  }

  private listMetricStreams(input: Record<string, unknown>): unknown {
    const { items, nextToken } = page(this.metricStreams, input.NextToken, this.pageSize.ListMetricStreams);
    return {
      // ListMetricStreams lists names and state only: the filters come from GetMetricStream.
      Entries: items.map(({ Arn, Name, FirehoseArn, State, OutputFormat }) => ({ Arn, Name, FirehoseArn, State, OutputFormat })),
      ...(nextToken === undefined ? {} : { NextToken: nextToken }),
    };
  }

  private getMetricStream(name: string): unknown {
    const stream = this.metricStreams.find((candidate) => candidate.Name === name);
    if (!stream) throw new WireError(404, 'com.amazonaws.cloudwatch#ResourceNotFoundException', 'ResourceNotFoundException', `Metric stream ${name} does not exist`);
    return stream;
  }

  private describeAnomalyDetectors(input: Record<string, unknown>): unknown {
    const { items, nextToken } = page(this.anomalyDetectors, input.NextToken, this.pageSize.DescribeAnomalyDetectors);
    return { AnomalyDetectors: items, ...(nextToken === undefined ? {} : { NextToken: nextToken }) };
  }
}

/** Static fake credentials for the SDK: tests sign requests but never reach AWS. */
export const FAKE_CREDENTIALS_ENV = {
  AWS_ACCESS_KEY_ID: 'AKIDFAKECWDASH',
  AWS_SECRET_ACCESS_KEY: 'fake-secret-key',
  AWS_REGION: 'us-east-1',
} as const;

/** Backoff short enough for tests, with the production attempt counts. */
export const FAST_RETRY_POLICY = { throttleAttempts: 8, transientAttempts: 3, baseDelayMs: 5, maxDelayMs: 50 } as const;

/** One server per test file, emptied after every test: `const cloudWatch = useFakeCloudWatch();` then `cloudWatch()`. */
export function useFakeCloudWatch(): () => FakeCloudWatchServer {
  let server: FakeCloudWatchServer | undefined;
  beforeAll(async () => {
    server = await FakeCloudWatchServer.start();
  });
  afterEach(() => server?.reset());
  afterAll(async () => server?.close());
  return () => server!;
}
