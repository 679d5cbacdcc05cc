/**
 * The CloudWatch client every account command uses, built by the shared factory. The region comes from `--region`,
 * then `AWS_REGION` / `AWS_DEFAULT_REGION`, then the project config, then the profile; the dashboard APIs are paced on
 * the client side.
 */
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { createAwsClient, type AwsClientOptions } from './client-factory.js';
import { nonEmpty } from './options.js';
import { DASHBOARD_OPERATIONS, OperationPacer } from './pacing.js';
import { CLOUDWATCH } from './services.js';

export interface CloudWatchClientOptions extends AwsClientOptions {
  /** The project config's region, used when neither the flag nor the environment names one. */
  readonly configRegion?: string | undefined;
  /** Client-side limit per dashboard API; CloudWatch's quota is 10. */
  readonly dashboardRequestsPerSecond?: number | undefined;
}

export function createCloudWatchClient(options: CloudWatchClientOptions, io: { readonly env: Readonly<Record<string, string | undefined>> }): CloudWatchClient {
  const env = io.env;
  const region = nonEmpty(options.region) ?? nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION) ?? options.configRegion;
  const { client } = createAwsClient(CloudWatchClient, CLOUDWATCH, { ...options, region }, env);
  const pacer = new OperationPacer(options.dashboardRequestsPerSecond ?? 10);
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = context.commandName ?? '';
      if (DASHBOARD_OPERATIONS.has(operation)) await pacer.wait(operation);
      return next(args);
    },
    { step: 'initialize', name: 'cwdashDashboardPacing' },
  );
  return client;
}
