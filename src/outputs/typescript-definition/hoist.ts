/**
 * Metrics used more than once become named constants: a console dashboard shows the same metric (namespace, name,
 * dimensions) in several widgets, often with another statistic or label. The definition then declares it once,
 * `const requests = new Metric({...})`, with the options every use shares, and each use is `requests` or
 * `requests.with({ statistic: 'p99' })`: `with` gives the same props, so the body is unchanged.
 */
import { Code, printTree, type Aliases } from './code.js';

export interface Hoisted {
  /** `const name = new Metric({...});` lines, in order of first use. */
  readonly declarations: string;
  readonly aliases: Aliases;
}

type Props = Record<string, unknown>;
const IDENTITY = ['namespace', 'metricName', 'dimensionsMap'];
/**
 * Names a `const` may not take: reserved words, those strict mode forbids as binding names (`eval`, `arguments`),
 * and globals a declaration would shadow or TypeScript refuses to redeclare.
 */
const RESERVED = new Set(
  ('break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null ' +
    'return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await ' +
    'eval arguments undefined NaN Infinity globalThis')
    .split(' '),
);

export function hoistRepeatedMetrics(root: unknown): Hoisted {
  const groups = new Map<string, Code[]>();
  walk(root, (code) => {
    if (code.construction?.className !== 'Metric') return;
    const identity = printTree(pick(propsOf(code), IDENTITY), '');
    groups.set(identity, [...(groups.get(identity) ?? []), code]);
  });
  const aliases = new Map<string, (indent: string) => string>();
  const declarations: string[] = [];
  const taken = new Set<string>();
  /** The first hoisted metric of each metric name: later ones are told apart by their other dimension values. */
  const firstOfName = new Map<string, Props>();
  for (const uses of groups.values()) {
    if (uses.length < 2) continue;
    const shared = sharedOptions(uses.map(propsOf));
    const name = uniqueName(nameWords(propsOf(uses[0]!), firstOfName), taken);
    const base = { ...pick(propsOf(uses[0]!), IDENTITY), ...shared };
    declarations.push(`const ${name} = new Metric(${printTree(base, '')});`);
    for (const use of uses) {
      const own = omit(propsOf(use), [...IDENTITY, ...Object.keys(shared)]);
      aliases.set(use.key, (indent) => (Object.keys(own).length === 0 ? name : `${name}.with(${printTree(own, indent)})`));
    }
  }
  return { declarations: declarations.join('\n'), aliases };
}

/** Depth first, in source order. */
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

function propsOf(code: Code): Props {
  return Object.fromEntries(Object.entries(code.construction!.props as Props).filter(([, value]) => value !== undefined));
}

function pick(props: Props, keys: readonly string[]): Props {
  return Object.fromEntries(Object.entries(props).filter(([key]) => keys.includes(key)));
}

function omit(props: Props, keys: readonly string[]): Props {
  return Object.fromEntries(Object.entries(props).filter(([key]) => !keys.includes(key)));
}

/** Options every use sets to the same value: they go on the constant (a use cannot unset an option with `with`). */
function sharedOptions(uses: readonly Props[]): Props {
  const [first, ...rest] = uses;
  return Object.fromEntries(
    Object.entries(omit(first!, IDENTITY)).filter(([key, value]) =>
      rest.every((use) => key in use && printTree(use[key], '') === printTree(value, '')),
    ),
  );
}

/**
 * The metric name, plus, for a second metric of that name, the dimension values the first one does not have:
 * `Requests` then `Requests 5xx` (→ `requests5xx`).
 */
function nameWords(props: Props, firstOfName: Map<string, Props>): string {
  const metricName = String(props.metricName);
  const first = firstOfName.get(metricName);
  if (first === undefined) {
    firstOfName.set(metricName, props);
    return metricName;
  }
  const firstValues = new Set(Object.values((first.dimensionsMap ?? {}) as Record<string, string>));
  const own = Object.values((props.dimensionsMap ?? {}) as Record<string, string>).filter((value) => !firstValues.has(value));
  return [metricName, ...own].join(' ');
}

/** `CPUUtilization` → `cpuUtilization`, `http_requests_total` → `httpRequestsTotal`; unique among the constants. */
function uniqueName(text: string, taken: Set<string>): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
  const joined = words.map((word, index) => (index === 0 ? word : word[0]!.toUpperCase() + word.slice(1))).join('') || 'metric';
  let base = joined.replace(/^[A-Z]+(?=[A-Z][a-z])|^[A-Z]+$|^[A-Z]/, (leading) => leading.toLowerCase());
  if (/^[0-9]/.test(base)) base = `m${base}`;
  if (RESERVED.has(base)) base = `${base}Metric`;
  let name = base;
  for (let suffix = 2; taken.has(name); suffix++) name = `${base}${suffix}`;
  taken.add(name);
  return name;
}
