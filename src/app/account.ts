/** The live account's metrics, dashboards, alarms and other readers (`--account` of cost-report, audit and usage). */
import type { AccountInventory } from '../sources/account/inventory.js';
import type { AwsOptions } from '../sources/aws/options.js';
import type { AppContext } from './context.js';

/** Reads the account a report is about; an organisation-wide run passes each target's own (credentials, region). */
export type AccountReader = (region: string, dashboardPrefix: string | undefined) => Promise<AccountInventory>;

/** @param profileEndpoint the AWS profile's `endpoint_url`, used after --endpoint-url and AWS_ENDPOINT_URL*, as the AWS CLI does */

export async function fetchAccount(options: AwsOptions, context: AppContext, region: string, configRegion: string | undefined, prefix: string | undefined, profileEndpoint?: string) {
  const { createCloudWatchClient } = await import('../sources/aws/cloudwatch-client.js');
  const { fetchAccountInventory } = await import('../sources/account/inventory.js');
  const env = context.env;
  const endpointUrl = options.endpointUrl ?? nonEmpty(env.AWS_ENDPOINT_URL_CLOUDWATCH) ?? nonEmpty(env.AWS_ENDPOINT_URL) ?? profileEndpoint;
  const client = createCloudWatchClient({ ...options, region, configRegion, endpointUrl, progress: context.progress }, context);
  context.progress?.note(`reading custom metrics, dashboards and alarms from the account in ${region}`);
  return fetchAccountInventory(client, { dashboardPrefix: prefix });
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
