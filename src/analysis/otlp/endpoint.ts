/**
 * Whether an OTLP exporter sends to CloudWatch's OTLP metrics endpoint (`https://monitoring.<region>.amazonaws.com/
 * v1/metrics`, OTLP/HTTP only, SigV4 with service `monitoring` or a bearer token), and what in its config the
 * endpoint or the collector would refuse (docs/sources.md#otel-metrics).
 */
import { formatLocation } from '../../shared/errors.js';
import type { CollectorConfig, ExporterComponent } from '../../sources/collector-config/model.js';
import type { OtlpExporterTarget, OtlpFinding } from '../../model/otlp-prediction.js';

const CLOUDWATCH_HOST = /^monitoring\.([a-z]{2}(?:-[a-z]+)+-\d+)\.amazonaws\.com(?:\.cn)?$/;

/** The URL an OTLP exporter posts metrics to: `metrics_endpoint` as written, else `endpoint` + `/v1/metrics`. */
export function metricsUrl(exporter: ExporterComponent): string {
  const otlp = exporter.otlp!;
  if (otlp.metricsEndpoint !== '') return otlp.metricsEndpoint;
  if (otlp.protocol === 'grpc') return otlp.endpoint;
  return otlp.endpoint === '' ? '' : `${otlp.endpoint.replace(/\/+$/, '')}/v1/metrics`;
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(/^[a-z]+:\/\//i.test(url) ? url : `https://${url}`);
  } catch {
    return undefined;
  }
}

/** The exporter's target when it is CloudWatch's OTLP endpoint, else `undefined`. */
export function cloudWatchTarget(exporter: ExporterComponent): OtlpExporterTarget | undefined {
  if (!exporter.otlp) return undefined;
  const url = metricsUrl(exporter);
  const region = CLOUDWATCH_HOST.exec(parseUrl(url)?.hostname ?? '')?.[1];
  if (region === undefined) return undefined;
  return { exporter: exporter.id, url, region, authenticator: exporter.otlp.authenticator };
}

/** What the endpoint rejects about how this exporter connects, and what keeps the collector from starting. */
export function exporterFindings(config: CollectorConfig, exporter: ExporterComponent, target: OtlpExporterTarget): OtlpFinding[] {
  const otlp = exporter.otlp!;
  const findings: OtlpFinding[] = [];
  const at = formatLocation(exporter.location);
  const endpointAt = formatLocation(otlp.endpointLocation);
  const httpUrl = `https://monitoring.${target.region}.amazonaws.com/v1/metrics`;
  if (otlp.protocol === 'grpc') {
    findings.push({
      check: 'grpc-exporter', severity: 'error', location: at,
      message: `${exporter.id} speaks OTLP over gRPC; CloudWatch's OTLP endpoint accepts only OTLP/HTTP (HTTP/1.1), so every export fails`,
      fix: `replace it with an otlphttp exporter: metrics_endpoint: ${httpUrl}, auth: {authenticator: sigv4auth}`,
    });
  }
  const url = parseUrl(target.url);
  if (otlp.protocol === 'http' && url && url.pathname !== '/v1/metrics') {
    findings.push({
      check: 'endpoint-path', severity: 'error', location: endpointAt,
      message: `${exporter.id} posts to ${target.url}; CloudWatch receives OTLP metrics at the path /v1/metrics only`,
      fix: `metrics_endpoint: ${httpUrl} (or endpoint: https://monitoring.${target.region}.amazonaws.com, to which otlphttp appends /v1/metrics)`,
    });
  }
  if (otlp.authenticator === '') {
    findings.push({
      check: 'missing-auth', severity: 'error', location: at,
      message: `${exporter.id} sends unsigned requests; CloudWatch's OTLP endpoint needs SigV4 (service monitoring) or a bearer token`,
      fix: `add auth: {authenticator: sigv4auth} to ${exporter.id}, define extensions: sigv4auth: {service: monitoring, region: ${target.region}} and list it in service.extensions`,
    });
  } else {
    findings.push(...authenticatorFindings(config, exporter, target));
  }
  if (!['gzip', 'none', ''].includes(otlp.compression.toLowerCase())) {
    findings.push({
      check: 'compression', severity: 'warning', location: at,
      message: `${exporter.id} compresses with ${otlp.compression}; CloudWatch's OTLP endpoint documents gzip or no compression`,
      fix: 'remove compression: (gzip is the default) or set compression: none',
    });
  }
  return findings;
}

function authenticatorFindings(config: CollectorConfig, exporter: ExporterComponent, target: OtlpExporterTarget): OtlpFinding[] {
  const id = exporter.otlp!.authenticator;
  const at = formatLocation(exporter.location);
  const extension = config.extensions.get(id);
  const type = id.split('/')[0]!;
  if (!extension) {
    return [{
      check: 'missing-auth-extension', severity: 'error', location: at,
      message: `${exporter.id} authenticates with "${id}", which is not defined under extensions: the collector does not start`,
      fix: type === 'sigv4auth'
        ? `add extensions: ${id}: {service: monitoring, region: ${target.region}} and list ${id} in service.extensions`
        : `define ${id} under extensions: and list it in service.extensions`,
    }];
  }
  const findings: OtlpFinding[] = [];
  const extensionAt = formatLocation(extension.location);
  if (!config.serviceExtensions.includes(id)) {
    findings.push({
      check: 'auth-extension-not-started', severity: 'error', location: extensionAt,
      message: `extension ${id} is defined but not listed in service.extensions, so ${exporter.id} finds no authenticator and the collector does not start`,
      fix: `add ${id} to service.extensions`,
    });
  }
  if (type === 'sigv4auth') {
    const service = extension.raw.service;
    if (typeof service === 'string' && service !== 'monitoring') {
      findings.push({
        check: 'sigv4-service', severity: 'error', location: extensionAt,
        message: `${id} signs for service "${service}"; CloudWatch's OTLP endpoint verifies signatures for "monitoring"`,
        fix: `set service: monitoring on ${id} (or leave it out: sigv4auth infers it from the monitoring host)`,
      });
    }
    const region = extension.raw.region;
    if (typeof region === 'string' && region !== '' && region !== target.region) {
      findings.push({
        check: 'sigv4-region', severity: 'error', location: extensionAt,
        message: `${id} signs for region ${region} but ${exporter.id} posts to ${target.region}: the signature does not verify`,
        fix: `set region: ${target.region} on ${id}, or point the exporter at monitoring.${region}.amazonaws.com`,
      });
    }
  }
  return findings;
}
