/**
 * Prometheus text format 0.0.4, as Prometheus 2.42 parses it (docs/sources.md#exposition): a port of the promlex.l states and
 * promparse.go's entry rules, so the same pages pass and fail, with the same messages.
 */
import { parsePrometheusFloat, goQuote } from './parse-float.js';
import { isLabelChar, isLabelStart, isNameChar, isNameStart, ParserBase, type EntryKind, type MetricType, type Token } from './parser-base.js';

type State = 'init' | 'comment' | 'meta1' | 'meta2' | 'value' | 'labels' | 'lvalue' | 'timestamp';

/**
 * The shape of nearly every line of a real page: `name{label="value",...} value`, single spaces, no escapes, no
 * timestamp. A line of exactly this shape means the same to the full lexer, so it is read in one character scan
 * (no regex, no match arrays); any other line (and any value that is not a float) goes through the lexer, which
 * gives Prometheus' verdict and message.
 */

const TEXT_TYPES: Readonly<Record<string, MetricType>> = {
  counter: 'counter', gauge: 'gauge', histogram: 'histogram', summary: 'summary', untyped: 'unknown',
};

export class TextParser extends ParserBase<State> {
  protected state: State = 'init';

  protected parseEntry(): EntryKind {
    this.state = 'init';
    this.exemplarSeen = false;
    const entryStart = this.i;
    const entryLineStart = this.lineStart;
    if (this.i >= this.buffer.length && !this.final) return 'more';
    if (this.readSimpleSample()) return 'series';
    const t = this.nextToken();
    switch (t) {
      case 'eof':
        return 'eof';
      case 'linebreak':
        return this.parseEntry();
      case 'help':
      case 'type': {
        const name = this.nextToken();
        if (name !== 'mname') this.parseError(`expected metric name after ${t.toUpperCase()}`, name);
        this.metricName = this.tokenText();
        const text = this.nextToken();
        if (text !== 'text') this.error(`expected text in ${t.toUpperCase()}`);
        const raw = this.tokenText();
        const body = raw.length > 1 ? raw.slice(1) : '';
        if (t === 'type') {
          const type = TEXT_TYPES[body];
          if (type === undefined) this.error(`invalid metric type ${goQuote(body)}`);
          this.metaType = type;
        } else {
          this.checkUtf8(body, 'help text is not a valid utf8 string');
          this.metaText = body.replace(/\\([\\n])/g, (_, c: string) => (c === 'n' ? '\n' : '\\'));
        }
        const end = this.nextToken();
        if (end !== 'linebreak') this.parseError('linebreak expected after metadata', end);
        return t;
      }
      case 'comment': {
        const end = this.nextToken();
        if (end !== 'linebreak') this.parseError('linebreak expected after comment', end);
        return 'comment';
      }
      case 'mname': {
        // 2.42 takes the series from the start of the line: leading whitespace becomes part of the name.
        const name = this.buffer.slice(entryStart, this.tokenEnd);
        if (this.tokenStart !== entryStart && entryStart === entryLineStart) this.error(`invalid metric name ${goQuote(name)}`, entryStart);
        this.metricName = this.tokenText();
        this.sampleLine = this.line;
        this.labelPairs = [];
        let t2 = this.nextToken();
        if (t2 === 'braceOpen') {
          this.parseLabels();
          t2 = this.nextToken();
        }
        if (t2 !== 'value') this.parseError('expected value after metric', t2);
        const parsed = parsePrometheusFloat(this.tokenText());
        if (!parsed.ok) this.error(parsed.error);
        this.sampleValue = parsed.value;
        this.sampleTimestamp = undefined;
        const t3 = this.nextToken();
        if (t3 === 'timestamp') {
          this.sampleTimestamp = Number(this.tokenText());
          const t4 = this.nextToken();
          if (t4 !== 'linebreak') this.parseError('expected next entry after timestamp', t4);
        } else if (t3 !== 'linebreak') {
          this.parseError('expected timestamp or new record', t3);
        }
        return 'series';
      }
      default:
        this.error(`"${t === 'invalid' ? 'INVALID' : t.toUpperCase()}" is not a valid start token`);
    }
  }

  private readSimpleSample(): boolean {
    if (this.sawInvalidUtf8) return false;
    const b = this.buffer;
    let j = this.i;
    if (!isNameStart(b.charCodeAt(j))) return false;
    while (isNameChar(b.charCodeAt(++j)));
    const name = b.slice(this.i, j);
    const pairs: string[] = [];
    if (b.charCodeAt(j) === 123 /* { */) {
      j++;
      // label="value" pairs, comma-separated, a trailing comma allowed; values without `"`, `\` or a line feed.
      while (b.charCodeAt(j) !== 125 /* } */) {
        const start = j;
        if (!isLabelStart(b.charCodeAt(j))) return false;
        while (isLabelChar(b.charCodeAt(++j)));
        if (b.charCodeAt(j) !== 61 /* = */ || b.charCodeAt(j + 1) !== 34 /* " */) return false;
        const valueStart = j + 2;
        j = valueStart;
        let c = b.charCodeAt(j);
        while (c !== 34 && c !== 92 && c !== 10 && j < b.length) c = b.charCodeAt(++j);
        if (c !== 34) return false;
        pairs.push(b.slice(start, valueStart - 2), b.slice(valueStart, j));
        j++;
        if (b.charCodeAt(j) === 44 /* , */) j++;
        else if (b.charCodeAt(j) !== 125) return false;
      }
      j++;
    }
    if (b.charCodeAt(j) !== 32) return false;
    const valueStart = ++j;
    let c = b.charCodeAt(j);
    while (c !== 32 && c !== 9 && c !== 10 && c !== 123 && j < b.length) c = b.charCodeAt(++j);
    if (c !== 10 || j === valueStart) return false;
    const value = simpleFloat(b, valueStart, j);
    if (value === undefined) return false;
    this.metricName = name;
    this.sampleLine = this.line;
    this.labelPairs = pairs;
    this.sampleValue = value;
    this.sampleTimestamp = undefined;
    this.i = j + 1;
    this.line++;
    this.lineStart = this.i;
    return true;
  }

  private parseLabels(): void {
    let t = this.nextToken();
    for (;;) {
      if (t === 'braceClose') return;
      if (t !== 'lname') this.parseError('expected label name', t);
      const name = this.tokenText();
      const eq = this.nextToken();
      if (eq !== 'equal') this.parseError('expected equal', eq);
      const value = this.nextToken();
      if (value !== 'lvalue') this.parseError('expected label value', value);
      const raw = this.buffer.slice(this.tokenStart + 1, this.tokenEnd - 1);
      this.checkUtf8(raw, 'invalid UTF-8 label value');
      this.labelPairs.push(name, this.unescapeLabelValue(raw));
      t = this.nextToken();
      if (t === 'comma') t = this.nextToken();
    }
  }


  /** Prometheus' nextToken: whitespace tokens are skipped. */
  private nextToken(): Token {
    for (;;) {
      const t = this.lex();
      if (t !== 'whitespace') return t;
    }
  }

  private lex(): Token {
    const b = this.buffer;
    this.tokenStart = this.i;
    if (this.atEnd()) {
      this.tokenEnd = this.i;
      // The lexer adds a missing final newline: the last line still ends properly.
      return this.state === 'init' ? 'eof' : this.state === 'timestamp' || this.state === 'meta2' ? 'linebreak' : 'invalid';
    }
    let c = b.charCodeAt(this.i);
    if (c === 32 || c === 9) {
      // `<*>[ \t]+` — in sMeta2 the rest-of-line rule wins unless the rest is only whitespace (same length, earlier rule).
      let j = this.i;
      while (j < b.length && (b.charCodeAt(j) === 32 || b.charCodeAt(j) === 9)) j++;
      if (this.state !== 'meta2' || j >= b.length || b.charCodeAt(j) === 10) {
        this.i = j;
        return this.end('whitespace');
      }
    }
    switch (this.state) {
      case 'init':
        if (c === 0) return this.end('eof');
        if (c === 10) {
          this.newline();
          return this.end('linebreak');
        }
        if (c === 35 /* # */) {
          this.i++;
          const ws = this.i;
          while (this.i < b.length && (b.charCodeAt(this.i) === 32 || b.charCodeAt(this.i) === 9)) this.i++;
          if (this.i > ws) {
            this.state = 'comment';
            return this.lex();
          }
          return this.consumeComment();
        }
        if (isNameStart(c)) return this.name('value');
        this.i++;
        return this.end('invalid');
      case 'comment':
        for (const [word, token] of [['HELP', 'help'], ['TYPE', 'type']] as const) {
          if (b.startsWith(word, this.i)) {
            let j = this.i + 4;
            while (j < b.length && (b.charCodeAt(j) === 32 || b.charCodeAt(j) === 9)) j++;
            if (j > this.i + 4) {
              this.i = j;
              this.state = 'meta1';
              return this.end(token);
            }
          }
        }
        return this.consumeComment();
      case 'meta1':
        if (isNameStart(c)) return this.name('meta2');
        this.i++;
        return this.end('invalid');
      case 'meta2': {
        let j = this.i;
        while (j < b.length && b.charCodeAt(j) !== 10) j++;
        this.i = j;
        this.state = 'init';
        return this.end('text');
      }
      case 'value':
        if (c === 123 /* { */) {
          this.i++;
          this.state = 'labels';
          return this.end('braceOpen');
        }
        if (c === 10 || c === 0) {
          this.i++;
          return this.end('invalid');
        }
        while (this.i < b.length && (c = b.charCodeAt(this.i)) !== 32 && c !== 9 && c !== 10 && c !== 123) this.i++;
        this.state = 'timestamp';
        return this.end('value');
      case 'labels':
        if (isLabelStart(c)) {
          while (this.i < b.length && isLabelChar(b.charCodeAt(this.i))) this.i++;
          return this.end('lname');
        }
        this.i++;
        if (c === 125 /* } */) {
          this.state = 'value';
          return this.end('braceClose');
        }
        if (c === 61 /* = */) {
          this.state = 'lvalue';
          return this.end('equal');
        }
        return this.end(c === 44 ? 'comma' : 'invalid');
      case 'lvalue':
        if (c === 34 && this.scanQuoted(true) !== undefined) {
          this.state = 'labels';
          return this.end('lvalue');
        }
        this.i = this.tokenStart + 1;
        return this.end('invalid');
      case 'timestamp':
        if (c >= 48 && c <= 57) {
          while (this.i < b.length && (c = b.charCodeAt(this.i)) >= 48 && c <= 57) this.i++;
          return this.end('timestamp');
        }
        if (c === 10) {
          this.newline();
          this.state = 'init';
          return this.end('linebreak');
        }
        this.i++;
        return this.end('invalid');
    }
  }


  private consumeComment(): Token {
    const b = this.buffer;
    while (this.i < b.length && b.charCodeAt(this.i) !== 10) this.i++;
    this.state = 'init';
    return this.end('comment');
  }
}

/** The value of `b[start, end)` as Prometheus reads it, or undefined when it is not a float (the lexer then decides). */
function simpleFloat(b: string, start: number, end: number): number | undefined {
  // Plain decimals (digits and at most one dot) need none of parsePrometheusFloat's checks but the range.
  let dots = 0;
  for (let j = start; j < end; j++) {
    const c = b.charCodeAt(j);
    if (c === 46) dots++;
    else if (c < 48 || c > 57) dots = 2;
  }
  if (dots < 2 && end - start > dots) {
    const value = Number(b.slice(start, end));
    if (Number.isFinite(value)) return value;
  }
  const parsed = parsePrometheusFloat(b.slice(start, end));
  return parsed.ok ? parsed.value : undefined;
}
