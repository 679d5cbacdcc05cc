/**
 * The escaping `inertStream` (io.ts) applies to what cwdash writes, as a function of the text and where the stream
 * stands, so the thread that writes a long stdout output (stdout-thread.ts) applies the very same.
 */

/** Where the escaping of one stream stands: on a terminal or not, and whether the next text starts a line. */
export interface InertState {
  readonly tty: boolean;
  atLineStart: boolean;
}

/** The text as `inertStream` writes it next (`state` moves on past it). */
export function inertText(text: string, state: InertState): string {
  let safe = text.replace(state.tty ? TTY_CONTROLS : CONTROLS, (sequence) => (sequence.length > 1 ? sequence : `\\u${sequence.charCodeAt(0).toString(16).padStart(4, '0')}`));
  // Most output has no `::` at all: a plain search is far cheaper than the pattern over every line feed.
  if (safe.includes('::')) safe = safe.replace(WORKFLOW_COMMAND, (match) => `${match.slice(0, -2)}\u200b::`);
  if (state.atLineStart && /^[ \t]*::/.test(safe)) safe = `\u200b${safe}`;
  if (safe !== '') state.atLineStart = safe.endsWith('\n');
  return safe;
}

/**
 * Every C0 and C1 control character and DEL, except tab, line feed, and a carriage return that ends a line (CSV rows
 * end in CRLF; only a lone CR could redraw a line).
 */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/g;
/** The same, but whole SGR sequences (`ESC[33m`) and the progress line's `\r ESC[K` are matched to be kept. */
const TTY_CONTROLS = /\u001b\[[0-9;]*m|\r\u001b\[K|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/g;
/** `::` after a line feed and optional blanks; the runner also trims leading whitespace before it looks. */
const WORKFLOW_COMMAND = /\n[ \t]*::/g;
