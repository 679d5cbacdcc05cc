/** `cwdash metrics --cluster-inventory`: the cluster's Container Insights in all three modes, with their assumptions. */
import type { ContainerInsightsModes } from '../model/container-insights-modes.js';
import { renderTextTable } from './text-table.js';

const MODE_NAMES = { 'adot-receiver': 'ADOT collector (awscontainerinsightreceiver)', 'cloudwatch-agent': 'CloudWatch agent (amazon-cloudwatch-observability add-on)' } as const;

export function renderContainerInsightsModes(modes: ContainerInsightsModes, format: { formatCount: (n: number) => string; formatBytes: (n: number) => string }): string {
  const { formatCount, formatBytes } = format;
  const detected = modes.detected.length === 0
    ? 'no Container Insights DaemonSet image found in the inventory'
    : modes.detected.map((entry) => `${MODE_NAMES[entry.mode]}: ${entry.pod} (${entry.image})`).join('; ');
  const { enhancedObservability: b, otelContainerInsights: c } = modes;
  const table = renderTextTable(
    [{ header: 'Mode' }, { header: 'Billed as' }, { header: 'Per month', align: 'right' }],
    [
      ['A. ADOT receiver → awsemf (Classic)', 'custom metrics', `${formatCount(modes.adotReceiverCustomMetrics)} metrics`],
      ['B. Enhanced observability (add-on)', 'observations (ObservationUsage)', `≥ ${formatCount(b.observationsPerMonth)} observations`],
      ['C. OTel Container Insights (add-on)', 'GB over OTLP (OTEL:Bytes:EKS-CI)', `≥ ${formatBytes(c.bytesPerMonth)} (${formatCount(c.series)} series)`],
    ],
  );
  const notes = [
    ...b.assumptions.map((line) => `- B: ${line}`),
    ...c.assumptions.map((line) => `- C: ${line}`),
    ...(c.overLabelled.length > 0 ? [`- C: ${c.overLabelled.length} resource(s) carry more than 150 labels, which CloudWatch rejects, e.g. ${c.overLabelled.slice(0, 3).join(', ')}`] : []),
  ];
  return `Container Insights modes (detected: ${detected}; B and C run the same add-on and are not told apart)\n${table}${notes.map((line) => `${line}\n`).join('')}`;
}
