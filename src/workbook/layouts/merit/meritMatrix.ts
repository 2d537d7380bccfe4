import type { DistributionRow, ManagerRow, MeritResult } from '../../../engine/merit';
import { absAddress, absRange, cellAddress, sheetRef } from '../../address';
import type { DefinedName, SheetSpec, SpecCell } from '../../sheetSpec';
import { FMT, formula, SheetBuilder, type LayoutColumn } from '../sheetBuilder';
import { planLastRow, type MeritLayoutContext } from './context';
import { MERIT_NAMES, MERIT_SHEETS, MERIT_TABLES, meritPlanColumn, MP } from './names';

const STATUS_TEXT = {
  exact: 'Exact: the factor spends the budget',
  'over-committed': 'Over-committed: overrides and catch-up exceed the budget',
  unreachable: 'Unreachable: the plan cannot spend the budget',
  'no-eligible': 'No eligible employees',
} as const;

/**
 * `Merit Matrix`: the calibration figures (budget, eligible payroll, the solved scale factor, the costs
 * before and after rounding), the compa-ratio zones, the guideline matrix, the calibrated matrix (live:
 * ROUND(guideline × MeritFactor / MatrixRounding) × MatrixRounding), the rating distribution against the
 * target and the mean rating per manager with lenient and harsh raters flagged.
 * The scale factor is a value: a budget solve with caps is not a sheet formula.
 */
export function meritMatrixSheet(result: MeritResult, ctx: MeritLayoutContext): { sheet: SheetSpec; names: DefinedName[] } {
  const name = MERIT_SHEETS.meritMatrix;
  const b = new SheetBuilder(name);
  const { plan, zones, guidelines } = result;
  const cal = plan.calibration;
  const last = planLastRow(result.cases.length);
  const mp = (letter: string) => meritPlanColumn(letter, last);
  const names: DefinedName[] = [];
  const here = (a1: string) => sheetRef(name, a1);
  const amount = ctx.options.meritBudgetAmount !== undefined;

  // Calibration figures, A1:B14.
  b.set(1, 1, 'Calibration');
  b.set(1, 2, 'Value');
  const lines: [string, SpecCell, string?][] = [
    ['Merit Budget %', amount ? 'Amount' : formula('MeritBudget', ctx.assumptions.meritBudget), FMT.percent2],
    ['Eligible Payroll', formula(`SUMIFS(${mp(MP.payroll)},${mp(MP.eligible)},"Y")`, cal.eligiblePayroll), FMT.money],
    ['Budget', formula(amount ? 'MeritBudgetAmount' : 'MeritBudget*B3', cal.budget), FMT.money2],
    ['Scale Factor (solved by the add-in)', cal.factor.toNumber(), '0.0000000'],
    ['Calibrated Cost (exact, before rounding)', cal.calibratedCost.toNumber(), FMT.money2],
    ['Guideline Cost (factor 1)', cal.guidelineCost.toNumber(), FMT.money2],
    ['Guideline Cost % of Payroll', formula('IF(B3=0,0,B7/B3)', cal.eligiblePayroll.isZero() ? 0 : cal.guidelineCost.div(cal.eligiblePayroll)), FMT.percent2],
    ['Plan Cost (rounded cells and cents)', formula(`SUM(${mp(MP.budgetCost)})`, cal.planCost), FMT.money2],
    ['Rounding Difference', formula('B9-B6', cal.roundingDifference), FMT.money2],
    ['Over (+) / Under (−) Budget', formula('B9-B4', cal.planCost.minus(cal.budget)), FMT.money2],
    ['Status', STATUS_TEXT[cal.status]],
    ['Zone Basis', zones.basis],
    ['Matrix Rounding', formula('MatrixRounding', ctx.options.matrixRounding), FMT.percent2],
  ];
  b.block(2, 1, lines);
  b.width(1, 38);
  b.width(2, 16);
  names.push({ name: MERIT_NAMES.factor, ref: here(absAddress(5, 2)), comment: 'Merit matrix scale factor, solved by the add-in so the plan spends the budget' });
  names.push({ name: MERIT_NAMES.eligiblePayroll, ref: here(absAddress(3, 2)) });
  names.push({ name: MERIT_NAMES.budget, ref: here(absAddress(4, 2)) });

  // Zones, D1: one row per zone; From is the zone's lower bound (MeritZoneBounds: zones 2…n).
  const zoneRows = zones.labels.map((label, i) => ({ zone: i + 1, label, from: i === 0 ? undefined : zones.bounds[i - 1] }));
  const fmtBound = zones.basis === 'Quartile' ? FMT.percent : '0.00';
  b.table(MERIT_TABLES.zones, 1, 4, zoneRows, [
    { header: 'Zone', format: FMT.integer, width: 7, cell: (z) => z.zone },
    { header: 'Label', width: 12, cell: (z) => z.label },
    { header: zones.basis === 'Quartile' ? 'From Penetration' : 'From Compa-Ratio', format: fmtBound, width: 16, cell: (z) => z.from ?? null },
    { header: zones.basis === 'Quartile' ? 'To Penetration' : 'To Compa-Ratio', format: fmtBound, width: 16, cell: (z, r) => (z.zone < zones.count ? formula(`F${r + 1}`, zones.bounds[z.zone - 1]) : null) },
  ]);
  if (zones.count > 1) names.push({ name: MERIT_NAMES.zoneBounds, ref: here(absRange(3, 6, zones.count + 1, 6)) });

  let row = Math.max(15, zones.count + 3) + 1;
  const zoneCols = zones.labels.map((label, z) => ({ label, z }));

  // The guideline matrix (from the Merit Guidelines sheet or the default), as values.
  b.set(row - 1, 1, guidelines.source === 'sheet' ? 'Guideline matrix (from the Merit Guidelines sheet)' : 'Guideline matrix (default: no Merit Guidelines sheet)');
  const gRows = guidelines.ratings.map((rating, i) => ({ rating, i }));
  const g = b.table(MERIT_TABLES.guidelines, row, 1, gRows, [
    { header: 'Rating', format: FMT.integer, cell: (x) => x.rating },
    ...zoneCols.map(({ label, z }): LayoutColumn<{ rating: number; i: number }> => ({ header: label, format: FMT.percent, cell: (x) => guidelines.cells[x.i]?.[z] ?? 0 })),
  ]);
  row = g.last + 3;

  // The calibrated matrix: live on the guideline cells and the factor; MeritMatrix / MeritRatings.
  b.set(row - 1, 1, 'Calibrated merit matrix (guideline × Scale Factor, rounded to Matrix Rounding)');
  const offset = row - (g.first - 1);
  const c = b.table(MERIT_TABLES.matrix, row, 1, gRows, [
    { header: 'Rating', format: FMT.integer, cell: (x, r) => formula(`A${r - offset}`, x.rating) },
    ...zoneCols.map(({ label, z }): LayoutColumn<{ rating: number; i: number }> => ({
      header: label,
      format: '0.0%',
      cell: (x, r) => {
        const src = cellAddress(r - offset, 2 + z);
        return formula(`IF(MatrixRounding>0,ROUND(${src}*${MERIT_NAMES.factor}/MatrixRounding,0)*MatrixRounding,${src}*${MERIT_NAMES.factor})`, plan.matrix.cells[x.i]?.[z] ?? 0);
      },
    })),
  ]);
  if (gRows.length > 0) {
    names.push({ name: MERIT_NAMES.matrix, ref: here(absRange(c.first, 2, c.last, 1 + zones.count)) });
    names.push({ name: MERIT_NAMES.ratings, ref: here(absRange(c.first, 1, c.last, 1)) });
  }
  row = c.last + 3;

  // Rating distribution against the target.
  const ratingsCol = mp(MP.rating);
  b.set(row - 1, 1, 'Rating distribution (rated employees on the Merit Plan) against Target Distribution');
  const d = b.table<DistributionRow>(MERIT_TABLES.distribution, row, 1, result.distribution, [
    { header: 'Rating', format: FMT.integer, cell: (x) => x.rating },
    { header: 'Count', format: FMT.integer, cell: (x, r) => formula(`COUNTIF(${ratingsCol},A${r})`, x.count) },
    { header: 'Share', format: FMT.percent, cell: (x, r) => formula(`IF(COUNT(${ratingsCol})=0,0,B${r}/COUNT(${ratingsCol}))`, x.share) },
    { header: 'Target', format: FMT.percent, cell: (x) => x.target ?? null },
    { header: 'Difference', format: FMT.percent, cell: (x, r) => formula(`IF(D${r}="","",C${r}-D${r})`, x.difference) },
    { header: 'Target Count', format: '0.0', cell: (x, r) => formula(`IF(D${r}="","",D${r}*COUNT(${ratingsCol}))`, x.targetCount) },
  ]);
  row = d.last + 3;

  // Mean rating per manager; lenient and harsh raters flagged.
  const managers = mp(MP.managerId);
  b.set(row - 1, 1, 'Mean rating per manager: z = (mean − overall mean) / (σ / √reports), σ = STDEVP of all ratings; flagged at ±CalibrationZ');
  const m = b.table<ManagerRow>(MERIT_TABLES.managers, row, 1, result.managers.rows, [
    { header: 'Manager ID', cell: (x) => x.managerId },
    { header: 'Manager', cell: (x) => x.managerName ?? null },
    { header: 'Reports', format: FMT.integer, fill: { formula: (r) => `COUNTIFS(${managers},A${r},${ratingsCol},"<>")`, value: (x) => x.reports } },
    { header: 'Mean Rating', format: '0.00', fill: { formula: (r) => `IF(C${r}=0,"",AVERAGEIFS(${ratingsCol},${managers},A${r}))`, value: (x) => x.meanRating } },
    { header: 'Difference', format: '+0.00;-0.00;0.00', fill: { formula: (r) => `IF(D${r}="","",D${r}-AVERAGE(${ratingsCol}))`, value: (x) => x.difference } },
    {
      header: 'z',
      format: '0.00',
      fill: { formula: (r) => `IF(OR(C${r}<CalibrationMinReports,STDEVP(${ratingsCol})=0),"",(D${r}-AVERAGE(${ratingsCol}))/(STDEVP(${ratingsCol})/SQRT(C${r})))`, value: (x) => x.z },
    },
    { header: 'Flag', fill: { formula: (r) => `IF(F${r}="","",IF(F${r}>=CalibrationZ,"Lenient",IF(F${r}<=-CalibrationZ,"Harsh","")))`, value: (x) => x.flag } },
  ]);
  const flagRange = `G${m.first}:G${Math.max(m.first, m.last)}`;
  return {
    sheet: b.build({
      conditionalFormats: [
        { kind: 'textContains', range: flagRange, text: 'Lenient', fill: '#FCE4D6' },
        { kind: 'textContains', range: flagRange, text: 'Harsh', fill: '#DDEBF7' },
        ...(gRows.length > 0 ? [{ kind: 'colorScale' as const, range: `B${c.first}:${cellAddress(c.last, 1 + zones.count)}`, min: '#FFFFFF', max: '#63BE7B' }] : []),
      ],
    }),
    names,
  };
}
