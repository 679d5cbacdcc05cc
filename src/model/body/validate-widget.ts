/** One widget: the envelope (grid position and size) and the properties of each widget type. */
import type { MessageCollector } from './messages.js';
import type { WidgetJson, WidgetJsonOf } from './schema.js';
import {
  alarmStatusWidgetPropertiesSchema,
  customWidgetPropertiesSchema,
  explorerWidgetPropertiesSchema,
  logWidgetPropertiesSchema,
  textWidgetPropertiesSchema,
} from './schema.js';
import { validateMetricWidget } from './validate-metric-widget.js';
import { validateChartWidget } from './validate-chart-widget.js';
import { warnUnknownKeys } from './zod-messages.js';
import { isValidPeriod, periodProblem } from './period.js';

/** Columns of the dashboard grid. */
export const GRID_WIDTH = 24;
export const MAX_HEIGHT = 1000;
const ENVELOPE_KEYS = new Set(['type', 'x', 'y', 'width', 'height', 'properties']);
const ALARM_ARN = /^arn:aws[-a-z]*:cloudwatch:[a-z0-9-]+:\d{12}:alarm:.+$/;

/** Validates a widget that passed the shape check; returns its metric-row count for the dashboard-wide limit. */
export function validateWidget(widget: WidgetJson, path: string, out: MessageCollector): number {
  validateEnvelope(widget, path, out);
  const propertiesPath = `${path}/properties`;
  switch (widget.type) {
    case 'metric':
      return validateMetricWidget(widget.properties, propertiesPath, out);
    case 'text':
      warnUnknownKeys(widget.properties, textWidgetPropertiesSchema, propertiesPath, 'a text widget', out);
      return 0;
    case 'log':
      validateLogWidget(widget, propertiesPath, out);
      return 0;
    case 'alarm':
      validateAlarmStatusWidget(widget, propertiesPath, out);
      return 0;
    case 'explorer':
      validateExplorerWidget(widget, propertiesPath, out);
      return 0;
    case 'custom':
      warnUnknownKeys(widget.properties, customWidgetPropertiesSchema, propertiesPath, 'a custom widget', out);
      if (!/^arn:aws[-a-z]*:lambda:/.test(widget.properties.endpoint)) {
        out.warning(`${propertiesPath}/endpoint`, `endpoint "${widget.properties.endpoint}" does not look like a Lambda function ARN`);
      }
      return 0;
    case 'chart':
      validateChartWidget(widget.properties, propertiesPath, out);
      return 0;
  }
}

function validateEnvelope(widget: WidgetJson, path: string, out: MessageCollector): void {
  for (const key of Object.keys(widget)) {
    if (!ENVELOPE_KEYS.has(key)) out.warning(`${path}/${key}`, `The "${key}" property is not expected to be part of a widget definition, will be ignored`);
  }
  const { x, y, width, height } = widget;
  if ((x === undefined) !== (y === undefined)) {
    out.error(path, `x and y go together: ${x === undefined ? 'x' : 'y'} is missing; give both or neither (then CloudWatch places the widget)`);
  }
  if (x !== undefined && (!Number.isInteger(x) || x < 0 || x >= GRID_WIDTH)) out.error(`${path}/x`, `x must be an integer from 0 to 23, received ${x}`);
  if (y !== undefined && (!Number.isInteger(y) || y < 0)) out.error(`${path}/y`, `y must be an integer of 0 or more, received ${y}`);
  if (width !== undefined && (!Number.isInteger(width) || width < 1 || width > GRID_WIDTH)) {
    out.error(`${path}/width`, `width must be an integer from 1 to 24 (the grid is 24 columns wide), received ${width}`);
  }
  if (height !== undefined && (!Number.isInteger(height) || height < 1 || height > MAX_HEIGHT)) {
    out.error(`${path}/height`, `height must be an integer from 1 to 1000, received ${height}`);
  }
  if (x !== undefined && Number.isInteger(x) && x + (width ?? 6) > GRID_WIDTH && (width ?? 6) <= GRID_WIDTH) {
    out.warning(path, `the widget reaches column ${x + (width ?? 6)}, past the 24-column grid; move it left to x=${GRID_WIDTH - (width ?? 6)} or narrow it`);
  }
}

function validateLogWidget(widget: WidgetJsonOf<'log'>, path: string, out: MessageCollector): void {
  warnUnknownKeys(widget.properties, logWidgetPropertiesSchema, path, 'a log widget', out);
  const { query, queryLanguage } = widget.properties;
  if ((queryLanguage ?? 'Logs') === 'Logs' && !/^\s*SOURCE\s+'[^']+'/.test(query)) {
    out.error(`${path}/query`, `a Logs Insights query starts with SOURCE '<log group>' | ...; received "${query.slice(0, 60)}"`);
  }
}

function validateAlarmStatusWidget(widget: WidgetJsonOf<'alarm'>, path: string, out: MessageCollector): void {
  warnUnknownKeys(widget.properties, alarmStatusWidgetPropertiesSchema, path, 'an alarm status widget', out);
  const alarms = widget.properties.alarms;
  if (alarms.length === 0 || alarms.length > 100) {
    out.error(`${path}/alarms`, `an alarm status widget lists 1 to 100 alarm ARNs, found ${alarms.length}`);
  }
  alarms.forEach((arn, index) => {
    if (!ALARM_ARN.test(arn)) {
      out.error(`${path}/alarms/${index}`, `"${arn}" is not an alarm ARN (arn:aws:cloudwatch:<region>:<account>:alarm:<name>)`);
    }
  });
}

function validateExplorerWidget(widget: WidgetJsonOf<'explorer'>, path: string, out: MessageCollector): void {
  warnUnknownKeys(widget.properties, explorerWidgetPropertiesSchema, path, 'an explorer widget', out);
  const { metrics, period } = widget.properties;
  if (metrics.length === 0 || metrics.length > 100) out.error(`${path}/metrics`, `an explorer widget has 1 to 100 metrics, found ${metrics.length}`);
  const types = new Set(metrics.map((metric) => metric.resourceType));
  if (types.size > 1) out.error(`${path}/metrics`, `every explorer metric must use the same resourceType, found ${[...types].sort().join(', ')}`);
  if (period !== undefined && !isValidPeriod(period)) out.error(`${path}/period`, periodProblem(period));
}
