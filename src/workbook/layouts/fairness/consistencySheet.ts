import { CHECKS, type CheckRow, type ConsistencyResult, type ValueFormat } from '../../../engine/consistency/consistency';
import type { PayStructure } from '../../../engine/payStructure';
import type { Placement } from '../../../engine/placement';
import { absRange, cellAddress, sheetRef } from '../../address';
import { OUTPUT_SHEETS } from '../../schema';
import type { SheetSpec, SpecCell } from '../../sheetSpec';
import { payStructureColumn, PS } from '../payStructure';
import { FMT, formula, SheetBuilder, type LayoutColumn } from '../sheetBuilder';
import { FAIRNESS_SHEETS, FAIRNESS_TABLES, PL, placementColumn, placementLastRow } from './names';

/** What the Consistency layout needs besides the engine's results. */
export interface ConsistencyLayoutContext {
  /** Grades on the Pay Structure sheet (its table runs from row 2 to grades + 1). */
  grades: number;
  /** Last data row of `Job Slotting` and `Market Analysis` (same job order); benchmark checks are live when given. */
  slottingLastRow?: number;
}

/** Pay Structure's progression and overlap columns (see layouts/payStructure.ts). */
const PS_PROGRESSION = 'H';
const PS_OVERLAP = 'I';
const PS_JOBS = 'J';
/** Job Slotting's Market vs Midpoint and Flag columns, Market Analysis' Benchmark column. */
const JS_VS_MIDPOINT = 'G';
const JS_FLAG = 'H';
const MA_BENCHMARK = 'I';

/** The parameters block: labels in column H, values in I. */
const PARAM_COL = 8;

const FORMATS: Record<ValueFormat, string> = { percent: FMT.percent, ratio: FMT.ratio, integer: FMT.integer };

/**
 * `Consistency`: Check, Scope, Value, Threshold, Status (OK | Warning | Fail), Detail — one row per
 * finding of the engine. Where Excel can, Value, Threshold and Status are live formulas on the Pay
 * Structure, Job Slotting and Placement tables and the Assumptions names (ProgressionTolerance,
 * MaxOverlap, MinOverlap, MinRankCorrelation, CompressionMargin, CircleThreshold), so changing a
 * threshold or a range moves the status. The rank correlation and the job pairs are computed values.
 * Detail is the engine's description as of the run.
 */
export function consistencySheet(result: ConsistencyResult, input: { structure: PayStructure; placement: Placement }, ctx: ConsistencyLayoutContext): SheetSpec {
  const b = new SheetBuilder(FAIRNESS_SHEETS.consistency);
  const { structure, placement } = input;
  const n = ctx.grades;
  const ps = (letter: string, grade: number) => sheetRef(OUTPUT_SHEETS.payStructure, `$${letter}$${grade + 1}`);
  const plLast = placementLastRow(placement.employees.length);
  const pl = (letter: string) => placementColumn(letter, plLast);
  // Placement rows of the employees the findings name (a few of 100,000): at the position the finding
  // gives, when that is the employee; else found by ID, among every employee the findings name.
  let byId: Map<string, number> | undefined;
  const plRowOf = (s: { employeeId: string; index?: number }): number | undefined => {
    if (s.index !== undefined && placement.employees[s.index]?.employee.id === s.employeeId) return s.index + 2;
    if (!byId) {
      const named = new Set<string>();
      for (const row of result.rows) if (row.subject.kind === 'employee') named.add(row.subject.employeeId);
      const found = new Map<string, number>();
      placement.employees.forEach((p, i) => named.has(p.employee.id) && found.set(p.employee.id, i + 2));
      byId = found;
    }
    return byId.get(s.employeeId);
  };
  const plCell = (letter: string, row: number) => sheetRef(FAIRNESS_SHEETS.placement, `$${letter}$${row}`);
  const slotRow = new Map(structure.slotting.map((s, i) => [s.job.code, i + 2]));
  const js = (letter: string, row: number) => sheetRef(OUTPUT_SHEETS.jobSlotting, `$${letter}$${row}`);
  const jsCol = (letter: string) => sheetRef(OUTPUT_SHEETS.jobSlotting, `$${letter}$2:$${letter}$${ctx.slottingLastRow}`);
  const maCol = (letter: string) => sheetRef(OUTPUT_SHEETS.marketAnalysis, `$${letter}$2:$${letter}$${ctx.slottingLastRow}`);
  const target = `$I$2`;
  const o = result.options;

  // The parameters in force, beside the table.
  const evenTarget = n > 1 ? `(${ps(PS.midpoint, n)}/${ps(PS.midpoint, 1)})^(1/(${n}-1))-1` : '""';
  b.block(1, PARAM_COL, [
    ['Parameter', 'Value'],
    [
      result.progressionTargetSource === 'given' ? 'Progression target' : 'Progression target (even)',
      formula(result.progressionTargetSource === 'given' ? 'ProgressionTarget' : evenTarget, result.progressionTarget),
      FMT.percent,
    ],
    ['Progression tolerance', formula('ProgressionTolerance', o.progressionTolerance), FMT.percent],
    ['Overlap range', formula('TEXT(MinOverlap,"0.0%")&" to "&TEXT(MaxOverlap,"0.0%")', `${pct(o.minOverlap)} to ${pct(o.maxOverlap)}`)],
    ['Minimum rank correlation', formula('MinRankCorrelation', o.minRankCorrelation), FMT.ratio],
    ['Compression margin', formula('CompressionMargin', o.compressionMargin), FMT.percent],
    ['Circle threshold', formula('CircleThreshold', o.circleThreshold), FMT.percent],
  ]);
  b.width(PARAM_COL, 26);
  b.width(PARAM_COL + 1, 12);

  const live = (row: CheckRow, r: number): { value?: SpecCell; threshold?: SpecCell; status?: SpecCell } => {
    const v = `C${r}`;
    const s = row.subject;
    switch (row.check) {
      case CHECKS.progression:
        if (s.kind !== 'gradePair') return {};
        return {
          value: formula(ps(PS_PROGRESSION, s.grade), row.value),
          threshold: formula(`TEXT(${target},"0.0%")&" ± "&TEXT(ProgressionTolerance,"0.0%")`, row.threshold),
          status: formula(`IF(${v}<=0,"Fail",IF(ABS(${v}-${target})>ProgressionTolerance,"Warning","OK"))`, row.status),
        };
      case CHECKS.monotonicity:
        return {
          value: formula(`COUNTIF(${sheetRef(OUTPUT_SHEETS.payStructure, absRange(2, 8, n, 8))},"<=0")`, row.value),
          status: formula(`IF(${v}>0,"Fail","OK")`, row.status),
        };
      case CHECKS.overlap:
        if (s.kind !== 'gradePair' || row.value === undefined) return {};
        return {
          value: formula(ps(PS_OVERLAP, s.grade), row.value),
          threshold: formula('TEXT(MinOverlap,"0.0%")&" to "&TEXT(MaxOverlap,"0.0%")', row.threshold),
          status: formula(`IF(${v}<MinOverlap,"Warning",IF(${v}>MaxOverlap,"Warning","OK"))`, row.status),
        };
      case CHECKS.rankCorrelation:
        return {
          threshold: formula('MinRankCorrelation', row.threshold),
          status: formula(`IF(${v}="","Warning",IF(${v}<MinRankCorrelation,"Warning","OK"))`, row.status),
        };
      case CHECKS.inversions:
        return { status: formula(`IF(${v}>0,"Warning","OK")`, row.status) };
      case CHECKS.benchmarkOutside: {
        if (!ctx.slottingLastRow) return {};
        if (s.kind === 'summary') {
          return {
            value: formula(`SUMPRODUCT(((${jsCol(JS_FLAG)}="Above maximum")+(${jsCol(JS_FLAG)}="Below minimum"))*(${maCol(MA_BENCHMARK)}="Y"))`, row.value),
            status: formula(`IF(${v}>0,"Warning","OK")`, row.status),
          };
        }
        const at = s.kind === 'job' ? slotRow.get(s.jobCode) : undefined;
        if (at === undefined) return {};
        return {
          value: formula(js(JS_VS_MIDPOINT, at), row.value),
          status: formula(`IF(OR(${js(JS_FLAG, at)}="Above maximum",${js(JS_FLAG, at)}="Below minimum"),"Warning","OK")`, row.status),
        };
      }
      case CHECKS.emptyGrade:
        if (s.kind === 'summary') {
          return { value: formula(`COUNTIF(${payStructureColumn(PS_JOBS, n)},0)`, row.value), status: formula(`IF(${v}>0,"Warning","OK")`, row.status) };
        }
        if (s.kind !== 'grade') return {};
        return { value: formula(ps(PS_JOBS, s.grade), row.value), status: formula(`IF(${v}=0,"Warning","OK")`, row.status) };
      case CHECKS.gradeWithoutEmployees:
        if (s.kind === 'summary') {
          return {
            value: formula(`SUMPRODUCT(--(COUNTIF(${pl(PL.grade)},${payStructureColumn(PS.grade, n)})=0))`, row.value),
            status: formula(`IF(${v}>0,"Warning","OK")`, row.status),
          };
        }
        if (s.kind !== 'grade') return {};
        return { value: formula(`COUNTIF(${pl(PL.grade)},${s.grade})`, row.value), status: formula(`IF(${v}=0,"Warning","OK")`, row.status) };
      case CHECKS.gradePayInversion:
        if (s.kind !== 'gradePair') return { status: formula(`IF(${v}>0,"Warning","OK")`, row.status) };
        return {
          value: formula(`AVERAGEIF(${pl(PL.grade)},${s.next},${pl(PL.salary)})/AVERAGEIF(${pl(PL.grade)},${s.grade},${pl(PL.salary)})-1`, row.value),
          status: formula(`IF(${v}<=0,"Warning","OK")`, row.status),
        };
      case CHECKS.atOrAboveManager:
      case CHECKS.withinMargin: {
        const kind = row.check === CHECKS.atOrAboveManager ? 'At or above manager' : 'Within margin of manager';
        if (s.kind === 'summary') {
          return {
            value: formula(`COUNTIF(${pl(PL.compression)},"${kind}")`, row.value),
            status: formula(`IF(${v}>0,"${row.check === CHECKS.atOrAboveManager ? 'Fail' : 'Warning'}","OK")`, row.status),
          };
        }
        const rowNo = s.kind === 'employee' ? plRowOf(s) : undefined;
        if (rowNo === undefined) return {};
        const c = plCell(PL.compression, rowNo);
        return {
          value: formula(`${plCell(PL.salary, rowNo)}/${plCell(PL.managerSalary, rowNo)}`, row.value),
          threshold: row.check === CHECKS.withinMargin ? formula('1-CompressionMargin', row.threshold) : undefined,
          status: formula(`IF(${c}="At or above manager","Fail",IF(${c}="Within margin of manager","Warning","OK"))`, row.status),
        };
      }
      case CHECKS.redCircles:
      case CHECKS.greenCircles: {
        if (s.kind !== 'grade') return {};
        const circle = row.check === CHECKS.redCircles ? 'Red' : 'Green';
        return {
          value: formula(`IFERROR(COUNTIFS(${pl(PL.grade)},${s.grade},${pl(PL.circle)},"${circle}")/COUNTIF(${pl(PL.grade)},${s.grade}),"")`, row.value),
          threshold: formula('CircleThreshold', row.threshold),
          status: formula(`IF(${v}="","OK",IF(${v}>CircleThreshold,"Warning","OK"))`, row.status),
        };
      }
      default:
        return {};
    }
  };

  const cells = result.rows.map((row, i) => ({ row, ...live(row, i + 2) }));
  const columns: LayoutColumn<(typeof cells)[number]>[] = [
    { header: 'Check', width: 28, cell: ({ row }) => row.check },
    { header: 'Scope', width: 26, cell: ({ row }) => row.scope },
    { header: 'Value', width: 11, cell: ({ row, value }) => value ?? row.value ?? null },
    { header: 'Threshold', width: 18, cell: ({ row, threshold }) => threshold ?? row.threshold ?? null },
    { header: 'Status', width: 9, cell: ({ row, status }) => status ?? row.status },
    { header: 'Detail', width: 80, cell: ({ row }) => row.detail },
  ];
  const { first } = b.table(FAIRNESS_TABLES.consistency, 1, 1, cells, columns);
  cells.forEach(({ row }, i) => {
    if (row.valueFormat) b.format(cellAddress(first + i, 3), FORMATS[row.valueFormat]);
    if (typeof row.threshold === 'number') b.format(cellAddress(first + i, 4), row.valueFormat === 'percent' ? FMT.percent : FMT.general);
  });
  const notes = first + Math.max(1, cells.length) + 1;
  b.set(notes, 1, 'Notes');
  b.set(notes + 1, 1, 'Value, Threshold and Status are live formulas where Excel can compute them; Detail is the description as of the run.');
  b.set(notes + 2, 1, "Points vs pay order: Spearman's rank correlation of job points and market rates (ties at average rank) and the job pairs that invert; computed by the add-in (double precision), not formulas.");
  b.set(notes + 3, 1, 'Compression compares base salaries (full-time rates) with the manager named in Manager ID.');
  return b.build({ conditionalFormats: statusFormats(`E2:E${Math.max(2, cells.length + 1)}`) });
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

const statusFormats = (range: string): SheetSpec['conditionalFormats'] => [
  { kind: 'cellValue', range, operator: 'equal', value: 'Fail', fill: '#F8CBAD', font: '#9C0006' },
  { kind: 'cellValue', range, operator: 'equal', value: 'Warning', fill: '#FFEB9C', font: '#9C5700' },
];
