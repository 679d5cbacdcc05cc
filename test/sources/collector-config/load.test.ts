import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCollectorConfig, parseCollectorConfig } from '../../../src/sources/collector-config/load.js';
import { InputError } from '../../../src/shared/errors.js';

const CONFIG = `receivers:
  prometheus/app:
    config:
      global:
        scrape_interval: 15s
      scrape_configs:
        - job_name: \${env:JOB}
          honor_labels: true
          static_configs:
            - targets: ["localhost:\${PORT}"]
              labels: { team: payments }
          metric_relabel_configs:
            - action: drop
              source_labels: [__name__]
              regex: go_.*
  otlp:
    protocols: { grpc: {} }
processors:
  batch: {}
  memory_limiter: { check_interval: 1s }
  resource:
    attributes:
      - { key: service.namespace, value: shop, action: insert }
exporters:
  awsemf/app:
    namespace: \${env:NS:-Shop}
    dimension_rollup: NoDimensionRollup
    dimension_rollup_option: NoDimensionRollup
    resource_to_telemetry_conversion: { enabled: true }
    metric_declarations:
      - dimensions: [[method, route], [route]]
        metric_name_selectors: ["^http_"]
        label_matchers:
          - label_names: [code]
            regex: "^5"
  debug: {}
service:
  pipelines:
    metrics/app:
      receivers: [prometheus/app, otlp]
      processors: [memory_limiter, resource, batch]
      exporters: [awsemf/app, debug]
    traces:
      receivers: [otlp]
      exporters: [debug]
`;

const env = { JOB: 'prod/shop', PORT: '8080' };

describe('parseCollectorConfig', () => {
  const config = parseCollectorConfig(CONFIG, 'otel.yaml', env);

  it('reads components by type/name with their lines, and the metrics pipelines', () => {
    const receiver = config.receivers.get('prometheus/app')!;
    expect(receiver).toMatchObject({ type: 'prometheus', name: 'app', location: { file: 'otel.yaml', line: 2, column: 3, path: 'receivers.prometheus/app' } });
    const scrape = receiver.prometheus!.scrapeConfigs[0]!;
    expect(scrape).toMatchObject({ jobName: 'prod/shop', scrapeIntervalSeconds: 15, honorLabels: true, metricsPath: '/metrics' });
    expect(scrape.staticConfigs).toEqual([{ targets: ['localhost:8080'], labels: { team: 'payments' } }]);
    expect(scrape.metricRelabelConfigs[0]).toMatchObject({ action: 'drop', sourceLabels: ['__name__'], regex: 'go_.*', location: { line: 13 } });
    expect(config.pipelines.map((p) => [p.id, p.signal])).toEqual([['metrics/app', 'metrics'], ['traces', 'traces']]);
  });

  it('types the awsemf options, with defaults and ${env:VAR:-default}', () => {
    const emf = config.exporters.get('awsemf/app')!.awsemf!;
    expect(emf.namespace).toBe('Shop');
    expect(emf.dimensionRollupOption).toBe('NoDimensionRollup');
    expect(emf.resourceToTelemetryConversion).toEqual({ enabled: true, excludeServiceAttributes: false });
    expect(emf.version).toBe('1');
    expect(emf.metricDeclarations[0]).toMatchObject({
      dimensions: [['method', 'route'], ['route']],
      metricNameSelectors: ['^http_'],
      labelMatchers: [{ labelNames: ['code'], separator: ';', regex: '^5' }],
    });
  });

  it('warns about an unknown option with its path and line', () => {
    expect(config.warnings).toContainEqual({
      message: 'unknown awsemf option "dimension_rollup"',
      location: { file: 'otel.yaml', line: 27, column: 5, path: 'exporters.awsemf/app.dimension_rollup' },
    });
  });

  it('lists the metrics-pipeline components it does not model, never traces-only ones twice', () => {
    expect(config.notModelled.map((entry) => [entry.kind, entry.component, entry.location.line])).toEqual([
      ['receivers', 'otlp', 16],
      ['processors', 'memory_limiter', 20],
      ['exporters', 'debug', 36],
    ]);
  });

  it('keeps the YAML document, comments included, for writing a fix back', () => {
    const withComment = parseCollectorConfig(`# keep me\n${CONFIG}`, 'otel.yaml', env);
    withComment.document.setIn(['exporters', 'awsemf/app', 'dimension_rollup_option'], 'ZeroAndSingleDimensionRollup');
    expect(String(withComment.document)).toMatch(/^# keep me\n/);
    expect(String(withComment.document)).toContain('dimension_rollup_option: ZeroAndSingleDimensionRollup');
  });
});

describe('collector config errors', () => {
  const errorOf = (text: string, vars: Record<string, string> = env) => {
    try {
      parseCollectorConfig(text, 'otel.yaml', vars);
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      return (error as InputError).describe();
    }
    throw new Error('no error');
  };

  it('names a missing variable, its line, and the fix', () => {
    expect(errorOf(CONFIG, { PORT: '1' })).toBe(
      'otel.yaml:7:11: receivers.prometheus/app.config.scrape_configs[0].job_name: environment variable "JOB" is not set\n' +
        '  fix: export JOB=... before running cwdash, or pass --env-file FILE with a JOB= line',
    );
  });

  it('reports YAML syntax errors at line:column', () => {
    expect(errorOf('receivers:\n  prometheus:\n    config: [\n')).toMatch(/^otel\.yaml:4:1: invalid YAML: /);
  });

  it('refuses a pipeline that names an undefined component', () => {
    expect(errorOf('exporters:\n  awsemf: {}\nservice:\n  pipelines:\n    metrics:\n      receivers: [prometheus]\n      exporters: [awsemf]\n')).toMatch(
      /^otel\.yaml:6:19: service\.pipelines\.metrics\.receivers\[0\]: pipeline "metrics" references receiver "prometheus", which is not configured/,
    );
  });

  it('refuses a wrongly typed option at its line', () => {
    expect(errorOf('exporters:\n  awsemf:\n    metric_declarations: yes please\n')).toMatch(/^otel\.yaml:3:5: exporters\.awsemf\.metric_declarations: expected a list/);
  });

  it('reads variables from --env-file, `$$` is a literal dollar', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cwdash-config-'));
    await writeFile(join(dir, 'otel.yaml'), 'exporters:\n  awsemf:\n    namespace: ${env:NS}$$x\n    log_group_name: ${GROUP}\n');
    await writeFile(join(dir, '.env'), '# comment\nexport NS="App"\nGROUP=/metrics/app\n');
    const config = await loadCollectorConfig(join(dir, 'otel.yaml'), { env: {}, envFile: join(dir, '.env') });
    expect(config.exporters.get('awsemf')!.awsemf).toMatchObject({ namespace: 'App$x', logGroupName: '/metrics/app' });
    await writeFile(join(dir, 'bad.env'), 'NS=App\nthis is not a variable\n');
    await expect(loadCollectorConfig(join(dir, 'otel.yaml'), { env: {}, envFile: join(dir, 'bad.env') })).rejects.toThrow(/expected NAME=value/);
  });

  it('names the file when it does not exist', async () => {
    await expect(loadCollectorConfig('/nonexistent/otel.yaml', { env: {}, displayName: 'otel.yaml' })).rejects.toMatchObject({ location: { file: 'otel.yaml' } });
  });
});

describe('awsemf option values the collector accepts but does not act on as written', () => {
  const yaml = (lines: string) => `receivers:
  prometheus:
    config:
      scrape_configs: [{ job_name: app, static_configs: [{ targets: ["localhost:9090"] }] }]
exporters:
  awsemf:
${lines}
service:
  pipelines:
    metrics: { receivers: [prometheus], exporters: [awsemf] }
`;

  it('warns with file:line and what the collector will do instead', () => {
    const config = parseCollectorConfig(yaml('    dimension_rollup_option: Sometimes\n    version: "2"\n    output_destination: STDOUT\n    region: eu-west-1'), 'otel.yaml', {});
    expect(config.warnings).toEqual([
      {
        message:
          'dimension_rollup_option "Sometimes" is not one of ZeroAndSingleDimensionRollup, SingleDimensionRollupOnly, NoDimensionRollup: the collector accepts it and behaves as NoDimensionRollup (no zero- or single-dimension copies)',
        location: { file: 'otel.yaml', line: 7, column: 5, path: 'exporters.awsemf.dimension_rollup_option' },
      },
      {
        message: 'version "2" is neither "1" nor "0": the collector writes plain log events with no metric directives, so CloudWatch extracts no metric from them',
        location: { file: 'otel.yaml', line: 8, column: 5, path: 'exporters.awsemf.version' },
      },
      {
        message: 'output_destination "STDOUT" is not "cloudwatch" or "stdout": the collector treats it as stdout (the comparison ignores case)',
        location: { file: 'otel.yaml', line: 9, column: 5, path: 'exporters.awsemf.output_destination' },
      },
    ]);
    const emf = config.exporters.get('awsemf')!.awsemf!;
    expect(emf.region).toBe('eu-west-1');
    expect(emf.regionLocation).toMatchObject({ line: 10, column: 5 });
  });

  it('says nothing about the documented values', () => {
    const config = parseCollectorConfig(yaml('    dimension_rollup_option: SingleDimensionRollupOnly\n    version: "0"\n    output_destination: cloudwatch'), 'otel.yaml', {});
    expect(config.warnings).toEqual([]);
  });
});
