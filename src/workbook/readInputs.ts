import { money } from '../engine/money';
import { columnLetter } from './address';
import { problem, type Problem, type SourceRef } from '../engine/problem';
import type { AppraisalRow, Employee, Inputs, Job, MarketRow, Percentiles } from '../engine/types';
import { readAssumptions, type AssumptionsRead } from './assumptions';
import { readNumber } from './cellValue';
import { rowsOf } from './fieldReader';
import { isMeritParameter, matchMeritSheets } from './layouts/merit/inputs';
import { readMerit, type MeritRead } from './layouts/merit/step';
import { isStructureParameter, readStructureSettings, type StructureSettingsRead } from './structureInputs/parameters';
import { matchStructureSheets, parseStructureInputs, type StructureInputs } from './structureInputs/parse';
import type { Grid, SheetInfo } from './grid';
import { APPRAISAL, ASSUMPTIONS_SHEET, EMPLOYEES, INPUT_SHEETS, JOBS, MARKET, normalizeHeader, type SheetDef } from './schema';
import type { DataRow, LocatedTable } from './sheetTable';

/** Which workbook sheet holds each input (by canonical name or synonym; the add-in's own sheets never count). */
export function matchInputSheets(sheets: readonly SheetInfo[]): Map<string, string> {
  // Job evaluation and structure-option sheets (Factor Plan, Job Evaluation, Grade Bands, Locations) too.
  const found = matchStructureSheets(sheets);
  // The merit inputs too (Merit Guidelines, Bonus Targets, Bonus Multipliers).
  for (const [key, name] of matchMeritSheets(sheets)) found.set(key, name);
  const userSheets = sheets.filter((s) => !s.owned);
  for (const def of [...INPUT_SHEETS, { key: 'assumptions', name: ASSUMPTIONS_SHEET, synonyms: ['Parameters', 'Settings'] } as SheetDef]) {
    const wanted = [def.name, ...(def.synonyms ?? [])].map(normalizeHeader);
    for (const w of wanted) {
      const hit = userSheets.find((s) => normalizeHeader(s.name) === w);
      if (hit) {
        found.set(def.key, hit.name);
        break;
      }
    }
  }
  return found;
}

/** Inputs parsed from the workbook, with where each table sits (layouts cite input cells). */
/** The job evaluation and structure-option inputs and settings, parsed with the rest. */
export interface StructureParsed {
  inputs: StructureInputs;
  settings: StructureSettingsRead;
  problems: Problem[];
}

export interface ParsedWorkbook {
  inputs: Inputs;
  structure: StructureParsed;
  /** The merit inputs (parameters, guidelines, bonus targets and multipliers, overrides). */
  merit?: MeritRead;
  tables: Map<string, LocatedTable>;
  assumptionsRead: AssumptionsRead;
  problems: Problem[];
}

/** The manager indices the parse resolved, by the employees array they are for (see managerIndexOf). */
const managerIndices = new WeakMap<readonly Employee[], Int32Array>();

/**
 * Each parsed employee's manager as an index into `employees` (-1: no Manager ID, or not an employee's
 * ID), matched case-insensitively on the trimmed IDs (as the consistency check matches them), as the
 * parse resolved them to look for loops; undefined for an array the parse did not make, or when the
 * sheet has no Manager ID column. Not part of ParsedWorkbook, so the parse's result keeps its shape.
 */
export const managerIndexOf = (employees: readonly Employee[]): Int32Array | undefined => managerIndices.get(employees);

const optionalMoney = (n: number | undefined) => (n === undefined ? undefined : money(n));

const refOf = (sheet: string, r: DataRow): SourceRef => ({ sheet, row: r.row });

function parseJobs(grid: Grid | undefined, problems: Problem[]) {
  const jobs: Job[] = [];
  // Codes of every row, good or bad, so one bad cell does not cascade into "unknown job" elsewhere.
  const allCodes = new Set<string>();
  const t = rowsOf(grid, JOBS, 'code', problems);
  if (!t) return { jobs, allCodes: undefined };
  const seen = new Map<string, string>();
  for (const r of t.rows) {
    const code = t.reader.text(r, 'code');
    if (code !== undefined) allCodes.add(code.toUpperCase());
    const title = t.reader.text(r, 'title');
    const points = t.reader.number(r, 'points');
    const family = t.reader.text(r, 'family');
    const benchmark = t.reader.flag(r, 'benchmark');
    if (code === undefined || title === undefined || points === undefined) continue;
    const key = code.toUpperCase();
    if (seen.has(key)) {
      problems.push(problem('error', 'duplicate-key', `job code "${code}" is already used at ${seen.get(key)}`, { sheet: grid!.sheet, cell: r.address('code') }));
      continue;
    }
    seen.set(key, `${grid!.sheet}!${r.address('code')}`);
    // A blank Benchmark column means every job with market data is a benchmark.
    jobs.push({ code, title, family, points, benchmark: benchmark ?? !t.table.columns.has('benchmark'), ref: refOf(grid!.sheet, r) });
  }
  return { jobs, allCodes, table: t.table };
}

const PERCENTILE_KEYS: [string, number][] = [['p10', 10], ['p25', 25], ['p50', 50], ['p75', 75], ['p90', 90]];

function parseMarket(grid: Grid | undefined, problems: Problem[]) {
  const market: MarketRow[] = [];
  const t = rowsOf(grid, MARKET, 'jobCode', problems);
  if (!t) return { market };
  for (const r of t.rows) {
    const jobCode = t.reader.text(r, 'jobCode');
    const survey = t.reader.text(r, 'survey');
    const effectiveDate = t.reader.date(r, 'effectiveDate');
    const percentiles: Percentiles = {};
    let ok = true;
    let prev: { p: number; v: number; key: string } | undefined;
    for (const [key, p] of PERCENTILE_KEYS) {
      if (!t.table.columns.has(key)) continue;
      const v = t.reader.number(r, key);
      if (v === undefined) {
        if (readNumber(r.get(key), 'money').ok === false && !(readNumber(r.get(key), 'money') as { blank: boolean }).blank) ok = false;
        continue;
      }
      if (prev && v < prev.v) {
        problems.push(problem('error', 'percentile-order', `P${p} ${v} is below P${prev.p} ${prev.v}`, { sheet: grid!.sheet, cell: r.address(key) }));
        ok = false;
      }
      prev = { p, v, key };
      percentiles[p] = money(v);
    }
    if (Object.keys(percentiles).length === 0 && ok) {
      problems.push(problem('error', 'no-percentiles', `survey row has no percentile values`, { sheet: grid!.sheet, row: r.row }));
      ok = false;
    }
    const weightRaw = t.table.columns.has('weight') ? t.reader.number(r, 'weight') : undefined;
    const incumbents = t.table.columns.has('incumbents') ? t.reader.number(r, 'incumbents') : undefined;
    if (jobCode === undefined || survey === undefined || effectiveDate === undefined || !ok) continue;
    market.push({ jobCode, survey, effectiveDate, percentiles, weight: money(weightRaw ?? 1), incumbents, ref: refOf(grid!.sheet, r) });
  }
  return { market, table: t.table };
}

function parseEmployees(grid: Grid | undefined, problems: Problem[]) {
  const employees: Employee[] = [];
  const t = rowsOf(grid, EMPLOYEES, 'id', problems);
  if (!t) return { employees };
  // Each ID (upper-cased): its employee's index, and the row it was first on (for a duplicate's message).
  const byId = new Map<string, number>();
  const rowOf: DataRow[] = [];
  const has = (k: string) => t.table.columns.has(k);
  const hasFte = has('fte');
  const [hasName, hasHireDate, hasGender, hasDepartment, hasLocation, hasManagerId, hasRating, hasBonus, hasWeeklyHours, hasSkillLevel, hasCompetencyScore] = [
    'name', 'hireDate', 'gender', 'department', 'location', 'managerId', 'rating', 'bonus', 'weeklyHours', 'skillLevel', 'competencyScore',
  ].map(has);
  const extras = t.table.extras;
  const reader = t.reader;
  // The columns whose values repeat (gender, department, location, manager) hold one string per distinct
  // value, as a workbook's shared strings do: the engine groups and looks up by them many times over.
  const same = sharedText();
  for (const r of t.rows) {
    const id = reader.text(r, 'id');
    const jobCode = reader.text(r, 'jobCode');
    const base = reader.number(r, 'baseSalary');
    let fte = hasFte ? reader.number(r, 'fte') : 1;
    if (hasFte && fte === undefined && readNumber(r.get('fte'), 'number').ok === false && (readNumber(r.get('fte'), 'number') as { blank: boolean }).blank) fte = 1;
    if (fte !== undefined && (fte <= 0 || fte > 1)) {
      problems.push(problem('error', 'bad-fte', `FTE ${fte} must be above 0 and at most 1`, { sheet: grid!.sheet, cell: r.address('fte') }));
      fte = undefined;
    }
    // The optional fields in this order (each may add a problem), before the row can be skipped.
    const name = hasName ? reader.text(r, 'name') : undefined;
    const hireDate = hasHireDate ? reader.date(r, 'hireDate') : undefined;
    const gender = hasGender ? same(reader.text(r, 'gender')) : undefined;
    const department = hasDepartment ? same(reader.text(r, 'department')) : undefined;
    const location = hasLocation ? same(reader.text(r, 'location')) : undefined;
    const managerId = hasManagerId ? same(reader.text(r, 'managerId')) : undefined;
    const rating = hasRating ? reader.number(r, 'rating') : undefined;
    const bonus = hasBonus ? optionalMoney(reader.number(r, 'bonus')) : undefined;
    const weeklyHours = hasWeeklyHours ? reader.number(r, 'weeklyHours') : undefined;
    const skillLevel = hasSkillLevel ? reader.number(r, 'skillLevel') : undefined;
    const competencyScore = hasCompetencyScore ? reader.number(r, 'competencyScore') : undefined;
    if (id === undefined || jobCode === undefined || base === undefined || fte === undefined) continue;
    const key = id.toUpperCase();
    const first = byId.get(key);
    if (first !== undefined) {
      problems.push(problem('error', 'duplicate-key', `employee ID "${id}" is already used at ${grid!.sheet}!${rowOf[first].address('id')}`, { sheet: grid!.sheet, cell: r.address('id') }));
      continue;
    }
    byId.set(key, employees.length);
    rowOf.push(r);
    let extra: Record<string, string | number | null> | undefined;
    if (extras.length > 0) {
      extra = {};
      for (const x of extras) {
        const v = r.extra(x.col);
        extra[x.name] = typeof v === 'number' || typeof v === 'string' ? v : null;
      }
    }
    // Every property, in the order the employee has always had them (one object shape for all).
    employees.push({
      name,
      hireDate,
      gender,
      department,
      location,
      managerId,
      rating,
      bonus,
      weeklyHours,
      skillLevel,
      competencyScore,
      id,
      jobCode,
      baseSalary: money(base),
      fte,
      extra,
      ref: refOf(grid!.sheet, r),
    });
  }
  return { employees, table: t.table, byId };
}

/**
 * Returns each text as the first equal one it was given (undefined as it is): equal texts become one
 * string. Workbooks saved by Excel keep repeated text once (shared strings); inline strings and values
 * read through Office.js come one per cell.
 */
function sharedText(): (text: string | undefined) => string | undefined {
  const first = new Map<string, string>();
  return (text) => {
    if (text === undefined) return text;
    const known = first.get(text);
    if (known !== undefined) return known;
    first.set(text, text);
    return text;
  };
}

function parseAppraisal(grid: Grid | undefined, problems: Problem[]) {
  const appraisal: AppraisalRow[] = [];
  const t = rowsOf(grid, APPRAISAL, 'employeeId', problems);
  if (!t) return { appraisal };
  for (const r of t.rows) {
    const employeeId = t.reader.text(r, 'employeeId');
    const weight = t.reader.number(r, 'weight');
    const score = t.reader.number(r, 'score');
    const objective = t.table.columns.has('objective') ? t.reader.text(r, 'objective') : undefined;
    if (employeeId === undefined || weight === undefined || score === undefined) continue;
    appraisal.push({ employeeId, objective, weight, score, ref: refOf(grid!.sheet, r) });
  }
  return { appraisal, table: t.table };
}

/** Parse every input sheet; never throws on bad data. */
export function parseWorkbook(grids: Map<string, Grid>, sheetOf: Map<string, string>): ParsedWorkbook {
  const problems: Problem[] = [];
  const grid = (key: string) => {
    const name = sheetOf.get(key);
    return name === undefined ? undefined : grids.get(name);
  };
  for (const def of INPUT_SHEETS) {
    if (def.required && !grid(def.key)) {
      problems.push(problem('error', 'missing-sheet', `the workbook has no "${def.name}" sheet (also accepted: ${(def.synonyms ?? []).slice(0, 3).join(', ')})`, { sheet: def.name }));
    }
  }
  const tables = new Map<string, LocatedTable>();
  const { jobs, allCodes, table: jt } = parseJobs(grid('jobs'), problems);
  const { market, table: mt } = parseMarket(grid('market'), problems);
  const { employees, table: et, byId: employeeById } = parseEmployees(grid('employees'), problems);
  const { appraisal, table: at } = parseAppraisal(grid('appraisal'), problems);
  if (jt) tables.set('jobs', jt);
  if (mt) tables.set('market', mt);
  if (et) tables.set('employees', et);
  if (at) tables.set('appraisal', at);

  // Codes match case-insensitively; downstream every reference uses the Jobs sheet's spelling.
  const canonical = new Map(jobs.map((j) => [j.code.toUpperCase(), j.code]));
  const jobCodes = new Set(canonical.keys());
  // A code's upper case is its canonical spelling's upper case too: worked out once per employee.
  const employeeCodes = employees.map((e) => {
    const upper = e.jobCode.toUpperCase();
    e.jobCode = canonical.get(upper) ?? e.jobCode;
    return upper;
  });
  for (const m of market) m.jobCode = canonical.get(m.jobCode.toUpperCase()) ?? m.jobCode;
  if (allCodes && et) {
    const jobCodeColumn = columnLetterOf(et, 'jobCode');
    employees.forEach((e, i) => {
      if (!allCodes.has(employeeCodes[i]) && e.ref) {
        problems.push(problem('error', 'unknown-job', `job code "${e.jobCode}" is not on the ${JOBS.name} sheet`, { sheet: e.ref.sheet, cell: `${jobCodeColumn}${e.ref.row}` }));
      }
    });
  }
  for (const m of market) {
    if (allCodes && !allCodes.has(m.jobCode.toUpperCase()) && m.ref && mt) {
      problems.push(problem('warning', 'unknown-job', `market data for job code "${m.jobCode}", which is not on the ${JOBS.name} sheet, is ignored`, { sheet: m.ref.sheet, cell: `${columnLetterOf(mt, 'jobCode')}${m.ref.row}` }));
    }
  }
  const managers = et && employeeById ? managerLoops(employees, employeeById, et, problems) : undefined;
  const assumptionsRead = readAssumptions(grid('assumptions'), (name) => isStructureParameter(name) || isMeritParameter(name));
  problems.push(...assumptionsRead.problems);
  const structureInputs = parseStructureInputs(grids, sheetOf);
  const settings = readStructureSettings(grid('assumptions'));
  const structure = { inputs: structureInputs, settings, problems: [...structureInputs.problems, ...settings.problems] };
  problems.push(...structure.problems);
  const parsed: ParsedWorkbook = { structure, inputs: { jobs, market: market.filter((m) => jobCodes.has(m.jobCode.toUpperCase())), employees, appraisal, assumptions: assumptionsRead.assumptions }, tables, assumptionsRead, problems };
  if (managers) managerIndices.set(employees, managers);
  parsed.merit = readMerit(grids, sheetOf, parsed);
  problems.push(...parsed.merit.problems);
  return parsed;
}

const columnLetterOf = (t: LocatedTable, key: string): string => columnLetter(t.columns.get(key) ?? 1);

/**
 * Manager IDs that lead back to where they started (E1 → E2 → E1): the reporting lines have no top, and
 * the manager checks would compare people with their own reports. One warning per loop, at the Manager ID
 * cell of its first employee in sheet order. An employee who is their own manager is left to the
 * consistency check, which reports it.
 */
function managerLoops(employees: readonly Employee[], byId: ReadonlyMap<string, number>, table: LocatedTable, problems: Problem[]): Int32Array | undefined {
  if (!table.columns.has('managerId')) return undefined;
  const n = employees.length;
  // Each employee's manager, by index into `employees` (-1: none, or not an employee); `byId` indexes them by upper-cased ID.
  const manager = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const m = employees[i].managerId?.trim().toUpperCase();
    manager[i] = m ? (byId.get(m) ?? -1) : -1;
  }
  // Walk up from each employee not seen yet; a walk that meets its own path has found a loop.
  const OPEN = 1;
  const DONE = 2;
  const state = new Uint8Array(n);
  const positionOnPath = new Int32Array(n);
  const path: number[] = [];
  for (let start = 0; start < n; start++) {
    path.length = 0;
    let e = start;
    while (e >= 0 && state[e] === 0) {
      state[e] = OPEN;
      positionOnPath[e] = path.length;
      path.push(e);
      e = manager[e];
    }
    const from = e >= 0 && state[e] === OPEN ? positionOnPath[e] : -1;
    if (from >= 0 && path.length - from > 1) {
      const loop = path.slice(from).map((i) => employees[i]);
      const first = loop.reduce((a, b) => ((b.ref?.row ?? 0) < (a.ref?.row ?? 0) ? b : a));
      const i = loop.indexOf(first);
      const ids = [...loop.slice(i), ...loop.slice(0, i), first].map((x) => x.id);
      problems.push(
        problem('warning', 'manager-loop', `Manager ID "${first.managerId}" makes a loop in the reporting lines: ${ids.join(' → ')}`, {
          sheet: table.sheet,
          cell: `${columnLetterOf(table, 'managerId')}${first.ref?.row ?? table.firstDataRow}`,
        }),
      );
    }
    for (const x of path) state[x] = DONE;
  }
  return manager;
}
