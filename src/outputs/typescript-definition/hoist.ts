/**
 * Repeated metrics become named constants: a console dashboard shows the same metric in several widgets, and a
 * definition reads better (and edits in one place) with `const requests = new Metric({...})` used by name.
 */
import { Code, type Aliases } from './code.js';

export interface Hoisted {
  /** `const name = new Metric({...});` lines, in order of first use. */
  readonly declarations: string;
  readonly aliases: Aliases;
}

const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await'.split(
    ' ',
  ),
);

export function hoistRepeatedMetrics(root: unknown): Hoisted {
  const uses = new Map<string, { code: Code; count: number }>();
  walk(root, (code) => {
    if (code.construction?.className !== 'Metric') return;
    const entry = uses.get(code.key);
    if (entry) entry.count++;
    else uses.set(code.key, { code, count: 1 });
  });
  const aliases = new Map<string, string>();
  const taken = new Set<string>();
  const repeated = [...uses.values()].filter((entry) => entry.count > 1);
  for (const { code } of repeated) aliases.set(code.key, uniqueName(metricNameOf(code), taken));
  const declarations = repeated.map(({ code }) => `const ${aliases.get(code.key)} = ${code.printDefinition('', aliases)};`).join('\n');
  return { declarations, aliases };
}

/** Depth first, in source order, counting each occurrence. */
function walk(tree: unknown, visit: (code: Code) => void): void {
  if (tree instanceof Code) {
    visit(tree);
    if (tree.construction) walk(tree.construction.props, visit);
  } else if (Array.isArray(tree)) {
    for (const item of tree) walk(item, visit);
  } else if (tree !== null && typeof tree === 'object') {
    for (const member of Object.values(tree)) walk(member, visit);
  }
}

function metricNameOf(code: Code): string {
  const props = code.construction?.props as { metricName?: unknown } | undefined;
  return typeof props?.metricName === 'string' ? props.metricName : 'metric';
}

/** `CPUUtilization` → `cpuUtilization`, `http_requests_total` → `httpRequestsTotal`; unique among the constants. */
function uniqueName(metricName: string, taken: Set<string>): string {
  const words = metricName.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
  const joined = words.map((word, index) => (index === 0 ? word : word[0]!.toUpperCase() + word.slice(1))).join('') || 'metric';
  let base = joined.replace(/^[A-Z]+(?=[A-Z][a-z])|^[A-Z]+$|^[A-Z]/, (leading) => leading.toLowerCase());
  if (/^[0-9]/.test(base)) base = `m${base}`;
  if (RESERVED.has(base)) base = `${base}Metric`;
  let name = base;
  for (let suffix = 2; taken.has(name); suffix++) name = `${base}${suffix}`;
  taken.add(name);
  return name;
}
