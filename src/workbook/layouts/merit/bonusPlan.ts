import type { BonusRow, MeritResult } from '../../../engine/merit';
import { absAddress, absRange, sheetRef } from '../../address';
import type { DefinedName, SheetSpec } from '../../sheetSpec';
import { FMT, formula, SheetBuilder, type LayoutColumn } from '../sheetBuilder';
import { planLastRow, type MeritLayoutContext } from './context';
import { MERIT_NAMES, MERIT_SHEETS, MERIT_TABLES, MP } from './names';
import { baseValue } from './meritPlan';

/** Column of the side blocks (P): the pool figures, then the targets and multipliers tables. */
const SIDE = 16;

/**
 * `Bonus Plan` (when a Bonus Pool is set): one row per employee, in the Merit Plan's order, reading grade,
 * base, FTE, rating and proration from the Merit Plan row beside it. Target bonus = ROUND(base × FTE ×
 * target % × multiplier × proration, 2); the targets are scaled by BonusScale = BonusPool / Σ targets and
 * each amount is rounded to BonusRounding; the rounding difference from the pool is shown.
 */
export function bonusPlanSheet(result: MeritResult, ctx: MeritLayoutContext): { sheet: SheetSpec; names: DefinedName[] } | undefined {
  const bonus = result.bonus;
  if (!bonus) return undefined;
  const name = MERIT_SHEETS.bonusPlan;
  const b = new SheetBuilder(name);
  const here = (a1: string) => sheetRef(name, a1);
  const plan = (letter: string, r: number) => sheetRef(MERIT_SHEETS.meritPlan, `${letter}${r}`);
  const people = result.people;
  const last = planLastRow(result.cases.length);
  const names: DefinedName[] = [];

  const columns: LayoutColumn<BonusRow>[] = [
    { header: 'Employee ID', width: 12, cell: (_row, _r, index) => people[index].employee.id },
    { header: 'Name', width: 22, cell: (_row, _r, index) => people[index].employee.name ?? null },
    { header: 'Department', width: 16, cell: (_row, _r, index) => people[index].employee.department ?? null },
    { header: 'Grade', format: FMT.integer, width: 7, fill: { formula: (r) => `IF(${plan(MP.grade, r)}="","",${plan(MP.grade, r)})`, value: (_row, _r, index) => result.cases[index].grade } },
    { header: 'Base Salary', format: FMT.money, width: 12, fill: { formula: (r) => plan(MP.base, r), value: (_row, _r, index) => baseValue(result.cases[index]) } },
    { header: 'FTE', format: '0.00', width: 6, fill: { formula: (r) => plan(MP.fte, r), value: (_row, _r, index) => result.cases[index].fte } },
    { header: 'Rating', format: FMT.integer, width: 7, fill: { formula: (r) => `IF(${plan(MP.rating, r)}="","",${plan(MP.rating, r)})`, value: (_row, _r, index) => result.cases[index].rating } },
    {
      header: 'Target %',
      format: FMT.percent,
      width: 9,
      fill: { formula: (r) => `IF(D${r}="",0,IFERROR(INDEX(${MERIT_NAMES.bonusTargetPct},MATCH(D${r},${MERIT_NAMES.bonusTargetGrades},0)),0))`, value: (row) => row.targetPct },
    },
    {
      header: 'Multiplier',
      format: '0.00',
      width: 10,
      fill: { formula: (r) => `IF(G${r}="",0,IFERROR(INDEX(${MERIT_NAMES.bonusMultipliers},MATCH(G${r},${MERIT_NAMES.bonusRatings},0)),0))`, value: (row) => row.multiplier },
    },
    { header: 'Proration', format: FMT.percent, width: 9, fill: { formula: (r) => plan(MP.proration, r), value: (_row, _r, index) => result.cases[index].proration } },
    { header: 'Target Bonus', format: FMT.money2, width: 12, fill: { formula: (r) => `ROUND(E${r}*F${r}*H${r}*I${r}*J${r},2)`, value: (row) => row.target } },
    { header: 'Bonus (Unrounded)', format: FMT.money2, width: 14, fill: { formula: (r) => `K${r}*${MERIT_NAMES.bonusScale}`, value: (row) => row.scaled } },
    {
      header: 'Bonus',
      format: FMT.money2,
      width: 12,
      fill: { formula: (r) => `IF(BonusRounding>0,ROUND(L${r}/BonusRounding,0)*BonusRounding,L${r})`, value: (row) => row.bonus },
    },
  ];
  const t = b.table(MERIT_TABLES.bonusPlan, 1, 1, bonus.rows, columns);
  const col = (letter: string) => `$${letter}$${t.first}:$${letter}$${Math.max(t.first, last)}`;

  b.set(1, SIDE, 'Bonus pool');
  b.set(1, SIDE + 1, 'Value');
  b.width(SIDE, 28);
  b.width(SIDE + 1, 14);
  b.block(2, SIDE, [
    ['Bonus Pool', formula('BonusPool', bonus.pool), FMT.money2],
    ['Total Target Bonus', formula(`SUM(${col('K')})`, bonus.totalTarget), FMT.money2],
    ['Scale Factor', formula(`IF(${absAddress(3, SIDE + 1)}=0,0,${absAddress(2, SIDE + 1)}/${absAddress(3, SIDE + 1)})`, bonus.scaleFactor), '0.0000000'],
    ['Total Bonus (rounded)', formula(`SUM(${col('M')})`, bonus.totalBonus), FMT.money2],
    ['Rounding Difference', formula(`${absAddress(5, SIDE + 1)}-${absAddress(2, SIDE + 1)}`, bonus.roundingDifference), FMT.money2],
    ['Bonus Rounding', formula('BonusRounding', ctx.options.bonusRounding), FMT.money2],
  ]);
  names.push({ name: MERIT_NAMES.bonusScale, ref: here(absAddress(4, SIDE + 1)) });

  const targets = [...result.bonusTargets].sort((x, y) => x[0] - y[0]);
  const tt = b.table(MERIT_TABLES.bonusTargets, 10, SIDE, targets, [
    { header: 'Grade', format: FMT.integer, cell: ([g]) => g },
    { header: 'Target %', format: FMT.percent, cell: ([, p]) => p },
  ]);
  names.push({ name: MERIT_NAMES.bonusTargetGrades, ref: here(absRange(tt.first, SIDE, tt.last, SIDE)) });
  names.push({ name: MERIT_NAMES.bonusTargetPct, ref: here(absRange(tt.first, SIDE + 1, tt.last, SIDE + 1)) });

  const multipliers = [...result.bonusMultipliers].sort((x, y) => x[0] - y[0]);
  const mt = b.table(MERIT_TABLES.bonusMultipliers, tt.last + 3, SIDE, multipliers, [
    { header: 'Rating', format: FMT.integer, cell: ([r]) => r },
    { header: 'Multiplier', format: '0.00', cell: ([, m]) => m },
  ]);
  names.push({ name: MERIT_NAMES.bonusRatings, ref: here(absRange(mt.first, SIDE, mt.last, SIDE)) });
  names.push({ name: MERIT_NAMES.bonusMultipliers, ref: here(absRange(mt.first, SIDE + 1, mt.last, SIDE + 1)) });
  return { sheet: b.build({ freeze: { rows: 1, columns: 2 } }), names };
}
