/** The `awsemf` exporter's settings (docs/sources.md#awsemf), typed; semantics (validation, rollup) live in analysis/awsemf. */
import type { YamlPath } from './locate.js';
import type { AwsEmfConfig, LabelMatcher, MetricDeclaration, MetricDescriptor } from './model.js';
import type { SettingsReader, Settings } from './reader.js';

/** Options that change metric identity or EMF bytes, plus transport options that are known but irrelevant. */
export const AWSEMF_OPTIONS = [
  'namespace', 'log_group_name', 'log_stream_name', 'dimension_rollup_option', 'metric_declarations', 'metric_descriptors',
  'parse_json_encoded_attr_values', 'output_destination', 'resource_to_telemetry_conversion',
  'eks_fargate_container_insights_enabled', 'detailed_metrics', 'retain_initial_value_of_delta_metric', 'version',
  'log_retention', 'tags', 'region', 'endpoint', 'role_arn', 'num_workers', 'request_timeout_seconds', 'max_retries',
  'no_verify_ssl', 'proxy_address', 'local_mode', 'resource_arn', 'external_id', 'sending_queue', 'retry_on_failure',
  'timeout', 'certificate_file_path', 'imds_retries', 'middleware', 'enhanced_container_insights', 'disable_metric_extraction',
];

export function readAwsEmfExporter(reader: SettingsReader, settings: Settings, path: YamlPath): AwsEmfConfig {
  reader.checkKeys(settings, AWSEMF_OPTIONS, path, 'awsemf');
  const r2tPath = [...path, 'resource_to_telemetry_conversion'];
  const r2t = reader.map(settings.resource_to_telemetry_conversion, r2tPath);
  reader.checkKeys(r2t, ['enabled', 'exclude_service_attributes'], r2tPath, 'resource_to_telemetry_conversion');
  warnIgnoredValues(reader, settings, path);
  return {
    namespace: reader.string(settings, 'namespace', path, ''),
    logGroupName: reader.string(settings, 'log_group_name', path, ''),
    logStreamName: reader.string(settings, 'log_stream_name', path, ''),
    dimensionRollupOption: reader.string(settings, 'dimension_rollup_option', path, 'ZeroAndSingleDimensionRollup'),
    metricDeclarations: reader
      .list(settings.metric_declarations, [...path, 'metric_declarations'])
      .map((item, index) => readDeclaration(reader, item, [...path, 'metric_declarations', index])),
    metricDescriptors: reader
      .list(settings.metric_descriptors, [...path, 'metric_descriptors'])
      .map((item, index) => readDescriptor(reader, item, [...path, 'metric_descriptors', index])),
    resourceToTelemetryConversion: {
      enabled: reader.boolean(r2t, 'enabled', r2tPath, false),
      excludeServiceAttributes: reader.boolean(r2t, 'exclude_service_attributes', r2tPath, false),
    },
    detailedMetrics: reader.boolean(settings, 'detailed_metrics', path, false),
    retainInitialValueOfDeltaMetric: reader.boolean(settings, 'retain_initial_value_of_delta_metric', path, false),
    version: reader.string(settings, 'version', path, '1'),
    outputDestination: reader.string(settings, 'output_destination', path, 'cloudwatch'),
    parseJsonEncodedAttrValues: reader.strings(settings, 'parse_json_encoded_attr_values', path),
    explicitOptions: Object.keys(settings).sort(),
    region: reader.string(settings, 'region', path, ''),
    ...(settings.region === undefined ? {} : { regionLocation: reader.locate([...path, 'region']) }),
  };
}

/**
 * Values awsemf accepts without complaint but does not act on as written (docs/sources.md#awsemf: `util.go:dimensionRollup`
 * compares only to the two rollup names; `metric_translator.go` emits directives only for versions "0" and "1";
 * `output_destination` is compared to "stdout" ignoring case). The collector starts, so the user would never hear.
 */
function warnIgnoredValues(reader: SettingsReader, settings: Settings, path: YamlPath): void {
  const value = (key: string) => (settings[key] === undefined || settings[key] === null ? undefined : String(settings[key]));
  const rollup = value('dimension_rollup_option');
  if (rollup !== undefined && !ROLLUP_OPTIONS.includes(rollup)) {
    reader.warn(
      [...path, 'dimension_rollup_option'],
      `dimension_rollup_option "${rollup}" is not one of ${ROLLUP_OPTIONS.join(', ')}: the collector accepts it and behaves as NoDimensionRollup (no zero- or single-dimension copies)`,
    );
  }
  const version = value('version');
  if (version !== undefined && version !== '0' && version !== '1') {
    reader.warn([...path, 'version'], `version "${version}" is neither "1" nor "0": the collector writes plain log events with no metric directives, so CloudWatch extracts no metric from them`);
  }
  const destination = value('output_destination');
  if (destination !== undefined && destination !== 'cloudwatch' && destination !== 'stdout') {
    const acts = destination.toLowerCase() === 'stdout' ? 'stdout (the comparison ignores case)' : 'cloudwatch (only "stdout" changes the destination)';
    reader.warn([...path, 'output_destination'], `output_destination "${destination}" is not "cloudwatch" or "stdout": the collector treats it as ${acts}`);
  }
}

const ROLLUP_OPTIONS = ['ZeroAndSingleDimensionRollup', 'SingleDimensionRollupOnly', 'NoDimensionRollup'];

function readDeclaration(reader: SettingsReader, item: unknown, path: YamlPath): MetricDeclaration {
  const settings = reader.map(item, path);
  reader.checkKeys(settings, ['dimensions', 'metric_name_selectors', 'label_matchers'], path, 'metric_declarations');
  const dimensions = reader.list(settings.dimensions, [...path, 'dimensions']).map((set, index) =>
    reader.list(set, [...path, 'dimensions', index]).map(String),
  );
  const labelMatchers = reader.list(settings.label_matchers, [...path, 'label_matchers']).map((matcher, index): LabelMatcher => {
    const matcherPath = [...path, 'label_matchers', index];
    const matcherSettings = reader.map(matcher, matcherPath);
    reader.checkKeys(matcherSettings, ['label_names', 'separator', 'regex'], matcherPath, 'label_matchers');
    return {
      labelNames: reader.strings(matcherSettings, 'label_names', matcherPath),
      separator: reader.string(matcherSettings, 'separator', matcherPath, ';') || ';',
      regex: reader.string(matcherSettings, 'regex', matcherPath, ''),
    };
  });
  return {
    dimensions,
    metricNameSelectors: reader.strings(settings, 'metric_name_selectors', path),
    labelMatchers,
    location: reader.locate(path),
  };
}

function readDescriptor(reader: SettingsReader, item: unknown, path: YamlPath): MetricDescriptor {
  const settings = reader.map(item, path);
  reader.checkKeys(settings, ['metric_name', 'unit', 'overwrite'], path, 'metric_descriptors');
  return {
    metricName: reader.string(settings, 'metric_name', path, ''),
    unit: reader.string(settings, 'unit', path, ''),
    overwrite: reader.boolean(settings, 'overwrite', path, false),
  };
}
