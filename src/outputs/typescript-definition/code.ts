/**
 * A tree that is at once TypeScript source and the value that source evaluates to. The importer builds each
 * definition as such a tree, renders the value to check it reproduces the imported body, and prints the source.
 */

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Code text → what to print instead (the name of a `const`, or `name.with({...})`), given the indentation. */
export type Aliases = ReadonlyMap<string, (indent: string) => string>;
const NO_ALIASES: Aliases = new Map();

/** A leaf or node whose source is code (a `new X(...)` call, `Duration.minutes(5)`) rather than a literal. */
export class Code {
  private canonical: string | undefined;

  constructor(
    private readonly printer: (indent: string, aliases: Aliases) => string,
    readonly value: unknown,
    /** The names of the API this code uses, for the import line. */
    readonly imports: readonly string[],
    /** For `new X(props)`: the class and the props tree, so the importer can find repeated metrics. */
    readonly construction?: { readonly className: string; readonly props: unknown },
  ) {}

  /** The code printed without aliases: two nodes with equal keys build equal values. */
  get key(): string {
    return (this.canonical ??= this.printer('', NO_ALIASES));
  }

  /** The source, or the name of the `const` that holds it. */
  print(indent: string, aliases: Aliases = NO_ALIASES): string {
    return aliases.get(this.key)?.(indent) ?? this.printer(indent, aliases);
  }

  /** The source itself even when it has an alias: the right-hand side of its `const`. */
  printDefinition(indent: string, aliases: Aliases): string {
    return this.printer(indent, aliases);
  }
}

/** `new ClassName({...props})`: the value is built by `create` from the props' values. */
export function construct(className: string, create: (props: never) => unknown, props: unknown): Code {
  const value = create(toValue(props) as never);
  return new Code((indent, aliases) => `new ${className}(${printTree(props, indent, aliases)})`, value, [className, ...importsOf(props)], {
    className,
    props,
  });
}

/** A call such as `Duration.minutes(5)`, with the value it returns. */
export function call(source: string, value: unknown, imports: readonly string[]): Code {
  return new Code(() => source, value, imports);
}

/** The value a tree evaluates to: Code leaves replaced by their values, undefined members dropped. */
export function toValue(tree: unknown): unknown {
  if (tree instanceof Code) return tree.value;
  if (Array.isArray(tree)) return tree.map(toValue);
  if (isPlainObject(tree)) {
    const result: Record<string, unknown> = {};
    // defineProperty, not `result[key] =`: a `__proto__` key (a dimension name, say) must stay an own key.
    for (const [key, member] of Object.entries(tree)) {
      if (member !== undefined) Object.defineProperty(result, key, { value: toValue(member), enumerable: true, writable: true, configurable: true });
    }
    return result;
  }
  return tree;
}

export function importsOf(tree: unknown): string[] {
  if (tree instanceof Code) return [...tree.imports];
  if (Array.isArray(tree)) return tree.flatMap(importsOf);
  if (isPlainObject(tree)) return Object.values(tree).flatMap(importsOf);
  return [];
}

/** TypeScript source of a tree: single-quoted strings, bare keys where possible, short flat values on one line. */
export function printTree(tree: unknown, indent: string, aliases: Aliases = NO_ALIASES): string {
  if (tree instanceof Code) return tree.print(indent, aliases);
  if (typeof tree === 'string') return quote(tree);
  if (tree === undefined) return 'undefined';
  if (tree === null || typeof tree !== 'object') return String(tree);
  const inner = `${indent}  `;
  if (Array.isArray(tree)) {
    if (tree.length === 0) return '[]';
    const oneLine = `[${tree.map((item) => printTree(item, inner, aliases)).join(', ')}]`;
    if (oneLine.length + indent.length <= 100 && !oneLine.includes('\n')) return oneLine;
    return `[\n${tree.map((item) => `${inner}${printTree(item, inner, aliases)},`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(tree).filter(([, member]) => member !== undefined);
  if (entries.length === 0) return '{}';
  const printed = entries.map(([key, member]) => `${propertyName(key)}: ${printTree(member, inner, aliases)}`);
  const oneLine = `{ ${printed.join(', ')} }`;
  if (oneLine.length + indent.length <= 100 && !oneLine.includes('\n')) return oneLine;
  return `{\n${printed.map((line) => `${inner}${line},`).join('\n')}\n${indent}}`;
}

/**
 * A key as written in an object literal. `__proto__: x` and `'__proto__': x` would set the prototype instead of a
 * key, so that one key is written computed (`['__proto__']: x`), which makes an own property like any other.
 */
function propertyName(key: string): string {
  if (key === '__proto__') return `[${quote(key)}]`;
  return IDENTIFIER.test(key) ? key : quote(key);
}

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}
