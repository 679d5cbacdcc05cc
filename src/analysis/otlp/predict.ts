/**
 * The OpenTelemetry side of a collector config (docs/sources.md#otel-metrics): for every metrics pipeline that
 * exports to CloudWatch's OTLP endpoint, the series CloudWatch stores with their PromQL labels, the data points per
 * scrape and month, and the bytes billed, sized from the OTLP protobuf encoding of each target's points; plus what
 * the endpoint would reject. `otlpEquivalent` answers the same for awsemf pipelines, as if they exported over OTLP.
 */
import { formatLocation } from '../../shared/errors.js';
import { compareStrings } from '../../shared/json.js';
import type { CollectorConfig, NotModelled, Pipeline, ProcessorModel } from '../../sources/collector-config/model.js';
import type { Scrape } from '../../sources/exposition/scrape.js';
import { applyResourceProcessors, namesDroppedFirst, pointProcessors } from '../awsemf/processors.js';
import type { CollectorProfile } from '../awsemf/profiles.js';
import { prometheusPoints, prometheusTarget, targetsOf, type OtelPoint } from '../awsemf/prometheus-to-otel.js';
import { compileRelabelRules } from '../awsemf/relabel.js';
import { targetSize, type SizedPoint } from './protobuf-size.js';
import { cloudWatchTarget, exporterFindings, metricsUrl } from './endpoint.js';
import { pointSeriesKey, promqlLabels, seriesKey, targetLabels } from './labels.js';
import type { OtlpEquivalent, OtlpExporterTarget, OtlpFinding, OtlpPipeline, OtlpPrediction, OtlpSeries, OtlpVolume } from '../../model/otlp-prediction.js';

/** docs/sources.md#otel-metrics: a month is 730 hours, as in the Price List's metric-months. */
export const OTLP_SECONDS_PER_MONTH = 2_628_000;
/** The endpoint's limits (docs/sources.md#otel-metrics). */
export const MAX_POINTS_PER_REQUEST = 1000;
export const MAX_REQUEST_BYTES = 1_000_000;
export const MAX_LABELS_PER_POINT = 150;
export const MAX_LABEL_BYTES_PER_POINT = 40 * 1024;

export interface OtlpPredictOptions {
  readonly config: CollectorConfig;
  readonly scrape: Scrape;
  readonly profile: CollectorProfile;
  readonly replicas: number;
}

/** Pipelines exporting to CloudWatch's OTLP endpoint; `undefined` when the config has none. */
export function predictOtlp(options: OtlpPredictOptions): OtlpPrediction | undefined {
  const { config } = options;
  const chosen: { pipeline: Pipeline; targets: OtlpExporterTarget[]; findings: OtlpFinding[] }[] = [];
  for (const pipeline of metricsPipelines(config)) {
    const targets: OtlpExporterTarget[] = [];
    const findings: OtlpFinding[] = [];
    for (const id of pipeline.exporters) {
      const exporter = config.exporters.get(id);
      const target = exporter ? cloudWatchTarget(exporter) : undefined;
      if (!exporter || !target) continue;
      targets.push(target);
      findings.push(...exporterFindings(config, exporter, target));
    }
    if (targets.length > 0) chosen.push({ pipeline, targets, findings });
  }
  if (chosen.length === 0) return undefined;
  return combine(chosen.map(({ pipeline, targets, findings }) => pipelineVolume(options, pipeline, targets, findings, true)));
}

/** OTLP exporters of metrics pipelines that send somewhere other than CloudWatch (a gateway collector, say). */
export function otlpElsewhere(config: CollectorConfig): NotModelled[] {
  const found = new Map<string, NotModelled>();
  for (const pipeline of metricsPipelines(config)) {
    for (const id of pipeline.exporters) {
      const exporter = config.exporters.get(id);
      if (!exporter?.otlp || cloudWatchTarget(exporter) || found.has(id)) continue;
      const url = metricsUrl(exporter) || '(no endpoint)';
      found.set(id, { component: id, kind: 'exporters', reason: `sends OTLP to ${url}, not CloudWatch's OTLP endpoint (monitoring.<region>.amazonaws.com): not counted`, location: exporter.location });
    }
  }
  return [...found.values()];
}

/**
 * What the awsemf pipelines' data would be over OTLP (the same receivers and processors, an otlphttp exporter): its
 * volume and the OTLP type of each metric name. No series list: the cost report compares totals.
 */
export function otlpEquivalent(options: OtlpPredictOptions): OtlpEquivalent | undefined {
  const pipelines = metricsPipelines(options.config).filter((pipeline) => pipeline.exporters.some((id) => options.config.exporters.get(id)?.awsemf));
  if (pipelines.length === 0) return undefined;
  const results = pipelines.map((pipeline) => pipelineVolume(options, pipeline, [], [], false));
  // Where pipelines disagree on a name's type, the last pipeline in id order wins (as in the series list's order).
  const byPipeline = [...results].sort((a, b) => compareStrings(a.pipeline.pipeline, b.pipeline.pipeline));
  return { volume: combine(results).summary, metricTypes: Object.fromEntries(byPipeline.flatMap((result) => [...result.metricTypes])) };
}

function metricsPipelines(config: CollectorConfig): Pipeline[] {
  return config.pipelines.filter((pipeline) => pipeline.signal === 'metrics');
}

interface PipelineResult {
  readonly pipeline: OtlpPipeline;
  /** Listed when the pipeline exports over OTLP (linted); empty for an awsemf pipeline's equivalent. */
  readonly series: OtlpSeries[];
  readonly metricTypes: ReadonlyMap<string, OtlpSeries['type']>;
}

function pipelineVolume(options: OtlpPredictOptions, pipeline: Pipeline, targets: OtlpExporterTarget[], connectionFindings: OtlpFinding[], lint: boolean): PipelineResult {
  const { config, scrape, profile, replicas } = options;
  const processors = pipeline.processors.map((id) => config.processors.get(id)?.model).filter((model): model is ProcessorModel => model !== undefined);
  const processPoint = pointProcessors(processors);
  const dropped = namesDroppedFirst(processors);
  // A linted pipeline lists every series with its points; an awsemf pipeline's equivalent only counts them.
  const listed = new Map<string, { series: OtlpSeries; points: number }>();
  const counted = new Set<string>();
  const metricTypes = new Map<string, OtlpSeries['type']>();
  const findings = [...connectionFindings];
  const overLabelled: string[] = [];
  const overLong: string[] = [];
  let pointsPerScrape = 0;
  let pointsPerMonth = 0;
  let bytesPerScrape = 0;
  let bytesPerMonth = 0;
  let largestExport = { points: 0, bytes: 0 };
  const perCollector = { points: 0, bytes: 0, interval: Number.POSITIVE_INFINITY };
  const intervals = new Set<number>();
  for (const receiverId of pipeline.receivers) {
    const receiver = config.receivers.get(receiverId);
    if (!receiver?.prometheus) continue;
    for (const scrapeConfig of receiver.prometheus.scrapeConfigs) {
      intervals.add(scrapeConfig.scrapeIntervalSeconds);
      const relabel = compileRelabelRules(scrapeConfig.metricRelabelConfigs).compiled;
      const { targets: scrapeTargets, copies } = targetsOf(scrapeConfig, replicas, []);
      const scrapesPerMonth = OTLP_SECONDS_PER_MONTH / scrapeConfig.scrapeIntervalSeconds;
      for (const target of scrapeTargets) {
        const targetMetrics = prometheusTarget(scrape, scrapeConfig, target, profile);
        const resource = applyResourceProcessors(targetMetrics.resource, processors);
        const points: OtelPoint[] = [];
        prometheusPoints(scrape, scrapeConfig, target, profile, relabel, (point) => points.push(...processPoint(point)), dropped);
        const sized = targetSize(resource, targetMetrics.scope, points.map(sizedPoint));
        const targetBytes = sized.pointBytes.reduce((total, size) => total + size, 0);
        pointsPerScrape += points.length * copies;
        pointsPerMonth += points.length * copies * scrapesPerMonth;
        bytesPerScrape += targetBytes * copies;
        bytesPerMonth += targetBytes * copies * scrapesPerMonth;
        if (points.length > largestExport.points) largestExport = { points: points.length, bytes: sized.requestBytes };
        perCollector.points += points.length;
        perCollector.bytes += sized.requestBytes;
        perCollector.interval = Math.min(perCollector.interval, scrapeConfig.scrapeIntervalSeconds);
        const shared = targetLabels(resource, targetMetrics.scope);
        const resourceLabelBytes = lint ? labelBytes(resource) : 0;
        points.forEach((point, index) => {
          const labelCount = lint ? Object.keys(resource).length + Object.keys(point.attributes).length : 0;
          if (lint && labelCount > MAX_LABELS_PER_POINT) overLabelled.push(`${point.name} (${labelCount})`);
          if (lint && labelBytes(point.attributes) + resourceLabelBytes > MAX_LABEL_BYTES_PER_POINT) overLong.push(point.name);
          const key = pointSeriesKey(point.name, point.attributes, shared);
          if (!lint) {
            if (counted.has(key)) return;
            counted.add(key);
            metricTypes.set(point.name, OTLP_TYPE[point.type]);
            return;
          }
          const known = listed.get(key);
          if (known) {
            known.points += copies;
            return;
          }
          metricTypes.set(point.name, OTLP_TYPE[point.type]);
          listed.set(key, {
            points: copies,
            series: {
              pipeline: pipeline.id, metricName: point.name, type: OTLP_TYPE[point.type],
              ...(point.type === 'gauge' ? {} : { temporality: 'cumulative' as const }),
              labels: promqlLabels(point.attributes, resource, targetMetrics.scope), bytesPerPoint: sized.pointBytes[index]!, dataPointsPerScrape: 0, labelCount,
            },
          });
        });
      }
    }
  }
  const at = formatLocation(pipeline.location);
  if (lint && overLabelled.length > 0) {
    findings.push({
      check: 'labels-per-point', severity: 'error', location: at,
      message: `${overLabelled.length} data point(s) carry more than ${MAX_LABELS_PER_POINT} labels (resource + scope + datapoint attributes), which CloudWatch rejects ("Maximum number of attributes exceeded: 150"), e.g. ${overLabelled.slice(0, 3).join(', ')}`,
      fix: 'drop labels before export: a labeldrop metric_relabel_config, or an attributes/resource processor with action: delete',
    });
  }
  if (lint && overLong.length > 0) {
    findings.push({
      check: 'label-bytes', severity: 'error', location: at,
      message: `${overLong.length} data point(s) carry more than 40 KB of label keys and values, which CloudWatch rejects, e.g. ${overLong.slice(0, 3).join(', ')}`,
      fix: 'drop or shorten the long labels (labeldrop, or an attributes processor with action: delete)',
    });
  }
  if (lint) findings.push(...batchFindings(config, pipeline, processors, largestExport, perCollector));
  const list = sortedSeries([...listed.values()].map(({ series: entry, points }) => ({ ...entry, dataPointsPerScrape: points })));
  const volume: OtlpVolume = {
    series: lint ? listed.size : counted.size,
    dataPointsPerScrape: pointsPerScrape,
    dataPointsPerMonth: Math.round(pointsPerMonth),
    bytesPerScrape,
    bytesPerMonth: Math.round(bytesPerMonth),
    assumptions: volumeAssumptions([...intervals], replicas),
  };
  return { pipeline: { pipeline: pipeline.id, exporters: targets, otlp: volume, findings }, series: list, metricTypes };
}

const OTLP_TYPE = { gauge: 'Gauge', sum: 'Sum', histogram: 'Histogram', summary: 'Summary' } as const;

function sizedPoint(point: OtelPoint): SizedPoint {
  return { name: point.name, type: point.type, attributes: point.attributes, buckets: point.buckets, quantiles: point.quantiles?.size ?? 0 };
}

function labelBytes(attributes: Readonly<Record<string, string>>): number {
  let total = 0;
  for (const [key, value] of Object.entries(attributes)) total += Buffer.byteLength(key) + Buffer.byteLength(value);
  return total;
}

/** By pipeline, metric name, then labels; each series' label key is built once, not once per comparison. */
function sortedSeries(list: readonly OtlpSeries[]): OtlpSeries[] {
  return list
    .map((series) => ({ series, labels: seriesKey('', series.labels) }))
    .sort((a, b) => compareStrings(a.series.pipeline, b.series.pipeline) || compareStrings(a.series.metricName, b.series.metricName) || compareStrings(a.labels, b.labels))
    .map(({ series }) => series);
}

/**
 * The largest request one collector sends: a scrape's export as it is without a batch processor; with one, what
 * arrives within its `timeout`, cut at `send_batch_max_size` (or, with no maximum, sent once `send_batch_size` is
 * reached, so up to one export more than that).
 */
function batchFindings(
  config: CollectorConfig,
  pipeline: Pipeline,
  processors: readonly ProcessorModel[],
  largestExport: { points: number; bytes: number },
  perCollector: { points: number; bytes: number; interval: number },
): OtlpFinding[] {
  if (perCollector.points === 0) return [];
  const batchId = [...pipeline.processors].reverse().find((id) => config.processors.get(id)?.model?.type === 'batch');
  const batch = batchId === undefined ? undefined : config.processors.get(batchId)!.model;
  let points = largestExport.points;
  let bytesPerPoint = largestExport.bytes / Math.max(1, largestExport.points);
  if (batch?.type === 'batch') {
    const window = perCollector.points * Math.max(1, Math.ceil(batch.timeoutSeconds / perCollector.interval));
    points = batch.sendBatchMaxSize > 0 ? Math.min(batch.sendBatchMaxSize, window) : Math.min(window, batch.sendBatchSize - 1 + largestExport.points);
    bytesPerPoint = perCollector.bytes / perCollector.points;
  }
  const where = batch?.type === 'batch' ? formatLocation(batch.location) : formatLocation(pipeline.location);
  const setting = batchId === undefined
    ? `add a batch processor with send_batch_max_size: ${MAX_POINTS_PER_REQUEST} to pipeline ${pipeline.id} (after the others)`
    : `set send_batch_max_size: ${MAX_POINTS_PER_REQUEST} on processors.${batchId}`;
  const findings: OtlpFinding[] = [];
  if (points > MAX_POINTS_PER_REQUEST) {
    findings.push({
      check: 'points-per-request', severity: 'error', location: where,
      message: `requests of up to ${points.toLocaleString('en-US')} data points leave this collector; CloudWatch's OTLP endpoint rejects requests over ${MAX_POINTS_PER_REQUEST.toLocaleString('en-US')} (400)`,
      fix: setting,
    });
  }
  const sized = Math.min(points, MAX_POINTS_PER_REQUEST);
  if (sized * bytesPerPoint > MAX_REQUEST_BYTES) {
    const fitting = Math.max(1, Math.floor(MAX_REQUEST_BYTES / bytesPerPoint));
    findings.push({
      check: 'request-size', severity: 'error', location: where,
      message: `requests of ${sized.toLocaleString('en-US')} data points are about ${Math.round(sized * bytesPerPoint).toLocaleString('en-US')} bytes uncompressed (≈${Math.round(bytesPerPoint)} B a point); CloudWatch's OTLP endpoint rejects requests over 1 MB (400)`,
      fix: batchId === undefined
        ? `add a batch processor with send_batch_max_size: ${fitting} to pipeline ${pipeline.id}`
        : `set send_batch_max_size: ${fitting} on processors.${batchId}`,
    });
  }
  return findings;
}

function volumeAssumptions(intervals: readonly number[], replicas: number): string[] {
  const shown = intervals.length === 0 ? 'no prometheus scrape' : `scraped every ${[...intervals].sort((a, b) => a - b).join(' s / ')} s`;
  return [
    `${shown}, ${replicas} replica(s); a month is 730 hours (${OTLP_SECONDS_PER_MONTH.toLocaleString('en-US')} s)`,
    'billed bytes per data point = its OTLP protobuf encoding (OpenTelemetry JS encoder): metric name field, the data point (attributes, start and end timestamps, value; a histogram its count, sum, bucket counts and bounds), and every resource attribute, counted with each point',
    'not counted: instrumentation scope, description, unit, request framing and compression; labels CloudWatch adds (@aws.account, @aws.region, __type__, __temporality__) are unconfirmed in billing',
    'a GB is 10^9 bytes (the larger of the two readings, so the estimate does not come out low)',
  ];
}

function combine(results: readonly PipelineResult[]): OtlpPrediction {
  const series = sortedSeries(results.flatMap((result) => result.series));
  const volumes = results.map((result) => result.pipeline.otlp);
  const summary: OtlpVolume = {
    series: volumes.reduce((total, volume) => total + volume.series, 0),
    dataPointsPerScrape: volumes.reduce((total, volume) => total + volume.dataPointsPerScrape, 0),
    dataPointsPerMonth: volumes.reduce((total, volume) => total + volume.dataPointsPerMonth, 0),
    bytesPerScrape: volumes.reduce((total, volume) => total + volume.bytesPerScrape, 0),
    bytesPerMonth: volumes.reduce((total, volume) => total + volume.bytesPerMonth, 0),
    assumptions: [...new Set(volumes.flatMap((volume) => volume.assumptions))],
  };
  return { pipelines: results.map((result) => result.pipeline), series, summary };
}
