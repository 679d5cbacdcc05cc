/**
 * `cwdash usage` for people: one line per read pattern (namespace, metric, dimensions, region, who reads it), then the
 * problems and which sources were consulted. `*` is any value; `...` marks a pattern that allows more dimensions.
 */
import type { UsageListing, UsageRow } from '../analysis/usage/usage-rows.js';
import { describeConsulted, type ConsultedSource } from '../analysis/usage/usage-source.js';
import { printable } from './report-table.js';
import { renderTextTable } from './text-table.js';

export function renderUsageTable(listing: UsageListing, consulted: readonly ConsultedSource[]): string {
  const parts: string[] = [];
  if (listing.reads.length === 0) parts.push('No reads found in the given sources.\n');
  else {
    const columns = [{ header: 'NAMESPACE' }, { header: 'METRIC' }, { header: 'DIMENSIONS' }, { header: 'REGION' }, { header: 'READ BY' }];
    parts.push(renderTextTable(columns, listing.reads.map((row) => [row.namespace, row.metricName, dimensionsText(row), row.account ? `${row.region} (account ${row.account})` : row.region, readersText(row)].map(printLines))));
  }
  if (listing.problems.length > 0) {
    parts.push(`\nProblems (these inputs were read only in part):\n`);
    for (const problem of listing.problems) {
      const where = [problem.file && `${problem.file}${problem.line === undefined ? '' : `:${problem.line}`}`, problem.where].filter(Boolean).join(' ');
      parts.push(`- ${printable(where || problem.source)}: ${printable(problem.message)}\n`);
    }
  }
  parts.push(`\nSources:\n${consulted.map((source) => `- ${printable(describeConsulted(source))}\n`).join('')}`);
  return parts.join('');
}

/** Names and values come from the inputs: control characters are shown escaped, line by line. */
function printLines(text: string): string {
  return text.split('\n').map(printable).join('\n');
}

function dimensionsText(row: UsageRow): string {
  const pairs = Object.entries(row.dimensions).map(([name, values]) => `${name}=${values === '*' ? '*' : values.join('|')}`);
  if (!row.exactDimensions) pairs.push('...');
  const terms = row.terms.length > 0 ? ` ${row.terms.join(' ')}` : '';
  return `{${pairs.join(',')}}${terms}`;
}

function readersText(row: UsageRow): string {
  const names = row.evidence.map((item) => `${item.source} ${item.name}${item.lastSeen ? ` (last ${item.lastSeen.slice(0, 10)})` : ''}`);
  const unique = [...new Set(names)];
  return unique.length <= 2 ? unique.join('\n') : `${unique.slice(0, 2).join('\n')}\nand ${unique.length - 2} more`;
}
