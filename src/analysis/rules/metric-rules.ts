/**
 * The rules about the metrics themselves: what nobody reads, what one label multiplies, what the rollup copies, and
 * what resource attributes add. Each returns findings priced by the context's coster; the fix text is the config
 * change a platform engineer makes.
 */
import { formatMoney } from '../cost/money.js';
import type { Finding } from '../report/cost-report.js';
import type { BuiltinRules } from './rule-file.js';
import { ACCOUNT_SOURCE, collectorOf, consultedText, groupBy, isAllowListed, isUnread, metricFinding, metricsByName, type AnalyzedMetric, type RuleContext, type RuleMeta } from './context.js';

const WRITE_FIX = '`cwdash cost-report --write-fix DIR` writes the config change';

export function unusedMetric(context: RuleContext, rule: BuiltinRules['unused-metric']): Finding[] {
  const meta: RuleMeta = { id: 'unused-metric', severity: rule.severity };
  const findings: Finding[] = [];
  const groups = metricsByName(context);
  for (const [, metrics] of groups) {
    const unread = metrics.filter((metric) => isUnread(context, metric, meta.id));
    if (unread.length === 0) continue;
    const first = unread[0]!;
    const cost = context.coster.monthlyUSD(unread);
    // An unknown cost is not known to be under the threshold: the finding stays.
    if (cost !== null && cost.lt(rule.params.minMonthlyUSD)) continue;
    const { namespace, metricName } = first.identity;
    const share = unread.length === metrics.length ? (metrics.length === 1 ? 'its only' : `all ${metrics.length}`) : `${unread.length} of ${metrics.length}`;
    const collector = collectorOf(context, first.collector);
    findings.push(
      metricFinding(
        context,
        meta,
        {
          message: `${metricName} (${namespace}): ${share} ${metrics.length === 1 ? 'CloudWatch metric is' : 'CloudWatch metrics are'} read by nothing consulted, ${formatMoney(cost)}/month${consultedText(context)}`,
          fix: collector
            ? `${unread.length === metrics.length ? `drop ${metricName}` : `keep only the dimension sets of ${metricName} that are read`} (${WRITE_FIX})`
            : `stop publishing ${metricName}, or add it to the allow-list with the reason it is kept`,
          subject: `${first.collector}:${namespace}:${metricName}`,
          location: collector?.exporterLocation,
        },
        unread,
        unread,
      ),
    );
  }
  return findings;
}

/**
 * Metrics kept only because a pattern matches them: a Grafana variable's "any value", a SEARCH, a Metrics Insights
 * query, a metric stream. The fix keeps them (a reader may exist); the finding says which pattern keeps them, so a
 * reviewer can pin the values or allow-list the metric with a reason.
 */
export function readOnlyByWildcard(context: RuleContext, rule: BuiltinRules['read-only-by-wildcard']): Finding[] {
  const meta: RuleMeta = { id: 'read-only-by-wildcard', severity: rule.severity };
  const findings: Finding[] = [];
  const groups = metricsByName(context);
  for (const [, metrics] of groups) {
    const kept = metrics.filter((metric) => metric.wildcardOnly && !isAllowListed(context, metric, meta.id));
    if (kept.length === 0) continue;
    const { namespace, metricName } = kept[0]!.identity;
    const readers = [...new Set(kept.flatMap((metric) => metric.readers.map((reader) => `${reader.kind} ${reader.name}${reader.notes?.length ? ` (${reader.notes.join('; ')})` : ''}`)))];
    const shown = readers.slice(0, 3).join(', ') + (readers.length > 3 ? `, and ${readers.length - 3} more` : '');
    findings.push(
      metricFinding(
        context,
        meta,
        {
          message: `${metricName} (${namespace}): ${kept.length} of ${metrics.length} CloudWatch metrics are kept only because a wildcard read matches them: ${shown}`,
          fix: 'the fix keeps them; pin the variable or query to the values really read, or add them to the allow-list with the reason they are kept',
          subject: `${kept[0]!.collector}:${namespace}:${metricName}`,
          location: collectorOf(context, kept[0]!.collector)?.exporterLocation,
        },
        kept,
        [],
      ),
    );
  }
  return findings;
}

export function highCardinalityDimension(context: RuleContext, rule: BuiltinRules['high-cardinality-dimension']): Finding[] {
  const meta: RuleMeta = { id: 'high-cardinality-dimension', severity: rule.severity };
  const findings: Finding[] = [];
  const byName = metricsByName(context);
  for (const [, metrics] of byName) {
    // One pass per metric name: for each dimension, the metrics carrying it (in order) and its distinct values.
    const byDimension = new Map<string, { carrying: AnalyzedMetric[]; values: Set<string> }>();
    for (const metric of metrics) {
      for (const [dimension, value] of Object.entries(metric.identity.dimensions)) {
        let seen = byDimension.get(dimension);
        if (!seen) byDimension.set(dimension, (seen = { carrying: [], values: new Set() }));
        seen.carrying.push(metric);
        seen.values.add(value);
      }
    }
    for (const dimension of [...byDimension.keys()].sort()) {
      const { carrying, values } = byDimension.get(dimension)!;
      const unbounded = rule.params.unbounded.includes(dimension);
      if (!unbounded && values.size <= rule.params.maxDistinctValues) continue;
      const involved = carrying.filter((metric) => !isAllowListed(context, metric, meta.id));
      if (involved.length === 0) continue;
      const { namespace, metricName } = carrying[0]!.identity;
      const why = unbounded ? 'a label that grows without bound' : `more than ${rule.params.maxDistinctValues}`;
      const collector = collectorOf(context, carrying[0]!.collector);
      findings.push(
        metricFinding(
          context,
          meta,
          {
            message: `${metricName} (${namespace}): dimension "${dimension}" has ${values.size} distinct values (${why}), making ${carrying.length} CloudWatch metrics`,
            fix: `drop "${dimension}" from the dimension sets of ${metricName} (metric_declarations), or aggregate it away with a metric_relabel_configs labeldrop before the exporter`,
            subject: `${carrying[0]!.collector}:${namespace}:${metricName}:${dimension}`,
            location: collector?.exporterLocation,
          },
          involved,
          involved.filter((metric) => isUnread(context, metric, meta.id)),
        ),
      );
    }
  }
  return findings;
}

export function rollupDuplicates(context: RuleContext, rule: BuiltinRules['rollup-duplicates']): Finding[] {
  const meta: RuleMeta = { id: 'rollup-duplicates', severity: rule.severity };
  const findings: Finding[] = [];
  for (const [config, metrics] of groupBy(context.metrics, (metric) => metric.collector)) {
    const rollups = metrics.filter((metric) => metric.rollup);
    const unread = rollups.filter((metric) => isUnread(context, metric, meta.id));
    if (unread.length < rule.params.minMetrics) continue;
    const collector = collectorOf(context, config);
    const option = collector?.dimensionRollupOption ?? 'ZeroAndSingleDimensionRollup';
    findings.push(
      metricFinding(
        context,
        meta,
        {
          message: `${config}: dimension_rollup_option ${option} adds ${rollups.length} zero/single-dimension metrics; ${unread.length} of them are read by nothing`,
          fix: `lower dimension_rollup_option on ${collector?.exporter ?? 'the awsemf exporter'} (NoDimensionRollup) and declare the few rolled-up sets a dashboard reads in metric_declarations (${WRITE_FIX})`,
          subject: `${config}:${collector?.exporter ?? 'awsemf'}`,
          location: collector?.exporterLocation,
        },
        rollups,
        unread,
      ),
    );
  }
  return findings;
}

export function resourceAttributeDimension(context: RuleContext, rule: BuiltinRules['resource-attribute-dimension']): Finding[] {
  const meta: RuleMeta = { id: 'resource-attribute-dimension', severity: rule.severity };
  const findings: Finding[] = [];
  const attributes = new Set(rule.params.attributes);
  const hasAttribute = (metric: AnalyzedMetric) => Object.keys(metric.identity.dimensions).some((name) => attributes.has(name));
  for (const [config, metrics] of groupBy(context.metrics, (metric) => metric.collector)) {
    const collector = collectorOf(context, config);
    if (collector && !collector.resourceToTelemetry.enabled) continue;
    const involved = metrics.filter(hasAttribute);
    if (involved.length === 0) continue;
    const names = [...new Set(involved.flatMap((metric) => Object.keys(metric.identity.dimensions).filter((name) => attributes.has(name))))].sort();
    findings.push(
      metricFinding(
        context,
        meta,
        {
          message: `${config}: resource attributes ${names.join(', ')} are dimensions of ${involved.length} CloudWatch metrics`,
          fix: 'set resource_to_telemetry_conversion.enabled: false (or exclude_service_attributes: true), and copy only the attribute a dashboard needs with a resource/attributes processor',
          subject: `${config}:${collector?.exporter ?? ACCOUNT_SOURCE}`,
          location: collector?.resourceToTelemetry.location ?? collector?.exporterLocation,
        },
        involved,
        involved.filter((metric) => isUnread(context, metric, meta.id)),
      ),
    );
  }
  return findings;
}
