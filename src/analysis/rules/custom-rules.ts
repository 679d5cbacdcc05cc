/**
 * User rules from the one documented condition: select metrics (namespace / metric name regex, a dimension, unread
 * only), then fire when more than `maxMetrics` are selected or they cost more than `maxMonthlyUSD` a month.
 */
import { GoRegexp } from '../../shared/go-regexp.js';
import { formatMoney, formatUsd } from '../cost/money.js';
import type { Finding } from '../report/cost-report.js';
import { isAllowListed, isUnread, metricFinding, type AnalyzedMetric, type RuleContext } from './context.js';
import type { CustomRule, MetricSelector } from './rule-file.js';

export function customRule(context: RuleContext, rule: CustomRule): Finding[] {
  const selected = context.metrics.filter((metric) => selects(context, rule.id, rule.select, metric));
  const cost = context.coster.monthlyUSD(selected);
  const overCount = rule.maxMetrics !== undefined && selected.length > rule.maxMetrics;
  // An unknown cost cannot be shown to be within the limit: it fires, saying the cost is unknown.
  const overCost = rule.maxMonthlyUSD !== undefined && selected.length > 0 && (cost === null || cost.gt(rule.maxMonthlyUSD));
  if (!overCount && !overCost) return [];
  const limits = [
    overCount ? `${selected.length} metrics (limit ${rule.maxMetrics})` : undefined,
    overCost ? `${formatMoney(cost)}/month (limit ${formatUsd(rule.maxMonthlyUSD!)})` : undefined,
  ].filter((part) => part !== undefined);
  return [
    metricFinding(
      context,
      { id: rule.id, severity: rule.severity },
      { message: `${rule.description}: ${limits.join(', ')}`, fix: rule.fix ?? rule.description, subject: 'selection' },
      selected,
      selected.filter((metric) => isUnread(context, metric, rule.id)),
    ),
  ];
}

function selects(context: RuleContext, rule: string, select: MetricSelector, metric: AnalyzedMetric): boolean {
  const { namespace, metricName, dimensions } = metric.identity;
  if (select.namespace !== undefined && !compiled(select.namespace).test(namespace)) return false;
  if (select.metricName !== undefined && !compiled(select.metricName).test(metricName)) return false;
  if (select.dimension !== undefined && !(select.dimension in dimensions)) return false;
  if (select.unread === true && !isUnread(context, metric, rule)) return false;
  return !isAllowListed(context, metric, rule);
}

const compiledPatterns = new Map<string, GoRegexp>();

/** The rules file's schema has checked that the pattern compiles; each pattern is compiled once. */
function compiled(pattern: string): GoRegexp {
  let regex = compiledPatterns.get(pattern);
  if (!regex) compiledPatterns.set(pattern, (regex = GoRegexp.compile(pattern) as GoRegexp));
  return regex;
}
