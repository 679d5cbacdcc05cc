/**
 * Container Insights in its three modes from the bundled cluster inventory (docs/sources.md#otel-metrics): the mode read from
 * the DaemonSet images, enhanced-observability observations by the reference formula, OTel Container Insights series
 * and bytes from the OTLP encoding of each resource's attributes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { containerInsightsModes, detectModes } from '../../../src/analysis/container-insights/modes.js';
import { targetSize } from '../../../src/analysis/otlp/protobuf-size.js';
import { parseClusterInventory } from '../../../src/sources/cluster-inventory/load.js';

const INVENTORY = new URL('../../../examples/cluster/inventory.json', import.meta.url);
const text = readFileSync(INVENTORY, 'utf8');
const inventory = parseClusterInventory(text, 'inventory.json');

describe('Container Insights modes', () => {
  it('reads the mode from the DaemonSet images: the ADOT collector here; the CloudWatch agent for the add-on', () => {
    expect(detectModes(inventory)).toEqual([{ mode: 'adot-receiver', pod: expect.stringMatching(/^amzn-cloudwatch-metrics\/adot-collector-daemonset-/), image: 'amazon/aws-otel-collector:v0.14.0' }]);
    const addOn = parseClusterInventory(text.replaceAll('amazon/aws-otel-collector:v0.14.0', 'public.ecr.aws/cloudwatch-agent/cloudwatch-agent:1.300050.0b1073'), 'inventory.json');
    expect(detectModes(addOn).map((entry) => entry.mode)).toEqual(['cloudwatch-agent']);
    // Sidecars (Deployment pods) are not Container Insights.
    expect(detectModes(parseClusterInventory(text.replaceAll('amazon/aws-otel-collector:v0.14.0', 'busybox:1'), 'inventory.json'))).toEqual([]);
  });

  it('B: observations per interval = 2 + 3 + 12·nodes + 9·pods + 2·containers + services + namespaces, per 60 s over 730 h', () => {
    const modes = containerInsightsModes(inventory, 'mz-k8s', 135);
    const running = inventory.pods.filter((pod) => pod.phase === 'Running');
    const containers = running.reduce((n, pod) => n + pod.containers.length, 0);
    const expected = 2 + 3 + 12 * inventory.nodes.length + 9 * running.length + 2 * containers + inventory.services.length + inventory.namespaces.length;
    expect(expected).toBe(220);
    expect(modes.enhancedObservability).toMatchObject({ observationsPerInterval: 220, observationsPerMonth: 220 * 43_800 });
    expect(modes.adotReceiverCustomMetrics).toBe(135);
  });

  it('C: one series per reference metric and resource; bytes from the encoding of each resource\'s attributes with its labels', () => {
    const { otelContainerInsights: c } = containerInsightsModes(inventory, 'mz-k8s', 0);
    expect(c.series).toBe(220);
    expect(c.dataPointsPerMonth).toBe(220 * 87_600);
    const point = { name: 'kube_pod_status_phase', type: 'gauge' as const, attributes: {}, buckets: 0, quantiles: 0 };
    // The cluster-level resource alone: name field 23 + point body 27 + k8s.cluster.name=mz-k8s (16 + 6 + 8).
    expect(targetSize({ 'k8s.cluster.name': 'mz-k8s' }, '', [point]).pointBytes).toEqual([23 + 27 + 30]);
    // Every other resource carries more attributes than the cluster's, so its points are larger.
    expect(c.bytesPerMonth).toBeGreaterThan(220 * 87_600 * 80);
    expect(c.overLabelled).toEqual([]);
  });

  it('C: a pod with more than 150 labels is flagged (CloudWatch rejects its points)', () => {
    const labels = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`l${i}`, 'v']));
    const crowded = { ...inventory, pods: inventory.pods.map((pod, i) => (i === 0 ? { ...pod, phase: 'Running', labels } : pod)) };
    expect(containerInsightsModes(crowded, 'mz-k8s', 0).otelContainerInsights.overLabelled[0]).toMatch(/^pod /);
  });
});
