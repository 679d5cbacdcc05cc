/**
 * Prometheus `metric_relabel_configs` on one series' labels (`__name__` included), as the scrape loop of Prometheus
 * 2.42 (the receiver's embedded scrape code) applies them before the receiver sees the series. Returns undefined when
 * the series is dropped. `hashmod` (target sharding) is not modelled: the prediction warns and leaves the labels.
 *
 * As in Prometheus: regexes are RE2 and anchored; each rule sees the labels the rules before it produced (labelmap
 * included); templates expand with Go's rules (`$1_x` is the group named `1_x`, `$$` a literal `$`); setting a label
 * to the empty string removes it.
 */
import type { RelabelRule } from '../../sources/collector-config/model.js';
import { expandTemplate, GoRegexp, isGoRegexp } from '../../shared/go-regexp.js';

export type LabelMap = Map<string, string>;

interface CompiledRule {
  readonly rule: RelabelRule;
  readonly regex: GoRegexp;
}

export interface InvalidRelabelRule {
  readonly rule: RelabelRule;
  /** Go's message, e.g. "error parsing regexp: invalid or unsupported Perl syntax: `(?=`". */
  readonly error: string;
}

export function compileRelabelRules(rules: readonly RelabelRule[]): { compiled: CompiledRule[]; invalid: InvalidRelabelRule[] } {
  const compiled: CompiledRule[] = [];
  const invalid: InvalidRelabelRule[] = [];
  for (const rule of rules) {
    const regex = GoRegexp.compile(rule.regex, true);
    if (isGoRegexp(regex)) compiled.push({ rule, regex });
    else invalid.push({ rule, error: regex.error });
  }
  return { compiled, invalid };
}

/** Prometheus 2.42's label name rule (model.LabelName.IsValid). */
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** labels.Builder.Set: an empty value deletes. */
function setLabel(labels: LabelMap, name: string, value: string): void {
  if (value === '') labels.delete(name);
  else labels.set(name, value);
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
        const match = regex.match(value);
        if (!match) break;
        current = new Map(current);
        const target = expandTemplate(rule.targetLabel, match);
        // 2.42 deletes the label named by the unexpanded target_label when the target is invalid or the value empty.
        if (!LABEL_NAME.test(target)) {
          current.delete(rule.targetLabel);
          break;
        }
        const replaced = expandTemplate(rule.replacement, match);
        if (replaced === '') current.delete(rule.targetLabel);
        else current.set(target, replaced);
        break;
      }
      case 'lowercase':
      case 'uppercase':
        current = new Map(current);
        setLabel(current, rule.targetLabel, rule.action === 'lowercase' ? value.toLowerCase() : value.toUpperCase());
        break;
      case 'labelmap': {
        const before = current;
        current = new Map(current);
        for (const [name, labelValue] of before) {
          if (regex.test(name)) setLabel(current, regex.replaceWhole(name, rule.replacement), labelValue);
        }
        break;
      }
      case 'labeldrop':
      case 'labelkeep':
        current = new Map([...current].filter(([name]) => name === '__name__' || regex.test(name) === (rule.action === 'labelkeep')));
        break;
    }
  }
  return current;
}
