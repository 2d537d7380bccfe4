import { columnLetter } from '../../workbook/address';
import { isFormula, type FormulaFill, type SheetSpec, type SpecCell } from '../../workbook/sheetSpec';
import { excelInput, type ExcelInput, type Renamer } from './cellInput';
import { jsonBytes, OPERATION_OVERHEAD } from './payload';
import { fillDown, toR1C1 } from '../../workbook/formulaRefs';
import type { SyncBatcher } from './syncBatcher';

/**
 * Cells down one column holding the same formula in R1C1 terms (a formula filled down): written as
 * one `Range.formulasR1C1` value, which Excel applies to every cell of the range, each cell reading
 * it relative to itself. A 100,000-row column of formulas then costs one short operation instead of
 * 100,000 formulas on the wire.
 */
export interface FormulaRun {
  /** 1-based column and rows. */
  col: number;
  top: number;
  bottom: number;
  r1c1: string;
}

/** Shorter runs are written cell by cell: an operation of its own would not save anything. */
export const MIN_RUN_ROWS = 3;

/** The runs of a sheet's cells, column by column in order of their first row. */
export function formulaRuns(cells: readonly (readonly SpecCell[])[], rename?: Renamer): FormulaRun[] {
  // Runs are found on the formulas as the layout wrote them (a rename changes sheet and table names,
  // never the references), comparing each with the one above; only a run long enough to keep is
  // renamed and converted.
  type Open = { col: number; top: number; bottom: number; formula: string; sameAt: (formula: string, row: number) => boolean };
  const runs: FormulaRun[] = [];
  const open: (Open | undefined)[] = [];
  const close = (o: Open | undefined): void => {
    if (!o || o.bottom - o.top + 1 < MIN_RUN_ROWS) return;
    const r1c1 = toR1C1(rename ? rename(o.formula) : o.formula, o.top, o.col);
    if (r1c1 !== undefined) runs.push({ col: o.col, top: o.top, bottom: o.bottom, r1c1 });
  };
  for (let r = 0; r < cells.length; r++) {
    const line = cells[r];
    const row = r + 1;
    for (let c = 0; c < line.length; c++) {
      const cell = line[c];
      if (cell === null || cell === undefined || !isFormula(cell)) continue;
      const o = open[c];
      if (o && o.bottom === row - 1 && o.sameAt(cell.formula, row)) {
        o.bottom = row;
        continue;
      }
      close(o);
      const template = fillDown(cell.formula, row);
      open[c] = template && { col: c + 1, top: row, bottom: row, formula: cell.formula, sameAt: template.sameAt };
    }
  }
  for (const o of open) close(o);
  return runs.sort((a, b) => a.top - b.top || a.col - b.col);
}

/**
 * The fills of a sheet (formulas the layout filled down a column) as runs, without a formula per
 * cell: a fill is already a run, its R1C1 text the same on every row. It is split at the rows that
 * hold a cell of their own (`except`), written as they are. The stretches that cannot go as runs
 * (shorter than MIN_RUN_ROWS, a formula R1C1 cannot express, or runs turned off) come back in
 * `spelled`, their cells written one by one with the formula as it reads in each row.
 */
export function fillRuns(fills: readonly FormulaFill[], rename?: Renamer, runs = true): { runs: FormulaRun[]; spelled: SpelledFill[] } {
  const out: FormulaRun[] = [];
  const spelled: SpelledFill[] = [];
  for (const fill of fills) {
    const formula = rename ? rename(fill.formula) : fill.formula;
    const r1c1 = runs ? toR1C1(formula, fill.first, fill.col) : undefined;
    let at: ((row: number) => string) | undefined;
    const cut = (top: number, bottom: number): void => {
      if (top > bottom) return;
      if (r1c1 !== undefined && bottom - top + 1 >= MIN_RUN_ROWS) {
        out.push({ col: fill.col, top, bottom, r1c1 });
        return;
      }
      if (!at) {
        const down = fillDown(fill.formula, fill.first);
        at = (row) => {
          const text = down ? down.at(row) : fill.formula;
          return rename ? rename(text) : text;
        };
      }
      spelled.push({ col: fill.col, top, bottom, at });
    };
    let top = fill.first;
    for (const row of fill.except ?? []) {
      cut(top, row - 1);
      top = row + 1;
    }
    cut(top, fill.last);
  }
  return { runs: out, spelled };
}

/** Cells of a fill written one by one: `at(row)` is the formula (renamed) as it reads in that row. */
export interface SpelledFill {
  col: number;
  top: number;
  bottom: number;
  at: (row: number) => string;
}

/** Finds the span (a run, a spelled fill) holding a cell, for rows visited in ascending order. */
class SpanCover<T extends { col: number; top: number; bottom: number }> {
  private readonly byColumn: (T[] | undefined)[] = [];
  private readonly next: number[] = [];
  constructor(spans: readonly T[]) {
    for (const span of spans) (this.byColumn[span.col] ??= []).push(span);
    for (const list of this.byColumn) list?.sort((a, b) => a.top - b.top);
  }
  at(row: number, col: number): T | undefined {
    const list = this.byColumn[col];
    if (!list) return undefined;
    let i = this.next[col] ?? 0;
    while (i < list.length && list[i].bottom < row) i++;
    this.next[col] = i;
    return i < list.length && list[i].top <= row ? list[i] : undefined;
  }
}

/** Nothing to write: an empty cell on a new sheet, or a cell a run writes (null leaves a cell as it is). */
const isSkip = (v: ExcelInput | null): boolean => v === null || v === '';

/**
 * A sheet's cells onto a new, empty sheet: each formula run (a fill, or a run found among the cells'
 * own formulas) as one `formulasR1C1` value, the other cells in row blocks sized by payload, each
 * block split into the column segments that hold something (`formulas` writes; cells a run writes
 * are `null` inside a segment, which Excel leaves alone). Without `runs`, every formula goes cell by
 * cell, a fill's too. `onRows` reports progress.
 */
export async function writeCells(
  sheet: Excel.Worksheet,
  spec: Pick<SheetSpec, 'cells' | 'fills'>,
  rename: Renamer,
  batcher: SyncBatcher,
  options: { runs: boolean },
  onRows: (rows: number) => void,
): Promise<void> {
  const { cells } = spec;
  const fills = spec.fills ?? [];
  const filled = fillRuns(fills, rename, options.runs);
  const runs = (options.runs ? formulaRuns(cells, rename) : []).concat(filled.runs).sort((a, b) => a.top - b.top || a.col - b.col);
  for (const run of runs) {
    const address = `${columnLetter(run.col)}${run.top}:${columnLetter(run.col)}${run.bottom}`;
    await batcher.reserve(OPERATION_OVERHEAD + address.length + jsonBytes(run.r1c1));
    // A single value applies to every cell of the range (Office.js accepts a scalar; its typings say any[][]).
    sheet.getRange(address).formulasR1C1 = run.r1c1 as unknown as string[][];
  }
  const cover = new SpanCover(runs);
  const spelled = new SpanCover(filled.spelled);
  // Fills may reach past the cells (a row or column the cells leave out still holds the formula).
  let fillWidth = 0;
  let fillBottom = 0;
  for (const f of fills) {
    fillWidth = Math.max(fillWidth, f.col);
    fillBottom = Math.max(fillBottom, f.last);
  }
  const rowCount = Math.max(cells.length, fillBottom);
  const none: SpecCell[] = [];
  const budget = batcher.budget - OPERATION_OVERHEAD;
  let block: (ExcelInput | null)[][] = [];
  let start = 1;
  let bytes = 0;
  let width = 0;
  const flush = async (): Promise<void> => {
    if (block.length > 0 && width > 0) await writeBlock(sheet, start, block, width, batcher);
    onRows(block.length);
    start += block.length;
    block = [];
    bytes = 0;
    width = 0;
  };
  for (let r = 0; r < rowCount; r++) {
    const line = r < cells.length ? cells[r] : none;
    const row = r + 1;
    const inputs: (ExcelInput | null)[] = new Array(row <= fillBottom ? Math.max(line.length, fillWidth) : line.length);
    for (let c = 0; c < inputs.length; c++) {
      if (cover.at(row, c + 1)) inputs[c] = null;
      else {
        const fill = fills.length > 0 ? spelled.at(row, c + 1) : undefined;
        inputs[c] = fill ? fill.at(row) : excelInput(c < line.length ? line[c] : undefined, rename);
      }
    }
    while (inputs.length > 0 && isSkip(inputs[inputs.length - 1])) inputs.pop();
    const rowBytes = jsonBytes(inputs) + 1;
    if (rowBytes > budget / 2) {
      await flush();
      await writeLongRow(sheet, row, inputs, batcher);
      onRows(1);
      start++;
      continue;
    }
    // A block is as wide as its widest row: shorter rows are padded (see writeBlock).
    const cost = (): number => rowBytes + SKIP_BYTES * (Math.max(0, width - inputs.length) + Math.max(0, inputs.length - width) * block.length);
    if (bytes + cost() > budget) await flush();
    bytes += cost();
    block.push(inputs);
    width = Math.max(width, inputs.length);
  }
  await flush();
}

/** Bytes of a skipped cell inside a segment, against an operation of its own. */
const SKIP_BYTES = 5;

/**
 * A block of rows as the column segments that hold something (segments separated by a short gap
 * merged). A column with only a few cells to write in the block (a header over a run of formulas,
 * a short table beside a long one) is not worth a segment of nulls: its cells go row by row instead.
 */
async function writeBlock(sheet: Excel.Worksheet, top: number, block: (ExcelInput | null)[][], width: number, batcher: SyncBatcher): Promise<void> {
  const rows = block.length;
  const count = new Array<number>(width).fill(0);
  for (const line of block) for (let c = 0; c < line.length; c++) if (!isSkip(line[c])) count[c]++;
  const dense = count.map((k) => k > 0 && k * (OPERATION_OVERHEAD + 8) >= (rows - k) * SKIP_BYTES);
  const segments: [number, number][] = [];
  for (let c = 0; c < width; c++) {
    if (!dense[c]) continue;
    const last = segments[segments.length - 1];
    if (last && (c - last[1] - 1) * rows * SKIP_BYTES < 2 * OPERATION_OVERHEAD) last[1] = c;
    else segments.push([c, c]);
  }
  const inSegment = new Array<boolean>(width).fill(false);
  for (const [from, to] of segments) for (let c = from; c <= to; c++) inSegment[c] = true;
  const bottom = top + rows - 1;
  for (const [from, to] of segments) {
    // Short rows are padded with null, not '': a trimmed row may end in cells a run writes.
    const part = block.map((line) => {
      const out = line.slice(from, to + 1);
      while (out.length < to - from + 1) out.push(null);
      return out;
    });
    await writeRange(sheet, from, top, to, bottom, part, batcher);
  }
  // The cells of sparse columns, as horizontal pieces row by row.
  for (let r = 0; r < rows; r++) {
    const line = block[r];
    for (let c = 0; c < line.length; c++) {
      if (inSegment[c] || isSkip(line[c])) continue;
      let end = c;
      while (end + 1 < line.length && !inSegment[end + 1] && !isSkip(line[end + 1])) end++;
      await writeRange(sheet, c, top + r, end, top + r, [line.slice(c, end + 1)], batcher);
      c = end;
    }
  }
}

async function writeRange(sheet: Excel.Worksheet, left: number, top: number, right: number, bottom: number, values: (ExcelInput | null)[][], batcher: SyncBatcher): Promise<void> {
  await batcher.reserve(OPERATION_OVERHEAD + jsonBytes(values));
  sheet.getRange(`${columnLetter(left + 1)}${top}:${columnLetter(right + 1)}${bottom}`).formulas = values as ExcelInput[][];
}

/** A row too large for one request (very long texts across many columns), in column segments. */
async function writeLongRow(sheet: Excel.Worksheet, row: number, inputs: (ExcelInput | null)[], batcher: SyncBatcher): Promise<void> {
  const budget = batcher.budget / 2;
  let from = 0;
  while (from < inputs.length) {
    let to = from;
    let bytes = jsonBytes(inputs[from]);
    while (to + 1 < inputs.length && bytes + jsonBytes(inputs[to + 1]) + 1 <= budget) bytes += jsonBytes(inputs[++to]) + 1;
    await batcher.reserve(OPERATION_OVERHEAD + bytes);
    sheet.getRange(`${columnLetter(from + 1)}${row}:${columnLetter(to + 1)}${row}`).formulas = [inputs.slice(from, to + 1)] as ExcelInput[][];
    from = to + 1;
  }
}
