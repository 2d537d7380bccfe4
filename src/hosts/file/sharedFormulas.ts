/**
 * Shared formulas (ECMA-376 Part 1, §18.3.1.40 `f`, t="shared"): a column of formulas that differ
 * only by the row of their relative references is written once, on its first cell, with `ref`
 * covering the run; the other cells say `<f t="shared" si="…"/>` and Excel shifts the references
 * itself, exactly as when the user fills a formula down. On the merit sheets this takes a third
 * off the XML to build and compress.
 *
 * Sharing is decided by text, never assumed: a formula joins a run only when it is, character for
 * character, the run's first formula with every relative row number moved by the row distance.
 * A reference this scanner might misread makes the texts differ, so the formula is simply written
 * out in full; formulas it cannot vouch for (row ranges like `2:5`, structured references) are
 * never shared.
 */
import { fillDown } from '../../workbook/formulaRefs';
import type { FormulaFill, SpecCell } from '../../workbook/sheetSpec';

/** A formula as literal pieces around the row numbers of its relative references: p0 r0 p1 r1 … pn. */
export interface RowTemplate {
  pieces: string[];
  rows: number[];
}

const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** Characters that continue a name or function (so a cell-like run inside one is not a reference). */
const isNameChar = (c: number): boolean => isLetter(c) || isDigit(c) || c === 95 /* _ */ || c === 46 /* . */ || c === 92 /* \ */;

const QUOTE = 34;
const APOSTROPHE = 39;
const DOLLAR = 36;
const COLON = 58;

/**
 * The row template of a formula's text (without its leading `=`), or undefined when the formula must
 * not be shared.
 */
export function rowTemplate(text: string): RowTemplate | undefined {
  const pieces: string[] = [];
  const rows: number[] = [];
  let cut = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE || c === APOSTROPHE) {
      // A string literal or a quoted sheet name; a doubled quote stays inside.
      for (i++; i < n; i++) {
        if (text.charCodeAt(i) === c) {
          if (text.charCodeAt(i + 1) === c) i++;
          else break;
        }
      }
      i++;
      continue;
    }
    if (c === 91 /* [ */ || c === 123 /* { */) return undefined; // structured or external references, array constants
    if (isDigit(c) || (c === DOLLAR && isDigit(text.charCodeAt(i + 1)))) {
      // A number (1.5E+3) — or the start of a row range (2:5, $2:$5), which Excel would shift.
      if (c === DOLLAR) return undefined;
      while (i < n && (isDigit(text.charCodeAt(i)) || text.charCodeAt(i) === 46)) i++;
      if (i < n && (text.charCodeAt(i) === 69 || text.charCodeAt(i) === 101)) {
        i++;
        if (text.charCodeAt(i) === 43 || text.charCodeAt(i) === 45) i++;
        while (i < n && isDigit(text.charCodeAt(i))) i++;
      }
      if (text.charCodeAt(i) === COLON) return undefined;
      continue;
    }
    if (c === 95 /* _ */ || c === 92 /* \ */) {
      while (i < n && isNameChar(text.charCodeAt(i))) i++; // a name such as _Rate1
      continue;
    }
    if (isLetter(c) || c === DOLLAR) {
      // A cell reference is [$]letters(1-3)[$]digits, not followed by a name character, `(` or `!`.
      let j = i;
      if (text.charCodeAt(j) === DOLLAR) j++;
      const lettersAt = j;
      while (j < n && isLetter(text.charCodeAt(j))) j++;
      const letters = j - lettersAt;
      const rowAbsolute = text.charCodeAt(j) === DOLLAR;
      if (rowAbsolute) j++;
      const digitsAt = j;
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      const next = j < n ? text.charCodeAt(j) : -1;
      if (letters >= 1 && letters <= 3 && j > digitsAt && !isNameChar(next) && next !== 40 /* ( */ && next !== 33 /* ! */ && next !== DOLLAR) {
        if (text.charCodeAt(digitsAt) === 48) return undefined; // a row "0…": not a reference Excel writes
        if (!rowAbsolute) {
          pieces.push(text.slice(cut, digitsAt));
          rows.push(Number(text.slice(digitsAt, j)));
          cut = j;
        }
        i = j;
        continue;
      }
      if (letters === 0) {
        i++; // a lone `$`
        continue;
      }
      // A name, a function or a sheet name: skip all of it.
      i = lettersAt;
      while (i < n && (isNameChar(text.charCodeAt(i)) || text.charCodeAt(i) === DOLLAR)) i++;
      continue;
    }
    i++;
  }
  pieces.push(text.slice(cut));
  return { pieces, rows };
}

/**
 * Whether `text` (from `offset`) is the template with every row moved by `shift`, read in place
 * (this runs once per formula cell, so it builds no strings).
 */
export function matchesShifted(template: RowTemplate, text: string, offset: number, shift: number): boolean {
  const { pieces, rows } = template;
  let pos = offset;
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k];
    if (!text.startsWith(piece, pos)) return false;
    pos += piece.length;
    if (k === rows.length) break;
    const want = rows[k] + shift;
    if (want < 1 || want > 1_048_576) return false;
    const start = pos;
    let value = 0;
    while (pos < text.length) {
      const d = text.charCodeAt(pos);
      if (d < 48 || d > 57) break;
      value = value * 10 + (d - 48);
      pos++;
    }
    if (pos === start || value !== want || (text.charCodeAt(start) === 48 && pos - start > 1)) return false;
  }
  return pos === text.length;
}

/** One run of shared formulas down a column (1-based rows). */
export interface SharedRun {
  top: number;
  bottom: number;
  si: number;
}

/**
 * Runs of shareable formulas per column (index 0 = column A) in a sheet's rows of cells. Runs
 * shorter than two cells are left out. Rows are walked in order, as they sit in memory: a 100k-row
 * sheet is read once, not once per column.
 */
export function sharedRuns(cells: readonly (readonly SpecCell[])[], columnCount: number): SharedRun[][] {
  const runs: SharedRun[][] = Array.from({ length: columnCount }, () => []);
  const templates: (RowTemplate | undefined)[] = new Array<RowTemplate | undefined>(columnCount).fill(undefined);
  const tops: number[] = new Array<number>(columnCount).fill(0);
  const bottoms: number[] = new Array<number>(columnCount).fill(0);
  const close = (col: number): void => {
    if (templates[col] && bottoms[col] > tops[col]) runs[col].push({ top: tops[col], bottom: bottoms[col], si: -1 });
    templates[col] = undefined;
  };
  for (let r = 0; r < cells.length; r++) {
    const row = cells[r];
    const rowNumber = r + 1;
    for (let col = 0; col < columnCount; col++) {
      const cell = col < row.length ? row[col] : undefined;
      if (cell === null || typeof cell !== 'object') {
        if (templates[col]) close(col);
        continue;
      }
      const template = templates[col];
      if (template && rowNumber === bottoms[col] + 1 && matchesShifted(template, cell.formula, 1, rowNumber - tops[col])) {
        bottoms[col] = rowNumber;
        continue;
      }
      close(col);
      templates[col] = rowTemplate(cell.formula.slice(1));
      tops[col] = bottoms[col] = rowNumber;
    }
  }
  for (let col = 0; col < columnCount; col++) close(col);
  // Shared-formula indices in column order, then top to bottom.
  let si = 0;
  for (const list of runs) for (const run of list) run.si = si++;
  return runs;
}

/**
 * A stretch of a fill (a formula the layout filled down a column) as the worksheet writes it: one
 * shared formula (`si` ≥ 0) whose first cell carries `formula`; or, with `si` -1, cells each with
 * a formula of its own: `formula` for a single cell, `at(row)` down a stretch the shared-formula
 * scanner cannot vouch for.
 */
export interface FillRun extends SharedRun {
  formula: string;
  at?: (row: number) => string;
}

/**
 * The fills of a sheet as runs per column (index 0 = column A), top to bottom, shared-formula
 * indices from `firstSi` on. No formula is read cell by cell: each fill is one formula, split at
 * the rows that hold a cell of their own (`except`), which are then written as they are.
 *
 * A fill is shared only when this scanner reads its references as the fill does (its formula at
 * the next and the last row must be the template moved by as many rows): then Excel, moving the
 * shared formula's relative rows, gives every cell the formula the fill means.
 */
export function fillRuns(fills: readonly FormulaFill[], columnCount: number, firstSi: number): FillRun[][] {
  const runs: FillRun[][] = Array.from({ length: columnCount }, () => []);
  let si = firstSi;
  for (const fill of fills) {
    const down = fillDown(fill.formula, fill.first);
    const at = down ? down.at : () => fill.formula;
    const template = down && fill.last > fill.first ? rowTemplate(fill.formula.slice(1)) : undefined;
    const shared =
      template !== undefined && matchesShifted(template, at(fill.first + 1), 1, 1) && matchesShifted(template, at(fill.last), 1, fill.last - fill.first);
    const list = (runs[fill.col - 1] ??= []);
    const cut = (top: number, bottom: number): void => {
      if (top > bottom) return;
      const formula = top === fill.first ? fill.formula : at(top);
      if (top === bottom) list.push({ top, bottom, si: -1, formula });
      else if (shared) list.push({ top, bottom, si: si++, formula });
      else list.push({ top, bottom, si: -1, formula, at });
    };
    let top = fill.first;
    for (const row of fill.except ?? []) {
      cut(top, row - 1);
      top = row + 1;
    }
    cut(top, fill.last);
  }
  for (const list of runs) list.sort((a, b) => a.top - b.top);
  return runs;
}
