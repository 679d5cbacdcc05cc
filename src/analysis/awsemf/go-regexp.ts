/**
 * Go RE2 patterns (metric_name_selectors, label_matchers, relabel regexes) as JavaScript RegExps. The common subset
 * is identical; Go-only spellings are translated, and what cannot be translated is reported as invalid.
 */
export function compileGoRegexp(pattern: string, anchored = false): RegExp | undefined {
  let source = pattern;
  let flags = '';
  const leadingFlags = /^\(\?([imsU]+)\)/.exec(source);
  if (leadingFlags) {
    if (leadingFlags[1]!.includes('U')) return undefined;
    flags = [...new Set(leadingFlags[1]!)].join('');
    source = source.slice(leadingFlags[0].length);
  }
  source = source.replace(/\(\?P</g, '(?<').replace(/\\A/g, '^').replace(/\\z/g, '$');
  if (anchored) source = `^(?:${source})$`;
  try {
    return new RegExp(source, flags);
  } catch {
    return undefined;
  }
}
