import { isFormula, type SpecCell } from '../../workbook/sheetSpec';

/** Rewrites a formula's references (see referenceRenamer.ts). */
export type Renamer = (formula: string) => string;

/** A value as Excel receives it through `Range.formulas`. */
export type ExcelInput = string | number | boolean;

/**
 * One spec cell as Excel input. Formulas go as written; text always goes behind an apostrophe,
 * which Excel strips and which stops it parsing the text as a formula (`=`, `+`, `-`, `@`), a
 * number, a date or a boolean: user text stays exactly the text it was.
 */
export function excelInput(cell: SpecCell | undefined, rename?: Renamer): ExcelInput {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number' || typeof cell === 'boolean') return cell;
  if (typeof cell === 'string') return cell === '' ? '' : `'${cell}`;
  if (isFormula(cell)) return rename ? rename(cell.formula) : cell.formula;
  return '';
}

/** A row of inputs padded to `width` cells starting at column `from` (0-based). */
export function rowInputs(row: readonly SpecCell[] | undefined, from: number, width: number, rename?: Renamer): ExcelInput[] {
  const out = new Array<ExcelInput>(width);
  for (let c = 0; c < width; c++) out[c] = excelInput(row?.[from + c], rename);
  return out;
}

/** A scalar typed into a cell by the task pane (Assumptions), with the same text safety. */
export const scalarInput = (value: string | number | boolean | null): ExcelInput => excelInput(value);
