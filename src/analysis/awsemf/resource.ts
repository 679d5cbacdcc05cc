/**
 * What the prometheus receiver puts on the OTLP resource of each scrape target (docs/sources.md#awsemf), and how awsemf
 * derives the namespace, log group and log stream from a resource (awsemf's `util.go`).
 */
import { isIP } from 'node:net';
import type { ResourceAttributeStyle } from './profiles.js';
import type { Labels } from './declarations.js';

export interface ScrapeTarget {
  readonly job: string;
  /** `host:port` as in static_configs. */
  readonly instance: string;
  readonly scheme: string;
}

/** Loopback and unspecified addresses and `localhost` say nothing about the host, so no host attribute is set. */
export function isDiscernibleHost(host: string): boolean {
  if (isIP(host) !== 0) return !isLoopbackOrUnspecified(host);
  return host !== 'localhost';
}

function isLoopbackOrUnspecified(ip: string): boolean {
  return ip.startsWith('127.') || ip === '0.0.0.0' || ip === '::' || ip === '::1';
}

function splitHostPort(instance: string): { host: string; port: string } {
  const bracketed = /^\[(.*)\]:(\d*)$/.exec(instance);
  if (bracketed) return { host: bracketed[1]!, port: bracketed[2]! };
  const colon = instance.lastIndexOf(':');
  if (colon === -1 || instance.indexOf(':') !== colon) return { host: instance, port: '' };
  return { host: instance.slice(0, colon), port: instance.slice(colon + 1) };
}

export function prometheusResourceAttributes(target: ScrapeTarget, style: ResourceAttributeStyle): Record<string, string> {
  const { host, port } = splitHostPort(target.instance);
  const discernible = isDiscernibleHost(host);
  const attributes: Record<string, string> = { 'service.name': target.job };
  if (style === 'legacy') {
    if (discernible) attributes['host.name'] = host;
    attributes.job = target.job;
    attributes.instance = target.instance;
    attributes.port = port;
    attributes.scheme = target.scheme;
    return attributes;
  }
  attributes['service.instance.id'] = target.instance;
  if (style === 'net' || style === 'net+server') {
    if (discernible) attributes['net.host.name'] = host;
    attributes['net.host.port'] = port;
    attributes['http.scheme'] = target.scheme;
  }
  if (style === 'net+server' || style === 'server') {
    if (discernible) attributes['server.address'] = host;
    attributes['server.port'] = port;
    attributes['url.scheme'] = target.scheme;
  }
  return attributes;
}

/** config `namespace`, else `service.namespace/service.name`, else either, else `default`. */
export function emfNamespace(configNamespace: string, resource: Labels): string {
  if (configNamespace !== '') return configNamespace;
  const service = resource['service.name'];
  const serviceNamespace = resource['service.namespace'];
  if (service !== undefined && serviceNamespace !== undefined) return `${serviceNamespace}/${service}`;
  return service ?? serviceNamespace ?? 'default';
}

/** Placeholder → resource attribute (docs/sources.md#awsemf); `{ServiceName}` only in newer collectors. */
const PLACEHOLDERS: Readonly<Record<string, string>> = {
  ClusterName: 'aws.ecs.cluster.name',
  TaskId: 'aws.ecs.task.id',
  NodeName: 'k8s.node.name',
  PodName: 'pod',
  ContainerInstanceId: 'aws.ecs.container.instance.id',
  TaskDefinitionFamily: 'aws.ecs.task.family',
  ServiceName: 'service.name',
};

export function replacePlaceholders(template: string, resource: Labels, supportsServiceName = true): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => {
    const mapped = PLACEHOLDERS[key];
    if (mapped === undefined || (key === 'ServiceName' && !supportsServiceName)) return match;
    const value = resource[key] || resource[mapped];
    return value ? value : 'undefined';
  });
}

export function emfLogGroup(configLogGroup: string, namespace: string, resource: Labels): string {
  return configLogGroup === '' ? `/metrics/${namespace}` : replacePlaceholders(configLogGroup, resource);
}

/** `''` stands for `otel-stream-<uuid>`, a new stream each collector start. */
export function emfLogStream(configLogStream: string, resource: Labels): string {
  return configLogStream === '' ? '' : replacePlaceholders(configLogStream, resource);
}
