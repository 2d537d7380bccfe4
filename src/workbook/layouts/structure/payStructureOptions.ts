import type { GradedEmployee } from '../../../engine/evaluation/paySystem';
import type { DesignedStructure } from '../../../engine/structureOptions/apply';
import type { DesignedGrade } from '../../../engine/structureOptions/ranges';
import type { PaySystem } from '../../../engine/types';
import { absRange, cellAddress, columnLetter, parseRange, rangeAddress, sheetRef } from '../../address';
import { OUTPUT_SHEETS } from '../../schema';
import type { SheetSpec, SpecCell } from '../../sheetSpec';
import { payLineFormula } from '../payLineFormula';
import { FMT, formula } from '../sheetBuilder';
import { EMPLOYEE_RANGES_GRADE_COLUMN } from './employeeRanges';
import { JOB_SLOTTING_COLUMNS, MARKET_ANALYSIS_COLUMNS, STRUCTURE_SHEETS } from './names';

export interface PayStructureOptionsInput {
  structure: DesignedStructure;
  paySystem: PaySystem;
  /** Last data row of Job Slotting and Market Analysis (one job per row from row 2, same order). */
  jobsLastRow: number;
  /** Person-based systems: the graded employees and the last row of `Employee Ranges`, to count employees by their own grade. */
  people?: { graded: GradedEmployee[]; lastRow: number };
}

const round = (expr: string) => `ROUND((${expr})/RoundingMultiple,0)*RoundingMultiple`;

/**
 * The `Pay Structure` sheet of `payStructureSheet` with the structure options applied: midpoints from the
 * target progression (chained on a Target Progression column) or given per grade, design spreads given per
 * grade, employees counted by their own grade under the Skill and Ability systems, and the quality measures
 * (benchmark jobs, the market rate range inside the grade, the rounding effect) appended as columns.
 * Columns are found by their headers, so the core layout may grow without breaking this.
 */
export function withStructureOptions(spec: SheetSpec, input: PayStructureOptionsInput): SheetSpec {
  const { structure, jobsLastRow } = input;
  const grades = structure.grades;
  const n = grades.length;
  const fit = structure.fit!;
  const cells = spec.cells.map((r) => [...r]);
  const formats = [...(spec.formats ?? [])];
  const columns = [...(spec.columns ?? [])];
  const table = spec.tables?.[0];
  if (!table || n === 0) return spec;
  const range = parseRange(table.range);
  const header = cells[range.top - 1] ?? [];
  const colOf = (name: string): number | undefined => {
    const i = header.findIndex((c) => c === name);
    return i < 0 ? undefined : i + 1;
  };
  const letter = (name: string) => columnLetter(colOf(name)!);
  const [A, B, C, E] = ['Grade', 'Min Points', 'Max Points', 'Midpoint'].map(letter);
  const rowOf = (i: number) => range.top + 1 + i;
  const set = (row: number, col: number, v: SpecCell) => {
    const line = (cells[row - 1] ??= []);
    while (line.length < col - 1) line.push(null);
    line[col - 1] = v;
  };

  // Extra columns, after the table's last.
  const extra: { header: string; format: string; width: number; cell: (g: DesignedGrade, r: number, i: number) => SpecCell }[] = [];
  const progression = structure.options.midpointMethod === 'Progression';
  const first = range.right + 1;
  const tpLetter = columnLetter(first);
  if (progression) {
    extra.push({
      header: 'Target Progression',
      format: FMT.percent,
      width: 12,
      cell: (g, r) => (g.grade < n ? formula(n - 1 > 1 ? `ProgressionLow+(ProgressionHigh-ProgressionLow)*(${A}${r}-1)/${n - 2}` : 'ProgressionLow', g.targetProgression) : null),
    });
  }
  const js = (col: string) => sheetRef(OUTPUT_SHEETS.jobSlotting, `$${col}$2:$${col}$${jobsLastRow}`);
  const ma = (col: string) => sheetRef(OUTPUT_SHEETS.marketAnalysis, `$${col}$2:$${col}$${jobsLastRow}`);
  const inGrade = (r: number) => `(${js(JOB_SLOTTING_COLUMNS.grade)}=$${A}${r})*(${ma(MARKET_ANALYSIS_COLUMNS.benchmark)}="Y")`;
  const rates = `("0"&${js(JOB_SLOTTING_COLUMNS.marketRate)})`;
  const at = (offset: number) => columnLetter(first + extra.length + offset);
  const benchCol = at(0);
  const lowCol = at(1);
  const highCol = at(2);
  const effectCol = at(4);
  const quality = new Map(structure.quality.map((q) => [q.grade, q]));
  extra.push(
    {
      header: 'Benchmark Jobs',
      format: FMT.integer,
      width: 11,
      cell: (g, r) => formula(`COUNTIFS(${js(JOB_SLOTTING_COLUMNS.grade)},${A}${r},${ma(MARKET_ANALYSIS_COLUMNS.benchmark)},"Y")`, quality.get(g.grade)?.benchmarkJobs ?? 0),
    },
    {
      header: 'Market Low',
      format: FMT.money,
      width: 12,
      // SMALL over an array inside SUMPRODUCT: MINIFS without Excel 2019. "0"& turns a blank rate into 0, not #VALUE!.
      cell: (g, r) => formula(`IF(${benchCol}${r}=0,"",SUMPRODUCT(SMALL(${inGrade(r)}*${rates}+(1-${inGrade(r)})*1E+100,1)))`, quality.get(g.grade)?.marketLow),
    },
    {
      header: 'Market High',
      format: FMT.money,
      width: 12,
      cell: (g, r) => formula(`IF(${benchCol}${r}=0,"",SUMPRODUCT(LARGE(${inGrade(r)}*${rates},1)))`, quality.get(g.grade)?.marketHigh),
    },
    {
      header: 'Market Spread',
      format: FMT.percent,
      width: 12,
      cell: (g, r) => formula(`IF(${lowCol}${r}="","",${highCol}${r}/${lowCol}${r}-1)`, quality.get(g.grade)?.marketSpread),
    },
    {
      header: 'Rounding Effect',
      format: FMT.money2,
      width: 13,
      cell: (g, r) => {
        const q = quality.get(g.grade);
        if (g.midpointSource === 'Given') return 0;
        if (g.midpointSource === 'Progression') return formula(`${E}${r}-${E}${r - 1}*(1+${tpLetter}${r - 1})`, q?.roundingEffect);
        return formula(`${E}${r}-(${payLineFormula(fit.model, `((${B}${r}+${C}${r})/2)`)})`, q?.roundingEffect);
      },
    },
    {
      header: 'Rounding Effect %',
      format: FMT.percent2,
      width: 13,
      cell: (g, r) => (g.midpointSource === 'Given' ? 0 : formula(`${effectCol}${r}/(${E}${r}-${effectCol}${r})`, quality.get(g.grade)?.roundingEffectPct)),
    },
  );

  const midCol = colOf('Midpoint')!;
  const spreadCol = colOf('Design Spread');
  const employeesCol = colOf('Employees');
  const bands = structure.options.givenBands;
  grades.forEach((g, i) => {
    const r = rowOf(i);
    const band = bands?.[i];
    if (g.midpointSource === 'Given') {
      const cell = band?.midpoint ? band.midpointCell : i === 0 ? 'FirstMidpoint' : undefined;
      set(r, midCol, cell ? formula(cell, g.midpoint) : g.midpoint.toNumber());
    } else if (g.midpointSource === 'Progression') {
      set(r, midCol, formula(round(`${E}${r - 1}*(1+${tpLetter}${r - 1})`), g.midpoint));
    }
    if (g.spreadGiven && spreadCol) set(r, spreadCol, band?.spreadCell ? formula(band.spreadCell, g.designSpread) : g.designSpread);
    if (input.people && employeesCol && input.paySystem !== 'Post') {
      const count = input.people.graded.filter((e) => e.grade === g.grade).length;
      const grades = sheetRef(STRUCTURE_SHEETS.employees, absRange(2, EMPLOYEE_RANGES_GRADE_COLUMN, Math.max(2, input.people.lastRow), EMPLOYEE_RANGES_GRADE_COLUMN));
      set(r, employeesCol, formula(`COUNTIF(${grades},${A}${r})`, count));
    }
    extra.forEach((x, j) => set(r, first + j, x.cell!(g, r, i)));
  });
  extra.forEach((x, j) => {
    set(range.top, first + j, x.header);
    while (columns.length < first + j) columns.push({});
    columns[first + j - 1] = { ...columns[first + j - 1], width: x.width };
    formats.push({ range: rangeAddress(range.top + 1, first + j, range.bottom, first + j), format: x.format });
  });
  const right = first + extra.length - 1;
  const tables = [{ ...table, range: `${cellAddress(range.top, range.left)}:${cellAddress(range.bottom, right)}` }, ...(spec.tables ?? []).slice(1)];

  // Notes: say where the midpoints come from and what the new columns measure.
  const noteRow = cells.findIndex((row, i) => i > range.bottom && row?.[0] === 'Notes');
  const notes = [
    progression
      ? `Midpoint: grade 1 ${structure.options.firstMidpoint ? 'as given (FirstMidpoint)' : 'from the pay line at its band centre, rounded'}; each next grade = the one below × (1 + Target Progression), rounded to RoundingMultiple. Target Progression rises from ProgressionLow on the first step to ProgressionHigh on the last.`
      : undefined,
    bands ? 'Min Points and Max Points are the bands of the Grade Bands sheet; points between two bands fall in the lower grade.' : undefined,
    'Benchmark Jobs: benchmark jobs slotted in the grade. Market Low / High: their lowest and highest market rates; Market Spread = High / Low − 1.',
    'Rounding Effect = the rounded midpoint − the value it was rounded from (0 for a given midpoint); % of that value.',
  ].filter((x): x is string => x !== undefined);
  if (noteRow >= 0) {
    const first = cells[noteRow + 1]?.[0];
    if (progression && typeof first === 'string' && first.startsWith('Midpoint:')) cells[noteRow + 1] = [notes.shift()!];
    let row = noteRow + 2;
    while (cells[row]?.[0] !== undefined && cells[row]?.[0] !== null) row++;
    notes.forEach((text, k) => set(row + 1 + k, 1, text));
  }
  return { ...spec, cells, formats, columns, tables };
}
