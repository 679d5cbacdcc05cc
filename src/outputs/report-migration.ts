/**
 * The migration plan in words: the four phases, then per Classic metric each dashboard widget or alarm to rewrite,
 * with its PromQL (and PromQL alarm) when mechanical, or why not.
 */
import type { MigrationPlan } from '../analysis/report/cost-report.js';

/** Plain-text lines (the caller escapes for its format with `escape`). */
export function migrationPlanLines(plan: MigrationPlan, escape: (text: string) => string = (text) => text): string[] {
  const lines: string[] = [];
  const consumers = new Set(plan.items.map((item) => `${item.consumer.kind}\u0000${item.consumer.name}`)).size;
  lines.push(`${plan.items.length} read(s) of Classic metrics by ${consumers} dashboard(s)/alarm(s); ${plan.manualConsumers} need a rewrite by hand`);
  plan.phases.forEach((phase, index) => lines.push(`${index + 1}. ${escape(phase)}`));
  let metric = '';
  for (const item of plan.items) {
    if (item.metric !== metric) {
      metric = item.metric;
      lines.push('', escape(metric));
    }
    lines.push(`- ${item.consumer.kind} ${escape(item.consumer.name)}${item.consumer.path ? ` ${escape(item.consumer.path)}` : ''}: reads ${escape(item.classic)}`);
    if (item.promql !== null) lines.push(`  ${item.mechanical ? 'PromQL' : 'starting point'}: ${escape(item.promql)}`);
    if (item.promqlAlarm) {
      const interval = item.promqlAlarm.evaluationInterval === null ? 'choose one' : `${item.promqlAlarm.evaluationInterval} s`;
      lines.push(`  PromQL alarm: ${escape(item.promqlAlarm.query)} (EvaluationInterval ${interval}, PendingPeriod ${item.promqlAlarm.pendingPeriod} s)`);
    }
    if (!item.mechanical) lines.push(`  not mechanical: ${escape(item.note ?? '')}`);
    else if (item.note) lines.push(`  note: ${escape(item.note)}`);
  }
  return lines;
}
