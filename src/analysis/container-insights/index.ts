/** Container Insights as a metrics source: what `cwdash metrics --cluster-inventory` and the cost report call. */
export {
  predictContainerInsightsMetrics,
  containerInsightsRoutes,
  CONTAINER_INSIGHTS_RECEIVER,
  type ContainerInsightsRoute,
  type ContainerInsightsOptions,
} from './predict.js';
export { loadClusterInventory, parseClusterInventory } from '../../sources/cluster-inventory/load.js';
export type { ClusterInventory } from '../../sources/cluster-inventory/model.js';
