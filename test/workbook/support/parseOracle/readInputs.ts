/** The parse stage as it was before H5's speed-ups (commit 873d8eb): the oracle of the differential test. */
import { money } from '../../../../src/engine/money';
import { columnLetter } from '../../../../src/workbook/address';
import { problem, type Problem, type SourceRef } from '../../../../src/engine/problem';
import type { AppraisalRow, Employee, Inputs, Job, MarketRow, Percentiles } from '../../../../src/engine/types';
import { readAssumptions, type AssumptionsRead } from '../../../../src/workbook/assumptions';
import { readNumber } from '../../../../src/workbook/cellValue';
import { rowsOf } from './fieldReader';
import { isMeritParameter, matchMeritSheets } from '../../../../src/workbook/layouts/merit/inputs';
import { readMerit, type MeritRead } from '../../../../src/workbook/layouts/merit/step';
import { isStructureParameter, readStructureSettings, type StructureSettingsRead } from '../../../../src/workbook/structureInputs/parameters';
import { matchStructureSheets, parseStructureInputs, type StructureInputs } from '../../../../src/workbook/structureInputs/parse';
import type { Grid, SheetInfo } from '../../../../src/workbook/grid';
import { APPRAISAL, ASSUMPTIONS_SHEET, EMPLOYEES, INPUT_SHEETS, JOBS, MARKET, normalizeHeader, type SheetDef } from '../../../../src/workbook/schema';
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
  const seen = new Map<string, string>();
  const has = (k: string) => t.table.columns.has(k);
  for (const r of t.rows) {
    const id = t.reader.text(r, 'id');
    const jobCode = t.reader.text(r, 'jobCode');
    const base = t.reader.number(r, 'baseSalary');
    let fte = has('fte') ? t.reader.number(r, 'fte') : 1;
    if (has('fte') && fte === undefined && readNumber(r.get('fte'), 'number').ok === false && (readNumber(r.get('fte'), 'number') as { blank: boolean }).blank) fte = 1;
    if (fte !== undefined && (fte <= 0 || fte > 1)) {
      problems.push(problem('error', 'bad-fte', `FTE ${fte} must be above 0 and at most 1`, { sheet: grid!.sheet, cell: r.address('fte') }));
      fte = undefined;
    }
    const e: Partial<Employee> = {
      name: has('name') ? t.reader.text(r, 'name') : undefined,
      hireDate: has('hireDate') ? t.reader.date(r, 'hireDate') : undefined,
      gender: has('gender') ? t.reader.text(r, 'gender') : undefined,
      department: has('department') ? t.reader.text(r, 'department') : undefined,
      location: has('location') ? t.reader.text(r, 'location') : undefined,
      managerId: has('managerId') ? t.reader.text(r, 'managerId') : undefined,
      rating: has('rating') ? t.reader.number(r, 'rating') : undefined,
      bonus: has('bonus') ? optionalMoney(t.reader.number(r, 'bonus')) : undefined,
      weeklyHours: has('weeklyHours') ? t.reader.number(r, 'weeklyHours') : undefined,
      skillLevel: has('skillLevel') ? t.reader.number(r, 'skillLevel') : undefined,
      competencyScore: has('competencyScore') ? t.reader.number(r, 'competencyScore') : undefined,
    };
    if (id === undefined || jobCode === undefined || base === undefined || fte === undefined) continue;
    const key = id.toUpperCase();
    if (seen.has(key)) {
      problems.push(problem('error', 'duplicate-key', `employee ID "${id}" is already used at ${seen.get(key)}`, { sheet: grid!.sheet, cell: r.address('id') }));
      continue;
    }
    seen.set(key, `${grid!.sheet}!${r.address('id')}`);
    let extra: Record<string, string | number | null> | undefined;
    if (t.table.extras.length > 0) {
      extra = {};
      for (const x of t.table.extras) {
        const v = r.extra(x.col);
        extra[x.name] = typeof v === 'number' || typeof v === 'string' ? v : null;
      }
    }
    employees.push({ ...e, id, jobCode, baseSalary: money(base), fte, extra, ref: refOf(grid!.sheet, r) } as Employee);
  }
  return { employees, table: t.table };
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
  const { employees, table: et } = parseEmployees(grid('employees'), problems);
  const { appraisal, table: at } = parseAppraisal(grid('appraisal'), problems);
  if (jt) tables.set('jobs', jt);
  if (mt) tables.set('market', mt);
  if (et) tables.set('employees', et);
  if (at) tables.set('appraisal', at);

  // Codes match case-insensitively; downstream every reference uses the Jobs sheet's spelling.
  const canonical = new Map(jobs.map((j) => [j.code.toUpperCase(), j.code]));
  const jobCodes = new Set(canonical.keys());
  for (const e of employees) e.jobCode = canonical.get(e.jobCode.toUpperCase()) ?? e.jobCode;
  for (const m of market) m.jobCode = canonical.get(m.jobCode.toUpperCase()) ?? m.jobCode;
  for (const e of employees) {
    if (allCodes && !allCodes.has(e.jobCode.toUpperCase()) && e.ref && et) {
      problems.push(problem('error', 'unknown-job', `job code "${e.jobCode}" is not on the ${JOBS.name} sheet`, { sheet: e.ref.sheet, cell: `${columnLetterOf(et, 'jobCode')}${e.ref.row}` }));
    }
  }
  for (const m of market) {
    if (allCodes && !allCodes.has(m.jobCode.toUpperCase()) && m.ref && mt) {
      problems.push(problem('warning', 'unknown-job', `market data for job code "${m.jobCode}", which is not on the ${JOBS.name} sheet, is ignored`, { sheet: m.ref.sheet, cell: `${columnLetterOf(mt, 'jobCode')}${m.ref.row}` }));
    }
  }
  if (et) managerLoops(employees, et, problems);
  const assumptionsRead = readAssumptions(grid('assumptions'), (name) => isStructureParameter(name) || isMeritParameter(name));
  problems.push(...assumptionsRead.problems);
  const structureInputs = parseStructureInputs(grids, sheetOf);
  const settings = readStructureSettings(grid('assumptions'));
  const structure = { inputs: structureInputs, settings, problems: [...structureInputs.problems, ...settings.problems] };
  problems.push(...structure.problems);
  const parsed: ParsedWorkbook = { structure, inputs: { jobs, market: market.filter((m) => jobCodes.has(m.jobCode.toUpperCase())), employees, appraisal, assumptions: assumptionsRead.assumptions }, tables, assumptionsRead, problems };
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
function managerLoops(employees: readonly Employee[], table: LocatedTable, problems: Problem[]): void {
  if (!table.columns.has('managerId')) return;
  const byId = new Map(employees.map((e) => [e.id.toUpperCase(), e]));
  const state = new Map<Employee, 'open' | 'done'>();
  for (const start of employees) {
    const path: Employee[] = [];
    let e: Employee | undefined = start;
    while (e && !state.has(e)) {
      state.set(e, 'open');
      path.push(e);
      const m: string | undefined = e.managerId?.trim().toUpperCase();
      e = m ? byId.get(m) : undefined;
    }
    const from = e && state.get(e) === 'open' ? path.indexOf(e) : -1;
    const loop = from >= 0 ? path.slice(from) : [];
    if (loop.length > 1) {
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
    for (const x of path) state.set(x, 'done');
  }
}
