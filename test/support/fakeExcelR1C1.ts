/**
 * How Excel reads a formula given through `Range.formulasR1C1`: each R1C1 cell reference becomes the
 * A1 reference it means from the cell the formula lands in (`RC[-2]` in E5 is `C5`, `R5C3` is
 * `$C$5`). Written independently of the host's A1 → R1C1 conversion, so a test comparing the A1
 * formulas that end up in the fake with the layouts' own catches a mistake in either direction.
 */
import { columnLetter } from '../../src/workbook/address';

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

/** `R…C…` (both parts; `R` or `C` alone, whole rows or columns, are beyond this fake). */
const R1C1_REF = /^R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?$/;

interface RefPart {
  row: { n: number; abs: boolean };
  col: { n: number; abs: boolean };
}

function refPart(ref: string): RefPart {
  const m = R1C1_REF.exec(ref)!;
  const spec = (s: string | undefined): { n: number; abs: boolean } =>
    s === undefined ? { n: 0, abs: false } : s.startsWith('[') ? { n: Number(s.slice(1, -1)), abs: false } : { n: Number(s), abs: true };
  return { row: spec(m[1]), col: spec(m[2]) };
}

/** The A1 reference a part means from (row, col), or '#REF!' when it falls off the sheet, as Excel shows it. */
function a1Of(p: RefPart, row: number, col: number): string {
  const r = p.row.abs ? p.row.n : row + p.row.n;
  const c = p.col.abs ? p.col.n : col + p.col.n;
  if (r < 1 || r > MAX_ROW || c < 1 || c > MAX_COL) return '#REF!';
  return `${p.col.abs ? '$' : ''}${columnLetter(c)}${p.row.abs ? '$' : ''}${r}`;
}

export function fromR1C1(formula: string, row: number, col: number): string {
  return compileR1C1(formula)(row, col);
}

/** The formula as a function of the cell it lands in (parsed once for a whole range). */
export function compileR1C1(formula: string): (row: number, col: number) => string {
  const parts: (string | RefPart)[] = [];
  let out = '';
  const emitRef = (word: string): void => {
    parts.push(out, refPart(word));
    out = '';
  };
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // A string literal or a quoted sheet name: copied up to its closing quote (doubled quotes inside).
      let j = i + 1;
      while (j < n && !(formula[j] === ch && formula[j + 1] !== ch)) j += formula[j] === ch ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (/[A-Za-z_\\\u0080-\uffff]/.test(ch)) {
      let j = i;
      // A word, with any bracketed offsets of an R1C1 reference inside it.
      while (j < n && /[A-Za-z0-9_.\\[\]\u0080-\uffff-]/.test(formula[j])) {
        if (formula[j] === '[' && !/^\[-?\d+\]/.test(formula.slice(j))) break;
        if (formula[j] === '-' && formula[j - 1] !== '[') break;
        if (formula[j] === '[') j = formula.indexOf(']', j);
        j++;
      }
      const word = formula.slice(i, j);
      const next = formula[j];
      if (R1C1_REF.test(word) && next !== '(' && next !== '!') emitRef(word);
      else if (/^[RC](\[-?\d+\]|\d+)?$/i.test(word) && next !== '(' && next !== '!') throw Object.assign(new Error(`the fake does not model whole rows or columns in R1C1 ("${word}" in ${formula})`), { code: 'InvalidArgument' });
      else out += word;
      i = j;
      if (next === '[') {
        // A structured reference's columns, copied (one level of nesting).
        let depth = 0;
        let k = i;
        do {
          if (formula[k] === '[') depth++;
          else if (formula[k] === ']') depth--;
          k++;
        } while (k < n && depth > 0);
        out += formula.slice(i, k);
        i = k;
      }
      continue;
    }
    if (/[0-9.]/.test(ch)) {
      // A number, its exponent included (so the E of 1E+100 is not a name).
      const m = /^(\d+(\.\d*)?|\.\d+)([Ee][+-]?\d+)?/.exec(formula.slice(i))!;
      out += m[0];
      i += m[0].length;
      continue;
    }
    if (ch === '[') {
      const close = formula.indexOf(']', i);
      out += formula.slice(i, close + 1);
      i = close + 1;
      continue;
    }
    out += ch;
    i++;
  }
  parts.push(out);
  return (row, col) => {
    let text = '';
    for (const p of parts) text += typeof p === 'string' ? p : a1Of(p, row, col);
    return text;
  };
}
