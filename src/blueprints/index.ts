/** Ready dashboards as code: typed functions that return `Dashboard`s built with the model, to use or adapt. */
export { nodeServiceDashboard, type NodeServiceDashboardProps } from './node-service/dashboard.js';
export type { KubernetesWorkload } from './node-service/widgets.js';
export { EmfMetrics, type EmfMetricsProps } from './node-service/emf-metrics.js';
export { containerInsightsDashboard, type ContainerInsightsDashboardProps } from './container-insights/dashboard.js';
export { ClusterMetrics } from './container-insights/cluster-metrics.js';
export { renderTextTemplate, templatedTextWidget, DEFAULT_HEADER_TEMPLATE, type TextContext, type TextLink } from './text-template.js';
