/**
 * `containerInsightsDashboard`: the cluster dashboard for the metrics the ADOT Container Insights DaemonSet creates
 * with its default `metric_declarations` (docs/sources.md#container-insights). Only (metric, dimension set) pairs those
 * declarations publish are used; per-node and per-service lines come from SEARCH over the published sets, and the
 * namespace and workload views follow two dashboard variables. Container-level numbers, which are only fields of the
 * performance log events, come from a Logs Insights widget. With `exporter: 'otlp'` the same views are PromQL chart
 * widgets (promql-sections.ts).
 */
import { Dashboard } from '../../model/dashboard/dashboard.js';
import { LogQueryWidget } from '../../model/dashboard/log-query-widget.js';
import { DashboardVariable } from '../../model/dashboard/variable.js';
import { DEFAULT_HEADER_TEMPLATE, templatedTextWidget, type TextLink } from '../text-template.js';
import { ClusterMetrics } from './cluster-metrics.js';
import { clusterBands, namespaceBands, nodeBands, serviceBands, workloadBands } from './sections.js';
import { promqlClusterBands } from './promql-sections.js';

export interface ContainerInsightsDashboardProps {
  /** The `ClusterName` dimension: the EKS cluster's name. */
  readonly cluster: string;
  /**
   * Dashboard name.
   * @default - `<cluster>-container-insights`
   */
  readonly dashboardName?: string;
  /**
   * Region of the cluster.
   * @default - the project's `region`
   */
  readonly region?: string;
  /**
   * Namespace the namespace variable shows first.
   * @default 'kube-system' (with kube-proxy, present on every EKS cluster, so the first view is never empty)
   */
  readonly defaultNamespace?: string;
  /**
   * Workload the workload variable shows first, as Container Insights names it (`PodName`: the Deployment, DaemonSet
   * or CronJob name, a StatefulSet pod's own name).
   * @default 'kube-proxy'
   */
  readonly defaultWorkload?: string;
  /**
   * How the DaemonSet sends the metrics: `awsemf` (Classic custom metrics per the default declarations, metric
   * widgets, dashboard variables, performance logs) or `otlp` (otlphttp to CloudWatch's OTLP endpoint: PromQL chart
   * widgets over every series, the namespace and workload fixed to `defaultNamespace`/`defaultWorkload`, since
   * dashboard variables change metric dimensions, not the text of PromQL queries).
   * @default 'awsemf'
   */
  readonly exporter?: 'awsemf' | 'otlp';
  /**
   * The awsemf `namespace` of the DaemonSet's exporter.
   * @default 'ContainerInsights'
   */
  readonly metricNamespace?: string;
  /**
   * The performance log group.
   * @default - `/aws/containerinsights/<cluster>/performance`
   */
  readonly logGroupName?: string;
  /** People or teams who own the cluster, for the header. @default - none */
  readonly owners?: readonly string[];
  /** Runbook and other links for the header. @default - none */
  readonly links?: readonly TextLink[];
  /**
   * Handlebars template of the header; its context has `title`, `cluster`, `logGroupName`, `facts`, `owners`, `links`.
   * @default DEFAULT_HEADER_TEMPLATE
   */
  readonly headerTemplate?: string;
}

export function containerInsightsDashboard(props: ContainerInsightsDashboardProps): Dashboard {
  if (props.exporter === 'otlp') return otlpClusterDashboard(props);
  const metrics = new ClusterMetrics(props.metricNamespace ?? 'ContainerInsights', props.cluster);
  const logGroupName = props.logGroupName ?? `/aws/containerinsights/${props.cluster}/performance`;
  const namespace = props.defaultNamespace ?? 'kube-system';
  const workload = props.defaultWorkload ?? 'kube-proxy';
  const header = clusterHeader(props, logGroupName, [
    `Container Insights (ADOT DaemonSet) in \`${metrics.namespace}\``,
    `performance logs in \`${logGroupName}\``,
    'pick a namespace and a workload above',
  ]);
  const containers = new LogQueryWidget({
    title: 'Containers by CPU (from the performance log events)',
    logGroupNames: [logGroupName],
    queryLines: [
      'fields @timestamp',
      'filter Type = "Container"',
      'stats avg(container_cpu_utilization) as cpu_pct, avg(container_memory_utilization) as mem_pct, max(number_of_container_restarts) as restarts by Namespace, PodName, ContainerName',
      'sort cpu_pct desc',
      'limit 20',
    ],
    width: 24,
    height: 6,
  });
  return new Dashboard({
    dashboardName: props.dashboardName ?? `${props.cluster}-container-insights`,
    ...(props.region === undefined ? {} : { region: props.region }),
    start: '-PT3H',
    widgets: [
      header,
      ...clusterBands(metrics),
      ...nodeBands(metrics),
      ...serviceBands(metrics),
      ...namespaceBands(metrics, namespace),
      ...workloadBands(metrics, namespace, workload),
      containers,
    ],
    variables: [
      new DashboardVariable({
        type: 'property',
        property: 'Namespace',
        inputType: 'select',
        id: 'namespace',
        label: 'Namespace',
        defaultValue: namespace,
        valuesFromSearch: { search: metrics.variableSearch('namespace_number_of_running_pods', ['Namespace']), populateFrom: 'Namespace' },
      }),
      new DashboardVariable({
        type: 'property',
        property: 'PodName',
        inputType: 'select',
        id: 'workload',
        label: 'Workload (PodName)',
        defaultValue: workload,
        valuesFromSearch: { search: metrics.variableSearch('pod_number_of_container_restarts', ['Namespace', 'PodName']), populateFrom: 'PodName' },
      }),
    ],
  });
}

function otlpClusterDashboard(props: ContainerInsightsDashboardProps): Dashboard {
  const namespace = props.defaultNamespace ?? 'kube-system';
  const workload = props.defaultWorkload ?? 'kube-proxy';
  // No performance log group over OTLP: the template context's logGroupName is empty.
  const header = clusterHeader(props, '', [
    `Container Insights (ADOT DaemonSet) over OTLP: series with \`@resource.ClusterName="${props.cluster}"\``,
    'drawn with PromQL; every node, pod and container series arrives (no metric declarations)',
    `the workload section shows \`${namespace}/${workload}\``,
  ]);
  return new Dashboard({
    dashboardName: props.dashboardName ?? `${props.cluster}-container-insights`,
    ...(props.region === undefined ? {} : { region: props.region }),
    start: '-PT3H',
    widgets: [header, ...promqlClusterBands({ cluster: props.cluster, namespace, workload })],
  });
}

function clusterHeader(props: ContainerInsightsDashboardProps, logGroupName: string, facts: readonly string[]) {
  const context = { title: `${props.cluster}: Kubernetes cluster`, cluster: props.cluster, logGroupName, facts, owners: props.owners ?? [], links: props.links ?? [] };
  return templatedTextWidget(props.headerTemplate ?? DEFAULT_HEADER_TEMPLATE, context, { width: 24, height: 4 });
}
