/** `cwdash metrics`: the CloudWatch custom metrics a collector config + scrape (or EMF logs, or a cluster) produce. */
import type { Argv } from 'yargs';
import { defineCommand } from '../command.js';
import { appContext, withOutputOptions, type GlobalOptions } from '../options.js';
import { writeCommandOutput } from '../output.js';
import { UsageError } from '../../shared/errors.js';
import { warn } from '../../shared/io.js';

interface MetricsOptions extends GlobalOptions {
  /** yargs takes the `-` of `--scrape -` / `--emf -` as this positional (value `true`) and leaves the option `''`. */
  readonly stdin?: unknown;
  readonly config?: string | undefined;
  readonly scrape?: string | undefined;
  readonly scrapeUrl?: string | undefined;
  readonly scrapeFormat: 'auto' | 'text' | 'openmetrics';
  readonly envFile?: string | undefined;
  readonly collectorVersion?: string | undefined;
  readonly replicas?: number | undefined;
  readonly clusterInventory?: string | undefined;
  readonly clusterName?: string | undefined;
  readonly emf?: string | undefined;
  readonly format: 'table' | 'json' | 'csv';
  readonly out?: string | undefined;
  readonly force: boolean;
}

export const metricsCommand = defineCommand<MetricsOptions>({
  command: 'metrics [stdin]',
  describe: 'predict the CloudWatch custom metrics a collector config creates (awsemf), or count those in EMF logs',
  examples: [
    ['$0 metrics --config examples/task-service/otel-config.yaml --scrape examples/task-service/metrics.txt', 'the sidecar example: 144 custom metrics'],
    ['$0 metrics --config otel-config.yaml --scrape-url http://localhost:3000/metrics --collector-version 0.17.0', 'scrape the running app; predict for the 2022 ADOT v0.17 collector'],
    ['curl -s localhost:3000/metrics | $0 metrics --config otel-config.yaml --scrape - --format json | jq .summary', 'a scrape on stdin, JSON out'],
    ['$0 metrics --config examples/cluster/otel-config.yaml --cluster-inventory examples/cluster/inventory.json', 'Container Insights metrics of a cluster'],
    ['$0 metrics --emf performance-log-export.jsonl', 'count the metrics already-written EMF events create'],
  ],
  builder: (argv) =>
    withOutputOptions(argv, ['table', 'json', 'csv'] as const, 'table')
      .positional('stdin', { describe: 'the "-" of --scrape - or --emf -: read that input from standard input' })
      .option('config', { type: 'string', describe: 'the OpenTelemetry collector config (YAML) (default: the project config collector)', group: 'Inputs:' })
      .option('scrape', { type: 'string', describe: "a scrape of the app's /metrics (Prometheus text or OpenMetrics); - reads stdin", group: 'Inputs:' })
      .option('scrape-url', { type: 'string', describe: 'fetch the scrape from this URL instead (format from the Content-Type)', group: 'Inputs:' })
      .option('scrape-format', {
        choices: ['auto', 'text', 'openmetrics'] as const,
        default: 'auto' as const,
        describe: 'grammar of --scrape: auto = OpenMetrics for .om files, else text 0.0.4',
        group: 'Inputs:',
      })
      .option('env-file', { type: 'string', describe: 'NAME=value lines for the ${env:VAR} references in the config', group: 'Inputs:' })
      .option('cluster-inventory', { type: 'string', describe: '`kubectl get nodes,pods,services -A -o json` output: add the Container Insights metrics', group: 'Inputs:' })
      .option('cluster-name', { type: 'string', describe: "the cluster's name, when the config's log_group_name and the nodes' labels do not give it", group: 'Inputs:' })
      .option('emf', { type: 'string', describe: 'count the metrics of EMF log events instead (JSON lines; - reads stdin)', group: 'Inputs:' })
      .option('collector-version', { type: 'string', describe: 'ADOT collector version whose behaviour to predict (default: 0.50.0, the newest known)', group: 'Prediction:' })
      .option('replicas', { type: 'number', describe: 'pods running the app + collector (default: 1)', group: 'Prediction:' }) as unknown as Argv<MetricsOptions>,
  async run(rawOptions, io) {
    const options = withStdinDash(rawOptions);
    const { metrics } = await import('../../app/metrics.js');
    const prediction = await metrics(
      { ...options, scrapeFormat: options.scrapeFormat === 'auto' ? undefined : options.scrapeFormat },
      appContext(io, options),
    );
    for (const warning of prediction.warnings) warn(io, `${warning.location ? `${warning.location}: ` : ''}${warning.message}`);
    let output: string;
    if (options.format === 'json') output = (await import('../../outputs/metrics-json.js')).renderMetricsJson(prediction);
    else if (options.format === 'csv') output = (await import('../../outputs/metrics-csv.js')).renderMetricsCsv(prediction);
    else output = (await import('../../outputs/metrics-table.js')).renderMetricsTable(prediction);
    await writeCommandOutput(output, options, io);
    return 0;
  },
});

/** `--scrape -` and `--emf -` read standard input; any other positional is a mistake. */
function withStdinDash(options: MetricsOptions): MetricsOptions {
  if (options.stdin !== undefined && options.stdin !== true && options.stdin !== '-') {
    throw new UsageError(`unexpected argument "${String(options.stdin)}"`, { fix: 'inputs are given with --config, --scrape, --emf ...; "-" after --scrape or --emf reads stdin' });
  }
  return { ...options, ...(options.scrape === '' ? { scrape: '-' } : {}), ...(options.emf === '' ? { emf: '-' } : {}) };
}
