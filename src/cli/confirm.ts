/**
 * The confirmation `--prune` asks for before deleting dashboards. It reads one answer from `io.stdin`; when nothing
 * answers (stdin closed or not a terminal, as in CI) it refuses rather than guessing, and says to pass `--yes`.
 */
import { createInterface } from 'node:readline';
import { UsageError } from '../shared/errors.js';
import type { Io } from '../shared/io.js';

export async function confirmDeletion(io: Io, names: readonly string[]): Promise<void> {
  const listed = names.map((name) => `  - ${name}`).join('\n');
  const count = names.length === 1 ? '1 dashboard is' : `${names.length} dashboards are`;
  io.stderr.write(`${count} no longer defined and will be deleted:\n${listed}\nDelete ${names.length === 1 ? 'it' : 'them'}? [y/N] `);
  const answer = await readAnswer(io);
  // A terminal echoes the answer and its newline; a pipe does not, so end the prompt line here.
  if (!(io.stdin as { isTTY?: boolean }).isTTY) io.stderr.write(answer === undefined ? '\n' : `${answer}\n`);
  if (answer === undefined) {
    throw new UsageError(`refusing to delete ${names.length === 1 ? '1 dashboard' : `${names.length} dashboards`} without confirmation: nothing was changed`, {
      fix: 'pass --yes to confirm the deletes in a non-interactive run, or drop --prune',
    });
  }
  if (!/^y(es)?$/i.test(answer.trim())) {
    throw new UsageError('deletion not confirmed: nothing was changed', { fix: 'answer "y" to delete, pass --yes, or drop --prune' });
  }
}

/** The first line on stdin, or undefined when stdin ends before a line arrives. */
function readAnswer(io: Io): Promise<string | undefined> {
  return new Promise((resolve) => {
    const lines = createInterface({ input: io.stdin, terminal: false });
    let answered = false;
    lines.once('line', (line) => {
      answered = true;
      lines.close();
      resolve(line);
    });
    lines.once('close', () => {
      if (!answered) resolve(undefined);
    });
  });
}
