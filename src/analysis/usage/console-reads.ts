/**
 * Metrics that AWS consoles read although no dashboard of the account names them: the Container Insights pages
 * (CloudWatch > Insights > Container Insights) query every metric the Container Insights agent publishes. Calling
 * them unused would tell a team to break its own console, so they are reads like any other, with the console as
 * the reader. The list is short and deliberate; the README names it.
 */
import type { MetricRead, ReadsResult } from './metric-read.js';

export const CONSOLE_NAMESPACES: readonly { readonly namespace: string; readonly console: string }[] = [
  { namespace: 'ContainerInsights', console: 'Container Insights console (EKS/Kubernetes)' },
  { namespace: 'ECS/ContainerInsights', console: 'Container Insights console (ECS)' },
];

export function consoleReads(): ReadsResult {
  const reads: MetricRead[] = CONSOLE_NAMESPACES.map(({ namespace, console }) => ({
    kind: 'insights',
    // Every metric of the namespace, as `SELECT COUNT(*) FROM namespace` would match it.
    query: { text: `every metric in ${namespace}`, metricName: undefined, namespace, schemaDimensions: undefined, equals: {} },
    source: { kind: 'console', name: console },
  }));
  return { reads, problems: [] };
}
