/** `cwdash metrics`: the CloudWatch custom metrics a collector config + scrape (or EMF logs, or a cluster) produce. */
import { z } from 'zod';
import { defineCommand, type CommandOptions } from '../command.js';
import { flag, text, wholeNumber } from '../flags.js';
import { appContext, outputFlags } from '../options.js';
import { writeCommandOutput } from '../output.js';
import { UsageError } from '../../shared/errors.js';
import { warn } from '../../shared/io.js';
import { DEFAULT_MAX_SERIES } from '../../shared/input-limits.js';

const INPUTS = 'Inputs:';
const PREDICTION = 'Prediction:';

export const metricsOptions = {
  ...outputFlags(['table', 'json', 'csv'], 'table'),
  /** yargs takes the `-` of `--scrape -` / `--emf -` as this positional (value `true`) and leaves the option `''`. */
  stdin: flag(z.unknown(), { describe: 'the "-" of --scrape - or --emf -: read that input from standard input', positional: true }),
  collector: flag(z.array(text).max(1, { error: 'one collector (metrics predicts one; cost-report takes several)' }).optional(), {
    describe: 'the collector as one value: config=FILE[,scrape=FILE][,inventory=FILE][,version=V][,replicas=N][,cluster-name=NAME][,env-file=FILE]',
    group: INPUTS,
    example: 'config=otel.yaml,scrape=metrics.txt,version=0.17.0',
  }),
  config: flag(text.optional(), { describe: 'the OpenTelemetry collector config (YAML) (default: the project config collector)', group: INPUTS }),
  scrape: flag(z.string().optional(), { describe: "a scrape of the app's /metrics (Prometheus text or OpenMetrics); - reads stdin", group: INPUTS }),
  scrapeUrl: flag(text.optional(), { describe: 'fetch the scrape from this URL instead (format from the Content-Type)', group: INPUTS }),
  scrapeFormat: flag(z.enum(['auto', 'text', 'openmetrics']).default('auto'), { describe: 'grammar of --scrape: auto = OpenMetrics for .om files, else text 0.0.4', group: INPUTS }),
  envFile: flag(text.optional(), { describe: 'NAME=value lines for the ${env:VAR} references in the config', group: INPUTS }),
  clusterInventory: flag(text.optional(), { describe: '`kubectl get nodes,pods,services -A -o json` output: add the Container Insights metrics', group: INPUTS }),
  clusterName: flag(text.optional(), { describe: "the cluster's name, when the config's log_group_name and the nodes' labels do not give it", group: INPUTS }),
  emf: flag(z.string().optional(), { describe: 'count the metrics of EMF log events instead (JSON lines; - reads stdin)', group: INPUTS }),
  collectorVersion: flag(text.optional(), {
    describe: "ADOT collector version whose behaviour to predict (default: the project config entry's, else the inventory's collector image tag, else the newest known)",
    group: PREDICTION,
    example: '0.17.0',
  }),
  replicas: flag(wholeNumber(1).optional(), { describe: 'pods running the app + collector (default: 1)', group: PREDICTION, example: '3' }),
  maxSeries: flag(wholeNumber(1).default(DEFAULT_MAX_SERIES), {
    describe: 'refuse a scrape with more distinct series than this (a bound on memory: a few hundred bytes each)',
    group: INPUTS,
    example: '2000000',
  }),
};

type MetricsOptions = CommandOptions<typeof metricsOptions>;

export const metricsCommand = defineCommand({
  examples: [
    ['$0 metrics --config examples/task-service/otel-config.yaml --scrape examples/task-service/metrics.txt', 'the sidecar example: 144 custom metrics'],
    ['$0 metrics --config otel-config.yaml --scrape-url http://localhost:3000/metrics --collector-version 0.17.0', 'scrape the running app; predict for the 2022 ADOT v0.17 collector'],
    ['curl -s localhost:3000/metrics | $0 metrics --config otel-config.yaml --scrape - --format json | jq .summary', 'a scrape on stdin, JSON out'],
    ['$0 metrics --config examples/cluster/otel-config.yaml --cluster-inventory examples/cluster/inventory.json', 'Container Insights metrics of a cluster'],
    ['$0 metrics --emf performance-log-export.jsonl', 'count the metrics already-written EMF events create'],
  ],
  options: metricsOptions,
  async run(rawOptions, io) {
    const options = withStdinDash(rawOptions);
    const { metrics } = await import('../../app/metrics.js');
    const streamed = await metrics(
      { ...options, scrapeFormat: options.scrapeFormat === 'auto' ? undefined : options.scrapeFormat },
      appContext(io, options),
    );
    for (const warning of streamed.result.warnings) warn(io, `${warning.location ? `${warning.location}: ` : ''}${warning.message}`);
    let output: string | Iterable<string>;
    if (options.format === 'json') output = (await import('../../outputs/metrics-json.js')).metricsJsonChunks(streamed);
    else if (options.format === 'csv') output = (await import('../../outputs/metrics-csv.js')).metricsCsvChunks(streamed);
    else output = (await import('../../outputs/metrics-table.js')).renderMetricsTable(streamed);
    await writeCommandOutput(output, options, io);
    return 0;
  },
});

function positiveWhole(value: number, flag: string): number {
  if (Number.isSafeInteger(value) && value > 0) return value;
  throw new UsageError(`${flag} must be a whole number above 0, got ${String(value)}`, { fix: `pass ${flag} 2000000, for example` });
}

/** `--scrape -` and `--emf -` read standard input; any other positional is a mistake. */
function withStdinDash(options: MetricsOptions): MetricsOptions {
  if (options.stdin !== undefined && options.stdin !== true && options.stdin !== '-') {
    throw new UsageError(`unexpected argument "${String(options.stdin)}"`, { fix: 'inputs are given with --config, --scrape, --emf ...; "-" after --scrape or --emf reads stdin' });
  }
  return { ...options, ...(options.scrape === '' ? { scrape: '-' } : {}), ...(options.emf === '' ? { emf: '-' } : {}) };
}
