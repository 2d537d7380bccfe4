import type { MemorySheetInit } from '../../../src/hosts/memory';
import type { GridValue } from '../../../src/workbook/grid';
import { at, expectRejected, problemsOf, runOn, sheetOf, withEdits } from './harness';

/*
 * Sheets whose used range reaches Excel's last row, 1,048,576 (Microsoft, "Excel specifications and
 * limits": 1,048,576 rows by 16,384 columns): the data at the top, then blank rows, then one stray
 * value in the last row (a typo, or a cell formatted and cleared). The stray value is reported at its
 * cell, or ignored with a warning; the run never throws and writes nothing when there is an error.
 * The blank rows share one empty array here; the memory host copies them into the dense grid every
 * host produces, so the parse sees the sheet as Excel would give it. Each case takes seconds (the
 * host reads a million rows twice), so there is one per kind of reader: a table (Jobs), the merit
 * guideline matrix, and the Parameter | Value list.
 */

const LAST_ROW = 1_048_576;

/** `rows`, then blank rows down to row 1,048,576, whose column `col` (1-based) holds `value`. */
function downToLastRow(rows: GridValue[][], col: number, value: GridValue): GridValue[][] {
  const blank: GridValue[] = [];
  const out = rows.slice();
  while (out.length < LAST_ROW - 1) out.push(blank);
  const last: GridValue[] = new Array<GridValue>(col).fill(null);
  last[col - 1] = value;
  out.push(last);
  return out;
}

const stray = (sheet: string, col: number, value: GridValue) => (s: MemorySheetInit[]) => {
  sheetOf(s, sheet).rows = downToLastRow(sheetOf(s, sheet).rows, col, value);
};

describe('a sheet used down to row 1,048,576', () => {
  it('Jobs: a stray code in A1048576 is a row missing its title and points', async () => {
    await expectRejected(withEdits(stray('Jobs', 1, 'x')), [
      at('bad-value', 'Jobs!B1048576', 'Job Title is required'),
      at('bad-value', 'Jobs!D1048576', 'Points is required'),
    ]);
  });

  // This one threw (RangeError: Maximum call stack size exceeded) while the guideline reader took the
  // sheet's width as Math.max(...rows): a million rows are too many arguments.
  it('Merit Guidelines: a stray guideline in E1048576 is a row without a rating', async () => {
    await expectRejected(withEdits(stray('Merit Guidelines', 5, 0.05)), [at('bad-value', "'Merit Guidelines'!A1048576", 'Rating is required')]);
  });

  it('Assumptions: a stray word in A1048576 is ignored with a warning, and the run goes on', async () => {
    const { result } = await runOn(withEdits(stray('Assumptions', 1, 'x')));
    expect(result.ok).toBe(true);
    expect(problemsOf(result.problems, 'error')).toEqual([]);
    expect(problemsOf(result.problems, 'warning')).toContainEqual(at('unknown-parameter', 'Assumptions!A1048576', '"x" is not a known parameter and is ignored'));
  });
});
