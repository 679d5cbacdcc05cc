/**
 * Prometheus `metric_relabel_configs` on one series' labels (`__name__` included), as the scrape loop applies them
 * before the receiver sees the series. Returns undefined when the series is dropped. `hashmod` (target sharding)
 * is not modelled: the prediction warns and leaves the labels as they are.
 */
import type { RelabelRule } from '../../sources/collector-config/model.js';
import { compileGoRegexp } from './go-regexp.js';

export type LabelMap = Map<string, string>;

interface CompiledRule {
  readonly rule: RelabelRule;
  readonly regex: RegExp;
}

export function compileRelabelRules(rules: readonly RelabelRule[]): { compiled: CompiledRule[]; invalid: RelabelRule[] } {
  const compiled: CompiledRule[] = [];
  const invalid: RelabelRule[] = [];
  for (const rule of rules) {
    const regex = compileGoRegexp(rule.regex, true);
    if (regex) compiled.push({ rule, regex });
    else invalid.push(rule);
  }
  return { compiled, invalid };
}

/** Go's `$1`/`${1}`/`${name}` expansion; unknown groups expand to nothing, like regexp.Expand. */
function expand(template: string, match: RegExpExecArray): string {
  return template.replace(/\$(?:\{(\w+)\}|(\d+)|([A-Za-z_]\w*))/g, (_, braced: string | undefined, digits: string | undefined, named: string | undefined) => {
    const ref = braced ?? digits ?? named!;
    const value = /^\d+$/.test(ref) ? match[Number(ref)] : match.groups?.[ref];
    return value ?? '';
  });
}

export function applyRelabel(labels: LabelMap, rules: readonly CompiledRule[]): LabelMap | undefined {
  let current = labels;
  for (const { rule, regex } of rules) {
    const value = rule.sourceLabels.map((name) => current.get(name) ?? '').join(rule.separator);
    switch (rule.action) {
      case 'keep':
        if (!regex.test(value)) return undefined;
        break;
      case 'drop':
        if (regex.test(value)) return undefined;
        break;
      case 'keepequal':
        if (value !== (current.get(rule.targetLabel) ?? '')) return undefined;
        break;
      case 'dropequal':
        if (value === (current.get(rule.targetLabel) ?? '')) return undefined;
        break;
      case 'replace': {
        const match = regex.exec(value);
        if (!match) break;
        const target = expand(rule.targetLabel, match);
        if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(target)) break;
        current = new Map(current);
        const replaced = expand(rule.replacement, match);
        if (replaced === '') current.delete(target);
        else current.set(target, replaced);
        break;
      }
      case 'lowercase':
      case 'uppercase':
        current = new Map(current);
        current.set(rule.targetLabel, rule.action === 'lowercase' ? value.toLowerCase() : value.toUpperCase());
        break;
      case 'labelmap':
        current = new Map(current);
        for (const [name, labelValue] of labels) {
          const match = regex.exec(name);
          if (match) current.set(expand(rule.replacement, match), labelValue);
        }
        break;
      case 'labeldrop':
      case 'labelkeep':
        current = new Map([...current].filter(([name]) => name === '__name__' || regex.test(name) === (rule.action === 'labelkeep')));
        break;
    }
  }
  return current;
}
