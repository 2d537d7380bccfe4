import type { CategoryImpact, ImpactRow, MeritEquityImpact } from '../../../engine/equity/meritImpact';
import type { SheetSpec } from '../../sheetSpec';
import { FMT, formula, SheetBuilder } from '../sheetBuilder';

export const MERIT_EQUITY_SHEET = 'Merit Equity';

/**
 * `Merit Equity`: the gender pay gaps before and after the merit plan's proposed salaries, side by
 * side. The figures come from the regression and the reporting rules (values, labelled as such);
 * Change is a live difference. Gap = (men − women) / men; the adjusted gap is exp(b) − 1 on the
 * female indicator (negative: women paid less).
 */
export function meritEquitySheet(impact: MeritEquityImpact): SheetSpec {
  const b = new SheetBuilder(MERIT_EQUITY_SHEET);
  const t = b.table<ImpactRow>('tblMeritEquity', 1, 1, impact.rows, [
    { header: 'Measure', width: 40, cell: (r) => r.measure },
    { header: 'Before', format: FMT.percent2, width: 11, cell: (r) => r.before ?? null },
    { header: 'After', format: FMT.percent2, width: 11, cell: (r) => r.after ?? null },
    { header: 'Change', format: FMT.percent2, width: 11, cell: (r, row) => (r.change === undefined ? null : formula(`C${row}-B${row}`, r.change)) },
    { header: 'Note', width: 30, cell: (r) => r.note ?? null },
  ]);
  // The count of flagged categories is a count, not a percentage.
  const flaggedRow = t.first + impact.rows.length - 1;
  b.format(`B${flaggedRow}:D${flaggedRow}`, FMT.integer);
  const start = t.last + 3;
  b.set(start - 1, 1, 'Categories of workers (EU Art. 9(1)(g)): mean gap in hourly total pay');
  b.table<CategoryImpact>('tblMeritEquityCategories', start, 1, impact.categories, [
    { header: 'Category', width: 40, cell: (c) => c.category },
    { header: 'Gap Before', format: FMT.percent2, width: 11, cell: (c) => c.before ?? null },
    { header: 'Gap After', format: FMT.percent2, width: 11, cell: (c) => c.after ?? null },
    { header: 'Flagged Before', width: 11, cell: (c) => (c.flaggedBefore ? 'Y' : 'N') },
    { header: 'Flagged After', width: 11, cell: (c) => (c.flaggedAfter ? 'Y' : 'N') },
  ]);
  const note = start + Math.max(1, impact.categories.length) + 2;
  b.set(note, 1, impact.widens ? 'The proposed plan WIDENS a gender pay gap or flags a new category: review before approval.' : 'The proposed plan widens no reported gender pay gap.');
  b.set(note + 1, 1, 'Before and After are computed by the add-in (the adjusted gap is a least-squares regression, double precision) from the base salaries and the Merit Plan\'s new salaries; they are values, not formulas. Gap = (men − women) / men.');
  return b.build();
}
