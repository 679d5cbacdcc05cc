/**
 * Positions in user files, read from a stack trace. Definitions run from a bundle (see typescript-module.ts) whose
 * source map is registered here; a frame in a bundle is mapped back to the user's file and line when it is read.
 * The map is parsed on the first lookup only, so loading pays nothing for it.
 */
import { SourceMap } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface StackPosition {
  readonly file: string;
  readonly line: number;
}

/** On a global symbol: definitions loaded from cwdash's sources carry their own copy of this module. */
const MAPS = Symbol.for('cwdash.bundle-source-maps');
const registry = globalThis as { [MAPS]?: Map<string, { readonly text: string; parsed?: SourceMap }> };
const maps = (registry[MAPS] ??= new Map());

/** The source map (JSON text) of a bundle file, for frames in it. Kept for the process: positions are read late. */
export function registerSourceMap(bundleFile: string, mapText: string): void {
  maps.set(bundleFile, { text: mapText });
}

const FRAME = /\(?((?:file:\/\/)?\/[^():]+?)(?:\?[^:]*)?:(\d+):(\d+)\)?$/;

/** The positions of a stack's frames that name a file, in order, mapped to original sources where a map exists. */
export function stackPositions(stack: string): StackPosition[] {
  const positions: StackPosition[] = [];
  for (const line of stack.split('\n').slice(1)) {
    const match = FRAME.exec(line.trim());
    if (!match) continue;
    positions.push(originalPosition(match[1]!, Number(match[2]), Number(match[3])));
  }
  return positions;
}

function originalPosition(location: string, line: number, column: number): StackPosition {
  const file = location.startsWith('file://') ? fileURLToPath(location) : location;
  const map = maps.get(file);
  if (map === undefined) return { file, line };
  map.parsed ??= new SourceMap(JSON.parse(map.text) as ConstructorParameters<typeof SourceMap>[0]);
  const entry = map.parsed.findEntry(line - 1, column - 1);
  if (!('originalSource' in entry) || entry.originalSource === undefined) return { file, line };
  return { file: resolve(dirname(file), entry.originalSource), line: entry.originalLine + 1 };
}
