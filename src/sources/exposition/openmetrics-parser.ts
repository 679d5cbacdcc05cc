/**
 * OpenMetrics 1.0 text, as Prometheus 2.42 parses it (docs/sources.md#exposition): a port of openmetricslex.l and
 * openmetricsparse.go. Strict single spaces, `# EOF` required and final, timestamps in seconds, exemplars.
 */
import { goQuote, parsePrometheusFloat } from './parse-float.js';
import { isLabelChar, isLabelStart, isNameStart, NeedMoreInput, ParserBase, TOKEN_NAMES, type EntryKind, type MetricType, type Token } from './parser-base.js';

type State = 'init' | 'meta1' | 'meta2' | 'value' | 'labels' | 'lvalue' | 'timestamp' | 'exemplar' | 'evalue' | 'etimestamp';

const OM_TYPES: ReadonlySet<string> = new Set(['counter', 'gauge', 'histogram', 'gaugehistogram', 'summary', 'info', 'stateset', 'unknown']);

export class OpenMetricsParser extends ParserBase<State> {
  protected state: State = 'init';

  protected parseEntry(): EntryKind {
    this.state = 'init';
    this.exemplarSeen = false;
    if (this.i >= this.buffer.length && !this.final) return 'more';
    const t = this.lex();
    switch (t) {
      case 'eofWord': {
        if (this.lex() !== 'eof') this.error('unexpected data after # EOF');
        return 'eof';
      }
      case 'eof':
        this.error('data does not end with # EOF');
      // falls through (error never returns)
      case 'help':
      case 'type':
      case 'unit': {
        const name = this.lex();
        if (name !== 'mname') this.parseError(`expected metric name after ${TOKEN_NAMES[t]}`, name);
        this.metricName = this.tokenText();
        if (this.lex() !== 'text') this.error(`expected text in ${TOKEN_NAMES[t]}`);
        const raw = this.tokenText();
        const body = raw.length > 1 ? raw.slice(1, -1) : '';
        if (t === 'type') {
          if (!OM_TYPES.has(body)) this.error(`invalid metric type ${goQuote(body)}`);
          this.metaType = body as MetricType;
        } else if (t === 'help') {
          this.checkUtf8(body, 'help text is not a valid utf8 string');
          this.metaText = body.replace(/\\([\\n"])/g, (_, c: string) => (c === 'n' ? '\n' : c));
        } else {
          const m = this.metricName;
          if (body.length > 0 && (!m.endsWith(body) || m.length < body.length + 1 || m[m.length - body.length - 1] !== '_')) {
            this.error(`unit not a suffix of metric ${goQuote(m)}`);
          }
          this.metaText = body;
        }
        return t;
      }
      case 'mname': {
        this.metricName = this.tokenText();
        this.sampleLine = this.line;
        this.labelPairs = [];
        let t2 = this.lex();
        if (t2 === 'braceOpen') {
          this.labelPairs = this.parseLabels();
          t2 = this.lex();
        }
        this.sampleValue = this.floatValue(t2, 'metric');
        this.sampleTimestamp = undefined;
        const t3 = this.lex();
        if (t3 === 'eof') this.error('data does not end with # EOF');
        if (t3 === 'comment') {
          this.parseExemplar();
        } else if (t3 === 'timestamp') {
          const parsed = parsePrometheusFloat(this.tokenText().slice(1));
          if (!parsed.ok) this.error(parsed.error);
          if (!Number.isFinite(parsed.value)) this.error(`invalid timestamp ${parsed.value}`);
          this.sampleTimestamp = Math.trunc(parsed.value * 1000);
          const t4 = this.lex();
          if (t4 === 'comment') this.parseExemplar();
          else if (t4 !== 'linebreak') this.parseError('expected next entry after timestamp', t4);
        } else if (t3 !== 'linebreak') {
          this.parseError('expected timestamp or # symbol', t3);
        }
        return 'series';
      }
      default:
        this.error(`"${TOKEN_NAMES[t]}" ${goQuote(this.buffer.charAt(this.tokenStart))} is not a valid start token`);
    }
  }

  private floatValue(t: Token, after: string): number {
    if (t !== 'value') this.parseError(`expected value after ${after}`, t);
    const parsed = parsePrometheusFloat(this.tokenText().slice(1));
    if (!parsed.ok) this.error(parsed.error);
    return parsed.value;
  }

  private parseExemplar(): void {
    const name = this.metricName;
    if (!name.endsWith('_total') && !name.endsWith('_bucket')) this.error(`metric name ${name} does not support exemplars`);
    this.parseLabels();
    this.floatValue(this.lex(), 'exemplar labels');
    const t = this.lex();
    if (t === 'eof') this.error('data does not end with # EOF');
    if (t === 'timestamp') {
      const parsed = parsePrometheusFloat(this.tokenText().slice(1));
      if (!parsed.ok) this.error(parsed.error);
      const t2 = this.lex();
      if (t2 !== 'linebreak') this.parseError('expected next entry after exemplar timestamp', t2);
    } else if (t !== 'linebreak') {
      this.parseError('expected timestamp or comment', t);
    }
    this.exemplarSeen = true;
  }

  private parseLabels(): string[] {
    const pairs: string[] = [];
    let first = true;
    for (;;) {
      let t = this.lex();
      if (t === 'braceClose') return pairs;
      if (t === 'comma') {
        if (first) this.parseError('expected label name or left brace', t);
        t = this.lex();
        if (t !== 'lname') this.parseError('expected label name', t);
      } else if (t === 'lname') {
        if (!first) this.parseError('expected comma', t);
      } else {
        this.parseError(first ? 'expected label name' : 'expected comma', t);
      }
      first = false;
      const name = this.tokenText();
      const eq = this.lex();
      if (eq !== 'equal') this.parseError('expected equal', eq);
      const value = this.lex();
      if (value !== 'lvalue') this.parseError('expected label value', value);
      const raw = this.buffer.slice(this.tokenStart + 1, this.tokenEnd - 1);
      this.checkUtf8(raw, 'invalid UTF-8 label value');
      pairs.push(name, this.unescapeLabelValue(raw));
    }
  }


  private lex(): Token {
    const b = this.buffer;
    this.tokenStart = this.i;
    if (this.atEnd()) return this.end('eof');
    const c = b.charCodeAt(this.i);
    switch (this.state) {
      case 'init':
        if (c === 35 && b.charCodeAt(this.i + 1) === 32) return this.lexComment();
        if (isNameStart(c)) return this.name('value');
        return this.invalid();
      case 'meta1':
        return isNameStart(c) ? this.name('meta2') : this.invalid();
      case 'meta2': {
        if (c !== 32) return this.invalid();
        const newline = b.indexOf('\n', this.i);
        if (newline === -1) {
          if (!this.final) throw new NeedMoreInput();
          return this.invalid();
        }
        this.i = newline;
        this.newline();
        this.state = 'init';
        return this.end('text');
      }
      case 'value':
      case 'evalue':
        if (c === 123 && this.state === 'value') {
          this.i++;
          this.state = 'labels';
          return this.end('braceOpen');
        }
        if (c === 34 && this.state === 'evalue') return this.quoted('exemplar');
        return this.spaced(this.state === 'value' ? 'timestamp' : 'etimestamp', 'value');
      case 'labels':
      case 'exemplar':
        if (isLabelStart(c)) {
          while (this.i < b.length && isLabelChar(b.charCodeAt(this.i))) this.i++;
          return this.end('lname');
        }
        if (c === 125) {
          this.i++;
          this.state = this.state === 'labels' ? 'value' : 'evalue';
          return this.end('braceClose');
        }
        if (c === 61) {
          this.i++;
          this.state = this.state === 'labels' ? 'lvalue' : 'evalue';
          return this.end('equal');
        }
        if (c === 44) {
          this.i++;
          return this.end('comma');
        }
        return this.invalid();
      case 'lvalue':
        return c === 34 ? this.quoted('labels') : this.invalid();
      case 'timestamp':
      case 'etimestamp':
        if (c === 10) {
          this.newline();
          this.state = 'init';
          return this.end('linebreak');
        }
        if (this.state === 'timestamp' && b.startsWith(' # {', this.i)) {
          this.i += 4;
          this.state = 'exemplar';
          return this.end('comment');
        }
        return this.spaced(this.state, 'timestamp');
    }
  }

  private lexComment(): Token {
    const b = this.buffer;
    const word = b.slice(this.i + 2, this.i + 7);
    for (const [text, token] of [['HELP ', 'help'], ['TYPE ', 'type'], ['UNIT ', 'unit']] as const) {
      if (word === text) {
        this.i += 7;
        this.state = 'meta1';
        return this.end(token);
      }
    }
    if (b.startsWith('EOF', this.i + 2)) {
      this.i += 5;
      if (b.charCodeAt(this.i) === 10) this.newline();
      return this.end('eofWord');
    }
    this.tokenStart = this.i + 2;
    return this.invalid();
  }

  /** `{S}[^ \n]+`: exactly one space, then a run without spaces. */
  private spaced(next: State, token: Token): Token {
    const b = this.buffer;
    if (b.charCodeAt(this.i) !== 32) return this.invalid();
    let j = this.i + 1;
    while (j < b.length && b.charCodeAt(j) !== 32 && b.charCodeAt(j) !== 10) j++;
    if (j === this.i + 1) return this.invalid();
    this.i = j;
    this.state = next;
    return this.end(token);
  }

  private quoted(next: State): Token {
    if (this.scanQuoted(false) === undefined) return this.invalid();
    this.state = next;
    return this.end('lvalue');
  }

  private invalid(): Token {
    return this.end('invalid');
  }
}
