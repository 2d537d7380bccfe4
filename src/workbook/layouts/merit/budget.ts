import type { BudgetLine, BudgetScenario, MeritResult } from '../../../engine/merit';
import { ZERO } from '../../../engine/money';
import { absRange, sheetRef } from '../../address';
import type { SheetSpec } from '../../sheetSpec';
import { FMT, formula, SheetBuilder, type LayoutColumn } from '../sheetBuilder';
import { planLastRow, type MeritLayoutContext } from './context';
import { MERIT_SHEETS, MERIT_TABLES, meritPlanColumn, MP } from './names';

const STATUS = { exact: 'Exact', 'over-committed': 'Over-committed', unreachable: 'Unreachable', 'no-eligible': 'No eligible employees' } as const;

/**
 * `Budget`: headcount, payroll before and after, merit, catch-up, lump sums and bonus by department and by
 * grade (SUMIFS on the Merit Plan and Bonus Plan, so they follow every edit there), and the plan at each of
 * the Budget Scenarios side by side with its calibrated factor (values: each is a budget solve).
 */
export function budgetSheet(result: MeritResult, _ctx?: MeritLayoutContext): SheetSpec {
  const b = new SheetBuilder(MERIT_SHEETS.budget);
  const last = planLastRow(result.cases.length);
  const mp = (letter: string) => meritPlanColumn(letter, last);
  const bonus = result.bonus;
  const bp = (col: number) => sheetRef(MERIT_SHEETS.bonusPlan, absRange(2, col, last, col));

  const summary = <K extends string | number>(title: string, table: string, top: number, header: string, lines: BudgetLine<K | undefined>[], planKey: string, bonusKey: number) => {
    b.set(top - 1, 1, title);
    // A missing key (no department, no grade) is shown as "(none)" and matched as a blank cell.
    const crit = (line: BudgetLine<K | undefined>, r: number) => (line.key === undefined ? '""' : `$A${r}`);
    const sumifs = (letter: string, line: BudgetLine<K | undefined>, r: number) => `SUMIFS(${mp(letter)},${mp(planKey)},${crit(line, r)})`;
    const columns: LayoutColumn<BudgetLine<K | undefined>>[] = [
      { header, width: 18, cell: (l) => (l.key === undefined ? '(none)' : l.key) },
      { header: 'Headcount', format: FMT.integer, width: 11, cell: (l, r) => formula(`COUNTIFS(${mp(planKey)},${crit(l, r)})`, l.headcount) },
      { header: 'Payroll Before', format: FMT.money, width: 15, cell: (l, r) => formula(sumifs(MP.payroll, l, r), l.payroll) },
      { header: 'Merit', format: FMT.money, width: 12, cell: (l, r) => formula(sumifs(MP.meritCost, l, r), l.meritCost) },
      { header: 'Catch Up', format: FMT.money, width: 12, cell: (l, r) => formula(sumifs(MP.catchUpCost, l, r), l.catchUpCost) },
      { header: 'Lump Sums', format: FMT.money, width: 12, cell: (l, r) => formula(sumifs(MP.lumpSum, l, r), l.lumpSum) },
      { header: 'Payroll After', format: FMT.money, width: 15, cell: (l, r) => formula(sumifs(MP.newPayroll, l, r), l.newPayroll) },
      {
        header: 'Bonus',
        format: FMT.money,
        width: 12,
        cell: (l, r) => (bonus ? formula(`SUMIFS(${bp(13)},${bp(bonusKey)},${crit(l, r)})`, l.bonus) : 0),
      },
      { header: 'Merit % of Payroll', format: FMT.percent2, width: 12, cell: (l, r) => formula(`IF(C${r}=0,0,(D${r}+F${r})/C${r})`, l.payroll.isZero() ? 0 : l.meritCost.plus(l.lumpSum).div(l.payroll)) },
    ];
    const t = b.table(table, top, 1, lines, columns);
    const total = t.last + 1;
    b.set(total, 1, 'Total');
    const sumOf = (f: (l: BudgetLine<K | undefined>) => typeof ZERO | number) => lines.reduce((s, l) => s.plus(f(l)), ZERO);
    const totals: [string, typeof ZERO][] = [
      ['B', sumOf((l) => l.headcount)],
      ['C', sumOf((l) => l.payroll)],
      ['D', sumOf((l) => l.meritCost)],
      ['E', sumOf((l) => l.catchUpCost)],
      ['F', sumOf((l) => l.lumpSum)],
      ['G', sumOf((l) => l.newPayroll)],
      ['H', sumOf((l) => l.bonus)],
    ];
    totals.forEach(([col, v], j) => b.set(total, 2 + j, formula(`SUM(${col}${t.first}:${col}${t.last})`, v)));
    const c = totals[1][1];
    b.set(total, 9, formula(`IF(C${total}=0,0,(D${total}+F${total})/C${total})`, c.isZero() ? 0 : totals[2][1].plus(totals[4][1]).div(c)));
    b.format(`B${total}:B${total}`, FMT.integer);
    b.format(`C${total}:H${total}`, FMT.money);
    b.format(`I${total}:I${total}`, FMT.percent2);
    return total;
  };

  let row = 2;
  row = summary('Budget by department (live: SUMIFS on the Merit Plan and Bonus Plan)', MERIT_TABLES.budgetDepartment, row, 'Department', result.byDepartment, MP.department, 3) + 3;
  row = summary('Budget by grade', MERIT_TABLES.budgetGrade, row, 'Grade', result.byGrade, MP.grade, 4) + 3;

  b.set(row - 1, 1, 'Scenarios: the plan calibrated at each of the Budget Scenarios (values computed by the add-in: a budget solve with caps is not a sheet formula)');
  b.table<BudgetScenario>(MERIT_TABLES.scenarios, row, 1, result.scenarios, [
    { header: 'Merit Budget %', format: FMT.percent2, cell: (s) => s.budgetPercent },
    { header: 'Budget', format: FMT.money, cell: (s) => s.budget.toNumber() },
    { header: 'Scale Factor', format: '0.0000000', cell: (s) => s.factor.toNumber() },
    { header: 'Calibrated Cost', format: FMT.money2, cell: (s) => s.calibratedCost.toNumber() },
    { header: 'Merit', format: FMT.money, cell: (s) => s.meritCost.toNumber() },
    { header: 'Lump Sums', format: FMT.money, cell: (s) => s.lumpSum.toNumber() },
    { header: 'Catch Up', format: FMT.money, cell: (s) => s.catchUpCost.toNumber() },
    { header: 'Plan Cost (rounded)', format: FMT.money2, cell: (s) => s.planCost.toNumber() },
    { header: 'Rounding Difference', format: FMT.money2, cell: (s) => s.roundingDifference.toNumber() },
    { header: 'Payroll After', format: FMT.money, cell: (s) => s.newPayroll.toNumber() },
    { header: 'Status', cell: (s) => STATUS[s.status] },
  ]);
  return b.build({ freeze: { rows: 1, columns: 1 } });
}
