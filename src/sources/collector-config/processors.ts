/**
 * The processors whose effect on CloudWatch metrics cwdash computes: `batch` (none on identity), `resource` and
 * `attributes` (add/remove attributes → namespace and dimensions), `filter` (drop metrics by name) and
 * `metricstransform` (rename). Parts of them cwdash cannot follow are warnings, never silently ignored.
 */
import type { YamlPath } from './locate.js';
import type { AttributeAction, MetricNameFilter, MetricRename, ProcessorModel } from './model.js';
import type { SettingsReader, Settings } from './reader.js';

export const MODELLED_PROCESSORS = ['batch', 'resource', 'attributes', 'filter', 'metricstransform'] as const;

export function readProcessor(type: string, reader: SettingsReader, settings: Settings, path: YamlPath): ProcessorModel | undefined {
  switch (type) {
    case 'batch':
      reader.checkKeys(settings, ['timeout', 'send_batch_size', 'send_batch_max_size', 'metadata_keys', 'metadata_cardinality_limit'], path, 'batch');
      // The collector's defaults: 8192 data points per batch, no upper limit (a larger export goes out whole).
      return {
        type: 'batch',
        sendBatchSize: reader.count(settings, 'send_batch_size', path, 8192),
        sendBatchMaxSize: reader.count(settings, 'send_batch_max_size', path, 0),
        timeoutSeconds: reader.duration(settings, 'timeout', path, 0.2),
        location: reader.locate(path),
      };
    case 'resource':
      reader.checkKeys(settings, ['attributes'], path, 'resource');
      return { type: 'resource', actions: readActions(reader, settings.attributes, [...path, 'attributes']) };
    case 'attributes':
      reader.checkKeys(settings, ['actions', 'include', 'exclude'], path, 'attributes');
      if (settings.include !== undefined || settings.exclude !== undefined) {
        reader.warn([...path, settings.include !== undefined ? 'include' : 'exclude'], 'attributes include/exclude not modelled: the actions are applied to every metric');
      }
      return { type: 'attributes', actions: readActions(reader, settings.actions, [...path, 'actions']) };
    case 'filter':
      return readFilter(reader, settings, path);
    case 'metricstransform':
      return readMetricsTransform(reader, settings, path);
    default:
      return undefined;
  }
}

const ATTRIBUTE_ACTIONS = ['insert', 'update', 'upsert', 'delete', 'hash', 'extract', 'convert'];

function readActions(reader: SettingsReader, value: unknown, path: YamlPath): AttributeAction[] {
  return reader.list(value, path).map((item, index) => {
    const itemPath = [...path, index];
    const settings = reader.map(item, itemPath);
    reader.checkKeys(settings, ['key', 'value', 'action', 'from_attribute', 'from_context', 'pattern', 'converted_type'], itemPath, 'attribute action');
    const action = reader.string(settings, 'action', itemPath, '');
    if (!ATTRIBUTE_ACTIONS.includes(action)) reader.warn([...itemPath, 'action'], `unknown attribute action "${action}"`);
    const fromAttribute = settings.from_attribute === undefined ? undefined : reader.string(settings, 'from_attribute', itemPath, '');
    const actionValue = settings.value === undefined ? undefined : reader.string(settings, 'value', itemPath, '');
    return {
      key: reader.string(settings, 'key', itemPath, ''),
      action: action as AttributeAction['action'],
      ...(actionValue === undefined ? {} : { value: actionValue }),
      ...(fromAttribute === undefined ? {} : { fromAttribute }),
    };
  });
}

function readFilter(reader: SettingsReader, settings: Settings, path: YamlPath): ProcessorModel {
  reader.checkKeys(settings, ['metrics', 'error_mode', 'logs', 'spans', 'traces'], path, 'filter');
  const metricsPath = [...path, 'metrics'];
  const metrics = reader.map(settings.metrics, metricsPath);
  reader.checkKeys(metrics, ['include', 'exclude', 'metric', 'datapoint'], metricsPath, 'filter metrics');
  const include = metrics.include === undefined ? undefined : readNameFilter(reader, metrics.include, [...metricsPath, 'include']);
  let exclude = metrics.exclude === undefined ? undefined : readNameFilter(reader, metrics.exclude, [...metricsPath, 'exclude']);
  // OTTL conditions drop what they match; the two forms that only test the name are modelled.
  const conditions = reader.strings(metrics, 'metric', metricsPath);
  const excluded: string[] = [];
  conditions.forEach((condition, index) => {
    const equals = /^\s*name\s*==\s*"((?:[^"\\]|\\.)*)"\s*$/.exec(condition);
    const isMatch = /^\s*IsMatch\(\s*name\s*,\s*"((?:[^"\\]|\\.)*)"\s*\)\s*$/.exec(condition);
    if (equals) excluded.push(`^${escapeRegex(equals[1]!)}$`);
    else if (isMatch) excluded.push(isMatch[1]!.replace(/\\\\/g, '\\'));
    else reader.warn([...metricsPath, 'metric', index], `filter condition not modelled: ${condition}`);
  });
  if (metrics.datapoint !== undefined) reader.warn([...metricsPath, 'datapoint'], 'filter datapoint conditions not modelled');
  if (excluded.length > 0) {
    exclude = { matchType: 'regexp', metricNames: [...(exclude ? toRegexNames(exclude) : []), ...excluded] };
  }
  return { type: 'filter', ...(include ? { include } : {}), ...(exclude ? { exclude } : {}) };
}

function readNameFilter(reader: SettingsReader, value: unknown, path: YamlPath): MetricNameFilter {
  const settings = reader.map(value, path);
  reader.checkKeys(settings, ['match_type', 'metric_names', 'regexp', 'expressions', 'resource_attributes'], path, 'filter match');
  const matchType = reader.string(settings, 'match_type', path, 'strict');
  if (matchType !== 'strict' && matchType !== 'regexp') reader.warn([...path, 'match_type'], `match_type "${matchType}" not modelled`);
  for (const key of ['expressions', 'resource_attributes']) {
    if (settings[key] !== undefined) reader.warn([...path, key], `filter ${key} not modelled`);
  }
  return { matchType: matchType === 'regexp' ? 'regexp' : 'strict', metricNames: reader.strings(settings, 'metric_names', path) };
}

function toRegexNames(filter: MetricNameFilter): string[] {
  return filter.matchType === 'regexp' ? [...filter.metricNames] : filter.metricNames.map((name) => `^${escapeRegex(name)}$`);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function readMetricsTransform(reader: SettingsReader, settings: Settings, path: YamlPath): ProcessorModel {
  reader.checkKeys(settings, ['transforms'], path, 'metricstransform');
  const renames: MetricRename[] = [];
  reader.list(settings.transforms, [...path, 'transforms']).forEach((item, index) => {
    const itemPath = [...path, 'transforms', index];
    const transform = reader.map(item, itemPath);
    reader.checkKeys(transform, ['include', 'match_type', 'action', 'new_name', 'operations', 'experimental_match_labels', 'submatch_case', 'aggregation_type', 'group_resource_labels'], itemPath, 'metricstransform');
    const action = reader.string(transform, 'action', itemPath, '');
    const newName = reader.string(transform, 'new_name', itemPath, '');
    if (transform.operations !== undefined) reader.warn([...itemPath, 'operations'], 'metricstransform operations not modelled (only renames are)');
    if ((action === 'update' || action === 'insert') && newName !== '') {
      const matchType = reader.string(transform, 'match_type', itemPath, 'strict');
      renames.push({ include: reader.string(transform, 'include', itemPath, ''), matchType: matchType === 'regexp' ? 'regexp' : 'strict', action, newName });
    } else if (action !== 'update') {
      reader.warn([...itemPath, 'action'], `metricstransform action "${action}" not modelled`);
    }
  });
  return { type: 'metricstransform', renames };
}
