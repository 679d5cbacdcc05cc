/**
 * What alarms read, from `aws cloudwatch describe-alarms` output (`{"MetricAlarms":[...], "CompositeAlarms":[...]}`):
 * a single-metric alarm reads Namespace/MetricName/Dimensions; a metric-math alarm reads every `Metrics[].MetricStat`
 * and any Metrics Insights query in `Metrics[].Expression`; a PromQL alarm reads the selectors of
 * `EvaluationCriteria.PromQLCriteria.Query`. Composite alarms read only other alarms. Only the fields
 * used are modelled; everything else the CLI prints is ignored.
 */
import { z } from 'zod';
import { readTextFile } from '../../shared/files.js';
import { parseJsonDocument } from '../../shared/json-document.js';
import { expressionReads } from './dashboard-reads.js';
import { promqlReads } from './promql-reads.js';
import { exactRead, type MetricRead, type ReadsResult, type UsageProblem } from './metric-read.js';

const dimensionsSchema = z.array(z.object({ Name: z.string(), Value: z.string() })).optional();

const metricAlarmSchema = z.object({
  AlarmName: z.string(),
  Namespace: z.string().optional(),
  MetricName: z.string().optional(),
  Dimensions: dimensionsSchema,
  Statistic: z.string().optional(),
  ExtendedStatistic: z.string().optional(),
  Period: z.number().optional(),
  Threshold: z.number().optional(),
  ComparisonOperator: z.string().optional(),
  EvaluationPeriods: z.number().optional(),
  Metrics: z
    .array(
      z.object({
        Id: z.string().optional(),
        Expression: z.string().optional(),
        MetricStat: z
          .object({ Metric: z.object({ Namespace: z.string(), MetricName: z.string(), Dimensions: dimensionsSchema }), Stat: z.string().optional(), Period: z.number().optional() })
          .optional(),
      }),
    )
    .optional(),
  /** A PromQL alarm (docs/sources.md#otel-metrics): the query holds the metric selectors and the threshold. */
  EvaluationCriteria: z.object({ PromQLCriteria: z.object({ Query: z.string() }).optional() }).optional(),
});

export const describeAlarmsSchema = z.object({
  MetricAlarms: z.array(metricAlarmSchema).default([]),
  CompositeAlarms: z.array(z.object({ AlarmName: z.string() })).default([]),
});

export type DescribeAlarmsOutput = z.infer<typeof describeAlarmsSchema>;

export interface AlarmReads extends ReadsResult {
  readonly metricAlarms: number;
  readonly compositeAlarms: number;
}

/** Reads and validates an alarms file; malformed JSON or shape is an InputError naming the file and path. */
export async function loadAlarmsFile(file: string): Promise<AlarmReads> {
  const text = await readTextFile(file, 'alarms file');
  const output = parseJsonDocument(text, describeAlarmsSchema, {
    file,
    what: 'alarms file (DescribeAlarms output)',
    fix: 'save the output of `aws cloudwatch describe-alarms --output json` as it is',
  });
  return alarmReads(output, file);
}

export function alarmReads(output: DescribeAlarmsOutput, file?: string): AlarmReads {
  const reads: MetricRead[] = [];
  const problems: UsageProblem[] = [];
  output.MetricAlarms.forEach((alarm, a) => {
    const source = (path: string) => ({ kind: 'alarm' as const, name: alarm.AlarmName, file, path: `/MetricAlarms/${a}${path}` });
    if (alarm.Namespace !== undefined && alarm.MetricName !== undefined) {
      const condition = alarm.ComparisonOperator !== undefined && alarm.Threshold !== undefined
        ? { comparison: alarm.ComparisonOperator, threshold: alarm.Threshold, evaluationPeriods: alarm.EvaluationPeriods ?? 1 }
        : undefined;
      const aggregation = { stat: alarm.ExtendedStatistic ?? alarm.Statistic, periodSeconds: alarm.Period, alarm: condition };
      reads.push({ ...statRead(alarm.Namespace, alarm.MetricName, alarm.Dimensions), aggregation, source: source('') });
    }
    const math = alarm.Metrics?.some((query) => query.Expression !== undefined) ?? false;
    alarm.Metrics?.forEach((query, q) => {
      const stat = query.MetricStat?.Metric;
      const aggregation = { stat: query.MetricStat?.Stat, periodSeconds: query.MetricStat?.Period, math };
      if (stat) reads.push({ ...statRead(stat.Namespace, stat.MetricName, stat.Dimensions), aggregation, source: source(`/Metrics/${q}`) });
      if (query.Expression !== undefined) expressionReads(query.Expression, source(`/Metrics/${q}/Expression`), reads, problems);
    });
    const promql = alarm.EvaluationCriteria?.PromQLCriteria?.Query;
    if (promql !== undefined) {
      const found = promqlReads(promql, source('/EvaluationCriteria/PromQLCriteria/Query'));
      reads.push(...found.reads);
      problems.push(...found.problems);
    }
  });
  return { reads, problems, metricAlarms: output.MetricAlarms.length, compositeAlarms: output.CompositeAlarms.length };
}

/** A MetricStat reads exactly its dimension set. */
export function statRead(namespace: string, metricName: string, dimensions: readonly { Name: string; Value: string }[] | undefined) {
  return exactRead(namespace, metricName, (dimensions ?? []).map((dimension) => [dimension.Name, dimension.Value] as const));
}
