import type Decimal from 'decimal.js';
import { toDouble } from '../../../engine/money';
import { resolveField } from '../../../engine/equity/fields';
import type { PayEquity } from '../../../engine/equity/payEquity';
import type { EquityRecord } from '../../../engine/equity/records';
import type { Placement, PlacedEmployee, PlacementTotals } from '../../../engine/placement';
import { NO_DEPARTMENT } from '../../../engine/placement';
import type { PayStructure } from '../../../engine/payStructure';
import type { ConsistencyResult } from '../../../engine/consistency/consistency';
import type { PaySystem } from '../../../engine/types';
import { columnNumber, sheetRef } from '../../address';
import { dateToSerial } from '../../dates';
import { OUTPUT_SHEETS } from '../../schema';
import type { ChartSpec, SheetSpec, SpecCell } from '../../sheetSpec';
import { compaRatioScale, rangePositionIcons } from '../payPosition';
import { payStructureColumn, PS } from '../payStructure';
import { FMT, formula, ownCell, remembered, SheetBuilder, type ColumnFill, type LayoutColumn } from '../sheetBuilder';
import { FAIRNESS_SHEETS, FAIRNESS_TABLES, PL, placementColumn, placementLastRow } from './names';

/** What the Placement layout needs besides the engine's results. */
export interface PlacementLayoutContext {
  /** Grades on the Pay Structure sheet (its table runs from row 2 to grades + 1). */
  grades: number;
  /** Post: the grade is the job's (a live lookup when `slottingLastRow` is given); Skill and Ability: the person's, a value. */
  paySystem: PaySystem;
  /**
   * Last data row of `Job Slotting`. When given (a post-based structure), the grade and market rate
   * are live lookups of the employee's job there; otherwise they are written as values.
   */
  slottingLastRow?: number;
  /**
   * Each placed employee's manager as an index into the placed employees (-1: none or not an employee),
   * as the parser resolved them; without it, the Manager IDs are looked up here.
   */
  managers?: ArrayLike<number>;
}

/** A row of the table: the employee's equity record, which carries the placement (`placed`). */
type Row = EquityRecord;

/** Where the summary tables start (to the right of the employee table, after one blank column). */
export const SUMMARY_COLUMN = columnNumber(PL.category) + 2;

/**
 * `Placement`: one row per employee, in the order of the Employees sheet. The employee's own data
 * (ID, name, department, job, gender, salary, FTE, bonus, hours, hire date, manager) is copied as
 * values; everything derived is a formula: the grade (a lookup of the job on Job Slotting in a
 * post-based structure), minimum, midpoint and maximum (Pay Structure), market rate, compa-ratio,
 * range penetration, red or green circle, the costs to minimum, midpoint and market, hourly pay,
 * tenure (whole months to EffectiveDate / 12), the manager's salary (a reference to the manager's row,
 * found when the add-in ran) and compression. To the right, the
 * same costs by grade and by department (COUNTIFS, AVERAGEIF, SUMIF over the table).
 * The Consistency and Pay Equity sheets read this table.
 */
export function placementSheet(
  input: { placement: Placement; equity: PayEquity; structure: PayStructure; consistency: ConsistencyResult },
  ctx: PlacementLayoutContext,
): SheetSpec {
  const { placement, equity, structure, consistency } = input;
  const b = new SheetBuilder(FAIRNESS_SHEETS.placement);
  // The records are the placed employees', one each, in order.
  const rows: Row[] = equity.records;
  const last = placementLastRow(rows.length);
  const ps = remembered((letter: string) => payStructureColumn(letter, ctx.grades));
  const js = remembered((col: string) => sheetRef(OUTPUT_SHEETS.jobSlotting, `$${col}$2:$${col}$${ctx.slottingLastRow}`));
  const category = resolveField(equity.eu.categoryField, equity.records).field;
  const live = ctx.slottingLastRow !== undefined;
  const liveGrade = live && ctx.paySystem === 'Post';
  const compression = new Map<PlacedEmployee['employee'], string>();
  for (const pair of [...consistency.compression.atOrAbove, ...consistency.compression.withinMargin]) compression.set(pair.employee, pair.kind);
  const placedRows = placement.employees;
  const managerSalary = managerSalaries(placedRows, ctx.managers);
  // Few departments: each spelling trimmed once.
  const departments = new Map<string | undefined, string>();
  const departmentOf = (d: string | undefined): string => {
    let name = departments.get(d);
    if (name === undefined) departments.set(d, (name = d?.trim() || NO_DEPARTMENT));
    return name;
  };
  const own = (r: number, letter: string) => `${letter}${r}`;
  /** A decimal many rows share (a grade's range end, a job's market rate) as a double, converted once. */
  const doubles = new Map<Decimal, number>();
  const shared = (d: Decimal): number => {
    let x = doubles.get(d);
    if (x === undefined) doubles.set(d, (x = toDouble(d)));
    return x;
  };

  /** A grade's national range, its ends also as doubles (converted once for every employee of the grade). */
  type National = { minimum: Decimal; midpoint: Decimal; maximum: Decimal; min: number; mid: number; max: number };
  const nationals = new Map<number, National>();
  for (const g of structure.grades) {
    nationals.set(g.grade, { minimum: g.minimum, midpoint: g.midpoint, maximum: g.maximum, min: toDouble(g.minimum), mid: toDouble(g.midpoint), max: toDouble(g.maximum) });
  }
  // Each row's grade looked up once for the three range ends.
  const nationalOf: (National | undefined)[] = [];
  for (let i = 0; i < rows.length; i++) {
    const grade = rows[i].placed.grade;
    nationalOf.push(grade === undefined ? undefined : nationals.get(grade));
  }
  /** A range end is a lookup filled down when it is the national range of the grade, else a value of its own (e.g. location-adjusted). */
  const rangeEndFormula = (letter: string) => (r: number) => `IF(${own(r, PL.grade)}="","",INDEX(${ps(letter)},${own(r, PL.grade)}))`;
  const ownEnd = (value: Decimal) => ownCell(toDouble(value));
  // One function per end (not one reading p[which]): the national decimals are compared by identity first.
  const minimumFill: ColumnFill<Row> = {
    formula: rangeEndFormula(PS.minimum),
    value: ({ placed: p }, _r, i) => {
      const value = p.minimum;
      if (value === undefined) return undefined;
      const g = nationalOf[i];
      return g !== undefined && (g.minimum === value || g.minimum.eq(value)) ? g.min : ownEnd(value);
    },
  };
  const midpointFill: ColumnFill<Row> = {
    formula: rangeEndFormula(PS.midpoint),
    value: ({ placed: p }, _r, i) => {
      const value = p.midpoint;
      if (value === undefined) return undefined;
      const g = nationalOf[i];
      return g !== undefined && (g.midpoint === value || g.midpoint.eq(value)) ? g.mid : ownEnd(value);
    },
  };
  const maximumFill: ColumnFill<Row> = {
    formula: rangeEndFormula(PS.maximum),
    value: ({ placed: p }, _r, i) => {
      const value = p.maximum;
      if (value === undefined) return undefined;
      const g = nationalOf[i];
      return g !== undefined && (g.maximum === value || g.maximum.eq(value)) ? g.max : ownEnd(value);
    },
  };

  const columns: LayoutColumn<Row>[] = [
    { header: 'Employee ID', width: 12, cell: ({ placed }) => placed.employee.id },
    { header: 'Name', width: 22, cell: ({ placed }) => placed.employee.name ?? null },
    { header: 'Department', width: 16, cell: ({ placed }) => departmentOf(placed.employee.department) },
    { header: 'Job Code', width: 10, cell: ({ placed }) => placed.employee.jobCode },
    { header: 'Job Family', width: 14, cell: ({ placed }) => placed.job?.family ?? null },
    { header: 'Gender', width: 8, cell: (record) => record.gender },
    liveGrade
      ? { header: 'Grade', format: FMT.integer, width: 7, fill: { formula: (r) => `IFERROR(INDEX(${js('D')},MATCH(${own(r, PL.jobCode)},${js('A')},0)),"")`, value: ({ placed }) => placed.grade } }
      : { header: 'Grade', format: FMT.integer, width: 7, cell: ({ placed }) => placed.grade ?? null },
    { header: 'Base Salary', format: FMT.money2, width: 12, cell: ({ placed }) => placed.salary },
    { header: 'FTE', format: '0.00', width: 6, cell: ({ placed }) => placed.employee.fte },
    { header: 'Minimum', format: FMT.money, width: 11, fill: minimumFill },
    { header: 'Midpoint', format: FMT.money, width: 11, fill: midpointFill },
    { header: 'Maximum', format: FMT.money, width: 11, fill: maximumFill },
    live
      ? {
          header: 'Market Rate',
          format: FMT.money,
          width: 12,
          fill: {
            formula: (r) => `IFERROR(INDEX(${js('E')},MATCH(${own(r, PL.jobCode)},${js('A')},0)),"")`,
            value: ({ placed }) => (placed.marketRate === undefined ? undefined : shared(placed.marketRate)),
          },
        }
      : { header: 'Market Rate', format: FMT.money, width: 12, cell: ({ placed }) => (placed.marketRate === undefined ? null : shared(placed.marketRate)) },
    {
      header: 'Compa-Ratio',
      format: FMT.ratio,
      width: 11,
      fill: { formula: (r) => `IF(${own(r, PL.midpoint)}="","",${own(r, PL.salary)}/${own(r, PL.midpoint)})`, value: ({ placed }) => placed.compaRatio },
    },
    {
      header: 'Range Penetration',
      format: FMT.percent,
      width: 11,
      fill: {
        formula: (r) => `IF(OR(${own(r, PL.minimum)}="",${own(r, PL.maximum)}=${own(r, PL.minimum)}),"",(${own(r, PL.salary)}-${own(r, PL.minimum)})/(${own(r, PL.maximum)}-${own(r, PL.minimum)}))`,
        value: ({ placed }) => placed.rangePenetration,
      },
    },
    {
      header: 'Circle',
      width: 8,
      fill: {
        formula: (r) => `IF(${own(r, PL.minimum)}="","",IF(${own(r, PL.salary)}>${own(r, PL.maximum)},"Red",IF(${own(r, PL.salary)}<${own(r, PL.minimum)},"Green","")))`,
        value: ({ placed }) => placed.circle,
      },
    },
    { header: 'Cost to Minimum', format: FMT.money2, width: 12, fill: { formula: (r) => gapCost(r, PL.minimum, PL.salary), value: ({ placed }) => placed.costToMinimum } },
    { header: 'Cost to Midpoint', format: FMT.money2, width: 12, fill: { formula: (r) => gapCost(r, PL.midpoint, PL.salary), value: ({ placed }) => placed.costToMidpoint } },
    {
      header: 'Cost to Market',
      format: FMT.money2,
      width: 12,
      fill: { formula: (r) => `IF(N(${own(r, PL.marketRate)})=0,0,MAX(0,${own(r, PL.marketRate)}-${own(r, PL.salary)})*${own(r, PL.fte)})`, value: ({ placed }) => placed.costToMarket },
    },
    { header: 'Excess over Maximum', format: FMT.money2, width: 12, fill: { formula: (r) => gapCost(r, PL.salary, PL.maximum, PL.maximum), value: ({ placed }) => placed.excessOverMaximum } },
    {
      header: 'Weekly Hours',
      format: '0.0#',
      width: 8,
      // Hours given are the employee's own; blank hours are FTE × FullTimeHours.
      fill: {
        formula: (r) => `${own(r, PL.fte)}*FullTimeHours`,
        value: (record) => {
          const given = record.placed.employee.weeklyHours;
          return given !== undefined && given > 0 ? ownCell(record.weeklyHours) : record.weeklyHours;
        },
      },
    },
    { header: 'Hourly Pay', format: FMT.money2, width: 10, fill: { formula: (r) => `${own(r, PL.salary)}*${own(r, PL.fte)}/52/${own(r, PL.weeklyHours)}`, value: (record) => record.hourlyPay } },
    { header: 'Bonus', format: FMT.money2, width: 10, cell: (record) => record.bonus },
    {
      header: 'Hourly Total Pay',
      format: FMT.money2,
      width: 10,
      fill: { formula: (r) => `(${own(r, PL.salary)}*${own(r, PL.fte)}+${own(r, PL.bonus)})/52/${own(r, PL.weeklyHours)}`, value: (record) => record.hourlyTotalPay },
    },
    { header: 'Hire Date', format: FMT.date, width: 11, cell: ({ placed }) => (placed.employee.hireDate ? dateToSerial(placed.employee.hireDate) : null) },
    {
      header: 'Tenure',
      format: '0.00',
      width: 7,
      fill: {
        formula: (r) => `IF(${own(r, PL.hireDate)}="","",MAX(0,(YEAR(EffectiveDate)-YEAR(${own(r, PL.hireDate)}))*12+MONTH(EffectiveDate)-MONTH(${own(r, PL.hireDate)}))/12)`,
        value: (record) => record.tenure,
      },
    },
    { header: 'Manager ID', width: 12, cell: ({ placed }) => placed.employee.managerId ?? null },
    {
      header: 'Manager Salary',
      format: FMT.money2,
      width: 12,
      // A direct reference to the manager's row (a MATCH per row would make recalculation quadratic in employees).
      cell: (_record, _r, i) => managerSalary(i),
    },
    {
      header: 'Compression',
      width: 22,
      fill: {
        formula: (r) =>
          `IF(${own(r, PL.managerSalary)}="","",IF(${own(r, PL.salary)}>=${own(r, PL.managerSalary)},"At or above manager",IF(${own(r, PL.salary)}>=${own(r, PL.managerSalary)}*(1-CompressionMargin),"Within margin of manager","")))`,
        value: ({ placed }) => compression.get(placed.employee) ?? '',
      },
    },
    equity.eu.categoryField === 'Grade'
      ? { header: `Pay Category (${equity.eu.categoryField})`, width: 14, fill: { formula: (r) => own(r, PL.grade), value: (record) => category?.value(record) } }
      : { header: `Pay Category (${equity.eu.categoryField})`, width: 14, cell: (record) => category?.value(record) ?? null },
  ];
  b.table(FAIRNESS_TABLES.placement, 1, 1, rows, columns);

  // Costs by grade and by department.
  const col = (letter: string) => placementColumn(letter, last);
  const summaryColumns = (keyColumn: string, all: boolean): LayoutColumn<PlacementTotals>[] => {
    const where = (t: PlacementTotals, r: number) => (all && t.key === 'All' ? undefined : `${col(keyColumn)},${colLetter(SUMMARY_COLUMN)}${r}`);
    return [
      { header: keyColumn === PL.grade ? 'Grade' : 'Department', width: 14, cell: (t) => t.key },
      { header: 'Employees', format: FMT.integer, width: 10, cell: (t, r) => formula(where(t, r) ? `COUNTIF(${where(t, r)})` : `COUNTA(${col(PL.id)})`, t.headcount) },
      { header: 'Red Circles', format: FMT.integer, width: 8, cell: (t, r) => formula(where(t, r) ? `COUNTIFS(${where(t, r)},${col(PL.circle)},"Red")` : `COUNTIF(${col(PL.circle)},"Red")`, t.red) },
      { header: 'Green Circles', format: FMT.integer, width: 8, cell: (t, r) => formula(where(t, r) ? `COUNTIFS(${where(t, r)},${col(PL.circle)},"Green")` : `COUNTIF(${col(PL.circle)},"Green")`, t.green) },
      {
        header: 'Mean Compa-Ratio',
        format: FMT.ratio,
        width: 10,
        cell: (t, r) =>
          formula(
            where(t, r) ? `IFERROR(AVERAGEIFS(${col(PL.compaRatio)},${where(t, r)},${col(PL.compaRatio)},">0"),"")` : `IFERROR(AVERAGEIF(${col(PL.compaRatio)},">0"),"")`,
            t.meanCompaRatio,
          ),
      },
      ...(
        [
          ['Cost to Minimum', PL.costToMinimum, 'costToMinimum'],
          ['Cost to Midpoint', PL.costToMidpoint, 'costToMidpoint'],
          ['Cost to Market', PL.costToMarket, 'costToMarket'],
          ['Excess over Maximum', PL.excess, 'excessOverMaximum'],
        ] as const
      ).map(
        ([header, letter, key]): LayoutColumn<PlacementTotals> => ({
          header,
          format: FMT.money,
          width: 13,
          cell: (t, r) => formula(where(t, r) ? `SUMIF(${where(t, r)},${col(letter)})` : `SUM(${col(letter)})`, t[key]),
        }),
      ),
    ];
  };
  const byGrade = b.table(FAIRNESS_TABLES.placementByGrade, 1, SUMMARY_COLUMN, placement.byGrade, summaryColumns(PL.grade, false));
  const byDepartment = b.table(FAIRNESS_TABLES.placementByDepartment, byGrade.last + 3, SUMMARY_COLUMN, [...placement.byDepartment, placement.total], summaryColumns(PL.department, true));
  const notes = byGrade.last + 3 + placement.byDepartment.length + 4;
  b.set(notes, SUMMARY_COLUMN, 'Notes');
  b.set(notes + 1, SUMMARY_COLUMN, 'Costs are a year: (target − base salary) × FTE when below the target; the excess over the maximum likewise above it.');
  b.set(notes + 2, SUMMARY_COLUMN, 'Compa-ratio = base salary / midpoint; range penetration = (salary − minimum) / (maximum − minimum). Ratios in double precision.');
  b.set(notes + 3, SUMMARY_COLUMN, 'Hourly pay = base salary × FTE / 52 / weekly hours (base salary is the full-time annual rate; blank hours: FTE × FullTimeHours).');

  const meanCompa = colLetter(SUMMARY_COLUMN + MEAN_COMPA_OFFSET);
  return b.build({
    conditionalFormats: [
      compaRatioScale(`${PL.compaRatio}2:${PL.compaRatio}${last}`),
      rangePositionIcons(`${PL.penetration}2:${PL.penetration}${last}`),
      compaRatioScale(`${meanCompa}${byGrade.first}:${meanCompa}${byGrade.last}`),
      compaRatioScale(`${meanCompa}${byDepartment.first}:${meanCompa}${byDepartment.last}`),
    ],
    charts: rows.length > 0 ? [employeesChart(last)] : [],
  });
}

/** Column of Mean Compa-Ratio in the summary tables, counted from their first column. */
const MEAN_COMPA_OFFSET = 4;

/** Where the chart goes: right of the summary tables (nine columns) and one blank column. */
export const PLACEMENT_CHART_COLUMN = SUMMARY_COLUMN + 10;

/**
 * Employees plotted against their grade: each salary at its grade, with the minimum and maximum of
 * the range it is compared with at the same grade, so the dots sit inside (or outside) their band.
 * Three pairs of column references, whatever the number of employees.
 */
function employeesChart(last: number): ChartSpec {
  const column = (letter: string) => `${letter}2:${letter}${last}`;
  const grade = column(PL.grade);
  return {
    kind: 'scatter',
    title: 'Employees by grade: base salary against the range',
    anchor: `${colLetter(PLACEMENT_CHART_COLUMN)}2`,
    widthCells: 10,
    heightCells: 20,
    series: [
      { name: 'Base Salary', values: column(PL.salary), categories: grade, marker: 'circle' },
      { name: 'Minimum', values: column(PL.minimum), categories: grade, marker: 'dash' },
      { name: 'Maximum', values: column(PL.maximum), categories: grade, marker: 'dash' },
    ],
  };
}

const colLetter = (n: number): string => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

/** MAX(0, upper − lower) × FTE, 0 when the range end is blank. */
const gapCost = (r: number, upper: string, lower: string, blankCheck = upper === PL.salary ? lower : upper): string =>
  `IF(${blankCheck}${r}="",0,MAX(0,${upper}${r}-${lower}${r})*${PL.fte}${r})`;


/**
 * Whether an ID is its own key (trimmed and upper case): printable ASCII other than a–z, no space. The
 * usual ID, told by its characters without making a trimmed, upper-cased copy (slow on text that is
 * not one byte per character).
 */
/**
 * Each row's Manager Salary cell: a reference to the manager's Base Salary on this sheet, one cell per
 * manager shared by their reports; null without a manager on the sheet, or for one's own manager.
 * `managers`, when given, holds each employee's manager as an index into the placed employees (-1: none
 * or not found), resolved as below (e.g. by the parser, whose IDs are trimmed and unique ignoring case):
 * then no ID is looked up here.
 */
function managerSalaries(placedRows: readonly PlacedEmployee[], managers: ArrayLike<number> | undefined): (i: number) => SpecCell {
  if (managers && managers.length === placedRows.length) {
    const cells: SpecCell[] = new Array(placedRows.length);
    return (i) => {
      const m = managers[i];
      if (m < 0 || m === i) return null;
      return (cells[m] ??= { formula: `=${PL.salary}${m + 2}`, value: placedRows[m].salary });
    };
  }
  // The manager's row on this sheet (IDs match case-insensitively, as MATCH does; the last row of a
  // repeated ID, as before). Managers manage several employees: each Manager ID as written is looked
  // up once, and the reference to the manager's salary is one cell, the same for all of them. Only the
  // managers' keys are kept in a map (not every employee's), and each row's manager is found once.
  type Manager = { key: string; row: number | undefined; salary: SpecCell };
  const keyOf = (id: string) => (isKey(id) ? id : id.trim().toUpperCase());
  const byManagerId = new Map<string, Manager>();
  const managerOf: (Manager | undefined)[] = [];
  const managerRow = new Map<string, number>();
  for (let i = 0; i < placedRows.length; i++) {
    const id = placedRows[i].employee.managerId;
    if (id === undefined) {
      managerOf.push(undefined);
      continue;
    }
    let m = byManagerId.get(id);
    if (m === undefined) {
      const key = keyOf(id);
      byManagerId.set(id, (m = { key, row: undefined, salary: null }));
      if (key !== '') managerRow.set(key, 0);
    }
    managerOf.push(m);
  }
  const keys: string[] = [];
  for (let i = 0; i < placedRows.length; i++) {
    const key = keyOf(placedRows[i].employee.id);
    keys.push(key);
    if (managerRow.get(key) !== undefined) managerRow.set(key, i + 2);
  }
  for (const m of byManagerId.values()) {
    const row = m.key === '' ? 0 : managerRow.get(m.key)!;
    if (row > 0) {
      m.row = row;
      m.salary = { formula: `=${PL.salary}${row}`, value: placedRows[row - 2].salary };
    }
  }
  const managerSalary = (i: number): SpecCell => {
    const m = managerOf[i];
    // Not their own manager (the same ID).
    return m === undefined || m.row === undefined || m.row === i + 2 || m.key === keys[i] ? null : m.salary;
  };
  return managerSalary;
}

function isKey(id: string): boolean {
  for (let k = 0; k < id.length; k++) {
    const c = id.charCodeAt(k);
    if (c <= 0x20 || c >= 0x7f || (c >= 0x61 && c <= 0x7a)) return false;
  }
  return true;
}
