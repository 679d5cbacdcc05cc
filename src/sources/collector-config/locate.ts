/** Maps a YAML path (`['exporters', 'awsemf', 'namespace']`) to the file position of its key or value. */
import { isMap, isNode, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { ConfigLocation } from './model.js';

export type YamlPath = readonly (string | number)[];

export function formatYamlPath(path: YamlPath): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : part)).join('.').replace(/\.\[/g, '[');
}

export class Locator {
  constructor(
    readonly file: string,
    private readonly document: Document,
    private readonly lineCounter: LineCounter,
  ) {}

  /** The position of the key of the last path element (or of the sequence item); the nearest ancestor if absent. */
  locate(path: YamlPath): ConfigLocation {
    const offset = this.offsetOf(path);
    const { line, col } = this.lineCounter.linePos(offset);
    return { file: this.file, line, column: col, path: formatYamlPath(path) };
  }

  private offsetOf(path: YamlPath): number {
    for (let depth = path.length; depth > 0; depth--) {
      const parent = depth === 1 ? this.document.contents : this.document.getIn(path.slice(0, depth - 1), true);
      const last = path[depth - 1]!;
      if (isMap(parent)) {
        const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === String(last));
        if (pair && isNode(pair.key) && pair.key.range) return pair.key.range[0];
      } else if (isSeq(parent) && typeof last === 'number') {
        const item = parent.items[last];
        if (isNode(item) && item.range) return (item as Node).range![0];
      }
    }
    return this.document.contents?.range?.[0] ?? 0;
  }
}
