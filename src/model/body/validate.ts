/**
 * The local equivalent of PutDashboard's validation: the body's shape (zod) plus every CloudWatch limit, reported as
 * `DashboardValidationMessages`-style entries. Each widget is shape-checked on its own, so one malformed widget does
 * not hide the problems of the others.
 */
import { z } from 'zod';
import { MessageCollector, type ValidationMessage } from './messages.js';
import { dashboardBodySchema, variableSchema, widgetSchema, type VariableJson, type WidgetJson } from './schema.js';
import { reportZodIssues } from './zod-messages.js';
import { validateWidget } from './validate-widget.js';
import { validateMetricRows } from './validate-metric-rows.js';
import { checkOverlaps } from './validate-layout.js';
import { checkDuplicateProperties, MAX_VARIABLES, validateVariable } from './validate-variables.js';
import { checkTimeRange } from './time-range.js';

export type { ValidationMessage } from './messages.js';
export const MAX_WIDGETS = 500;
export const MAX_METRICS_PER_DASHBOARD = 2500;
const DASHBOARD_NAME = /^[A-Za-z0-9_-]{1,255}$/;
const TOP_LEVEL_KEYS = new Set(['start', 'end', 'periodOverride', 'widgets', 'variables']);

/** The top level without its arrays, so widgets and variables can be checked one by one. */
const topLevelSchema = dashboardBodySchema.extend({ widgets: z.array(z.unknown()), variables: z.array(z.unknown()).optional() });

export function validateDashboardBody(body: unknown): ValidationMessage[] {
  const out = new MessageCollector();
  const top = topLevelSchema.safeParse(body);
  if (!top.success) {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      out.error('', 'the dashboard body must be a JSON object with a "widgets" array');
      return out.messages;
    }
    reportZodIssues(top.error, '', out);
    if (!Array.isArray((body as { widgets?: unknown }).widgets)) return out.messages;
  }
  const raw = body as { widgets: unknown[]; variables?: unknown; start?: unknown; end?: unknown };
  for (const key of Object.keys(raw)) {
    if (!TOP_LEVEL_KEYS.has(key)) out.warning(`/${key}`, `The "${key}" property is not expected to be part of a dashboard body, will be ignored`);
  }
  if (typeof raw.start === 'string' || typeof raw.end === 'string') {
    checkTimeRange(typeof raw.start === 'string' ? raw.start : undefined, typeof raw.end === 'string' ? raw.end : undefined, '', out);
  }
  validateWidgets(raw.widgets, out);
  if (Array.isArray(raw.variables)) validateVariables(raw.variables, out);
  return out.messages;
}

function validateWidgets(widgets: readonly unknown[], out: MessageCollector): void {
  if (widgets.length > MAX_WIDGETS) {
    out.error('/widgets', `Should NOT have more than ${MAX_WIDGETS} items: the dashboard has ${widgets.length} widgets; split it into several dashboards`);
  }
  const parsed: (WidgetJson | undefined)[] = [];
  let metricCount = 0;
  widgets.forEach((widget, index) => {
    const path = `/widgets/${index}`;
    const result = widgetSchema.safeParse(widget);
    if (!result.success) {
      reportZodIssues(result.error, path, out);
      parsed.push(undefined);
      metricCount += validateRowsOfMalformedWidget(widget, path, out);
      return;
    }
    parsed.push(result.data);
    metricCount += validateWidget(result.data, path, out);
  });
  if (metricCount > MAX_METRICS_PER_DASHBOARD) {
    out.error(
      '/widgets',
      `the dashboard uses ${metricCount} metrics; CloudWatch allows at most ${MAX_METRICS_PER_DASHBOARD} per dashboard (math inputs included); split it`,
    );
  }
  checkOverlaps(parsed, out);
}

/** A metric widget whose shape is wrong elsewhere (say, no region) still gets its rows checked: all problems at once. */
function validateRowsOfMalformedWidget(widget: unknown, path: string, out: MessageCollector): number {
  const { type, properties } = (widget ?? {}) as { type?: unknown; properties?: { metrics?: unknown } };
  if (type !== 'metric' || !Array.isArray(properties?.metrics)) return 0;
  return validateMetricRows(properties.metrics, `${path}/properties/metrics`, out);
}

function validateVariables(variables: readonly unknown[], out: MessageCollector): void {
  if (variables.length > MAX_VARIABLES) {
    out.error('/variables', `Should NOT have more than ${MAX_VARIABLES} items: a dashboard has at most 25 variables`);
  }
  const parsed: (VariableJson | undefined)[] = [];
  for (const [index, variable] of variables.entries()) {
    const result = variableSchema.safeParse(variable);
    parsed.push(result.data);
    if (!result.success) {
      reportZodIssues(result.error, `/variables/${index}`, out);
      continue;
    }
    validateVariable(result.data, `/variables/${index}`, out);
  }
  checkDuplicateProperties(parsed, out);
}

/** PutDashboard's DashboardName rule: 1-255 characters of A-Z a-z 0-9 - _. */
export function validateDashboardName(name: string): ValidationMessage[] {
  if (DASHBOARD_NAME.test(name)) return [];
  return [
    {
      dataPath: '',
      message: `dashboard name "${name}" must be 1-255 characters of A-Z a-z 0-9 - _ (no spaces or dots)`,
      severity: 'error',
    },
  ];
}
