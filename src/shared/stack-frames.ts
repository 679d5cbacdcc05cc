/**
 * Positions in user files, read from a stack trace. Definitions run from a bundle with an inline source map: when
 * Node already mapped the stack (source maps enabled, no other `Error.prepareStackTrace`) the frames name the user's
 * files; otherwise each frame in a bundle is mapped here through the map Node kept for it (`findSourceMap`).
 */
import { findSourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

export interface StackPosition {
  readonly file: string;
  readonly line: number;
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
  const entry = findSourceMap(file)?.findEntry(line - 1, column - 1);
  if (entry === undefined || !('originalSource' in entry) || entry.originalSource === undefined) return { file, line };
  const source = entry.originalSource;
  return { file: source.startsWith('file://') ? fileURLToPath(source) : source, line: entry.originalLine + 1 };
}
