import type Decimal from 'decimal.js';
import { defaultMeritOptions, type MeritGuidelines, type MeritOptions } from '../../../engine/merit';
import { problem, type Problem, type Where } from '../../../engine/problem';
import type { Assumptions, Employee } from '../../../engine/types';
import { parseParameter, type ParamDef } from '../../assumptions';
import { absAddress, cellAddress, quoteSheet } from '../../address';
import { isBlank, parseNumberText, readFlag, readNumber } from '../../cellValue';
import { rowsOf } from '../../fieldReader';
import { isExcelError, type Grid, type GridValue, type SheetInfo } from '../../grid';
import { normalizeHeader, type SheetDef } from '../../schema';
import type { DefinedName } from '../../sheetSpec';
import type { LocatedTable } from '../../sheetTable';

/*
 * The merit step's inputs beyond the core sheets: the `Merit Guidelines` matrix, `Bonus Targets` and
 * `Bonus Multipliers`, the Employees sheet's optional `Merit Override %` and `Merit Eligible` columns,
 * and the merit parameters of the `Assumptions` sheet that the core parameter table does not hold yet.
 */

export const MERIT_GUIDELINES_SHEET = { key: 'meritGuidelines', name: 'Merit Guidelines', synonyms: ['Merit Guide Chart', 'Guide Chart', 'Merit Grid', 'Merit Guidelines Matrix'] };

export const BONUS_TARGETS: SheetDef = {
  key: 'bonusTargets',
  name: 'Bonus Targets',
  synonyms: ['Bonus Target', 'Target Bonus', 'Bonus Targets by Grade'],
  required: false,
  columns: [
    { key: 'grade', name: 'Grade', kind: 'integer', required: true, positive: true, synonyms: ['Pay Grade', 'Salary Grade'] },
    { key: 'targetPct', name: 'Target %', kind: 'percent', required: true, nonNegative: true, synonyms: ['Target', 'Target Bonus', 'Target Bonus %', 'Bonus Target', 'Bonus %'] },
  ],
};

export const BONUS_MULTIPLIERS: SheetDef = {
  key: 'bonusMultipliers',
  name: 'Bonus Multipliers',
  synonyms: ['Rating Multipliers', 'Bonus Multiplier', 'Performance Multipliers'],
  required: false,
  columns: [
    { key: 'rating', name: 'Rating', kind: 'integer', required: true, positive: true, synonyms: ['Performance Rating'] },
    { key: 'multiplier', name: 'Multiplier', kind: 'number', required: true, nonNegative: true, synonyms: ['Bonus Multiplier', 'Factor', 'Payout %'] },
  ],
};

/** The merit input sheets present in a workbook (user sheets only), by key: meritGuidelines, bonusTargets, bonusMultipliers. */
export function matchMeritSheets(sheets: readonly SheetInfo[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const def of [MERIT_GUIDELINES_SHEET, BONUS_TARGETS, BONUS_MULTIPLIERS]) {
    const wanted = [def.name, ...(def.synonyms ?? [])].map(normalizeHeader);
    const hit = sheets.find((s) => !s.owned && wanted.includes(normalizeHeader(s.name)));
    if (hit) found.set(def.key, hit.name);
  }
  return found;
}

// ---- Merit Guidelines ---------------------------------------------------------------------------

const RATING_HEADERS = new Set(['rating', 'performancerating', 'performance', 'ratings'].map(normalizeHeader));

const at = (grid: Grid, r: number, c: number): GridValue => {
  const row = grid.rows[r - grid.top];
  const v = row ? row[c - grid.left] : undefined;
  return v === undefined ? null : v;
};

/**
 * `Merit Guidelines`: a header row whose first cell is Rating, one column per zone (any labels), then one
 * row per rating with the guideline %. Cells are fractions (5% formatted) or percentage points (5): when
 * any cell is above 1 the plain numbers are read as points. A blank cell is 0%.
 */
export function parseMeritGuidelines(grid: Grid | undefined): { guidelines?: MeritGuidelines; labels?: string[]; problems: Problem[] } {
  const problems: Problem[] = [];
  if (!grid) return { problems };
  // A reduce, not Math.max(...rows): a sheet used down to row 1,048,576 has too many rows to spread as arguments.
  const width = grid.rows.reduce((w, r) => Math.max(w, r.length), 0);
  const right = grid.left + width - 1;
  const bottom = grid.top + grid.rows.length - 1;
  let headerRow: number | undefined;
  let ratingCol = grid.left;
  for (let r = grid.top; r <= Math.min(bottom, grid.top + 29) && headerRow === undefined; r++) {
    for (let c = grid.left; c <= right; c++) {
      const v = at(grid, r, c);
      if (typeof v === 'string' && RATING_HEADERS.has(normalizeHeader(v))) {
        headerRow = r;
        ratingCol = c;
        break;
      }
      if (!isBlank(v)) break;
    }
  }
  if (headerRow === undefined) {
    problems.push(problem('error', 'no-header', 'no header row found: the first column must be headed Rating, then one column per compa-ratio zone', { sheet: grid.sheet }));
    return { problems };
  }
  const zoneCols: number[] = [];
  const labels: string[] = [];
  for (let c = ratingCol + 1; c <= right; c++) {
    const v = at(grid, headerRow, c);
    if (isBlank(v)) continue;
    zoneCols.push(c);
    labels.push(String(v).trim());
  }
  if (zoneCols.length === 0) {
    problems.push(problem('error', 'no-zone-columns', 'the header has no zone columns after Rating', { sheet: grid.sheet, row: headerRow }));
    return { problems };
  }
  const raw: { row: number; rating: number; cells: (number | { text: number; pct: boolean })[] }[] = [];
  for (let r = headerRow + 1; r <= bottom; r++) {
    const rv = at(grid, r, ratingCol);
    if (isBlank(rv) && zoneCols.every((c) => isBlank(at(grid, r, c)))) continue;
    const rating = readNumber(rv, 'number');
    if (!rating.ok) {
      problems.push(problem('error', 'bad-value', `Rating ${rating.blank ? 'is required' : rating.reason}`, { sheet: grid.sheet, cell: cellAddress(r, ratingCol) }));
      continue;
    }
    const cells: (number | { text: number; pct: boolean })[] = [];
    let ok = true;
    for (const c of zoneCols) {
      const v = at(grid, r, c);
      if (isBlank(v)) cells.push(0);
      else if (typeof v === 'number' && Number.isFinite(v)) cells.push(v);
      else if (typeof v === 'string' && !isExcelError(v) && parseNumberText(v) !== undefined) cells.push({ text: parseNumberText(v)!, pct: v.includes('%') });
      else {
        problems.push(problem('error', 'bad-value', `guideline ${typeof v === 'string' ? `"${v}"` : isExcelError(v) ? v.error : String(v)} is not a percentage`, { sheet: grid.sheet, cell: cellAddress(r, c) }));
        ok = false;
      }
    }
    if (ok) raw.push({ row: r, rating: rating.value, cells });
  }
  if (raw.length === 0) {
    problems.push(problem('error', 'empty-sheet', 'Merit Guidelines has a header but no rating rows', { sheet: grid.sheet }));
    return { problems };
  }
  // Percentage points when any plain number is above 1 (a 5 means 5%); "%" text is always a percentage.
  const points = raw.some((x) => x.cells.some((c) => (typeof c === 'number' ? c > 1 : !c.pct && c.text > 1)));
  const asFraction = (c: number | { text: number; pct: boolean }) => (typeof c === 'number' ? (points ? c / 100 : c) : c.pct ? c.text : points ? c.text / 100 : c.text);
  return {
    guidelines: {
      ratings: raw.map((x) => x.rating),
      cells: raw.map((x) => x.cells.map((c) => Number(asFraction(c).toPrecision(15)))),
      source: 'sheet',
      where: { sheet: grid.sheet, rows: raw.map((x) => x.row) },
    },
    labels,
    problems,
  };
}

// ---- Bonus Targets and Multipliers ----------------------------------------------------------------

/** `Bonus Targets`: Grade → Target % (a fraction). Undefined when the sheet is absent. */
export function parseBonusTargets(grid: Grid | undefined, problems: Problem[]): Map<number, number> | undefined {
  return parsePairs(grid, BONUS_TARGETS, 'grade', 'targetPct', problems);
}

/** `Bonus Multipliers`: Rating → multiplier. Undefined when the sheet is absent. */
export function parseBonusMultipliers(grid: Grid | undefined, problems: Problem[]): Map<number, number> | undefined {
  return parsePairs(grid, BONUS_MULTIPLIERS, 'rating', 'multiplier', problems);
}

function parsePairs(grid: Grid | undefined, def: SheetDef, keyCol: string, valueCol: string, problems: Problem[]): Map<number, number> | undefined {
  const t = rowsOf(grid, def, keyCol, problems);
  if (!t) return undefined;
  const out = new Map<number, number>();
  for (const r of t.rows) {
    const k = t.reader.number(r, keyCol);
    const v = t.reader.number(r, valueCol);
    if (k === undefined || v === undefined) continue;
    if (out.has(k)) {
      problems.push(problem('error', 'duplicate-key', `${def.columns[0].name.toLowerCase()} ${k} is given twice`, { sheet: grid!.sheet, cell: r.address(keyCol) }));
      continue;
    }
    out.set(k, v);
  }
  return out;
}

// ---- Employees: Merit Override % and Merit Eligible ----------------------------------------------

const OVERRIDE_HEADERS = ['Merit Override %', 'Merit Override', 'Override %', 'Override', 'Manager Override %'].map(normalizeHeader);
const ELIGIBLE_HEADERS = ['Merit Eligible', 'Eligible For Merit', 'Merit Eligibility', 'Eligible'].map(normalizeHeader);

/**
 * The optional Employees columns `Merit Override %` (the manager's merit %, replacing the matrix cell)
 * and `Merit Eligible` (Y/N; N excludes), kept by the Employees parser as extra columns.
 */
export function meritColumnsFromEmployees(
  employees: readonly Employee[],
  table?: LocatedTable,
): { overrides: Map<string, number>; eligibility: Map<string, boolean>; problems: Problem[] } {
  const overrides = new Map<string, number>();
  const eligibility = new Map<string, boolean>();
  const problems: Problem[] = [];
  const colOf = (name: string) => table?.extras.find((x) => x.name === name)?.col;
  for (const e of employees) {
    for (const [name, v] of Object.entries(e.extra ?? {})) {
      const n = normalizeHeader(name);
      const where: Where | undefined = e.ref ? (colOf(name) ? { sheet: e.ref.sheet, cell: cellAddress(e.ref.row, colOf(name)!) } : { sheet: e.ref.sheet, row: e.ref.row }) : undefined;
      if (v === null || isBlank(v)) continue;
      if (OVERRIDE_HEADERS.includes(n)) {
        const r = readNumber(v, 'percent');
        if (!r.ok) problems.push(problem('error', 'bad-value', `${name} ${r.blank ? 'is blank' : r.reason}`, where));
        else if (r.value < 0 || r.value > 1) problems.push(problem('error', 'bad-value', `${name} ${+(r.value * 100).toFixed(4)}% must be from 0% to 100%`, where));
        else overrides.set(e.id, r.value);
      } else if (ELIGIBLE_HEADERS.includes(n)) {
        const r = readFlag(v);
        if (!r.ok) problems.push(problem('error', 'bad-value', `${name} ${r.blank ? 'is blank' : r.reason}`, where));
        else eligibility.set(e.id, r.value);
      }
    }
  }
  return { overrides, eligibility, problems };
}

// ---- Merit parameters of the Assumptions sheet ---------------------------------------------------

type MeritParamKind = 'choice' | 'percent' | 'money' | 'date' | 'shares' | 'scale' | 'integer' | 'number';

/** A merit parameter of the Assumptions sheet, declared as data like the core PARAMETERS table. */
export interface MeritParamDef {
  key: keyof MeritOptions;
  name: string;
  definedName: string;
  kind: MeritParamKind;
  choices?: string[];
  /** Default as the sheet shows it; null: blank (derived, or off). */
  defaultValue: string | number | null;
  min?: number;
  max?: number;
  synonyms?: string[];
  description: string;
  format?: string;
  /** True when sheet formulas cite the defined name (it must then always exist). */
  cited?: boolean;
}

export const MERIT_PARAMETERS: MeritParamDef[] = [
  { key: 'zoneBasis', name: 'Zone Basis', definedName: 'ZoneBasis', kind: 'choice', choices: ['Compa Ratio', 'Quartile'], defaultValue: 'Compa Ratio', description: 'Merit matrix columns: compa-ratio zones (Compa Zones) or range quartiles by penetration (25/50/75%).' },
  { key: 'matrixRounding', name: 'Matrix Rounding', definedName: 'MatrixRounding', kind: 'percent', defaultValue: 0.001, min: 0, max: 0.05, format: '0.00%', cited: true, description: 'Calibrated merit cells are shown rounded to this multiple (0.1% by default; 0 = unrounded); the rounding\'s cost is reported.' },
  { key: 'meritBudgetAmount', name: 'Merit Budget Amount', definedName: 'MeritBudgetAmount', kind: 'money', defaultValue: null, format: '#,##0', description: 'Merit budget as an amount; when set it replaces Merit Budget × eligible payroll.' },
  { key: 'catchUpFunding', name: 'Catch Up Funding', definedName: 'CatchUpFunding', kind: 'choice', choices: ['Outside Budget', 'Inside Budget'], defaultValue: 'Outside Budget', cited: true, description: 'Inside Budget: catch-up to minimum is paid from the merit budget (lowering the factor); Outside Budget: on top of it.' },
  { key: 'eligibilityCutoff', name: 'Merit Eligibility Cutoff', definedName: 'MeritEligibilityCutoff', kind: 'date', defaultValue: null, format: 'yyyy-mm-dd', synonyms: ['Eligibility Cutoff'], description: 'People hired on or after this date get no merit increase and leave eligible payroll. Blank: no cutoff.' },
  { key: 'targetDistribution', name: 'Target Distribution', definedName: 'TargetDistribution', kind: 'shares', defaultValue: '5/20/50/20/5', synonyms: ['Rating Distribution'], description: 'Wanted share of employees per rating, rating 1 first (e.g. 5/20/50/20/5), shown against the actual distribution.' },
  { key: 'budgetScenarios', name: 'Budget Scenarios', definedName: 'BudgetScenarios', kind: 'shares', defaultValue: null, synonyms: ['Scenarios'], description: 'Merit budgets compared side by side on the Budget sheet (e.g. 3%; 3.5%; 4%). Blank: Merit Budget ± 0.5%.' },
  { key: 'scoreScale', name: 'Score Scale', definedName: 'ScoreScale', kind: 'scale', defaultValue: null, description: 'Lowest and highest appraisal score (e.g. 1-5). Blank: 1 to Rating Scale. Scores outside it are errors.' },
  { key: 'outlierMinReports', name: 'Calibration Min Reports', definedName: 'CalibrationMinReports', kind: 'integer', defaultValue: 3, min: 1, cited: true, description: 'Managers with fewer rated reports are never flagged as lenient or harsh.' },
  { key: 'outlierZ', name: 'Calibration Z', definedName: 'CalibrationZ', kind: 'number', defaultValue: 1.96, min: 0, cited: true, description: 'A manager whose mean rating is this many standard errors above (below) everyone\'s is flagged Lenient (Harsh).' },
  { key: 'bonusRounding', name: 'Bonus Rounding', definedName: 'BonusRounding', kind: 'number', defaultValue: 1, min: 0, format: '#,##0.00', cited: true, description: 'Bonus amounts are rounded to this multiple; the difference from the pool is shown.' },
];

export interface MeritOptionsRead {
  options: MeritOptions;
  /** Parameter key → the user's Assumptions cell holding a usable number (formulas may cite it). */
  cells: Map<keyof MeritOptions, { row: number; col: number }>;
  sheetName?: string;
  problems: Problem[];
}

const byName = new Map<string, MeritParamDef>();
for (const p of MERIT_PARAMETERS) for (const n of [p.name, p.definedName, ...(p.synonyms ?? [])]) byName.set(normalizeHeader(n), p);

/** Whether an Assumptions row names a merit parameter (so the core reader need not warn about it). */
export const isMeritParameter = (name: string): boolean => byName.has(normalizeHeader(name));

type Parsed = { ok: true; value: unknown; numeric: boolean } | { ok: false; reason: string };

/** Shares or percentages: "5/20/50/20/5", "3%; 3.5%; 4%", "0.03 0.035": when any plain number is above 1 all are points. */
function parseShares(v: GridValue): number[] | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? [v > 1 ? v / 100 : v] : undefined;
  if (typeof v !== 'string') return undefined;
  const parts = v.split(/[;/|\s]+|,(?!\d{3}\b)/).map((s) => s.trim()).filter(Boolean);
  if (parts.length === 0) return undefined;
  const nums = parts.map((s) => ({ n: parseNumberText(s), pct: s.includes('%') }));
  if (nums.some((x) => x.n === undefined)) return undefined;
  const points = nums.some((x) => !x.pct && x.n! > 1);
  return nums.map((x) => Number((x.pct ? x.n! : points ? x.n! / 100 : x.n!).toPrecision(15)));
}

function parseMeritParameter(def: MeritParamDef, v: GridValue): Parsed {
  if (isExcelError(v)) return { ok: false, reason: `holds the error ${v.error}` };
  switch (def.kind) {
    case 'choice': {
      const s = normalizeHeader(String(v));
      // Accept the first word alone: "Inside", "Quartile", "Compa".
      const hit = def.choices!.find((c) => normalizeHeader(c) === s || (s.length > 0 && normalizeHeader(c).startsWith(s)));
      return hit ? { ok: true, value: hit, numeric: false } : { ok: false, reason: `"${String(v)}" is not one of ${def.choices!.join(', ')}` };
    }
    case 'percent':
    case 'integer':
    case 'number':
    case 'money':
    case 'date': {
      // The kinds the Assumptions sheet shares: one parser for all of them.
      const r = parseParameter(def as unknown as ParamDef, v);
      return r.ok ? { ok: true, value: r.value, numeric: typeof v === 'number' } : r;
    }
    case 'shares': {
      const s = parseShares(v);
      if (!s || s.some((x) => x < 0)) return { ok: false, reason: `"${String(v)}" is not a list of percentages (e.g. 5/20/50/20/5 or 3%; 3.5%; 4%)` };
      return { ok: true, value: s, numeric: false };
    }
    case 'scale': {
      const m = typeof v === 'string' ? /^\s*(-?[\d.,]+)\s*(?:-|–|—|to)\s*(-?[\d.,]+)\s*$/i.exec(v) : null;
      const lo = m ? parseNumberText(m[1]) : undefined;
      const hi = m ? parseNumberText(m[2]) : undefined;
      if (lo === undefined || hi === undefined || !(lo < hi)) return { ok: false, reason: `"${String(v)}" is not a score range (e.g. 1-5)` };
      return { ok: true, value: { min: lo, max: hi }, numeric: false };
    }
  }
}

/** Read the merit parameters from the Assumptions grid (Parameter | Value rows); defaults for the rest. */
export function readMeritOptions(grid: Grid | undefined, a: Pick<Assumptions, 'meritBudget' | 'ratingScale'>): MeritOptionsRead {
  const options = defaultMeritOptions(a);
  const cells = new Map<keyof MeritOptions, { row: number; col: number }>();
  const problems: Problem[] = [];
  if (!grid) return { options, cells, problems };
  const target = options as unknown as Record<string, unknown>;
  const seen = new Set<string>();
  for (let i = 0; i < grid.rows.length; i++) {
    const row = grid.top + i;
    const cols = grid.rows[i];
    const nameIdx = cols.findIndex((v) => typeof v === 'string' && v.trim() !== '');
    if (nameIdx < 0) continue;
    const def = byName.get(normalizeHeader(cols[nameIdx] as string));
    if (!def || seen.has(def.key)) continue;
    seen.add(def.key);
    const value = cols[nameIdx + 1] ?? null;
    if (isBlank(value)) {
      if (def.defaultValue === null || def.key === 'targetDistribution') delete target[def.key];
      continue;
    }
    const parsed = parseMeritParameter(def, value);
    const where = { sheet: grid.sheet, cell: cellAddress(row, grid.left + nameIdx + 1) };
    if (!parsed.ok) {
      problems.push(problem('error', 'bad-parameter', `${def.name} ${parsed.reason}`, where));
      continue;
    }
    target[def.key] = parsed.value;
    if (parsed.numeric) cells.set(def.key, { row, col: grid.left + nameIdx + 1 });
  }
  if (!seen.has('budgetScenarios') || options.budgetScenarios === undefined) options.budgetScenarios = defaultMeritOptions(a).budgetScenarios;
  return { options, cells, sheetName: grid.sheet, problems };
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * Defined names for the merit parameters the sheet formulas cite (MatrixRounding, CatchUpFunding,
 * CalibrationMinReports, CalibrationZ, BonusRounding, and MeritBudgetAmount when set): the user's cell when
 * it holds a number, else a named constant with the value in force.
 */
export function meritParameterNames(read: MeritOptionsRead): DefinedName[] {
  const o = read.options as unknown as Record<string, unknown>;
  const out: DefinedName[] = [];
  for (const p of MERIT_PARAMETERS) {
    const cited = p.cited || (p.key === 'meritBudgetAmount' && read.options.meritBudgetAmount !== undefined);
    if (!cited) continue;
    const cell = read.cells.get(p.key);
    if (cell && read.sheetName) {
      out.push({ name: p.definedName, ref: `${quoteSheet(read.sheetName)}!${absAddress(cell.row, cell.col)}` });
      continue;
    }
    const v = o[p.key];
    out.push({ name: p.definedName, ref: typeof v === 'number' ? String(v) : typeof v === 'object' && v !== null ? String(v as Decimal) : quote(String(v)) });
  }
  return out;
}
