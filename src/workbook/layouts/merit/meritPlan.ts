import { toDouble } from '../../../engine/money';
import type { MeritResult } from '../../../engine/merit';
import type { MeritPlanRow } from '../../../engine/merit';
import type { MeritCase } from '../../../engine/merit/employeeMerit';
import { sheetRef } from '../../address';
import { dateToSerial } from '../../dates';
import { OUTPUT_SHEETS } from '../../schema';
import type { SheetSpec } from '../../sheetSpec';
import { compaRatioScale } from '../payPosition';
import { payStructureColumn, PS } from '../payStructure';
import { FMT, formula, ownCell, remembered, SheetBuilder, type LayoutColumn } from '../sheetBuilder';
import type { MeritLayoutContext } from './context';
import { FORMULA_TESTS, MERIT_NAMES, MERIT_SHEETS, MERIT_TABLES, MP } from './names';

/** What the Flag shows for a row made not eligible on the sheet (the engine's reason when it found one). */
const NOT_ELIGIBLE = 'Not eligible';

/**
 * `Merit Plan`: one row per employee. Rating, eligibility and overrides are the plan's inputs (values a
 * specialist may edit); the zone, Merit %, increase, catch-up, new salary, lump sum and flag are formulas on
 * the Pay Structure table, the calibrated Merit Matrix and the Assumptions names, so editing a matrix cell
 * or a rating moves every increase and the budget total. The cost columns X:AB feed the Budget sheet.
 */
export function meritPlanSheet(result: MeritResult, ctx: MeritLayoutContext): SheetSpec {
  const b = new SheetBuilder(MERIT_SHEETS.meritPlan);
  const ps = remembered((letter: string) => payStructureColumn(letter, ctx.grades));
  const min = (r: number) => `INDEX(${ps(PS.minimum)},E${r})`;
  const mid = (r: number) => `INDEX(${ps(PS.midpoint)},E${r})`;
  const max = (r: number) => `INDEX(${ps(PS.maximum)},E${r})`;
  const uncapped = (r: number) => `F${r}*L${r}*M${r}`;
  const people = result.people;
  const slotting = ctx.slottingLastRow;
  const js = remembered((col: string) => sheetRef(OUTPUT_SHEETS.jobSlotting, `$${col}$2:$${col}$${slotting}`));
  const position = result.zones.basis === 'Quartile' ? MP.penetration : MP.compaRatio;
  const prorationLive = ctx.assumptions.prorationStart !== undefined;
  const flagFormula = (r: number, notEligible: string) =>
    `IF(S${r}<>"Y","${notEligible.replace(/"/g, '""')}",IF(T${r}<>"","Override",IF(Q${r}>0,"Lump sum",` +
    `IF(ROUND(${uncapped(r)},2)>N${r},"Capped at maximum",IF(O${r}>0,"Catch-up to minimum",IF(M${r}<1,"Prorated",""))))))`;

  const columns: LayoutColumn<MeritPlanRow>[] = [
    { header: 'Employee ID', width: 12, cell: (_row, _r, index) => people[index].employee.id },
    { header: 'Name', width: 22, cell: (_row, _r, index) => people[index].employee.name ?? null },
    { header: 'Department', width: 16, cell: (_row, _r, index) => people[index].employee.department ?? null },
    { header: 'Job Code', width: 10, cell: (_row, _r, index) => people[index].employee.jobCode },
    slotting
      ? { header: 'Grade', format: FMT.integer, width: 7, fill: { formula: (r) => `IFERROR(INDEX(${js('D')},MATCH(D${r},${js('A')},0)),"")`, value: (row) => row.case.grade } }
      : { header: 'Grade', format: FMT.integer, width: 7, cell: (row) => row.case.grade ?? null },
    { header: 'Base Salary', format: FMT.money, width: 12, cell: (row) => baseValue(row.case) },
    { header: 'FTE', format: '0.00', width: 6, cell: (row) => row.case.fte },
    { header: 'Compa-Ratio', format: FMT.ratio, width: 11, fill: { formula: (r) => `IF(E${r}="","",F${r}/${mid(r)})`, value: (row) => row.case.compaRatio } },
    {
      header: 'Range Penetration',
      format: FMT.percent,
      width: 11,
      fill: { formula: (r) => `IF(E${r}="","",IF(${max(r)}=${min(r)},IF(F${r}>=${max(r)},1,0),(F${r}-${min(r)})/(${max(r)}-${min(r)})))`, value: (row) => row.case.rangePenetration },
    },
    { header: 'Rating', format: FMT.integer, width: 7, cell: (row) => row.case.rating ?? null },
    {
      header: 'Zone',
      format: FMT.integer,
      width: 6,
      fill: {
        formula: (r) => (result.zones.count > 1 ? `IF(E${r}="","",1+SUMPRODUCT(--(${MERIT_NAMES.zoneBounds}<=${position}${r})))` : `IF(E${r}="","",1)`),
        value: (row) => row.case.zone,
      },
    },
    {
      header: 'Merit %',
      format: FMT.percent2,
      width: 9,
      fill: {
        formula: (r) => `IF(S${r}<>"Y",0,IF(T${r}<>"",T${r},IFERROR(INDEX(${MERIT_NAMES.matrix},MATCH(J${r},${MERIT_NAMES.ratings},0),K${r}),0)))`,
        value: (row) => row.outcome.meritPct,
      },
    },
    prorationLive
      ? {
          header: 'Proration',
          format: FMT.percent,
          width: 9,
          fill: {
            formula: (r) => `IF(U${r}="",1,MAX(0,MIN(1,(12-((YEAR(U${r})-YEAR(ProrationStart))*12+MONTH(U${r})-MONTH(ProrationStart)))/12)))`,
            value: (row) => row.case.proration,
          },
        }
      : { header: 'Proration', format: FMT.percent, width: 9, cell: (row) => row.case.proration },
    { header: 'Merit Increase', format: FMT.money2, width: 12, fill: { formula: (r) => `IF(E${r}="",0,ROUND(MIN(${uncapped(r)},MAX(0,${max(r)}-F${r})),2))`, value: (row) => row.outcome.increase } },
    {
      header: 'Catch Up',
      format: FMT.money2,
      width: 11,
      fill: { formula: (r) => `IF(OR(E${r}="",NOT(${FORMULA_TESTS.catchUpOn})),0,MAX(0,ROUND(${min(r)}-F${r}-N${r},2)))`, value: (row) => row.outcome.catchUp },
    },
    { header: 'New Salary', format: FMT.money2, width: 12, fill: { formula: (r) => `F${r}+N${r}+O${r}`, value: (row) => row.outcome.newSalaryValue } },
    {
      header: 'Lump Sum',
      format: FMT.money2,
      width: 11,
      fill: { formula: (r) => `IF(OR(E${r}="",${FORMULA_TESTS.cap}),0,ROUND(MAX(0,${uncapped(r)}-MAX(0,${max(r)}-F${r}))*G${r},2))`, value: (row) => row.outcome.lumpSum },
    },
    {
      header: 'Flag',
      width: 20,
      // The text shown when not eligible is the row's reason: a row with a reason of its own holds its own formula.
      fill: {
        formula: (r) => flagFormula(r, NOT_ELIGIBLE),
        value: (row, r) => (row.case.ineligibility === undefined || row.case.ineligibility === NOT_ELIGIBLE ? row.outcome.flag : ownCell(formula(flagFormula(r, row.case.ineligibility), row.outcome.flag))),
      },
    },
    { header: 'Eligible', width: 8, cell: (row) => (row.case.eligible ? 'Y' : 'N') },
    { header: 'Merit Override %', format: FMT.percent2, width: 10, cell: (row) => row.case.override ?? null },
    { header: 'Hire Date', format: FMT.date, width: 11, cell: (_row, _r, index) => (people[index].employee.hireDate ? dateToSerial(people[index].employee.hireDate!) : null) },
    { header: 'Manager ID', width: 11, cell: (_row, _r, index) => people[index].employee.managerId ?? null },
    { header: 'Appraisal Score', format: '0.00', width: 10, cell: (_row, _r, index) => people[index].score ?? null },
    { header: 'Payroll', format: FMT.money2, width: 12, fill: { formula: (r) => `F${r}*G${r}`, value: (row) => row.outcome.payroll } },
    { header: 'Merit Cost', format: FMT.money2, width: 11, fill: { formula: (r) => `N${r}*G${r}`, value: (row) => row.outcome.meritCost } },
    { header: 'Catch Up Cost', format: FMT.money2, width: 11, fill: { formula: (r) => `O${r}*G${r}`, value: (row) => row.outcome.catchUpCost } },
    { header: 'New Payroll', format: FMT.money2, width: 12, fill: { formula: (r) => `P${r}*G${r}`, value: (row) => row.outcome.newPayroll } },
    { header: 'Budget Cost', format: FMT.money2, width: 12, fill: { formula: (r) => `Y${r}+Q${r}+IF(${FORMULA_TESTS.catchUpInside},Z${r},0)`, value: (row) => row.outcome.totalCost } },
  ];
  const items = result.plan.rows;
  const t = b.table(MERIT_TABLES.plan, 1, 1, items, columns);
  const flags = `${MP.flag}${t.first}:${MP.flag}${t.last}`;
  return b.build({
    freeze: { rows: 1, columns: 2 },
    conditionalFormats: [
      { kind: 'textContains', range: flags, text: 'Capped', fill: '#FCE4D6' },
      { kind: 'textContains', range: flags, text: 'Lump sum', fill: '#FFF2CC' },
      { kind: 'textContains', range: flags, text: 'No rating', fill: '#F8CBAD' },
      { kind: 'textContains', range: flags, text: 'Override', fill: '#DDEBF7' },
      compaRatioScale(`${MP.compaRatio}${t.first}:${MP.compaRatio}${t.last}`),
    ],
  });
}

/** The base salary as a double: whole cents divided once (the double nearest the decimal, as toDouble gives), else the decimal's double. */
export const baseValue = (c: MeritCase): number => (c.baseCents !== undefined ? c.baseCents / 100 : toDouble(c.base));
