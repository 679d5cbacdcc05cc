/**
 * Streams an exposition through the pull parser without holding it whole: bytes are cut at the last line feed of
 * each chunk, checked for UTF-8, decoded and parsed; only an unfinished line is carried over.
 */
import { isUtf8 } from 'node:buffer';
import { InputError } from '../../shared/errors.js';
import { ExpositionSyntaxError, type MetricType, type ParserBase } from './parser-base.js';
import { OpenMetricsParser } from './openmetrics-parser.js';
import { TextParser } from './text-parser.js';

export type ExpositionFormat = 'text' | 'openmetrics';

export interface ExpositionVisitor {
  series(name: string, labelPairs: readonly string[], value: number, timestamp: number | undefined, line: number): void;
  type?(name: string, type: MetricType): void;
  help?(name: string, text: string): void;
  unit?(name: string, unit: string): void;
}

export function createParser(format: ExpositionFormat): ParserBase {
  return format === 'openmetrics' ? new OpenMetricsParser() : new TextParser();
}

/** Parses `chunks` (a file stream, stdin, an HTTP body or strings) and calls the visitor once per entry. */
export async function parseExposition(
  chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  format: ExpositionFormat,
  visitor: ExpositionVisitor,
  source: string,
): Promise<void> {
  const parser = createParser(format);
  // The unfinished line, as the chunks it arrived in: joined once, when its line feed comes, so a line of any
  // length costs linear time (concatenating on every chunk made one long line quadratic).
  let carry: Buffer[] = [];
  try {
    for await (const chunk of chunks) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      const cut = bytes.lastIndexOf(10) + 1;
      if (cut === 0) {
        carry.push(Buffer.from(bytes)); // a copy: a stream may reuse its chunk's memory
        continue;
      }
      const complete = carry.length === 0 ? bytes.subarray(0, cut) : Buffer.concat([...carry, bytes.subarray(0, cut)]);
      feed(parser, complete, false, visitor);
      carry = cut === bytes.length ? [] : [Buffer.from(bytes.subarray(cut))];
    }
    feed(parser, Buffer.concat(carry), true, visitor);
  } catch (error) {
    if (error instanceof ExpositionSyntaxError) {
      throw new InputError(`invalid ${format === 'openmetrics' ? 'OpenMetrics' : 'Prometheus text'} exposition: ${error.message}`, {
        location: { file: source, line: error.line, column: error.column },
        fix: 'Prometheus rejects the whole scrape for this line too: fix the exporter output (or pass --scrape-format if the format is wrong)',
      });
    }
    throw error;
  }
}

function feed(parser: ParserBase, bytes: Buffer, final: boolean, visitor: ExpositionVisitor): void {
  if (!isUtf8(bytes)) markInvalidLines(parser, bytes);
  parser.push(bytes.toString('utf8'), final);
  for (;;) {
    const kind = parser.next();
    if (kind === 'more' || kind === 'eof') return;
    if (kind === 'series') visitor.series(parser.metric(), parser.labels(), parser.value(), parser.timestamp(), parser.seriesLine());
    else if (kind === 'type') visitor.type?.(parser.metric(), parser.type());
    else if (kind === 'help') visitor.help?.(parser.metric(), parser.text());
    else if (kind === 'unit') visitor.unit?.(parser.metric(), parser.text());
  }
}

/** Rare path: find which lines of the chunk hold invalid UTF-8, so only a label value or HELP there fails. */
function markInvalidLines(parser: ParserBase, bytes: Buffer): void {
  let line = parser.lineAtBufferEnd();
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(10, start);
    if (end === -1) end = bytes.length;
    if (!isUtf8(bytes.subarray(start, end))) parser.markInvalidUtf8(line);
    line++;
    start = end + 1;
  }
}
