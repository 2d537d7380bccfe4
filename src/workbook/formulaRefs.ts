const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

const DOLLAR = 36;
const QUOTE = 34;
const APOSTROPHE = 39;
const OPEN = 91;
const CLOSE = 93;

const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** Characters that may continue a name: letters, digits, `_`, `.`, `\`, and anything beyond ASCII. */
const isNameChar = (c: number): boolean => isLetter(c) || isDigit(c) || c === 95 || c === 46 || c === 92 || c > 127;

const part = (axis: 'R' | 'C', absolute: boolean, n: number, base: number): string => (absolute ? `${axis}${n}` : n === base ? axis : `${axis}[${n - base}]`);

/** Unconvertible: a whole-row or whole-column range, or a reference beyond the sheet. */
const GIVE_UP = -1;

/**
 * A formula in A1 notation (English, as the layouts write it) in R1C1 notation, as seen from the
 * cell at (`row`, `col`), 1-based: `=C5*2` in E5 is `=RC[-2]*2`, `=$C$5` is `=R5C3`. Names,
 * functions, strings, structured references (`Table[[#Headers],[Col]]`) and sheet names are kept.
 * Undefined when the formula holds what this does not convert (whole-row or whole-column ranges,
 * references beyond the sheet): the caller then writes the A1 formula as it is.
 *
 * A hand-written scanner, not a regular expression: a 100,000-row plan holds millions of formulas.
 */
export function toR1C1(formula: string, row: number, col: number): string | undefined {
  const refs = findReferences(formula);
  if (refs === undefined) return undefined;
  let out = '';
  let at = 0;
  for (const ref of refs) {
    out += formula.slice(at, ref.start) + part('R', ref.rowAbs, ref.row, row) + part('C', ref.colAbs, ref.col, col);
    at = ref.end;
  }
  return at === 0 ? formula : out + formula.slice(at);
}

/**
 * A quick test of whether the formula of another row of the same column is this one (at `row`)
 * filled down: the same text, its relative rows moved by as many rows. Comparing the text piece by
 * piece is much cheaper than converting every row's formula to R1C1.
 */
export function fillDown(formula: string, row: number): FilledDown | undefined {
  const refs = findReferences(formula);
  if (refs === undefined) return undefined;
  const literals: string[] = [];
  let at = 0;
  for (const ref of refs) {
    literals.push(formula.slice(at, ref.start));
    at = ref.end;
  }
  literals.push(formula.slice(at));
  // Each reference as its column part (`$G`, `G`, `G$`) and the row it must name.
  const pieces = refs.map((ref) => ({ column: formula.slice(ref.start, ref.end).replace(/\d+$/, ''), rowAbs: ref.rowAbs, row: ref.row, offset: ref.row - row }));
  const sameAt = (other: string, otherRow: number): boolean => {
    let pos = 0;
    const n = other.length;
    for (let i = 0; i < literals.length; i++) {
      if (!other.startsWith(literals[i], pos)) return false;
      pos += literals[i].length;
      if (i === pieces.length) break;
      const p = pieces[i];
      if (!other.startsWith(p.column, pos)) return false;
      pos += p.column.length;
      // The row, read in place (no leading zero): the same for an absolute row, moved for a relative one.
      const from = pos;
      let value = 0;
      for (let c = other.charCodeAt(pos); pos < n && isDigit(c); c = other.charCodeAt(++pos)) value = value * 10 + (c - 48);
      if (pos === from || other.charCodeAt(from) === 48 || value !== (p.rowAbs ? p.row : otherRow + p.offset)) return false;
    }
    return pos === n;
  };
  /** The formula as it reads at `otherRow`: the literals between references kept, relative rows moved. */
  const atRow = (otherRow: number): string => {
    let out = literals[0];
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i];
      out += p.column + (p.rowAbs ? p.row : otherRow + p.offset) + literals[i + 1];
    }
    return out;
  };
  return { sameAt, at: atRow };
}

/** A formula filled down a column from the row it was written for. */
export interface FilledDown {
  /** Whether `formula` is this one as it reads at `row`. */
  sameAt: (formula: string, row: number) => boolean;
  /** This formula as it reads at `row` (a relative row moved above row 1 or below the last row is not checked). */
  at: (row: number) => string;
}

/** The cell references of a formula, in order; undefined when it holds what is not converted. */
function findReferences(formula: string): FoundRef[] | undefined {
  const n = formula.length;
  const refs: FoundRef[] = [];
  let i = 0;
  while (i < n) {
    const c = formula.charCodeAt(i);
    if (c === QUOTE || c === APOSTROPHE) {
      // A string literal or a quoted sheet name, with doubled quotes inside.
      let j = i + 1;
      for (;;) {
        if (j >= n) return undefined;
        if (formula.charCodeAt(j) === c) {
          if (formula.charCodeAt(j + 1) === c) j += 2;
          else break;
        } else j++;
      }
      i = j + 1;
      continue;
    }
    if (c === OPEN) {
      // A structured reference's columns: kept, nested brackets included.
      let depth = 0;
      let j = i;
      do {
        const d = formula.charCodeAt(j);
        if (d === OPEN) depth++;
        else if (d === CLOSE) depth--;
        else if (d === APOSTROPHE) j++; // an escaped character inside a column name
        j++;
      } while (j < n && depth > 0);
      if (depth > 0) return undefined;
      i = j;
      continue;
    }
    if (isDigit(c) || c === 46) {
      // A number (its exponent too, so the E of 1E+100 is not a name), or a whole-row range `2:5`.
      let j = i;
      while (j < n && (isDigit(formula.charCodeAt(j)) || formula.charCodeAt(j) === 46)) j++;
      if ((formula.charCodeAt(j) === 69 || formula.charCodeAt(j) === 101) && /^[Ee][+-]?\d/.test(formula.slice(j, j + 3))) {
        j += 2;
        while (j < n && isDigit(formula.charCodeAt(j))) j++;
      } else if (formula.charCodeAt(j) === 58 && /^:\$?\d/.test(formula.slice(j, j + 3))) return undefined;
      i = j;
      continue;
    }
    if (c === DOLLAR || isLetter(c)) {
      const ref = cellReference(formula, i);
      if (ref === GIVE_UP) return undefined;
      if (ref !== undefined) {
        refs.push({ ...ref, start: i });
        i = ref.end;
        continue;
      }
      if (c === DOLLAR) return undefined;
    }
    if (isNameChar(c)) {
      // A name, a function or an unquoted sheet name: kept.
      let j = i + 1;
      while (j < n && isNameChar(formula.charCodeAt(j))) j++;
      i = j;
      continue;
    }
    i++;
  }
  return refs;
}

interface CellRef {
  row: number;
  col: number;
  rowAbs: boolean;
  colAbs: boolean;
  end: number;
}

interface FoundRef extends CellRef {
  start: number;
}

/** A cell reference (`B7`, `$B$7`, `B$7`…) starting at `i`, GIVE_UP for a whole-row or whole-column range, or undefined. */
function cellReference(f: string, i: number): CellRef | typeof GIVE_UP | undefined {
  const n = f.length;
  let j = i;
  const colAbs = f.charCodeAt(j) === DOLLAR;
  if (colAbs) j++;
  const lettersFrom = j;
  let col = 0;
  while (j < n && isLetter(f.charCodeAt(j)) && j - lettersFrom < 4) {
    col = col * 26 + ((f.charCodeAt(j) | 32) - 96);
    j++;
  }
  const letters = j - lettersFrom;
  if (letters === 0 || letters > 3) return colAbs ? GIVE_UP : undefined;
  const rowAbs = f.charCodeAt(j) === DOLLAR;
  if (rowAbs) j++;
  const digitsFrom = j;
  let r = 0;
  while (j < n && isDigit(f.charCodeAt(j))) {
    r = r * 10 + (f.charCodeAt(j) - 48);
    j++;
  }
  if (j === digitsFrom) {
    // Letters alone: a whole-column range (`C:E`, `$C:$C`) when a colon and letters follow, else a name.
    if (!rowAbs && f.charCodeAt(j) === 58 && /^:\$?[A-Za-z]/.test(f.slice(j, j + 3))) return GIVE_UP;
    return colAbs ? GIVE_UP : undefined;
  }
  const next = f.charCodeAt(j);
  if (j < n && (isNameChar(next) || next === 40 || next === 33 || next === OPEN)) return colAbs || rowAbs ? GIVE_UP : undefined;
  if (col > MAX_COL || r < 1 || r > MAX_ROW) return GIVE_UP;
  return { row: r, col, rowAbs, colAbs, end: j };
}
