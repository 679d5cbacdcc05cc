// Every option of the PromQL chart widget, compiled by golden.test.ts and compared with promql-charts.json.
import { ChartWidget, Dashboard, Duration, TextWidget } from 'cwdash';

const lineOptions = { filled: false, stacked: true, width: 2, pattern: 'solid', spline: false };

export default new Dashboard({
  dashboardName: 'promql-charts',
  region: 'us-east-1',
  start: '-PT3H',
  widgets: [
    new TextWidget({ markdown: '# OTLP metrics, drawn with PromQL', width: 24, height: 1 }),
    [
      new ChartWidget({
        title: 'Requests/s by route',
        view: 'line',
        width: 12,
        queries: [
          { id: 'ok', label: 'ok', step: Duration.minutes(1), query: 'sum by (http_route) (rate(http_requests_total{"@resource.service.name"="tasks-api", status_code!~"5.."}[5m]))' },
          { id: 'err', label: '__verbose__', query: 'sum by (http_route) (rate(http_requests_total{"@resource.service.name"="tasks-api", status_code=~"5.."}[5m]))' },
        ],
        legend: { position: 'bottom', show: true },
        xAxis: { type: 'datetime' },
        yAxis: [{ type: 'linear', min: 0, title: 'req/s' }],
        style: { lineOptions, numberOptions: { sparkline: true }, pieOptions: { innerSize: '50%' }, barOptions: {}, gaugeOptions: {} },
        horizontalAnnotations: [{ type: 'static', label: 'capacity', value: 400, color: '#d62728' }],
      }),
      new ChartWidget({
        title: 'p99 latency (s)',
        view: 'number',
        width: 6,
        queries: [{ id: 'p99', query: 'histogram_quantile(0.99, sum(rate({"http.server.request.duration", "@resource.service.name"="tasks-api"}[5m])))' }],
        style: { numberOptions: { sparkline: false, truncate: true } },
      }),
      new ChartWidget({
        title: 'Active requests by instance',
        view: 'pie',
        width: 6,
        region: 'eu-west-1',
        queries: [{ query: 'sum by ("@resource.service.instance.id") ({__name__="http.server.active_requests"})' }],
        legend: { show: false },
        style: { pieOptions: { innerSize: '30%' } },
      }),
    ],
    new ChartWidget({
      title: 'Heap by pod',
      view: 'bar',
      width: 24,
      height: 4,
      queries: [
        { id: 'heap', step: Duration.seconds(30), query: 'max by ("@resource.k8s.pod.name") (nodejs_heap_size_used_bytes)' },
        { id: 'limit', label: 'limit', query: 'max(kube_pod_container_resource_limits{resource="memory", namespace="prod"})' },
      ],
      yAxis: [{ type: 'linear', min: 0, max: 1e9 }],
      style: { barOptions: {} },
    }),
  ],
});
