/** Properties of a `metric` widget: data source, view-specific requirements, annotations and table options. */
import type { AnnotationsJson, MetricWidgetProperties } from './schema.js';
import { metricWidgetPropertiesSchema } from './schema.js';
import type { MessageCollector } from './messages.js';
import { statisticProblem } from './statistic.js';
import { isValidPeriod, periodProblem } from './period.js';
import { validateMetricRows } from './validate-metric-rows.js';
import { warnUnknownKeys } from './zod-messages.js';
import { checkTimeRange } from './time-range.js';

const ISO_DATE_TIME = /^(-?(?:[1-9][0-9]*)?[0-9]{4})-(1[0-2]|0[1-9])-(3[01]|0[1-9]|[12][0-9])T(2[0-3]|[01][0-9]):([0-5][0-9]):([0-5][0-9])(\.[0-9]+)?(Z)?$/;

/** Returns the number of metric rows, for the dashboard-wide count. */
export function validateMetricWidget(properties: MetricWidgetProperties, path: string, out: MessageCollector): number {
  warnUnknownKeys(properties, metricWidgetPropertiesSchema, path, 'a metric widget', out);
  const alarms = properties.annotations?.alarms ?? [];
  const metrics = properties.metrics;
  if ((metrics === undefined || metrics.length === 0) && alarms.length === 0) {
    // A PromQL block on a metric widget is a known way to get here; CloudWatch's own message does not say so.
    const promql = typeof properties.data === 'object' && properties.data !== null && 'queries' in properties.data;
    const fix = promql ? 'PromQL queries (data.queries) belong in a widget of type "chart"' : 'add at least one metric or an alarm';
    out.error(path, `The metric widget should have specified a region and a data source or an alarm annotation: ${fix}`);
  }
  if (alarms.length > 0 && metrics !== undefined && metrics.length > 0) {
    out.error(`${path}/annotations/alarms`, 'an alarm annotation cannot be combined with metrics; use an alarm widget or drop the metrics');
  }
  if (alarms.length > 1) out.error(`${path}/annotations/alarms`, `an alarm annotation takes one alarm ARN, found ${alarms.length}`);
  const view = properties.view ?? 'timeSeries';
  if (view === 'gauge' && (properties.yAxis?.left?.min === undefined || properties.yAxis?.left?.max === undefined)) {
    out.error(`${path}/yAxis/left`, 'a gauge needs yAxis.left.min and yAxis.left.max (the gauge range)');
  }
  if (properties.sparkline === true && view !== 'singleValue') out.warning(`${path}/sparkline`, 'sparkline only applies to the singleValue view');
  if (properties.sparkline === true && properties.setPeriodToTimeRange === true) {
    out.warning(`${path}/setPeriodToTimeRange`, 'setPeriodToTimeRange and sparkline cannot be used together; drop one');
  }
  if (properties.table !== undefined && view !== 'table') out.warning(`${path}/table`, 'table options only apply to the table view');
  if (properties.timezone !== undefined && !/^[+-]\d{4}$/.test(properties.timezone)) {
    out.error(`${path}/timezone`, `timezone "${properties.timezone}" must look like +HHMM or -HHMM, e.g. "+0100"`);
  }
  if (properties.period !== undefined && !isValidPeriod(properties.period)) out.error(`${path}/period`, periodProblem(properties.period));
  const statProblem = properties.stat === undefined ? undefined : statisticProblem(properties.stat);
  if (statProblem) out[statProblem.severity](`${path}/stat`, statProblem.message);
  checkTimeRange(properties.start, properties.end, path, out);
  if (properties.annotations) validateAnnotations(properties.annotations, `${path}/annotations`, out);
  return metrics ? validateMetricRows(metrics, `${path}/metrics`, out) : 0;
}

function validateAnnotations(annotations: AnnotationsJson, path: string, out: MessageCollector): void {
  if ((annotations.alarms?.length ?? 0) > 0 && ((annotations.horizontal?.length ?? 0) > 0 || (annotations.vertical?.length ?? 0) > 0)) {
    out.error(path, 'an alarm annotation cannot be combined with horizontal or vertical annotations');
  }
  annotations.vertical?.forEach((item, index) => {
    const lines = Array.isArray(item) ? item : [item];
    lines.forEach((line, position) => {
      if (!ISO_DATE_TIME.test(line.value)) {
        const where = Array.isArray(item) ? `${path}/vertical/${index}/${position}/value` : `${path}/vertical/${index}/value`;
        out.error(where, `vertical annotation value "${line.value}" must be an ISO-8601 date-time such as "2026-11-24T06:00:00Z"`);
      }
    });
  });
  for (const [side, items] of [['horizontal', annotations.horizontal], ['vertical', annotations.vertical]] as const) {
    items?.forEach((item, index) => {
      const lines = Array.isArray(item) ? item : [item];
      lines.forEach((line, position) => {
        if (line.color !== undefined && !/^#?[0-9a-fA-F]{6}$/.test(line.color)) {
          const where = Array.isArray(item) ? `${path}/${side}/${index}/${position}` : `${path}/${side}/${index}`;
          out.error(`${where}/color`, `color "${line.color}" must be a six-digit hex colour such as "#1f77b4"`);
        }
      });
    });
  }
}
