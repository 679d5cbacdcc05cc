import { describe, expect, test } from 'vitest';
import { renderTextTable } from '../../src/outputs/text-table.js';

describe('renderTextTable', () => {
  test('pads columns to the widest cell, right-aligns where asked, and spreads multi-line cells over rows', () => {
    const text = renderTextTable(
      [{ header: 'NAME' }, { header: 'COUNT', align: 'right' }, { header: 'NOTE' }],
      [
        ['alpha', '7', 'one line'],
        ['b', '1234', 'first\nsecond'],
      ],
    );
    expect(text).toBe(['NAME   COUNT  NOTE', 'alpha      7  one line', 'b       1234  first', '              second', ''].join('\n'));
  });

  test('leaves no trailing spaces when the last cell is short or empty', () => {
    const text = renderTextTable([{ header: 'A' }, { header: 'LONG HEADER' }], [['x', '']]);
    expect(text.split('\n').every((line) => line === line.trimEnd())).toBe(true);
  });
});
