import { quoteSheet } from '../workbook/address';

/**
 * Renames applied to formulas when an output had to move aside (a user sheet or table already held
 * its name), so the add-in's formulas keep pointing at the add-in's own cells. Keys are lower-case.
 */
export interface ReferenceRenames {
  sheets: Map<string, string>;
  tables: Map<string, string>;
}

export const noRenames = (r: ReferenceRenames): boolean => r.sheets.size === 0 && r.tables.size === 0;

const IDENTIFIER_CHAR = /[A-Za-z0-9_.\\\u00C0-\uFFFF]/;

/**
 * Rewrite `'Old Sheet'!A1`, `Old!A1` and `OldTable[Column]` in a formula (with or without `=`),
 * leaving string literals alone.
 */
export function renameReferences(formula: string, renames: ReferenceRenames): string {
  if (noRenames(renames)) return formula;
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const end = endOfQuoted(formula, i, '"');
      out += formula.slice(i, end);
      i = end;
    } else if (ch === "'") {
      const end = endOfQuoted(formula, i, "'");
      const name = formula.slice(i + 1, end - 1).replace(/''/g, "'");
      const renamed = formula[end] === '!' ? renames.sheets.get(name.toLowerCase()) : undefined;
      out += renamed !== undefined ? quoteSheet(renamed) : formula.slice(i, end);
      i = end;
    } else if (IDENTIFIER_CHAR.test(ch)) {
      let end = i;
      while (end < formula.length && IDENTIFIER_CHAR.test(formula[end])) end++;
      const word = formula.slice(i, end);
      const next = formula[end];
      const renamed =
        next === '!' ? renames.sheets.get(word.toLowerCase()) : next === '[' ? renames.tables.get(word.toLowerCase()) : undefined;
      out += renamed === undefined ? word : next === '!' ? quoteSheet(renamed) : renamed;
      i = end;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** Index just past a quoted run starting at `start` (doubled quotes escape a quote). */
function endOfQuoted(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return text.length;
}
