/**
 * nodeServiceDashboard references exactly the dimension sets awsemf creates: for each collector version (no OTelLib,
 * the short and the long OTelLib value) and each dimension_rollup_option, every read of the dashboard finds a metric
 * in the analyzer's prediction for the same config and the example scrape.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCollector } from '../../src/analysis/awsemf/collector.js';
import { nodeServiceDashboard } from '../../src/blueprints/index.js';
import { validateDashboardBody } from '../../src/model/body/validate.js';
import { root, unansweredReads } from './reads.js';

const VERSIONS = ['0.17.0', '0.30.0', '0.49.0'];
const ROLLUPS = ['ZeroAndSingleDimensionRollup', 'SingleDimensionRollupOnly', 'NoDimensionRollup'];

async function configWithRollup(rollup: string): Promise<string> {
  const text = await readFile(`${root}examples/task-service/otel-config.yaml`, 'utf8');
  const edited = text.replace(/^ {2}awsemf:\n/m, `  awsemf:\n    dimension_rollup_option: ${rollup}\n`);
  expect(edited).not.toBe(text);
  const file = join(await mkdtemp(join(tmpdir(), 'cwdash-rollup-')), 'otel-config.yaml');
  await writeFile(file, edited);
  return file;
}

describe('nodeServiceDashboard', () => {
  for (const rollup of ROLLUPS) {
    it.each(VERSIONS)(`${rollup}, ADOT %s: every read finds a predicted metric`, async (collectorVersion) => {
      const prediction = await analyzeCollector({
        configFile: await configWithRollup(rollup),
        scrapeFile: `${root}examples/task-service/metrics.txt`,
        env: {},
        collectorVersion,
      });
      const body = nodeServiceDashboard({ namespace: 'prod/task-service', service: 'task-service', region: 'ap-northeast-1', collectorVersion, dimensionRollup: rollup }).toBody();
      expect(validateDashboardBody(body)).toEqual([]);
      expect(unansweredReads('task-service', body, prediction.metrics)).toEqual([]);
    });
  }

  it('draws totals from the zero-dimension rollup when it exists, else sums a search over the full label set', () => {
    const widget = (rollup: string) => nodeServiceDashboard({ namespace: 'ns', service: 's', region: 'r', collectorVersion: '0.17.0', dimensionRollup: rollup }).toBody().widgets[1]!;
    const zero = widget('ZeroAndSingleDimensionRollup');
    expect(zero.type === 'metric' && zero.properties.metrics).toContainEqual(['ns', 'http_request_duration_seconds', { id: 'requests', stat: 'SampleCount', period: 60, visible: false }]);
    const noRollup = JSON.stringify(widget('NoDimensionRollup'));
    expect(noRollup).toContain('"expression":"SUM(search)"');
    expect(noRollup).toContain(`SEARCH('{ns,code,method,route} MetricName=\\"http_request_duration_seconds\\"', 'SampleCount', 60)`);
  });

  it('puts the OTelLib dimension on every app metric from ADOT v0.29 on', () => {
    const body = JSON.stringify(nodeServiceDashboard({ namespace: 'ns', service: 's', region: 'r', collectorVersion: '0.30.0' }).toBody());
    expect(body).toContain('["ns","up","OTelLib","otelcol/prometheusreceiver",{');
    expect(body).toContain("SEARCH('{ns,OTelLib,route}");
  });

  it('counts the configured status codes as server errors, under the configured label', () => {
    const body = JSON.stringify(
      nodeServiceDashboard({ namespace: 'ns', service: 's', region: 'r', statusCodeLabel: 'status_code', serverErrorCodes: ['500', '503'], collectorVersion: '0.17.0' }).toBody(),
    );
    expect(body).toContain('AND (status_code=500 OR status_code=503)');
    expect(body).toContain("${PROP('Dim.status_code')}");
  });

  it('adds the Container Insights widgets of the workload when given one', () => {
    const withK8s = nodeServiceDashboard({ namespace: 'ns', service: 's', region: 'r', kubernetes: { clusterName: 'c', namespace: 'prod', podName: 'web' } }).toBody();
    const without = nodeServiceDashboard({ namespace: 'ns', service: 's', region: 'r' }).toBody();
    expect(withK8s.widgets.length - without.widgets.length).toBe(2);
    expect(JSON.stringify(withK8s)).toContain('["ContainerInsights","pod_number_of_container_restarts","ClusterName","c","Namespace","prod","PodName","web",{');
  });

  it('is deterministic and names the dashboard after the namespace', () => {
    const build = () => nodeServiceDashboard({ namespace: 'prod/task-service', service: 'task-service', region: 'r' });
    expect(build().dashboardName).toBe('prod-task-service');
    expect(JSON.stringify(build().toBody())).toBe(JSON.stringify(build().toBody()));
  });
});
