/**
 * The account's readers beyond dashboards and alarms (docs/sources.md#usage, issue 17): metric streams, which ship
 * every metric their filters let through to whatever receives them (ListMetricStreams names them, GetMetricStream has
 * the include/exclude filters), and anomaly detectors, which read their metric continuously. A reader list the caller
 * may not see (AccessDenied) is reported, not fatal: the report then says that source was not consulted.
 */
import {
  DescribeAnomalyDetectorsCommand,
  GetMetricStreamCommand,
  ListMetricStreamsCommand,
  type AnomalyDetector,
  type CloudWatchClient,
  type GetMetricStreamOutput,
} from '@aws-sdk/client-cloudwatch';
import { AwsError } from '../../shared/errors.js';
import { callAws } from '../aws/errors.js';

export interface AccountReaders {
  readonly metricStreams: readonly GetMetricStreamOutput[];
  readonly anomalyDetectors: readonly AnomalyDetector[];
  /** Reader lists that could not be read, with why (`ListMetricStreams: access denied ...`). */
  readonly problems: readonly string[];
}

export async function fetchAccountReaders(client: CloudWatchClient): Promise<AccountReaders> {
  const problems: string[] = [];
  const soft = async <T>(operation: string, call: () => Promise<T[]>): Promise<T[]> => {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof AwsError)) throw error;
      problems.push(`${operation}: ${error.message}${error.fix ? ` (${error.fix})` : ''}`);
      return [];
    }
  };
  const metricStreams = await soft('ListMetricStreams', () => listMetricStreams(client));
  const anomalyDetectors = await soft('DescribeAnomalyDetectors', () => describeAnomalyDetectors(client));
  return { metricStreams, anomalyDetectors, problems };
}

async function listMetricStreams(client: CloudWatchClient): Promise<GetMetricStreamOutput[]> {
  const streams: GetMetricStreamOutput[] = [];
  let nextToken: string | undefined;
  do {
    const page = await callAws('ListMetricStreams', () => client.send(new ListMetricStreamsCommand({ NextToken: nextToken })));
    for (const entry of page.Entries ?? []) {
      if (entry.Name === undefined) continue;
      streams.push(await callAws('GetMetricStream', () => client.send(new GetMetricStreamCommand({ Name: entry.Name }))));
    }
    nextToken = page.NextToken;
  } while (nextToken !== undefined);
  return streams;
}

async function describeAnomalyDetectors(client: CloudWatchClient): Promise<AnomalyDetector[]> {
  const detectors: AnomalyDetector[] = [];
  let nextToken: string | undefined;
  do {
    const page = await callAws('DescribeAnomalyDetectors', () => client.send(new DescribeAnomalyDetectorsCommand({ NextToken: nextToken })));
    detectors.push(...(page.AnomalyDetectors ?? []));
    nextToken = page.NextToken;
  } while (nextToken !== undefined);
  return detectors;
}
