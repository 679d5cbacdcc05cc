/** The four dashboard APIs, each with its paging, batching and "not found" handling in one place. */
import {
  DeleteDashboardsCommand,
  GetDashboardCommand,
  ListDashboardsCommand,
  PutDashboardCommand,
  type CloudWatchClient,
} from '@aws-sdk/client-cloudwatch';
import { compareStrings } from '../../shared/json.js';
import { callAws, toAwsError } from '../aws/errors.js';
import { parseBoundedJson } from '../../shared/input-limits.js';

/** DeleteDashboards takes at most 100 names per call. */
export const DELETE_BATCH_SIZE = 100;

export interface RemoteDashboard {
  readonly name: string;
  /** The body as CloudWatch returned it (not byte-identical to what was sent). */
  readonly bodyText: string;
  /** The parsed body, or undefined when the text is not JSON. */
  readonly body: unknown;
}

/** A `{DataPath, Message}` pair from PutDashboard, as CloudWatch reports it. */
export interface DashboardValidationMessage {
  readonly dataPath: string;
  readonly message: string;
}

export type PutDashboardResult =
  | { readonly accepted: true; readonly warnings: readonly DashboardValidationMessage[] }
  | { readonly accepted: false; readonly errors: readonly DashboardValidationMessage[]; readonly message: string };

/** Every dashboard name (under `prefix` when given), all pages, sorted. */
export async function listDashboardNames(client: CloudWatchClient, prefix?: string): Promise<string[]> {
  const names: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await callAws('ListDashboards', () =>
      client.send(new ListDashboardsCommand({ DashboardNamePrefix: prefix === '' ? undefined : prefix, NextToken: nextToken })),
    );
    for (const entry of page.DashboardEntries ?? []) if (entry.DashboardName !== undefined) names.push(entry.DashboardName);
    nextToken = page.NextToken;
  } while (nextToken !== undefined);
  return names.sort(compareStrings);
}

/** The dashboard, or undefined when it does not exist. */
export async function getDashboard(client: CloudWatchClient, name: string): Promise<RemoteDashboard | undefined> {
  let bodyText: string;
  try {
    const output = await client.send(new GetDashboardCommand({ DashboardName: name }));
    bodyText = output.DashboardBody ?? '';
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw toAwsError(error, 'GetDashboard');
  }
  return { name, bodyText, body: parseJson(bodyText) };
}

/** Creates or replaces a dashboard. CloudWatch's rejection of the body is a result, not an exception. */
export async function putDashboard(client: CloudWatchClient, name: string, bodyText: string): Promise<PutDashboardResult> {
  try {
    const output = await client.send(new PutDashboardCommand({ DashboardName: name, DashboardBody: bodyText }));
    return { accepted: true, warnings: toMessages(output.DashboardValidationMessages) };
  } catch (error) {
    if (errorName(error) === 'DashboardInvalidInputError') {
      const rejection = error as { message?: string; dashboardValidationMessages?: { DataPath?: string; Message?: string }[] };
      return {
        accepted: false,
        errors: toMessages(rejection.dashboardValidationMessages),
        message: (rejection.message ?? 'The dashboard body is invalid').split('\n', 1)[0]!,
      };
    }
    throw toAwsError(error, 'PutDashboard');
  }
}

/**
 * Deletes in batches of at most 100. Each call is all-or-nothing on CloudWatch's side; `onBatch` hears of every batch
 * that went through, so a failure in a later batch can still be reported exactly.
 */
export async function deleteDashboards(
  client: CloudWatchClient,
  names: readonly string[],
  onBatch: (deleted: readonly string[]) => void = () => {},
): Promise<void> {
  for (let start = 0; start < names.length; start += DELETE_BATCH_SIZE) {
    const batch = names.slice(start, start + DELETE_BATCH_SIZE);
    await callAws('DeleteDashboards', () => client.send(new DeleteDashboardsCommand({ DashboardNames: batch })));
    onBatch(batch);
  }
}

function toMessages(list: readonly { DataPath?: string; Message?: string }[] | undefined): DashboardValidationMessage[] {
  return (list ?? []).map((item) => ({ dataPath: item.DataPath ?? '', message: item.Message ?? '' }));
}

/**
 * A missing dashboard comes back as HTTP 404 with the query error code `ResourceNotFound`, which this SDK may surface
 * as `ResourceNotFound` or `DashboardNotFoundError` depending on which header it reads first.
 */
function isNotFound(error: unknown): boolean {
  const name = errorName(error);
  return name === 'ResourceNotFound' || name === 'DashboardNotFoundError' || name === 'ResourceNotFoundException';
}

function errorName(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : undefined;
}

function parseJson(text: string): unknown {
  try {
    return parseBoundedJson(text);
  } catch {
    return undefined;
  }
}
