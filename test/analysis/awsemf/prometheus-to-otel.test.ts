/** The prometheus receiver's side: scrape targets, families and the OTLP data points a page becomes. */
import { describe, expect, it } from 'vitest';
import { collectorProfile } from '../../../src/analysis/awsemf/profiles.js';
import { familyOf, prometheusPoints, SCRAPE_LOOP_GAUGES, targetsOf, type OtelPoint } from '../../../src/analysis/awsemf/prometheus-to-otel.js';
import type { PredictionWarning } from '../../../src/model/prediction.js';
import { parseCollectorConfig } from '../../../src/sources/collector-config/load.js';
import { parseScrape, type FamilyMetadata } from '../../../src/sources/exposition/scrape.js';

function scrapeConfig(extra = '', targets = '          static_configs:\n            - targets: ["localhost:3000"]\n') {
  const text = `receivers:\n  prometheus:\n    config:\n      scrape_configs:\n        - job_name: app\n${targets}${extra}exporters:\n  awsemf:\nservice:\n  pipelines:\n    metrics:\n      receivers: [prometheus]\n      exporters: [awsemf]\n`;
  const config = parseCollectorConfig(text, 'otel.yaml', {});
  return [...config.receivers.values()][0]!.prometheus!.scrapeConfigs[0]!;
}

async function points(page: string, extra = '', dropped?: (name: string) => boolean): Promise<OtelPoint[]> {
  const scrape = await parseScrape([page], 'text', 'page.prom');
  const config = scrapeConfig(extra);
  const emitted: OtelPoint[] = [];
  prometheusPoints(scrape, config, { address: 'localhost:3000', labels: {} }, collectorProfile('0.49.0'), [], (point) => emitted.push(point), dropped);
  return emitted;
}

describe('families', () => {
  const metadata = new Map<string, FamilyMetadata>([
    ['latency', { type: 'histogram' }],
    ['rpc', { type: 'summary' }],
    ['requests', { type: 'counter' }],
  ]);

  it('folds histogram and summary samples into their family by suffix; a counter keeps its _total name', () => {
    expect(familyOf('latency_bucket', metadata)).toEqual({ name: 'latency', type: 'histogram', role: 'bucket' });
    expect(familyOf('latency_sum', metadata)).toEqual({ name: 'latency', type: 'histogram', role: 'sum' });
    expect(familyOf('rpc_count', metadata)).toEqual({ name: 'rpc', type: 'summary', role: 'count' });
    expect(familyOf('requests_total', metadata)).toEqual({ name: 'requests_total', type: 'counter', role: 'value' });
    expect(familyOf('requests_created', metadata)).toEqual({ name: 'requests', type: 'counter', role: 'created' });
    expect(familyOf('mystery', metadata)).toEqual({ name: 'mystery', type: 'unknown', role: 'value' });
  });
});

describe('data points of a page', () => {
  it('a histogram becomes one point per label set with its count, sum and buckets; the scrape loop adds its 5 gauges', async () => {
    const emitted = await points(
      '# TYPE latency histogram\nlatency_bucket{route="/a",le="0.1"} 1\nlatency_bucket{route="/a",le="+Inf"} 3\nlatency_sum{route="/a"} 0.9\nlatency_count{route="/a"} 3\n',
    );
    const latency = emitted.filter((point) => point.name === 'latency');
    expect(latency).toEqual([expect.objectContaining({ type: 'histogram', attributes: { route: '/a' }, count: 3, sum: 0.9, buckets: 2, seriesCount: 4 })]);
    expect(emitted.filter((point) => point.name !== 'latency').map((point) => point.name)).toEqual([...SCRAPE_LOOP_GAUGES]);
  });

  it('a page label that clashes with a target label becomes exported_<name>', async () => {
    const emitted = await points('# TYPE m gauge\nm{instance="pod-7",job="batch"} 1\n');
    expect(emitted.find((point) => point.name === 'm')!.attributes).toEqual({ exported_instance: 'pod-7', exported_job: 'batch' });
  });

  it('past sample_limit the scrape fails: only the scrape-loop gauges, with up = 0', async () => {
    const emitted = await points('# TYPE m gauge\nm{a="1"} 1\nm{a="2"} 1\nm{a="3"} 1\n', '          sample_limit: 2\n');
    expect(emitted.map((point) => point.name)).toEqual([...SCRAPE_LOOP_GAUGES]);
    expect(emitted.find((point) => point.name === 'up')!.value).toBe(0);
  });
});

describe('scrape targets', () => {
  it('a static target is scraped once per replica, with the same labels', () => {
    const warnings: PredictionWarning[] = [];
    expect(targetsOf(scrapeConfig(), 3, warnings)).toEqual({ targets: [{ address: 'localhost:3000', labels: {} }], copies: 3 });
    expect(warnings).toEqual([]);
  });

  it('service discovery is one target per replica, and says what it assumes', () => {
    const warnings: PredictionWarning[] = [];
    const sd = scrapeConfig('', '          kubernetes_sd_configs:\n            - role: pod\n');
    expect(targetsOf(sd, 2, warnings)).toEqual({ targets: [{ address: 'pod-1:9090', labels: {} }, { address: 'pod-2:9090', labels: {} }], copies: 1 });
    expect(warnings).toEqual([{ message: expect.stringContaining('kubernetes_sd_configs is not modelled'), location: expect.stringMatching(/^otel\.yaml:\d+/) }]);
  });
});

describe('points whose names the processors drop', () => {
  const page = [
    '# TYPE latency histogram',
    'latency_bucket{le="1"} 1', 'latency_bucket{le="+Inf"} 2', 'latency_sum 3', 'latency_count 2',
    '# TYPE requests_total counter',
    'requests_total{code="200"} 5',
    'up 1',
    'scrape_series_added{job="x"} 4',
  ].join('\n') + '\n';

  it('are not built; every other point is emitted as it would be, in the same order', async () => {
    for (const droppedNames of [['latency'], ['requests_total', 'up'], ['scrape_series_added'], ['latency', 'requests_total', 'up', 'scrape_series_added']]) {
      const dropped = (name: string) => droppedNames.includes(name);
      const all = await points(page);
      expect((await points(page, '', dropped)).filter((point) => !dropped(point.name))).toEqual(all.filter((point) => !dropped(point.name)));
      expect((await points(page, '', dropped)).map((point) => point.name).filter(dropped).every((name) => SCRAPE_LOOP_GAUGES.includes(name as never))).toBe(true);
    }
  });
});
