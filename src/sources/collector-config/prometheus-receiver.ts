/** The `prometheus` receiver's settings: the embedded Prometheus `scrape_configs` that decide series and labels. */
import type { YamlPath } from './locate.js';
import type { PrometheusReceiverConfig, RelabelAction, RelabelRule, ScrapeConfig, StaticTargetGroup } from './model.js';
import type { SettingsReader, Settings } from './reader.js';

const RECEIVER_OPTIONS = ['config', 'trim_metric_suffixes', 'use_start_time_metric', 'start_time_metric_regex', 'target_allocator', 'report_extra_scrape_metrics', 'api_server'];
const SCRAPE_OPTIONS = [
  'job_name', 'scrape_interval', 'scrape_timeout', 'metrics_path', 'scheme', 'static_configs', 'metric_relabel_configs',
  'relabel_configs', 'honor_labels', 'honor_timestamps', 'params', 'basic_auth', 'authorization', 'oauth2', 'tls_config',
  'proxy_url', 'follow_redirects', 'enable_http2', 'sample_limit', 'label_limit', 'label_name_length_limit',
  'label_value_length_limit', 'target_limit', 'body_size_limit', 'scrape_protocols', 'scrape_classic_histograms',
  'native_histogram_bucket_limit', 'track_timestamps_staleness', 'enable_compression', 'bearer_token', 'bearer_token_file',
];
const RELABEL_ACTIONS: readonly RelabelAction[] = ['replace', 'keep', 'drop', 'labeldrop', 'labelkeep', 'labelmap', 'hashmod', 'lowercase', 'uppercase', 'keepequal', 'dropequal'];
/** Prometheus' default global scrape interval. */
const DEFAULT_SCRAPE_INTERVAL_SECONDS = 60;

export function readPrometheusReceiver(reader: SettingsReader, settings: Settings, path: YamlPath): PrometheusReceiverConfig {
  reader.checkKeys(settings, RECEIVER_OPTIONS, path, 'prometheus receiver');
  const configPath = [...path, 'config'];
  const config = reader.map(settings.config, configPath);
  const global = reader.map(config.global, [...configPath, 'global']);
  const defaultInterval = reader.duration(global, 'scrape_interval', [...configPath, 'global'], DEFAULT_SCRAPE_INTERVAL_SECONDS);
  const scrapeConfigs = reader
    .list(config.scrape_configs, [...configPath, 'scrape_configs'])
    .map((item, index) => readScrapeConfig(reader, item, [...configPath, 'scrape_configs', index], defaultInterval));
  return { scrapeConfigs, trimMetricSuffixes: reader.boolean(settings, 'trim_metric_suffixes', path, false) };
}

function readScrapeConfig(reader: SettingsReader, item: unknown, path: YamlPath, defaultInterval: number): ScrapeConfig {
  const settings = reader.map(item, path);
  const serviceDiscovery = Object.keys(settings).filter((key) => key.endsWith('_sd_configs'));
  reader.checkKeys(settings, [...SCRAPE_OPTIONS, ...serviceDiscovery], path, 'scrape config');
  const staticConfigs: StaticTargetGroup[] = reader.list(settings.static_configs, [...path, 'static_configs']).map((group, index) => {
    const groupPath = [...path, 'static_configs', index];
    const groupSettings = reader.map(group, groupPath);
    const labels = reader.map(groupSettings.labels, [...groupPath, 'labels']);
    return {
      targets: reader.strings(groupSettings, 'targets', groupPath),
      labels: Object.fromEntries(Object.entries(labels).map(([name, value]) => [name, String(value)])),
    };
  });
  return {
    jobName: reader.string(settings, 'job_name', path, ''),
    scrapeIntervalSeconds: reader.duration(settings, 'scrape_interval', path, defaultInterval),
    metricsPath: reader.string(settings, 'metrics_path', path, '/metrics'),
    scheme: reader.string(settings, 'scheme', path, 'http'),
    honorLabels: reader.boolean(settings, 'honor_labels', path, false),
    staticConfigs,
    serviceDiscovery,
    metricRelabelConfigs: reader
      .list(settings.metric_relabel_configs, [...path, 'metric_relabel_configs'])
      .map((rule, index) => readRelabelRule(reader, rule, [...path, 'metric_relabel_configs', index])),
    sampleLimit: reader.count(settings, 'sample_limit', path, 0),
    location: reader.locate(path),
  };
}

function readRelabelRule(reader: SettingsReader, item: unknown, path: YamlPath): RelabelRule {
  const settings = reader.map(item, path);
  reader.checkKeys(settings, ['action', 'source_labels', 'separator', 'regex', 'target_label', 'replacement', 'modulus'], path, 'relabel');
  const action = reader.string(settings, 'action', path, 'replace').toLowerCase() as RelabelAction;
  if (!RELABEL_ACTIONS.includes(action)) reader.warn([...path, 'action'], `unknown relabel action "${action}"`);
  return {
    action,
    sourceLabels: reader.strings(settings, 'source_labels', path),
    separator: reader.string(settings, 'separator', path, ';'),
    regex: reader.string(settings, 'regex', path, '(.*)'),
    targetLabel: reader.string(settings, 'target_label', path, ''),
    replacement: reader.string(settings, 'replacement', path, '$1'),
    location: reader.locate(path),
    ...(settings.regex === undefined ? {} : { regexLocation: reader.locate([...path, 'regex']) }),
  };
}
