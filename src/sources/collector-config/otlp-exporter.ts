/**
 * The `otlphttp` and `otlp` exporters' settings (docs/sources.md#otel-metrics), typed; whether they reach CloudWatch's OTLP
 * endpoint, and what it would reject, is decided in analysis/otlp.
 */
import type { YamlPath } from './locate.js';
import type { OtlpExporterConfig } from './model.js';
import type { SettingsReader, Settings } from './reader.js';

export const OTLP_EXPORTER_TYPES = ['otlphttp', 'otlp'] as const;

/** Options of the collector's OTLP exporters (confighttp / configgrpc and exporterhelper), so typos are warned. */
const OTLP_OPTIONS = [
  'endpoint', 'metrics_endpoint', 'traces_endpoint', 'logs_endpoint', 'profiles_endpoint', 'auth', 'compression',
  'encoding', 'headers', 'tls', 'timeout', 'read_buffer_size', 'write_buffer_size', 'max_idle_conns',
  'max_idle_conns_per_host', 'max_conns_per_host', 'idle_conn_timeout', 'disable_keep_alives', 'http2_read_idle_timeout',
  'http2_ping_timeout', 'proxy_url', 'cookies', 'sending_queue', 'retry_on_failure', 'balancer_name', 'keepalive',
  'wait_for_ready', 'authority', 'compression_params', 'batcher', 'force_attempt_http2',
];

export function readOtlpExporter(type: string, reader: SettingsReader, settings: Settings, path: YamlPath): OtlpExporterConfig {
  reader.checkKeys(settings, OTLP_OPTIONS, path, type);
  const authPath = [...path, 'auth'];
  const auth = reader.map(settings.auth, authPath);
  const endpointKey = settings.metrics_endpoint !== undefined ? 'metrics_endpoint' : 'endpoint';
  return {
    protocol: type === 'otlp' ? 'grpc' : 'http',
    endpoint: reader.string(settings, 'endpoint', path, ''),
    metricsEndpoint: reader.string(settings, 'metrics_endpoint', path, ''),
    authenticator: reader.string(auth, 'authenticator', authPath, ''),
    compression: reader.string(settings, 'compression', path, 'gzip'),
    encoding: reader.string(settings, 'encoding', path, 'proto'),
    endpointLocation: reader.locate(settings[endpointKey] === undefined ? path : [...path, endpointKey]),
  };
}
