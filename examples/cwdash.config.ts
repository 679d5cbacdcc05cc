/**
 * The bundled examples as a cwdash project: `cwdash cost-report` uses these collectors when the project it runs in
 * names none, and `cwdash metrics --config examples/task-service/otel-config.yaml` finds its entry here, so both
 * predict the same collector version.
 */
import { defineConfig } from 'cwdash';

export default defineConfig({
  dashboardsDir: '../dashboards',
  collectors: [
    // The 2022 sidecar, ADOT v0.17.0: dashboards/task-service.ts is written for it (no OTelLib dimension).
    { config: 'task-service/otel-config.yaml', scrape: 'task-service/metrics.txt', collectorVersion: '0.17.0' },
    // The DaemonSet's version comes from the inventory (its pods run amazon/aws-otel-collector:v0.14.0); its awsemf
    // sets no region (the chart passes it in the environment), so the example cluster's region is data here.
    { config: 'cluster/otel-config.yaml', clusterInventory: 'cluster/inventory.json', region: 'ap-northeast-1' },
  ],
});
