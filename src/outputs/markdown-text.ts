/**
 * Untrusted text (label values, file names, messages quoting them) made inert for Markdown renderers: CommonMark
 * (markdown-it), GitHub's job summaries and pull-request comments. Whatever the text holds, it renders as the same
 * characters and never as a link, an image, HTML, emphasis, a table break or a mention that notifies people.
 */

/**
 * The punctuation CommonMark and GFM give a meaning to inside a line (links, images, emphasis, code, autolinks,
 * domains, table cells, escapes), backslash-escaped, which makes each a literal. `& < >` become entities instead.
 */
const PUNCTUATION = /[!#()*+.:@[\\\]_`{|}~]/g;

/**
 * Plain text for a Markdown paragraph, list item or table cell (never at a line start): `& < >` as entities (no
 * HTML), active punctuation backslash-escaped (no links, images, emphasis, autolinks or `|` cell breaks), line
 * breaks as spaces (so no block starts), and a zero-width space after `@`, inside `://` and after `www` (GitHub
 * turns `@name` into a notification and bare URLs into links after parsing, where escapes no longer count).
 */
export function inertMarkdown(text: string): string {
  return text
    .replace(/@/g, '@\u200b')
    .replace(/:\/\//g, ':\u200b//')
    .replace(/\bwww\./gi, (match) => `${match.slice(0, 3)}\u200b.`)
    .replace(PUNCTUATION, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n|\r/g, ' ');
}

/**
 * Inline code that survives any content, in a table too: a `<code>` element (backticks cannot be escaped inside a
 * table cell), whose content Markdown still parses, so it is made inert the same way.
 */
export function inertCode(text: string): string {
  return `<code>${inertMarkdown(text)}</code>`;
}
