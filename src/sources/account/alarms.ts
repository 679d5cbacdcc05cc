/** DescribeAlarms for metric and composite alarms, every page, in the SDK's own shapes (what the AWS CLI prints). */
import { DescribeAlarmsCommand, type CloudWatchClient, type CompositeAlarm, type MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { callAws } from '../aws/errors.js';

export interface AccountAlarms {
  readonly MetricAlarms: readonly MetricAlarm[];
  readonly CompositeAlarms: readonly CompositeAlarm[];
}

export async function describeAllAlarms(client: CloudWatchClient, onPage: (alarmsOnPage: number) => void = () => {}): Promise<AccountAlarms> {
  const MetricAlarms: MetricAlarm[] = [];
  const CompositeAlarms: CompositeAlarm[] = [];
  let nextToken: string | undefined;
  do {
    const page = await callAws('DescribeAlarms', () =>
      client.send(new DescribeAlarmsCommand({ AlarmTypes: ['MetricAlarm', 'CompositeAlarm'], NextToken: nextToken })),
    );
    MetricAlarms.push(...(page.MetricAlarms ?? []));
    CompositeAlarms.push(...(page.CompositeAlarms ?? []));
    onPage((page.MetricAlarms?.length ?? 0) + (page.CompositeAlarms?.length ?? 0));
    nextToken = page.NextToken;
  } while (nextToken !== undefined);
  return { MetricAlarms, CompositeAlarms };
}
