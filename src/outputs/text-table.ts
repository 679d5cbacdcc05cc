/**
 * Plain-text tables for terminals: columns padded to their widest cell, two spaces apart, no trailing spaces. Cells
 * may hold several lines (a tiered price); each row then takes as many lines as its tallest cell.
 */

export type Alignment = 'left' | 'right';

export interface TextColumn {
  readonly header: string;
  /** @default 'left' */
  readonly align?: Alignment;
}

export function renderTextTable(columns: readonly TextColumn[], rows: readonly (readonly string[])[]): string {
  const cells = [columns.map((column) => [column.header]), ...rows.map((row) => columns.map((_, index) => (row[index] ?? '').split('\n')))];
  const widths = columns.map((_, index) => Math.max(...cells.map((row) => Math.max(...row[index]!.map((line) => line.length)))));
  const lines: string[] = [];
  for (const row of cells) {
    const height = Math.max(...row.map((cell) => cell.length));
    for (let lineIndex = 0; lineIndex < height; lineIndex += 1) {
      const parts = row.map((cell, index) => {
        const text = cell[lineIndex] ?? '';
        return columns[index]!.align === 'right' ? text.padStart(widths[index]!) : text.padEnd(widths[index]!);
      });
      lines.push(parts.join('  ').trimEnd());
    }
  }
  return `${lines.join('\n')}\n`;
}
