/**
 * The task-service example against a worked example (docs/sources.md#awsemf): the count a hand calculation gives, for
 * each collector generation and rollup option.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { predictMetrics } from '../../../src/analysis/awsemf/predict.js';
import { parseCollectorConfig } from '../../../src/sources/collector-config/load.js';
import { parseScrape } from '../../../src/sources/exposition/scrape.js';

const examples = new URL('../../../examples/task-service/', import.meta.url);
const exampleConfig = readFileSync(new URL('otel-config.yaml', examples), 'utf8');
const scrapeText = readFileSync(new URL('metrics.txt', examples), 'utf8');
const scrape = await parseScrape([scrapeText], 'text', 'metrics.txt');

function configWith(awsemf: string): ReturnType<typeof parseCollectorConfig> {
  return parseCollectorConfig(exampleConfig.replace(/ {2}awsemf:\n {4}region: .*\n/, `  awsemf:\n    region: ap-northeast-1\n${awsemf}`), 'otel-config.yaml', {});
}

/**
 * The hand calculation, written independently of the predictor: per metric name (histogram series folded into
 * the family), 1 + N2 (series with ≥ 2 labels) + P (distinct label/value pairs); unlabelled names count 1; plus the
 * 5 scrape-loop gauges.
 */
function handCount(text: string): number {
  const histograms = new Set([...text.matchAll(/^# TYPE (\S+) (histogram|summary)$/gm)].map((m) => m[1]!));
  const names = new Map<string, { series: Set<string>; pairs: Set<string>; multi: Set<string> }>();
  for (const [, rawName, body] of text.matchAll(/^([a-zA-Z_:][\w:]*)(?:\{([^}]*)\})? \S+$/gm)) {
    const base = rawName!.replace(/_(bucket|sum|count)$/, '');
    const name = histograms.has(base) ? base : rawName!;
    const labels = [...(body ?? '').matchAll(/(\w+)="([^"]*)"/g)].filter(([, label, value]) => label !== 'le' && label !== 'quantile' && value !== '');
    const entry = names.get(name) ?? { series: new Set(), pairs: new Set(), multi: new Set() };
    names.set(name, entry);
    const key = labels.map(([, l, v]) => `${l}=${v}`).sort().join(',');
    entry.series.add(key);
    if (labels.length >= 2) entry.multi.add(key);
    for (const [, label, value] of labels) entry.pairs.add(`${label}=${value}`);
  }
  let total = 5;
  for (const entry of names.values()) total += 1 + entry.multi.size + entry.pairs.size;
  return total;
}

describe('predictMetrics on examples/task-service', () => {
  it('gives the hand-calculated 144 metrics with the default config (NEW), 28 events per scrape', () => {
    expect(handCount(scrapeText)).toBe(144);
    const prediction = predictMetrics({ config: parseCollectorConfig(exampleConfig, 'otel-config.yaml', {}), scrape });
    expect(prediction.collectorVersion).toBe('0.50.0');
    expect(prediction.profile).toEqual({ label: 'NEW', contribVersion: '0.158.0' });
    expect(prediction.summary.customMetrics).toBe(144);
    expect(prediction.summary.byNamespace).toEqual({ 'prod/task-service': 144 });
    expect(prediction.summary.byMetricName.http_request_duration_seconds).toBe(21);
    expect(prediction.summary.byMetricName.nodejs_heap_space_size_used_bytes).toBe(10);
    expect(prediction.emf.eventsPerScrape).toBe(28);
    // ≈ 20,437 B per scrape with the 26 B/event overhead; the scrape-loop values are the only estimate.
    expect(Math.abs(prediction.emf.bytesPerScrapeWithOverhead - 20_437)).toBeLessThan(20);
    expect(prediction.emf.logGroups).toEqual(['/metrics/prod/task-service']);
    expect(prediction.metrics.every((m) => m.dimensions.OTelLib === 'github.com/open-telemetry/opentelemetry-collector-contrib/receiver/prometheusreceiver')).toBe(true);
  });

  it('gives 144 metrics and 27 events for the 2022 ADOT v0.17 sidecar, no OTelLib', () => {
    const prediction = predictMetrics({ config: parseCollectorConfig(exampleConfig, 'otel-config.yaml', {}), scrape, collectorVersion: '0.17.0' });
    expect(prediction.profile).toEqual({ label: 'OLD', contribVersion: '0.45.1' });
    expect(prediction.summary.customMetrics).toBe(144);
    expect(prediction.emf.eventsPerScrape).toBe(27);
    expect(Math.abs(prediction.emf.bytesPerScrapeWithOverhead - 13_394)).toBeLessThan(20);
    const zeroDimension = prediction.metrics.find((m) => m.metricName === 'http_request_duration_seconds' && Object.keys(m.dimensions).length === 0);
    expect(zeroDimension?.source.dimensionSet).toBe('zero-rollup');
    expect(zeroDimension?.source.series).toBe(8);
  });

  it.each([
    ['NEW NoDimensionRollup', '0.49.0', '    dimension_rollup_option: NoDimensionRollup\n', 89],
    ['NEW SingleDimensionRollupOnly', '0.49.0', '    dimension_rollup_option: SingleDimensionRollupOnly\n', 133],
    ['OLD + resource_to_telemetry', '0.17.0', '    resource_to_telemetry_conversion:\n      enabled: true\n', 407],
    ['OLD + r2t + NoDimensionRollup', '0.17.0', '    resource_to_telemetry_conversion:\n      enabled: true\n    dimension_rollup_option: NoDimensionRollup\n', 89],
  ])('matches the hand calculation for %s', (_, version, awsemf, expected) => {
    const prediction = predictMetrics({ config: configWith(awsemf), scrape, collectorVersion: version });
    expect(prediction.summary.customMetrics).toBe(expected);
  });

  it('keeps the count for sidecar replicas and says their values collide', () => {
    const prediction = predictMetrics({ config: parseCollectorConfig(exampleConfig, 'otel-config.yaml', {}), scrape, replicas: 3 });
    expect(prediction.summary.customMetrics).toBe(144);
    expect(prediction.assumptions.replicasMultiplyMetrics).toBe(false);
    expect(prediction.emf.eventsPerScrape).toBe(3 * 28);
    expect(prediction.warnings.map((w) => w.message).join('\n')).toMatch(/3 replicas send the same metric identities/);
  });

  it('multiplies the count when discovered targets carry a per-pod instance into the dimensions', () => {
    const config = parseCollectorConfig(
      exampleConfig
        .replace('static_configs:\n            - targets: ["localhost:3000"]', 'kubernetes_sd_configs:\n            - role: pod')
        .replace(/region: .*\n/, 'region: x\n    resource_to_telemetry_conversion:\n      enabled: true\n'),
      'otel-config.yaml',
      {},
    );
    const one = predictMetrics({ config, scrape, replicas: 1 });
    const three = predictMetrics({ config, scrape, replicas: 3 });
    expect(three.assumptions.replicasMultiplyMetrics).toBe(true);
    expect(three.summary.customMetrics).toBeGreaterThan(one.summary.customMetrics);
    expect(three.metrics.some((m) => m.dimensions['service.instance.id'] === 'pod-3:9090')).toBe(true);
  });

  it('keeps only what metric_declarations select, plus the rollups the option still adds', () => {
    const prediction = predictMetrics({
      config: configWith('    dimension_rollup_option: NoDimensionRollup\n    metric_declarations:\n      - dimensions: [[method, route]]\n        metric_name_selectors: ["^http_request_duration_seconds$"]\n'),
      scrape,
    });
    // 8 series of the histogram reduce to their distinct (method, route) pairs.
    const pairs = new Set(prediction.metrics.map((m) => `${m.dimensions.method}|${m.dimensions.route}`));
    expect(prediction.summary.customMetrics).toBe(pairs.size);
    expect(prediction.metrics.every((m) => m.metricName === 'http_request_duration_seconds' && m.source.dimensionSet === 'declared')).toBe(true);
  });

  it('follows relabelling, filter, attributes and metricstransform as the collector would', () => {
    const base = predictMetrics({ config: parseCollectorConfig(exampleConfig, 'otel-config.yaml', {}), scrape }).summary.byMetricName;
    const config = parseCollectorConfig(
      exampleConfig
        .replace('            - targets: ["localhost:3000"]', '            - targets: ["localhost:3000"]\n          metric_relabel_configs:\n            - { action: drop, source_labels: [__name__], regex: "nodejs_heap_space_.*" }\n            - { action: labeldrop, regex: code }')
        .replace('  batch/metrics:\n    timeout: 60s', '  batch/metrics:\n    timeout: 60s\n  filter/no-gc:\n    metrics:\n      exclude: { match_type: strict, metric_names: [nodejs_gc_duration_seconds] }\n  attributes/env:\n    actions: [{ key: env, value: prod, action: insert }]\n  metricstransform/rename:\n    transforms: [{ include: up, action: update, new_name: target_up }]')
        .replace('processors: [batch/metrics]', 'processors: [filter/no-gc, attributes/env, metricstransform/rename, batch/metrics]'),
      'otel-config.yaml',
      {},
    );
    const prediction = predictMetrics({ config, scrape });
    const byName = prediction.summary.byMetricName;
    expect(byName.nodejs_heap_space_size_used_bytes).toBeUndefined();
    expect(byName.nodejs_gc_duration_seconds).toBeUndefined();
    expect(byName.up).toBeUndefined();
    expect(byName.target_up).toBe(2);
    // Without `code` the 8 series of a histogram collapse to their (method, route) pairs; `env=prod` adds one single.
    expect(byName.http_request_duration_seconds).toBeLessThan(base.http_request_duration_seconds!);
    expect(prediction.metrics.some((m) => m.dimensions.env === 'prod' && Object.keys(m.dimensions).length === 2)).toBe(true);
    expect(prediction.summary.notModelled).toEqual([]);
  });

  it('refuses an invalid relabel regex at its line, as the collector would not start', () => {
    const config = parseCollectorConfig(
      exampleConfig.replace('            - targets: ["localhost:3000"]', '            - targets: ["localhost:3000"]\n          metric_relabel_configs:\n            - { action: drop, regex: "a(b" }'),
      'otel-config.yaml',
      {},
    );
    expect(() => predictMetrics({ config, scrape })).toThrow(/invalid relabel regex "a\(b"/);
  });

  it('reads target_info into the resource in newer collectors (a metric of its own in 2022)', async () => {
    const page = await parseScrape(['# TYPE target_info gauge\ntarget_info{deployment="blue"} 1\n# TYPE m gauge\nm 1\n'], 'text', 'page.prom');
    const config = configWith('    resource_to_telemetry_conversion:\n      enabled: true\n');
    const newer = predictMetrics({ config, scrape: page });
    expect(newer.summary.byMetricName.target_info).toBeUndefined();
    expect(newer.metrics.some((m) => m.metricName === 'm' && m.dimensions.deployment === 'blue')).toBe(true);
    const older = predictMetrics({ config, scrape: page, collectorVersion: '0.17.0' });
    expect(older.summary.byMetricName.target_info).toBeGreaterThan(0);
  });

  it('counts nothing for an exporter that writes EMF to stdout', () => {
    const prediction = predictMetrics({ config: configWith('    output_destination: stdout\n'), scrape });
    expect(prediction.summary.customMetrics).toBe(0);
    expect(prediction.warnings[0]!.message).toMatch(/writes EMF to stdout/);
  });

  it('is deterministic: the same input gives the same output', () => {
    const config = parseCollectorConfig(exampleConfig, 'otel-config.yaml', {});
    expect(JSON.stringify(predictMetrics({ config, scrape }))).toBe(JSON.stringify(predictMetrics({ config, scrape })));
  });
});

describe('assumption notes follow the sources a config has', () => {
  it('a Container Insights config says its log events are not sized, and carries no scrape notes', async () => {
    const { analyzeCollector } = await import('../../../src/analysis/awsemf/collector.js');
    const repo = new URL('../../../', import.meta.url).pathname;
    const prediction = await analyzeCollector({
      cwd: repo,
      configFile: 'examples/cluster/otel-config.yaml',
      clusterInventoryFile: 'examples/cluster/inventory.json',
      env: {},
    });
    expect(prediction.assumptions.notes).toEqual([expect.stringMatching(/^Container Insights performance log events .* are not sized/)]);
  });

  it('a prometheus scrape config carries the scrape notes only', () => {
    const notes = predictMetrics({ config: configWith(''), scrape }).assumptions.notes;
    expect(notes).toHaveLength(3);
    expect(notes.join('\n')).toContain('every target of every prometheus scrape config');
    expect(notes.join('\n')).not.toContain('Container Insights');
  });
});
