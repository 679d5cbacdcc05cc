/**
 * The bounded way into a parsed YAML document, shared by every YAML input (collector configs, rules, allow-lists):
 * nesting past MAX_NESTING_DEPTH and alias expansion past MAX_YAML_ALIAS_COUNT are input errors at the line where
 * they happen, before any recursive walk of the tree could run out of stack or memory.
 */
import { isAlias, isCollection, isPair, type Document, type LineCounter, type Node } from 'yaml';
import { InputError } from './errors.js';
import { MAX_NESTING_DEPTH, MAX_YAML_ALIAS_COUNT } from './input-limits.js';

const DEPTH_FIX = `flatten the file: cwdash reads YAML nested at most ${MAX_NESTING_DEPTH} levels deep (no real config comes close)`;

/**
 * An InputError when the document is nested too deep, or when the parser itself ran out of stack on it (the yaml
 * library records that as a document error); undefined when its shape is fine.
 */
export function yamlDepthError(document: Document, lineCounter: LineCounter, file: string): InputError | undefined {
  const overflow = document.errors.find((error) => error.message.includes('Maximum call stack size exceeded'));
  if (overflow) {
    const { line, col } = lineCounter.linePos(overflow.pos[0]);
    return new InputError(`YAML nested too deep for cwdash to read (the limit is ${MAX_NESTING_DEPTH} levels)`, {
      location: { file, line, column: col },
      fix: DEPTH_FIX,
    });
  }
  const deep = nodeBeyondDepth(document.contents, MAX_NESTING_DEPTH);
  if (!deep) return undefined;
  const { line, col } = lineCounter.linePos(deep.range?.[0] ?? 0);
  return new InputError(`YAML nested deeper than ${MAX_NESTING_DEPTH} levels (cwdash's limit)`, { location: { file, line, column: col }, fix: DEPTH_FIX });
}

/** `document.toJS()` with the alias limit; an expansion past it is an InputError at the alias that causes it. */
export function boundedYamlToJS(document: Document, lineCounter: LineCounter, file: string): unknown {
  try {
    return document.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    if (!error.message.includes('alias count')) {
      // An alias whose anchor is missing or comes later (the parser lets some, such as merge keys `<<: *a`, through).
      const { line, col } = lineCounter.linePos(unresolvedAlias(document)?.range?.[0] ?? 0);
      throw new InputError(`invalid YAML: ${error.message}`, { location: { file, line, column: col }, fix: 'define the anchor (&name) before the alias (*name) that uses it' });
    }
    const alias = firstNestedAlias(document);
    const { line, col } = lineCounter.linePos(alias?.range?.[0] ?? 0);
    throw new InputError(`YAML aliases expand past ${MAX_YAML_ALIAS_COUNT} copies (cwdash's limit, a guard against "billion laughs" files)`, {
      location: { file, line, column: col },
      fix: 'write the repeated values out, or use fewer aliases of anchors that contain aliases themselves',
    });
  }
}

/** Children of a node in document order: the items of a sequence, the keys and values of a mapping. */
function children(node: unknown): Node[] {
  if (!isCollection(node)) return [];
  const nodes: Node[] = [];
  for (const item of node.items as unknown[]) {
    if (isPair(item)) {
      if (item.key && typeof item.key === 'object') nodes.push(item.key as Node);
      if (item.value && typeof item.value === 'object') nodes.push(item.value as Node);
    } else if (item && typeof item === 'object') {
      nodes.push(item as Node);
    }
  }
  return nodes;
}

/** The first collection (depth first) that sits deeper than `limit`; iterative, so depth costs no stack. */
function nodeBeyondDepth(root: unknown, limit: number): Node | undefined {
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!isCollection(node)) continue;
    if (depth > limit) return node;
    const items = children(node);
    for (let index = items.length - 1; index >= 0; index--) stack.push([items[index], depth + 1]);
  }
  return undefined;
}

/**
 * The alias that makes the expansion multiply: the first (in document order) whose anchor holds aliases itself,
 * else the first alias.
 */
function firstNestedAlias(document: Document): Node | undefined {
  let first: Node | undefined;
  const stack: unknown[] = [document.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) {
      first ??= node;
      const target = node.resolve(document);
      if (target && containsAlias(target)) return node;
      continue;
    }
    const items = children(node);
    for (let index = items.length - 1; index >= 0; index--) stack.push(items[index]);
  }
  return first;
}

/** The first alias (in document order) that does not resolve to an anchor. */
function unresolvedAlias(document: Document): Node | undefined {
  const stack: unknown[] = [document.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node) && !node.resolve(document)) return node;
    const items = children(node);
    for (let index = items.length - 1; index >= 0; index--) stack.push(items[index]);
  }
  return undefined;
}

function containsAlias(root: unknown): boolean {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) return true;
    stack.push(...children(node));
  }
  return false;
}
