/**
 * The collector a command analyses: its inputs and how to predict it. `src/app/collectors.ts` maps it from the flags
 * and the project config in one place; the analysis reads the files it names and predicts from them.
 */
export interface CollectorInput {
  /** The collector config (YAML). */
  readonly config: string;
  /** The app's exposition: a file, or `-` for standard input. */
  readonly scrape?: string | undefined;
  /** Or fetched from this URL. */
  readonly scrapeUrl?: string | undefined;
  readonly scrapeFormat?: 'text' | 'openmetrics' | undefined;
  /** `kubectl get nodes,pods,services -A -o json` output, for a Container Insights DaemonSet config. */
  readonly clusterInventory?: string | undefined;
  /** The cluster's name, when the config's log_group_name and the nodes' labels do not give it. */
  readonly clusterName?: string | undefined;
  /** `NAME=value` lines for the config's `${env:NAME}` references. */
  readonly envFile?: string | undefined;
  /** The ADOT version to predict, when one was given; else the inventory's image tag or the newest profile decides. */
  readonly collectorVersion?: string | undefined;
  /** Where `collectorVersion` was given, in words (`--collector-version`, `cwdash.config.ts`). */
  readonly collectorVersionSource?: string | undefined;
  /** The region this collector sends to (and is priced in); default its awsemf exporter's `region`. */
  readonly region?: string | undefined;
  /** Pods running this collector + app pair. */
  readonly replicas?: number | undefined;
}
