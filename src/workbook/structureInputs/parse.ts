import type { Factor } from '../../engine/evaluation/factorPlan';
import type { EvaluationRow, EvaluationSheet } from '../../engine/evaluation/jobEvaluation';
import { money } from '../../engine/money';
import { problem, type Problem, type Where } from '../../engine/problem';
import type { LocationDifferential } from '../../engine/structureOptions/geography';
import type { GivenBand } from '../../engine/structureOptions/givenBands';
import { absAddress, cellAddress, parseCell, sheetRef } from '../address';
import { isBlank, readNumber } from '../cellValue';
import { rowsOf } from '../fieldReader';
import type { Grid, GridValue } from '../grid';
import { normalizeHeader } from '../schema';
import type { DataRow, LocatedTable } from '../sheetTable';
import { FACTOR_PLAN, GRADE_BANDS, JOB_EVALUATION, LOCATIONS, STRUCTURE_INPUT_SHEETS } from './sheets';

/**
 * An input cell a formula may cite as is: only when it holds a plain number equal to the parsed value
 * (a weight typed as 35 rather than 35% is read as 35%, and citing the cell would give 35 × Total Points).
 */
function liveCell(sheet: string, r: DataRow, key: string, parsed: number | undefined): string | undefined {
  const raw = r.get(key);
  if (parsed === undefined || typeof raw !== 'number' || raw !== parsed) return undefined;
  const { row, col } = parseCell(r.address(key));
  return sheetRef(sheet, absAddress(row, col));
}

const rowRef = (grid: Grid, r: DataRow) => ({ sheet: grid.sheet, row: r.row });

/** `Factor Plan`: Factor, Weight (% of Total Points), Levels. */
export function parseFactorPlan(grid: Grid | undefined, problems: Problem[]): { factors: Factor[]; table?: LocatedTable } {
  const factors: Factor[] = [];
  const t = rowsOf(grid, FACTOR_PLAN, 'factor', problems);
  if (!t) return { factors };
  for (const r of t.rows) {
    const name = t.reader.text(r, 'factor');
    const weight = t.reader.number(r, 'weight');
    const levels = t.reader.number(r, 'levels');
    if (name === undefined || weight === undefined || levels === undefined) continue;
    factors.push({
      name,
      weight,
      levels,
      ref: rowRef(grid!, r),
      weightCell: liveCell(grid!.sheet, r, 'weight', weight),
      levelsCell: liveCell(grid!.sheet, r, 'levels', levels),
    });
  }
  return { factors, table: t.table };
}

const cellAt = (grid: Grid, row: number, col: number): GridValue => grid.rows[row - grid.top]?.[col - grid.left] ?? null;

/**
 * `Job Evaluation`: Job Code and one column per factor (any column not declared in the sheet def).
 * A column holding numbers is a factor column; a column of text only is a note, passed on as such.
 */
export function parseJobEvaluation(grid: Grid | undefined, problems: Problem[]): { sheet: EvaluationSheet; table?: LocatedTable } {
  const empty: EvaluationSheet = { columns: [], rows: [] };
  const t = rowsOf(grid, JOB_EVALUATION, 'jobCode', problems);
  if (!t) return { sheet: empty };
  const g = grid!;
  const extras = t.table.extras;
  const numeric = extras.map((x) => t.rows.some((r) => readNumber(r.extra(x.col), 'number').ok));
  const columns = extras.map((x, j) => ({ name: x.name, where: { sheet: g.sheet, cell: cellAddress(t.table.headerRow, x.col) } as Where, numeric: numeric[j] }));
  if (extras.length === 0) {
    problems.push(problem('error', 'no-factor-columns', `${JOB_EVALUATION.name} has no factor columns: add one column per factor of the Factor Plan, holding each job's level`, { sheet: g.sheet, row: t.table.headerRow }));
  }
  const rows: EvaluationRow[] = [];
  for (const r of t.rows) {
    const jobCode = t.reader.text(r, 'jobCode');
    if (jobCode === undefined) continue;
    const levels: (number | undefined)[] = [];
    const cells: (Where | undefined)[] = [];
    const liveCells: (string | undefined)[] = [];
    extras.forEach((x, j) => {
      const raw = cellAt(g, r.row, x.col);
      cells.push({ sheet: g.sheet, cell: cellAddress(r.row, x.col) });
      if (!numeric[j] || isBlank(raw)) {
        levels.push(undefined);
        liveCells.push(undefined);
        return;
      }
      const read = readNumber(raw, 'number');
      if (!read.ok) {
        problems.push(problem('error', 'bad-value', `level of "${x.name}" ${read.blank ? 'is blank' : read.reason}`, { sheet: g.sheet, cell: cellAddress(r.row, x.col) }));
        levels.push(undefined);
        liveCells.push(undefined);
        return;
      }
      levels.push(read.value);
      liveCells.push(typeof raw === 'number' ? sheetRef(g.sheet, absAddress(r.row, x.col)) : undefined);
    });
    // A job evaluated twice is kept: the engine reports the duplicate.
    rows.push({ jobCode, levels, cells, liveCells, ref: rowRef(g, r) });
  }
  return { sheet: { columns, rows }, table: t.table };
}

/** `Grade Bands`: Grade, Min Points, Max Points, optional Midpoint and Spread overrides. */
export function parseGradeBands(grid: Grid | undefined, problems: Problem[]): { bands: GivenBand[]; table?: LocatedTable } {
  const bands: GivenBand[] = [];
  const t = rowsOf(grid, GRADE_BANDS, 'grade', problems);
  if (!t) return { bands };
  const has = (k: string) => t.table.columns.has(k);
  for (const r of t.rows) {
    const grade = t.reader.number(r, 'grade');
    const minPoints = t.reader.number(r, 'minPoints');
    const maxPoints = t.reader.number(r, 'maxPoints');
    const midpoint = has('midpoint') ? t.reader.number(r, 'midpoint') : undefined;
    const spread = has('spread') ? t.reader.number(r, 'spread') : undefined;
    if (grade === undefined || minPoints === undefined || maxPoints === undefined) continue;
    bands.push({
      grade,
      minPoints,
      maxPoints,
      midpoint: midpoint === undefined ? undefined : money(midpoint),
      spread,
      ref: rowRef(grid!, r),
      midpointCell: has('midpoint') ? liveCell(grid!.sheet, r, 'midpoint', midpoint) : undefined,
      spreadCell: has('spread') ? liveCell(grid!.sheet, r, 'spread', spread) : undefined,
    });
  }
  return { bands, table: t.table };
}

/** `Locations`: Location, Differential % (+12% for a high-cost location, −8% for a low-cost one). */
export function parseLocations(grid: Grid | undefined, problems: Problem[]): { locations: LocationDifferential[]; table?: LocatedTable } {
  const locations: LocationDifferential[] = [];
  const t = rowsOf(grid, LOCATIONS, 'location', problems);
  if (!t) return { locations };
  for (const r of t.rows) {
    const name = t.reader.text(r, 'location');
    const differential = t.reader.number(r, 'differential');
    if (name === undefined || differential === undefined) continue;
    locations.push({ name, differential, ref: rowRef(grid!, r), differentialCell: liveCell(grid!.sheet, r, 'differential', differential) });
  }
  return { locations, table: t.table };
}

export interface StructureInputs {
  factors: Factor[];
  evaluation: EvaluationSheet;
  bands: GivenBand[];
  locations: LocationDifferential[];
  /** Which optional sheets the workbook has. */
  present: { factorPlan: boolean; jobEvaluation: boolean; gradeBands: boolean; locations: boolean };
  tables: Map<string, LocatedTable>;
  problems: Problem[];
}

/** Which workbook sheet holds each new input, by canonical name or synonym (the add-in's own sheets never count). */
export function matchStructureSheets(sheets: readonly { name: string; owned: boolean }[]): Map<string, string> {
  const found = new Map<string, string>();
  const userSheets = sheets.filter((s) => !s.owned);
  for (const def of STRUCTURE_INPUT_SHEETS) {
    for (const w of [def.name, ...(def.synonyms ?? [])].map(normalizeHeader)) {
      const hit = userSheets.find((s) => normalizeHeader(s.name) === w && ![...found.values()].includes(s.name));
      if (hit) {
        found.set(def.key, hit.name);
        break;
      }
    }
  }
  return found;
}

/** Parse every new input sheet present; never throws on bad data. A Job Evaluation without a Factor Plan (or the reverse) is an error. */
export function parseStructureInputs(grids: Map<string, Grid>, sheetOf: Map<string, string>): StructureInputs {
  const problems: Problem[] = [];
  const grid = (key: string) => {
    const name = sheetOf.get(key);
    return name === undefined ? undefined : grids.get(name);
  };
  const tables = new Map<string, LocatedTable>();
  const fp = parseFactorPlan(grid('factorPlan'), problems);
  const je = parseJobEvaluation(grid('jobEvaluation'), problems);
  const gb = parseGradeBands(grid('gradeBands'), problems);
  const lo = parseLocations(grid('locations'), problems);
  if (fp.table) tables.set('factorPlan', fp.table);
  if (je.table) tables.set('jobEvaluation', je.table);
  if (gb.table) tables.set('gradeBands', gb.table);
  if (lo.table) tables.set('locations', lo.table);
  const present = { factorPlan: !!grid('factorPlan'), jobEvaluation: !!grid('jobEvaluation'), gradeBands: !!grid('gradeBands'), locations: !!grid('locations') };
  if (present.jobEvaluation && !present.factorPlan) {
    problems.push(problem('error', 'missing-factor-plan', `the ${JOB_EVALUATION.name} sheet needs a "${FACTOR_PLAN.name}" sheet (Factor, Weight, Levels) to turn levels into points`, { sheet: sheetOf.get('jobEvaluation')! }));
  }
  if (present.factorPlan && !present.jobEvaluation) {
    problems.push(problem('warning', 'missing-job-evaluation', `the ${FACTOR_PLAN.name} sheet is not used: there is no "${JOB_EVALUATION.name}" sheet with each job's levels`, { sheet: sheetOf.get('factorPlan')! }));
  }
  return { factors: fp.factors, evaluation: je.sheet, bands: gb.bands, locations: lo.locations, present, tables, problems };
}
