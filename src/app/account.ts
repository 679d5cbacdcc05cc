/** The live account's metrics, dashboards, alarms and other readers (`--account` of cost-report, audit and usage). */
import type { AwsOptions } from '../sources/aws/options.js';
import type { AppContext } from './context.js';

export async function fetchAccount(options: AwsOptions, context: AppContext, region: string, configRegion: string | undefined, prefix: string | undefined) {
  const { createCloudWatchClient } = await import('../sources/aws/cloudwatch-client.js');
  const { fetchAccountInventory } = await import('../sources/account/inventory.js');
  const client = createCloudWatchClient({ ...options, region, configRegion, progress: context.progress }, context);
  context.progress?.note(`reading custom metrics, dashboards and alarms from the account in ${region}`);
  return fetchAccountInventory(client, { dashboardPrefix: prefix });
}
