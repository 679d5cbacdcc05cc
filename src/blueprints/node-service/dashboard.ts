/**
 * `nodeServiceDashboard`: the dashboard of a Node.js/Express service (prom-client default metrics plus
 * prometheus-api-metrics) whose sidecar ADOT collector sends its scrape to CloudWatch through awsemf
 * (docs/sources.md#metrics-sources), or over OTLP (`exporter: 'otlp'`: PromQL chart widgets, see promql-widgets.ts).
 * With awsemf, traffic, errors and latency come from the request-duration histogram, which awsemf sends as a statistic
 * set of cumulative Count and Sum (docs/sources.md#awsemf): rates are the RATE of those cumulative values, corrected
 * for the several data points a period holds, and latency is DIFF(Sum)/DIFF(Count). Percentiles are not offered for
 * it: the buckets never reach CloudWatch.
 */
import { Dashboard } from '../../model/dashboard/dashboard.js';
import type { IWidget } from '../../model/dashboard/widget.js';
import { DEFAULT_HEADER_TEMPLATE, templatedTextWidget, type TextLink } from '../text-template.js';
import { EmfMetrics } from './emf-metrics.js';
import { promqlServiceWidgets } from './promql-widgets.js';
import { kubernetesWidgets, nodeServiceWidgets, type KubernetesWorkload } from './widgets.js';

export interface NodeServiceDashboardProps {
  /**
   * The scrape job name, e.g. `prod/task-service`: the CloudWatch namespace of the service's metrics (awsemf), or
   * their `@resource.service.name` (OTLP).
   */
  readonly namespace: string;
  /**
   * How the sidecar sends the metrics: `awsemf` (Classic custom metrics, drawn by metric widgets with metric math)
   * or `otlp` (otlphttp to CloudWatch's OTLP endpoint, drawn by PromQL chart widgets).
   * @default 'awsemf'
   */
  readonly exporter?: 'awsemf' | 'otlp';
  /** The service's name, shown in titles. */
  readonly service: string;
  /**
   * Dashboard name.
   * @default - the namespace with `/` replaced by `-` (`prod-task-service`)
   */
  readonly dashboardName?: string;
  /**
   * Region of the metrics.
   * @default - the project's `region`
   */
  readonly region?: string;
  /**
   * ADOT collector version of the sidecar: decides whether the metrics carry the `OTelLib` dimension.
   * @default - the newest version cwdash knows
   */
  readonly collectorVersion?: string;
  /** @default 'ZeroAndSingleDimensionRollup' (awsemf's default) */
  readonly dimensionRollup?: string;
  /**
   * The collector's scrape interval: how many data points of a cumulative value one period holds.
   * @default 30
   */
  readonly scrapeIntervalSeconds?: number;
  /**
   * The label that carries the HTTP status code: `code` (prometheus-api-metrics) or `status_code`.
   * @default 'code'
   */
  readonly statusCodeLabel?: string;
  /**
   * Status codes counted as server errors in the error rate.
   * @default ['500', '502', '503', '504']
   */
  readonly serverErrorCodes?: readonly string[];
  /**
   * The service's workload in a cluster with Container Insights: adds pod restarts and CPU/memory against limits.
   * @default - no Kubernetes widgets
   */
  readonly kubernetes?: KubernetesWorkload;
  /** People or teams who own the service, for the header. @default - none */
  readonly owners?: readonly string[];
  /** Runbook and other links for the header. @default - none */
  readonly links?: readonly TextLink[];
  /**
   * Handlebars template of the header; its context has `title`, `service`, `namespace`, `facts`, `owners`, `links`.
   * @default DEFAULT_HEADER_TEMPLATE
   */
  readonly headerTemplate?: string;
}

export function nodeServiceDashboard(props: NodeServiceDashboardProps): Dashboard {
  const otlp = props.exporter === 'otlp';
  const statusCodeLabel = props.statusCodeLabel ?? 'code';
  const serverErrorCodes = props.serverErrorCodes ?? ['500', '502', '503', '504'];
  const metrics = new EmfMetrics({
    namespace: props.namespace,
    ...(props.collectorVersion === undefined ? {} : { collectorVersion: props.collectorVersion }),
    ...(props.dimensionRollup === undefined ? {} : { dimensionRollup: props.dimensionRollup }),
  });
  const scrapeInterval = props.scrapeIntervalSeconds ?? 30;
  const header = templatedTextWidget(
    props.headerTemplate ?? DEFAULT_HEADER_TEMPLATE,
    {
      title: `${props.service}: Node.js service`,
      service: props.service,
      namespace: props.namespace,
      facts: otlp
        ? [
            `OTLP series of \`@resource.service.name="${props.namespace}"\``,
            `scraped every ${scrapeInterval} s`,
            'histograms arrive with their buckets over OTLP, so latency percentiles are drawn from them',
          ]
        : [
            `Namespace \`${props.namespace}\``,
            `scraped every ${scrapeInterval} s`,
            'latency is the mean per period: awsemf sends histograms without buckets, so CloudWatch has no percentiles of them',
          ],
      owners: props.owners ?? [],
      links: props.links ?? [],
    },
    { width: 24, height: 4 },
  );
  const appWidgets = otlp
    ? withKubernetes(promqlServiceWidgets({ serviceName: props.namespace, statusCodeLabel, serverErrorCodes }), props.kubernetes)
    : nodeServiceWidgets({ metrics, service: props.service, scrapeIntervalSeconds: scrapeInterval, statusCodeLabel, serverErrorCodes, kubernetes: props.kubernetes });
  const bands: (IWidget | IWidget[])[] = [header, ...appWidgets];
  return new Dashboard({
    dashboardName: props.dashboardName ?? props.namespace.replace(/[^A-Za-z0-9_-]+/g, '-'),
    ...(props.region === undefined ? {} : { region: props.region }),
    start: '-PT3H',
    widgets: bands,
  });
}

/** The Container Insights widgets of the workload (Classic metrics either way) join the last band. */
function withKubernetes(bands: IWidget[][], workload: KubernetesWorkload | undefined): IWidget[][] {
  if (!workload) return bands;
  return [...bands.slice(0, -1), [...bands[bands.length - 1]!, ...kubernetesWidgets(workload)]];
}
