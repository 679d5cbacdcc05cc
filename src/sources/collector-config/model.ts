/**
 * The typed, located model of an OpenTelemetry collector configuration. Every component and option keeps the line it
 * came from, so the analysis can point at `otel-config.yaml:14:5`, and the parsed `yaml` Document is kept so a fix
 * can be written back with the user's comments and layout intact.
 */
import type { Document, LineCounter } from 'yaml';

/** Where something is in the config file. `path` is the dotted YAML path, e.g. `exporters.awsemf.namespace`. */
export interface ConfigLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly path: string;
}

export type ComponentKind = 'receivers' | 'processors' | 'exporters' | 'connectors' | 'extensions';

export interface ComponentBase {
  readonly kind: ComponentKind;
  /** `type[/name]` exactly as written, e.g. `prometheus/app`. */
  readonly id: string;
  readonly type: string;
  readonly name: string;
  readonly location: ConfigLocation;
  /** The component's settings after variable expansion (`{}` when the YAML value is empty). */
  readonly raw: Readonly<Record<string, unknown>>;
}

// ---- prometheus receiver -------------------------------------------------------------------------------------

export type RelabelAction = 'replace' | 'keep' | 'drop' | 'labeldrop' | 'labelkeep' | 'labelmap' | 'hashmod' | 'lowercase' | 'uppercase' | 'keepequal' | 'dropequal';

export interface RelabelRule {
  readonly action: RelabelAction;
  readonly sourceLabels: readonly string[];
  readonly separator: string;
  /** The regex as written; Prometheus anchors it (`^(?:regex)$`). */
  readonly regex: string;
  readonly targetLabel: string;
  readonly replacement: string;
  readonly location: ConfigLocation;
  /** Where `regex` is written, when it is. */
  readonly regexLocation?: ConfigLocation;
}

export interface StaticTargetGroup {
  readonly targets: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
}

export interface ScrapeConfig {
  readonly jobName: string;
  readonly scrapeIntervalSeconds: number;
  readonly metricsPath: string;
  readonly scheme: string;
  readonly honorLabels: boolean;
  readonly staticConfigs: readonly StaticTargetGroup[];
  /** Names of the `*_sd_configs` keys present: targets found at run time, each with its own `instance`. */
  readonly serviceDiscovery: readonly string[];
  readonly metricRelabelConfigs: readonly RelabelRule[];
  /** `sample_limit`: more samples than this after relabelling fail the whole scrape; 0 means no limit. */
  readonly sampleLimit: number;
  readonly location: ConfigLocation;
}

export interface PrometheusReceiverConfig {
  readonly scrapeConfigs: readonly ScrapeConfig[];
  readonly trimMetricSuffixes: boolean;
}

// ---- awsemf exporter ----------------------------------------------------------------------------------------

export interface LabelMatcher {
  readonly labelNames: readonly string[];
  /** `;` when not given. */
  readonly separator: string;
  readonly regex: string;
}

export interface MetricDeclaration {
  readonly dimensions: readonly (readonly string[])[];
  readonly metricNameSelectors: readonly string[];
  readonly labelMatchers: readonly LabelMatcher[];
  readonly location?: ConfigLocation;
}

export interface MetricDescriptor {
  readonly metricName: string;
  readonly unit: string;
  readonly overwrite: boolean;
}

export interface AwsEmfConfig {
  readonly namespace: string;
  readonly logGroupName: string;
  readonly logStreamName: string;
  /** As written; any value other than the two rollup names behaves like `NoDimensionRollup`. */
  readonly dimensionRollupOption: string;
  readonly metricDeclarations: readonly MetricDeclaration[];
  readonly metricDescriptors: readonly MetricDescriptor[];
  readonly resourceToTelemetryConversion: { readonly enabled: boolean; readonly excludeServiceAttributes: boolean };
  readonly detailedMetrics: boolean;
  readonly retainInitialValueOfDeltaMetric: boolean;
  readonly version: string;
  readonly outputDestination: string;
  readonly parseJsonEncodedAttrValues: readonly string[];
  /** Options the user actually wrote, so version checks can say "not in this collector version". */
  readonly explicitOptions: readonly string[];
  /** The AWS region the exporter sends to (`region`), `''` when it leaves that to the SDK; where it is written. */
  readonly region: string;
  readonly regionLocation?: ConfigLocation | undefined;
}

// ---- OTLP exporters (CloudWatch's OTLP endpoint, docs/sources.md#otel-metrics) ---------------------------------------

export interface OtlpExporterConfig {
  /** `otlphttp` speaks OTLP/HTTP; `otlp` speaks gRPC, which CloudWatch's endpoint does not accept. */
  readonly protocol: 'http' | 'grpc';
  /** Base URL (`otlphttp` appends `/v1/metrics`); `''` when not written. */
  readonly endpoint: string;
  /** Full metrics URL, wins over `endpoint`; `''` when not written. */
  readonly metricsEndpoint: string;
  /** `auth.authenticator`, e.g. `sigv4auth` or `bearertokenauth/cw`; `''` when none. */
  readonly authenticator: string;
  /** `gzip` unless written. */
  readonly compression: string;
  /** `proto` unless written (`json` also accepted by CloudWatch). */
  readonly encoding: string;
  /** Where the exporter's endpoint option is, for findings. */
  readonly endpointLocation: ConfigLocation;
}

// ---- processors ---------------------------------------------------------------------------------------------

export interface AttributeAction {
  readonly key: string;
  readonly action: 'insert' | 'update' | 'upsert' | 'delete' | 'hash' | 'extract' | 'convert';
  readonly value?: string;
  readonly fromAttribute?: string;
}

export interface MetricNameFilter {
  readonly matchType: 'strict' | 'regexp';
  readonly metricNames: readonly string[];
}

export type ProcessorModel =
  | {
      readonly type: 'batch';
      /** Data points that trigger a send (default 8192). */
      readonly sendBatchSize: number;
      /** Upper bound of one batch in data points; 0 (the default) = no bound, a large export is sent whole. */
      readonly sendBatchMaxSize: number;
      /** How long data waits for a batch to fill (default 200 ms). */
      readonly timeoutSeconds: number;
      readonly location: ConfigLocation;
    }
  | { readonly type: 'resource'; readonly actions: readonly AttributeAction[] }
  | { readonly type: 'attributes'; readonly actions: readonly AttributeAction[] }
  | { readonly type: 'filter'; readonly include?: MetricNameFilter; readonly exclude?: MetricNameFilter }
  | { readonly type: 'metricstransform'; readonly renames: readonly MetricRename[] };

export interface MetricRename {
  readonly include: string;
  readonly matchType: 'strict' | 'regexp';
  /** `update` renames in place; `insert` adds a renamed copy. */
  readonly action: 'update' | 'insert';
  readonly newName: string;
}

// ---- the whole config ---------------------------------------------------------------------------------------

export interface ReceiverComponent extends ComponentBase {
  readonly prometheus?: PrometheusReceiverConfig;
}
export interface ProcessorComponent extends ComponentBase {
  readonly model?: ProcessorModel;
}
export interface ExporterComponent extends ComponentBase {
  readonly awsemf?: AwsEmfConfig;
  readonly otlp?: OtlpExporterConfig;
}

export interface Pipeline {
  /** `metrics`, `metrics/app`, `traces`, ... */
  readonly id: string;
  readonly signal: string;
  readonly receivers: readonly string[];
  readonly processors: readonly string[];
  readonly exporters: readonly string[];
  readonly location: ConfigLocation;
}

export interface ConfigWarning {
  readonly message: string;
  readonly location: ConfigLocation;
}

/** A component present in a metrics pipeline whose effect on CloudWatch metrics cwdash does not compute. */
export interface NotModelled {
  readonly component: string;
  readonly kind: ComponentKind;
  readonly reason: string;
  readonly location: ConfigLocation;
}

export interface CollectorConfig {
  readonly file: string;
  /** The parsed YAML, comments included: edit it and `String(document)` to write a fix back. */
  readonly document: Document;
  readonly lineCounter: LineCounter;
  readonly receivers: ReadonlyMap<string, ReceiverComponent>;
  readonly processors: ReadonlyMap<string, ProcessorComponent>;
  readonly exporters: ReadonlyMap<string, ExporterComponent>;
  /** Extensions defined (`sigv4auth`, `bearertokenauth/cw`, ...) and the ones `service.extensions` starts. */
  readonly extensions: ReadonlyMap<string, ComponentBase>;
  readonly serviceExtensions: readonly string[];
  readonly pipelines: readonly Pipeline[];
  readonly warnings: readonly ConfigWarning[];
  readonly notModelled: readonly NotModelled[];
}
