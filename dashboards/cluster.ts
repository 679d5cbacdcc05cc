/**
 * The example cluster `mz-k8s` (ap-northeast-1): Container Insights from the ADOT DaemonSet of the helm chart
 * adot-exporter-for-eks-on-ec2 (examples/cluster/otel-config.yaml). The variables open on the task-service workload.
 */
import { containerInsightsDashboard } from 'cwdash';

export default containerInsightsDashboard({
  cluster: 'mz-k8s',
  region: 'ap-northeast-1',
  defaultNamespace: 'prod',
  defaultWorkload: 'task-service',
  owners: ['platform-team (#platform-oncall)'],
  links: [{ title: 'Cluster runbook', url: 'https://runbooks.example.com/mz-k8s' }],
});
