/**
 * The example service: the Node.js/Express app `task-service` in namespace `prod/task-service`, scraped every 30 s by
 * an ADOT v0.17.0 sidecar with the awsemf defaults (examples/task-service/otel-config.yaml), running as Deployment
 * `task-service` in the cluster `mz-k8s` (examples/cluster/).
 */
import { nodeServiceDashboard } from 'cwdash';

export default nodeServiceDashboard({
  namespace: 'prod/task-service',
  service: 'task-service',
  region: 'ap-northeast-1',
  collectorVersion: '0.17.0',
  scrapeIntervalSeconds: 30,
  kubernetes: { clusterName: 'mz-k8s', namespace: 'prod', podName: 'task-service' },
  owners: ['team-tasks (#tasks-oncall)'],
  links: [
    { title: 'Runbook', url: 'https://runbooks.example.com/task-service' },
    { title: 'Cluster dashboard', url: 'https://console.aws.amazon.com/cloudwatch/home?region=ap-northeast-1#dashboards/dashboard/mz-k8s-container-insights' },
  ],
});
