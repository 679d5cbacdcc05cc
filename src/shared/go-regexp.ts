/**
 * User regexes (relabel `regex`, awsemf `metric_name_selectors` and `label_matchers`, filter and metricstransform
 * patterns, the rules file's selectors) evaluated as the collector evaluates them: Go's RE2 dialect, in linear time.
 *
 * The engine is re2js, a pure-JavaScript port of RE2 (through RE2/J, itself a port of Go's regexp/syntax). It was
 * chosen over the `re2` bindings (a native build, not possible offline everywhere) and `re2-wasm` (C++ RE2, whose
 * dialect and messages differ from Go's in places): re2js parses Go's syntax (`(?i)`, `(?i:...)`, `\p{L}`,
 * `[[:alpha:]]`, `\x{61}`, `\Q...\E`, `(?P<name>...)`), refuses what Go refuses (lookarounds, backreferences, repeat
 * counts over 1000, `\Z`) with Go's own error text, and never backtracks, so `(a+)+b` costs as little as `a+b`.
 */
import { RE2JS } from 're2js';

/** A compiled pattern. `anchored` patterns must match the whole text (Prometheus relabelling); others anywhere. */
export class GoRegexp {
  private constructor(
    readonly source: string,
    private readonly engine: RE2JS,
  ) {}

  /**
   * Compiles `pattern` as Go's regexp.Compile would; `anchored` wraps it as Prometheus does (`^(?:pattern)$`, so an
   * error message quotes the wrapped text, as Prometheus' own does). Returns the Go error message on failure.
   */
  static compile(pattern: string, anchored = false): GoRegexp | { readonly error: string } {
    try {
      return new GoRegexp(pattern, RE2JS.compile(anchored ? `^(?:${pattern})$` : pattern));
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }

  test(text: string): boolean {
    return this.engine.test(text);
  }

  /** The first match's groups (`[0]` the whole match; an unmatched group is undefined), or undefined. */
  match(text: string): GoMatch | undefined {
    const matcher = this.engine.matcher(text);
    if (!matcher.find()) return undefined;
    const groups: (string | undefined)[] = [];
    for (let index = 0; index <= matcher.groupCount(); index++) groups.push(matcher.group(index) ?? undefined);
    return { groups, names: this.engine.namedGroups() };
  }

  /**
   * Go's `Regexp.ReplaceAllString` for a pattern that must match the whole text (anchored): the template expanded
   * for the match, or the text unchanged when it does not match.
   */
  replaceWhole(text: string, template: string): string {
    const match = this.match(text);
    return match ? expandTemplate(template, match) : text;
  }
}

export interface GoMatch {
  readonly groups: readonly (string | undefined)[];
  /** Group name → index. */
  readonly names: Readonly<Record<string, number>>;
}

export function isGoRegexp(value: GoRegexp | { readonly error: string }): value is GoRegexp {
  return value instanceof GoRegexp;
}

/**
 * Go's `Regexp.Expand`: `$$` is a literal `$`; `$name` takes the longest run of letters, digits and `_` (so `$1_x` is
 * the group named `1_x`, not group 1 followed by `_x`); `${name}` delimits it; an all-digit name without a leading
 * zero is a group number. A missing or unmatched group expands to nothing; a malformed `$` stays as written.
 */
export function expandTemplate(template: string, match: GoMatch): string {
  let out = '';
  for (let index = 0; index < template.length; ) {
    const dollar = template.indexOf('$', index);
    if (dollar === -1) {
      out += template.slice(index);
      break;
    }
    out += template.slice(index, dollar);
    REFERENCE.lastIndex = dollar;
    const reference = REFERENCE.exec(template);
    if (!reference) {
      out += '$';
      index = dollar + 1;
      continue;
    }
    index = dollar + reference[0].length;
    const name = reference[1] ?? reference[2];
    out += name === undefined ? '$' : (groupValue(name, match) ?? '');
  }
  return out;
}

/** `$$`, `${name}` or `$name`, where a name is Unicode letters, digits and `_` (Go's `extract`). */
const REFERENCE = /\$(?:\$|\{([\p{L}\p{Nd}_]+)\}|([\p{L}\p{Nd}_]+))/uy;

function groupValue(name: string, match: GoMatch): string | undefined {
  const isNumber = /^(0|[1-9]\d{0,8})$/.test(name); // Go: no leading zero, below 1e9
  if (isNumber) return match.groups[Number(name)];
  const index = match.names[name];
  return index === undefined ? undefined : match.groups[index];
}
