/**
 * The live account's other readers as read patterns: a metric stream reads every metric its include filters name (or
 * every metric, without any) minus its exclude filters, for whatever receives the stream; an anomaly detector reads
 * its single metric, or every MetricStat and expression of its metric math.
 */
import type { AccountReaders } from '../../sources/account/inventory.js';
import { statRead } from './alarm-reads.js';
import { expressionReads } from './dashboard-reads.js';
import type { MetricRead, ReadsResult, ReadSource, StreamFilter, UsageProblem } from './metric-read.js';

export function accountReaderReads(readers: AccountReaders): ReadsResult {
  const reads: MetricRead[] = [];
  const problems: UsageProblem[] = readers.problems.map((message) => ({
    source: { kind: message.startsWith('DescribeAnomalyDetectors') ? 'anomaly-detector' : 'metric-stream', name: 'account' },
    message,
  }));
  readers.metricStreams.forEach((stream, index) => {
    const filters = (list: typeof stream.IncludeFilters): StreamFilter[] =>
      (list ?? []).filter((filter) => filter.Namespace !== undefined).map((filter) => ({ namespace: filter.Namespace!, metricNames: filter.MetricNames ?? [] }));
    const notes = [`delivers to ${stream.FirehoseArn ?? 'its Firehose'}${stream.State && stream.State !== 'running' ? ` (state ${stream.State}: counted, it can be restarted)` : ''}`];
    const source: ReadSource = { kind: 'metric-stream', name: stream.Name ?? `stream ${index}`, path: `ListMetricStreams/${index}`, notes };
    reads.push({ kind: 'stream', include: filters(stream.IncludeFilters), exclude: filters(stream.ExcludeFilters), source });
  });
  readers.anomalyDetectors.forEach((detector, index) => {
    const single = detector.SingleMetricAnomalyDetector;
    const namespace = single?.Namespace ?? detector.Namespace;
    const metricName = single?.MetricName ?? detector.MetricName;
    const label = namespace && metricName ? `${namespace} ${metricName}` : `detector ${index}`;
    const source: ReadSource = { kind: 'anomaly-detector', name: label, path: `DescribeAnomalyDetectors/${index}` };
    if (namespace !== undefined && metricName !== undefined) {
      const dimensions = (single?.Dimensions ?? detector.Dimensions ?? []).map((dimension) => ({ Name: dimension.Name ?? '', Value: dimension.Value ?? '' }));
      reads.push({ ...statRead(namespace, metricName, dimensions), source, account: single?.AccountId });
    }
    detector.MetricMathAnomalyDetector?.MetricDataQueries?.forEach((query) => {
      const metric = query.MetricStat?.Metric;
      if (metric?.Namespace !== undefined && metric.MetricName !== undefined) {
        const dimensions = (metric.Dimensions ?? []).map((dimension) => ({ Name: dimension.Name ?? '', Value: dimension.Value ?? '' }));
        reads.push({ ...statRead(metric.Namespace, metric.MetricName, dimensions), source, account: query.AccountId });
      } else if (query.Expression !== undefined) expressionReads(query.Expression, source, reads, problems, { account: query.AccountId });
    });
  });
  return { reads, problems };
}
