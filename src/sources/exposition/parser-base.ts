/**
 * What the text 0.0.4 and OpenMetrics pull parsers share: the buffer they scan (complete lines only, so a scrape of
 * any size streams through), line/column tracking for messages, the entry accessors and Prometheus' token names.
 * The shape follows Prometheus' textparse.Parser: `next()` returns an entry kind, accessors read the current entry.
 */
export type EntryKind = 'series' | 'help' | 'type' | 'unit' | 'comment' | 'eof' | 'more';

/** Metric types as both formats write them; `untyped` (0.0.4) is read as `unknown`. */
export type MetricType = 'counter' | 'gauge' | 'histogram' | 'gaugehistogram' | 'summary' | 'info' | 'stateset' | 'unknown';

export class ExpositionSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/** Thrown inside a parse when the entry runs past the buffered text; the entry is retried with more input. */
export class NeedMoreInput extends Error {}

export const TOKEN_NAMES = {
  invalid: 'INVALID', eof: 'EOF', linebreak: 'LINEBREAK', whitespace: 'WHITESPACE', help: 'HELP', type: 'TYPE',
  unit: 'UNIT', eofWord: 'EOFWORD', text: 'TEXT', comment: 'COMMENT', mname: 'MNAME', braceOpen: 'BOPEN',
  braceClose: 'BCLOSE', lname: 'LNAME', lvalue: 'LVALUE', comma: 'COMMA', equal: 'EQUAL', timestamp: 'TIMESTAMP',
  value: 'VALUE',
} as const;
export type Token = keyof typeof TOKEN_NAMES;

export abstract class ParserBase<State extends string = string> {
  /** The lexer state (the start condition of Prometheus' lexer). */
  protected abstract state: State;
  /** End of the current token. */
  protected tokenEnd = 0;
  protected buffer = '';
  protected final = false;
  protected i = 0;
  /** Line number (1-based) at `i`, and the buffer index where that line starts. */
  protected line = 1;
  protected lineStart = 0;
  /** Start of the current token, for values and columns. */
  protected tokenStart = 0;
  private invalidUtf8Lines = new Set<number>();

  protected metricName = '';
  protected labelPairs: string[] = [];
  protected sampleValue = 0;
  protected sampleTimestamp: number | undefined;
  protected metaText = '';
  protected metaType: MetricType = 'unknown';
  protected exemplarSeen = false;
  protected sampleLine = 0;

  /** Appends text (whole lines unless `final`); the caller then calls `next()` until it returns `more` or `eof`. */
  push(text: string, final: boolean): void {
    if (this.i > 0) {
      this.lineStart -= this.i;
      this.buffer = this.buffer.slice(this.i);
      this.i = 0;
    }
    this.buffer += text;
    this.final = final;
  }

  /** Lines whose bytes were not valid UTF-8 (they were decoded with U+FFFD). */
  markInvalidUtf8(line: number): void {
    this.invalidUtf8Lines.add(line);
  }

  /** The line just after the text buffered so far: where newly pushed text starts. */
  lineAtBufferEnd(): number {
    let line = this.line;
    for (let j = this.buffer.indexOf('\n', this.i); j !== -1; j = this.buffer.indexOf('\n', j + 1)) line++;
    return line;
  }

  next(): EntryKind {
    const state = { i: this.i, line: this.line, lineStart: this.lineStart };
    try {
      return this.parseEntry();
    } catch (error) {
      if (!(error instanceof NeedMoreInput)) throw error;
      this.i = state.i;
      this.line = state.line;
      this.lineStart = state.lineStart;
      return 'more';
    }
  }

  protected abstract parseEntry(): EntryKind;

  metric(): string {
    return this.metricName;
  }
  /** Label names and values alternating, as written (unsorted, duplicates and empty values kept). */
  labels(): readonly string[] {
    return this.labelPairs;
  }
  value(): number {
    return this.sampleValue;
  }
  /** Milliseconds, when the sample carries a timestamp. */
  timestamp(): number | undefined {
    return this.sampleTimestamp;
  }
  /** HELP text or UNIT for the `help`/`unit` entries. */
  text(): string {
    return this.metaText;
  }
  type(): MetricType {
    return this.metaType;
  }
  /** The line the current series entry is on. */
  seriesLine(): number {
    return this.sampleLine;
  }
  hasExemplar(): boolean {
    return this.exemplarSeen;
  }

  protected tokenText(): string {
    return this.buffer.slice(this.tokenStart, this.tokenEnd);
  }

  protected end(token: Token): Token {
    this.tokenEnd = this.i;
    return token;
  }

  /** A metric name from `i` (at its first character); the lexer moves to `next`. */
  protected name(next: State): Token {
    const b = this.buffer;
    this.i++;
    while (this.i < b.length && isNameChar(b.charCodeAt(this.i))) this.i++;
    this.state = next;
    return this.end('mname');
  }

  protected error(message: string, at = this.tokenStart): never {
    if (at >= this.lineStart) throw new ExpositionSyntaxError(message, this.line, at - this.lineStart + 1);
    // The token ended with its line feed (HELP/TYPE text), so the line counter is already past it: count back.
    let line = this.line;
    for (let j = this.buffer.indexOf('\n', at); j !== -1 && j < this.lineStart; j = this.buffer.indexOf('\n', j + 1)) line--;
    throw new ExpositionSyntaxError(message, line, at - (this.buffer.lastIndexOf('\n', at - 1) + 1) + 1);
  }

  protected parseError(expected: string, got: Token): never {
    this.error(`${expected}, got "${TOKEN_NAMES[got]}"`);
  }

  /** Consumes a `\n` at `i`, keeping line numbers right. */
  protected newline(): void {
    this.i++;
    this.line++;
    this.lineStart = this.i;
  }

  /** The end of input: when more may come, an entry that reaches it must wait for more. */
  protected atEnd(): boolean {
    if (this.i < this.buffer.length) return false;
    if (!this.final) throw new NeedMoreInput();
    return true;
  }

  /** Scans a quoted label value from `i` (at the opening quote); returns the raw inner text or undefined. */
  protected scanQuoted(allowNewline: boolean): string | undefined {
    const start = this.i;
    const b = this.buffer;
    let j = start + 1;
    let lines = 0;
    let lastNewline = -1;
    for (;;) {
      if (j >= b.length) {
        if (!this.final) throw new NeedMoreInput();
        return undefined;
      }
      const c = b.charCodeAt(j);
      if (c === 34 /* " */) break;
      if (c === 92 /* \ */) {
        if (j + 1 >= b.length && !this.final) throw new NeedMoreInput();
        if (j + 1 >= b.length || b.charCodeAt(j + 1) === 10) return undefined;
        j += 2;
        continue;
      }
      if (c === 10) {
        if (!allowNewline) return undefined;
        lines++;
        lastNewline = j;
      }
      j++;
    }
    const raw = b.slice(start + 1, j);
    if (lines > 0) {
      this.line += lines;
      this.lineStart = lastNewline + 1;
    }
    this.i = j + 1;
    return raw;
  }

  /** `\\`, `\"` and `\n` are decoded; any other backslash pair is kept as written. */
  protected unescapeLabelValue(raw: string): string {
    if (!raw.includes('\\')) return raw;
    return raw.replace(/\\(.)/gs, (pair, c: string) => (c === '\\' ? '\\' : c === '"' ? '"' : c === 'n' ? '\n' : pair));
  }

  /** Whether any line pushed so far held invalid UTF-8 (then only the full lexer, which checks it, may read). */
  protected get sawInvalidUtf8(): boolean {
    return this.invalidUtf8Lines.size > 0;
  }

  protected checkUtf8(text: string, message: string): void {
    if (this.invalidUtf8Lines.size > 0 && this.invalidUtf8Lines.has(this.line) && text.includes('\uFFFD')) this.error(message);
  }
}

export function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58;
}
export function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57);
}
export function isLabelStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
export function isLabelChar(c: number): boolean {
  return isLabelStart(c) || (c >= 48 && c <= 57);
}
