/**
 * One awsemf export of one target: points grouped into EMF events by their labels (and, in newer collectors, by
 * metric type), the identities they create, the log group, and the events CloudWatch would refuse or lose.
 * The exact event bytes are pinned against real events in emf-size.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { EmfTargetExport, newExportStats } from '../../../src/analysis/awsemf/emf-export.js';
import type { EmfExportContext } from '../../../src/analysis/awsemf/export-context.js';
import { IdentityStore } from '../../../src/analysis/awsemf/identity-store.js';
import type { MetricAccumulator } from '../../../src/analysis/awsemf/metric-accumulator.js';
import { collectorProfile } from '../../../src/analysis/awsemf/profiles.js';
import type { OtelPoint, TargetMetrics } from '../../../src/analysis/awsemf/prometheus-to-otel.js';
import { parseCollectorConfig } from '../../../src/sources/collector-config/load.js';

function context(version: string, awsemf = ''): EmfExportContext {
  const config = parseCollectorConfig(
    `receivers:\n  prometheus:\n    config:\n      scrape_configs:\n        - job_name: app\n          static_configs:\n            - targets: ["localhost:3000"]\nexporters:\n  awsemf:\n    namespace: shop\n${awsemf}service:\n  pipelines:\n    metrics:\n      receivers: [prometheus]\n      exporters: [awsemf]\n`,
    'otel.yaml',
    {},
  );
  return { config: config.exporters.get('awsemf')!.awsemf!, profile: collectorProfile(version), declarations: [], declaredSets: new Set(), pipeline: 'metrics', receiver: 'prometheus', exporter: 'awsemf' };
}

const target: TargetMetrics = { job: 'app', instance: 'localhost:3000', resource: { 'service.name': 'app' }, scope: '' };

function gauge(name: string, attributes: Record<string, string>, value = 1, type: OtelPoint['type'] = 'gauge'): OtelPoint {
  return { name, type, cumulative: type === 'sum', attributes, attributesKey: undefined, unit: '', value, count: 0, sum: 0, quantiles: undefined, buckets: 0, seriesKey: name, seriesCount: 1 };
}

function run(version: string, points: OtelPoint[], awsemf = '') {
  const store = new IdentityStore<MetricAccumulator>();
  const stats = newExportStats();
  const emf = new EmfTargetExport(target, context(version, awsemf), store, stats);
  for (const point of points) emf.add(point);
  emf.finish();
  return { store, stats };
}

describe('one EMF export', () => {
  it('one event per label set; the identities follow the rollup (ZeroAndSingleDimensionRollup by default)', () => {
    const { store, stats } = run('0.17.0', [gauge('a', { route: '/x' }), gauge('b', { route: '/x' }), gauge('a', { route: '/y' })]);
    expect(stats.events).toBe(2);
    expect(stats.logGroups).toEqual(new Set(['/metrics/shop']));
    // a{route=/x}, a{route=/y}, a{} and b{route=/x}, b{}: the zero and single rollups of one-label points coincide.
    expect([...store.sorted()].map(({ metricName, entry }) => `${metricName}{${entry.set.map((name, i) => `${name}=${entry.values[i]}`).join(',')}}`)).toEqual([
      'a{}',
      'a{route=/x}',
      'a{route=/y}',
      'b{}',
      'b{route=/x}',
    ]);
  });

  it('the bytes are those of the event text the 2022 collector writes', () => {
    const { stats } = run('0.17.0', [gauge('a', { k: 'v' }, 5)], '    dimension_rollup_option: NoDimensionRollup\n');
    const event = '{"_aws":{"CloudWatchMetrics":[{"Namespace":"shop","Dimensions":[["k"]],"Metrics":[{"Name":"a"}]}],"Timestamp":1700000000000},"a":5,"k":"v"}';
    expect(stats).toMatchObject({ events: 1, bytes: Buffer.byteLength(event) });
  });

  it('newer collectors put gauges and sums of the same labels in separate events', () => {
    const points = [gauge('g', { k: 'v' }), gauge('s', { k: 'v' }, 1, 'sum')];
    expect(run('0.17.0', points).stats.events).toBe(1);
    expect(run('0.49.0', points).stats.events).toBe(2);
  });

  it('NaN is dropped by newer collectors and recorded either way; more than 30 dimensions is flagged', () => {
    const nan = gauge('broken', { k: 'v' }, Number.NaN);
    expect(run('0.17.0', [nan]).stats).toMatchObject({ events: 1, droppedNaN: ['broken'] });
    expect(run('0.49.0', [nan]).stats).toMatchObject({ events: 0, droppedNaN: ['broken'] });
    const wide = Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`d${i}`, 'v']));
    expect(run('0.49.0', [gauge('wide', wide)]).stats.overwideSets).toEqual(['wide']);
  });

  it('more than 100 metrics in one event are flagged: CloudWatch extracts none of them', () => {
    const many = Array.from({ length: 101 }, (_, i) => gauge(`m${i}`, { k: 'v' }));
    expect(run('0.49.0', many, '    dimension_rollup_option: NoDimensionRollup\n').stats.oversizedGroups).toEqual(['shop: 101 metrics in the event of m0']);
  });
});
