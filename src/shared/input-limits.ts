/**
 * Bounds on the shape of input files (README "Security"). cwdash reads files anyone can change in a pull request, so
 * a file built to exhaust memory or the stack must fail as bad input, at its place, never as a crash. The bounds are
 * far above what a real collector config, dashboard body or kubectl inventory needs (their depth is below 20).
 */

/** YAML alias expansions per document: the `yaml` library's own default, which stops "billion laughs" files. */
export const MAX_YAML_ALIAS_COUNT = 100;

/** Arrays/objects (JSON) or collections (YAML) inside one another. */
export const MAX_NESTING_DEPTH = 256;

/**
 * Distinct series one scrape may hold (`--max-series`): about 1.5 GB of memory at this size, where an unbounded page
 * of 100 MB of distinct series took 6 GB.
 */
export const DEFAULT_MAX_SERIES = 2_000_000;

/**
 * `JSON.parse` that first refuses text nested deeper than MAX_NESTING_DEPTH: the parse itself and every recursive
 * walk after it (schemas, validation) would otherwise overflow the stack. The refusal is a SyntaxError with the same
 * `position N` wording as JSON.parse's own, so callers report both alike.
 */
export function parseBoundedJson(text: string): unknown {
  const offset = jsonNestingOverflow(text, MAX_NESTING_DEPTH);
  if (offset !== undefined) {
    throw new SyntaxError(`nested deeper than ${MAX_NESTING_DEPTH} levels (cwdash's limit) at position ${offset}`);
  }
  return JSON.parse(text);
}

/** The offset of the bracket that opens level `limit + 1`, outside strings; undefined when the text stays within. */
export function jsonNestingOverflow(text: string, limit: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c) index++; // backslash: skip the escaped character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x5b || code === 0x7b) {
      if (++depth > limit) return index;
    } else if (code === 0x5d || code === 0x7d) {
      depth--;
    }
  }
  return undefined;
}
