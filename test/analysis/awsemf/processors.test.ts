/** The modelled processors on a target's resource and on its data points. */
import { describe, expect, it } from 'vitest';
import { applyActions, applyResourceProcessors, namesDroppedFirst, pointProcessors } from '../../../src/analysis/awsemf/processors.js';
import type { OtelPoint } from '../../../src/analysis/awsemf/prometheus-to-otel.js';
import type { ProcessorModel } from '../../../src/sources/collector-config/model.js';

function point(name: string, attributes: Record<string, string> = {}): OtelPoint {
  return { name, type: 'gauge', cumulative: false, attributes, attributesKey: 'k', unit: '', value: 1, count: 0, sum: 0, quantiles: undefined, buckets: 0, seriesKey: name, seriesCount: 1 };
}

const names = (points: OtelPoint[]) => points.map((p) => p.name);

describe('attribute actions', () => {
  it('insert only if absent, update only if present, upsert always, delete; from_attribute copies a value', () => {
    const result = applyActions({ env: 'prod', pod: 'api-1' }, [
      { key: 'env', action: 'insert', value: 'dev' },
      { key: 'team', action: 'insert', value: 'payments' },
      { key: 'region', action: 'update', value: 'eu-west-1' },
      { key: 'pod', action: 'upsert', value: 'api' },
      { key: 'host', action: 'upsert', fromAttribute: 'pod' },
      { key: 'env', action: 'delete' },
      { key: 'team', action: 'hash' },
    ]);
    expect(result).toEqual({ pod: 'api', team: 'payments', host: 'api' });
  });

  it('resource processors change the resource only, in pipeline order', () => {
    const processors: ProcessorModel[] = [
      { type: 'resource', actions: [{ key: 'service.name', action: 'upsert', value: 'api' }] },
      { type: 'attributes', actions: [{ key: 'ignored', action: 'upsert', value: 'x' }] },
      { type: 'resource', actions: [{ key: 'service.name', action: 'update', value: 'api-v2' }] },
    ];
    expect(applyResourceProcessors({ 'host.name': 'node-1' }, processors)).toEqual({ 'host.name': 'node-1', 'service.name': 'api-v2' });
  });
});

describe('point processors', () => {
  it('filter: strict names are equal, regexp names are unanchored Go regexps; exclude wins', () => {
    const run = pointProcessors([
      { type: 'filter', include: { matchType: 'regexp', metricNames: ['http_'] }, exclude: { matchType: 'strict', metricNames: ['http_request_size_bytes'] } },
    ]);
    expect(['http_requests_total', 'process_cpu_seconds_total', 'my_http_calls', 'http_request_size_bytes'].flatMap((name) => names(run(point(name))))).toEqual([
      'http_requests_total',
      'my_http_calls',
    ]);
  });

  it('metricstransform: update renames in place, insert adds a renamed copy', () => {
    const run = pointProcessors([
      {
        type: 'metricstransform',
        renames: [
          { include: 'http_(.*)_total', matchType: 'regexp', action: 'update', newName: 'web_$1' },
          { include: 'up', matchType: 'strict', action: 'insert', newName: 'target_up' },
        ],
      },
    ]);
    expect(names(run(point('http_requests_total')))).toEqual(['web_requests']);
    expect(names(run(point('up')))).toEqual(['up', 'target_up']);
  });

  it('attributes actions change the point and invalidate its attributes key; batch changes nothing', () => {
    const [out] = pointProcessors([{ type: 'batch', sendBatchSize: 8192, sendBatchMaxSize: 0, timeoutSeconds: 0.2, location: { file: 'otel.yaml', line: 1, column: 1, path: 'processors.batch' } }, { type: 'attributes', actions: [{ key: 'code', action: 'delete' }] }])(
      point('http_requests_total', { code: '200', method: 'GET' }),
    );
    expect(out).toMatchObject({ attributes: { method: 'GET' }, attributesKey: undefined });
  });
});

describe('names dropped before a point is built', () => {
  const filter: ProcessorModel = { type: 'filter', include: { matchType: 'regexp', metricNames: ['http_'] }, exclude: { matchType: 'strict', metricNames: ['http_request_size_bytes'] } };
  const rename: ProcessorModel = { type: 'metricstransform', renames: [{ include: 'process_cpu_seconds_total', matchType: 'strict', action: 'update', newName: 'http_cpu' }] };

  it('are the names a filter drops that nothing before it could rename, as the point pipeline would drop them', () => {
    const attributes: ProcessorModel = { type: 'attributes', actions: [{ key: 'env', action: 'upsert', value: 'prod' }] };
    const dropped = namesDroppedFirst([attributes, filter])!;
    const pipeline = pointProcessors([attributes, filter]);
    for (const name of ['http_requests_total', 'http_request_size_bytes', 'process_cpu_seconds_total', 'up']) {
      expect(dropped(name)).toBe(pipeline(point(name)).length === 0);
    }
  });

  it('are unknown after a rename (the renamed point might pass) and without a filter', () => {
    expect(namesDroppedFirst([rename, filter])).toBeUndefined();
    expect(namesDroppedFirst([{ type: 'attributes', actions: [] }])).toBeUndefined();
    expect(namesDroppedFirst([filter, rename])!('process_cpu_seconds_total')).toBe(true);
  });
});
