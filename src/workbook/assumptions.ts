import { problem, type Problem } from '../engine/problem';
import type { Assumptions, CalendarDate } from '../engine/types';
import { money } from '../engine/money';
import { absAddress, cellAddress, quoteSheet } from './address';
import { isBlank, parseNumberText, readDate, readNumber } from './cellValue';
import { dateToSerial, formatIsoDate } from './dates';
import { isExcelError, type Grid, type GridValue } from './grid';
import { normalizeHeader, ASSUMPTIONS_SHEET } from './schema';
import type { DefinedName, SheetSpec, SpecCell } from './sheetSpec';

type ParamKind = 'choice' | 'number' | 'integer' | 'percent' | 'date' | 'text' | 'spread' | 'list' | 'flag' | 'money';

/** One `Assumptions` parameter: its name in the sheet, its defined name, kind, default and meaning. */
export interface ParamDef {
  key: keyof Assumptions;
  name: string;
  definedName: string;
  kind: ParamKind;
  choices?: string[];
  /** Default as the sheet shows it. */
  defaultValue: string | number | null;
  min?: number;
  max?: number;
  synonyms?: string[];
  description: string;
  /** Number format for the value cell. */
  format?: string;
}

export const DEFAULT_EFFECTIVE_DATE: CalendarDate = { year: 2026, month: 1, day: 1 };

/** Every parameter, declared as data. Order is the order of the sheet the add-in writes. */
export const PARAMETERS: ParamDef[] = [
  { key: 'paySystem', name: 'Pay System', definedName: 'PaySystem', kind: 'choice', choices: ['Post', 'Skill', 'Ability'], defaultValue: 'Post', description: 'Post: grade follows the job evaluation points; Skill / Ability: the person\'s skill level or competency score.' },
  { key: 'currency', name: 'Currency', definedName: 'Currency', kind: 'text', defaultValue: 'USD', description: 'ISO code of the currency all amounts are in.' },
  { key: 'effectiveDate', name: 'Effective Date', definedName: 'EffectiveDate', kind: 'date', defaultValue: dateToSerial(DEFAULT_EFFECTIVE_DATE), format: 'yyyy-mm-dd', description: 'Date the structure takes effect; survey data is aged to it.' },
  { key: 'agingRate', name: 'Aging Rate', definedName: 'AgingRate', kind: 'percent', defaultValue: 0.03, min: -0.5, max: 1, format: '0.0%', description: 'Annual market movement used to age survey data.' },
  { key: 'agingMethod', name: 'Aging Method', definedName: 'AgingMethod', kind: 'choice', choices: ['Simple', 'Compound'], defaultValue: 'Simple', description: 'Simple: × (1 + rate × months/12); Compound: × (1 + rate)^(months/12).' },
  { key: 'marketPercentile', name: 'Market Percentile', definedName: 'MarketPercentile', kind: 'number', defaultValue: 50, min: 1, max: 99, description: 'Target percentile; unpublished percentiles are interpolated between the nearest published ones.' },
  { key: 'marketPosition', name: 'Market Position', definedName: 'MarketPosition', kind: 'percent', defaultValue: 0, min: -0.5, max: 1, format: '0.0%', description: 'Lead (+) or lag (−) against the market: policy rate = market rate × (1 + position).' },
  { key: 'payLine', name: 'Pay Line', definedName: 'PayLineModel', kind: 'choice', choices: ['Linear', 'Exponential', 'Power'], defaultValue: 'Exponential', description: 'Regression of policy rates on points: Linear, Exponential (ln rate = a + b·points) or Power (ln rate = a + b·ln points).' },
  { key: 'grades', name: 'Grades', definedName: 'GradeCount', kind: 'integer', defaultValue: 10, min: 1, max: 60, synonyms: ['Number of Grades', 'Grade Count'], description: 'Number of pay grades.' },
  { key: 'gradeBands', name: 'Grade Bands', definedName: 'GradeBands', kind: 'choice', choices: ['Equal', 'Geometric', 'Custom'], defaultValue: 'Equal', description: 'Point bands of equal width, widening geometrically, or Custom: the bands of the Grade Bands sheet.' },
  { key: 'rangeSpread', name: 'Range Spread', definedName: 'RangeSpread', kind: 'spread', defaultValue: 0.5, format: '0%', description: 'Range spread (max − min) / min: one % for every grade, or "low-high" (e.g. 40%-60%) rising from grade 1 to the top grade.' },
  { key: 'rounding', name: 'Rounding', definedName: 'RoundingMultiple', kind: 'number', defaultValue: 100, min: 0.01, synonyms: ['Round To'], description: 'Midpoints, minimums and maximums are rounded to this multiple (half away from zero).' },
  { key: 'slottingTolerance', name: 'Slotting Tolerance', definedName: 'SlottingTolerance', kind: 'percent', defaultValue: 0.1, min: 0, max: 1, format: '0%', description: 'A job whose market rate is more than this above or below its grade midpoint is flagged.' },
  { key: 'meritBudget', name: 'Merit Budget', definedName: 'MeritBudget', kind: 'percent', defaultValue: 0.03, min: 0, max: 1, format: '0.0%', description: 'Merit budget as a % of eligible payroll (Σ base × FTE).' },
  { key: 'ratingScale', name: 'Rating Scale', definedName: 'RatingScale', kind: 'integer', defaultValue: 5, min: 2, max: 10, description: 'Highest rating; ratings run from 1 to this.' },
  { key: 'ratingThresholds', name: 'Rating Thresholds', definedName: 'RatingThresholds', kind: 'list', defaultValue: '1.5; 2.5; 3.5; 4.5', description: 'Appraisal score thresholds, ascending: a score at or above the k-th threshold earns rating k + 1.' },
  { key: 'compaZones', name: 'Compa Zones', definedName: 'CompaZones', kind: 'list', defaultValue: '0.9; 1.0; 1.1', description: 'Compa-ratio zone boundaries, ascending: zone 1 below the first, the last zone at or above the last.' },
  { key: 'aboveMaximum', name: 'Above Maximum', definedName: 'AboveMaximum', kind: 'choice', choices: ['Lump Sum', 'Cap'], defaultValue: 'Lump Sum', description: 'Increase above the range maximum: paid once as a lump sum, or forfeited (cap).' },
  { key: 'catchUpToMinimum', name: 'Catch Up To Minimum', definedName: 'CatchUpToMinimum', kind: 'flag', defaultValue: 'N', description: 'Y: raise employees below their range minimum to it.' },
  { key: 'prorationStart', name: 'Proration Start', definedName: 'ProrationStart', kind: 'date', defaultValue: null, format: 'yyyy-mm-dd', description: 'Start of the review period; people hired after it get a prorated increase (months / 12). Blank: no proration.' },
  { key: 'bonusPool', name: 'Bonus Pool', definedName: 'BonusPool', kind: 'money', defaultValue: null, format: '#,##0', description: 'Amount to distribute as bonus. Blank: no bonus plan.' },
  { key: 'payGapThreshold', name: 'Pay Gap Threshold', definedName: 'PayGapThreshold', kind: 'percent', defaultValue: 0.05, min: 0, max: 1, format: '0.0%', description: 'Gender pay gap at or above which a category is flagged (EU Directive 2023/970, Art. 10).' },
  { key: 'equityControls', name: 'Equity Controls', definedName: 'EquityControls', kind: 'text', defaultValue: 'Grade; Job Family; Tenure; Rating; Location; FTE', description: 'Controls of the adjusted gender pay gap regression: Grade (or Points), Job Family, Tenure, Rating, Location, FTE and any Employees column (text columns enter as categories; Name^2 adds a square).' },
  { key: 'minimumGroupSize', name: 'Minimum Group Size', definedName: 'MinGroupSize', kind: 'integer', defaultValue: 5, min: 1, max: 1000, description: 'A pay figure over fewer women or men than this is shown as suppressed, to protect privacy.' },
  { key: 'payCategories', name: 'Pay Categories', definedName: 'PayCategories', kind: 'text', defaultValue: 'Grade', description: 'The category of workers for the EU Art. 9(1)(g) gaps: Grade, Job Family, Department, Location or an Employees column.' },
  { key: 'fullTimeHours', name: 'Full Time Hours', definedName: 'FullTimeHours', kind: 'number', defaultValue: 40, min: 1, max: 80, description: 'Weekly hours of a full-time employee, used when Weekly Hours is blank (hours = FTE × this).' },
  { key: 'remediationMethod', name: 'Remediation Method', definedName: 'RemediationMethod', kind: 'choice', choices: ['Regression', 'Compa-Ratio'], defaultValue: 'Regression', description: 'Cost to close flagged gaps: raise each underpaid member of the disadvantaged gender to the pay the model predicts for them as the other gender, or to the other gender\'s mean compa-ratio.' },
  { key: 'progressionTarget', name: 'Progression Target', definedName: 'ProgressionTarget', kind: 'percent', defaultValue: null, min: 0, max: 2, format: '0.0%', description: 'Target midpoint progression for the consistency check. Blank: the structure\'s even progression.' },
  { key: 'progressionTolerance', name: 'Progression Tolerance', definedName: 'ProgressionTolerance', kind: 'percent', defaultValue: 0.05, min: 0, max: 1, format: '0.0%', description: 'A midpoint progression further than this from the target is a warning.' },
  { key: 'maxOverlap', name: 'Maximum Overlap', definedName: 'MaxOverlap', kind: 'percent', defaultValue: 0.5, min: -1, max: 1, format: '0%', description: 'Overlap between adjacent ranges above this is a warning.' },
  { key: 'minOverlap', name: 'Minimum Overlap', definedName: 'MinOverlap', kind: 'percent', defaultValue: 0, min: -1, max: 1, format: '0%', description: 'Overlap below this is a warning (below 0%: a gap between ranges).' },
  { key: 'minRankCorrelation', name: 'Minimum Rank Correlation', definedName: 'MinRankCorrelation', kind: 'number', defaultValue: 0.9, min: -1, max: 1, description: 'Spearman rank correlation of job points and market rates below this is a warning.' },
  { key: 'compressionMargin', name: 'Compression Margin', definedName: 'CompressionMargin', kind: 'percent', defaultValue: 0.05, min: 0, max: 1, format: '0%', description: 'Employees paid within this margin below their manager (or above) are flagged.' },
  { key: 'circleThreshold', name: 'Circle Threshold', definedName: 'CircleThreshold', kind: 'percent', defaultValue: 0.05, min: 0, max: 1, format: '0%', description: 'A grade whose share of red or green circles exceeds this is a warning.' },
];

/** The assumptions as read: typed values plus where each came from (for formulas and messages). */
export interface AssumptionsRead {
  assumptions: Assumptions;
  /** Parameter key → cell on the user's Assumptions sheet holding a usable value. */
  cells: Map<keyof Assumptions, { row: number; col: number }>;
  sheetName?: string;
  problems: Problem[];
}

const byNormalizedName = new Map<string, ParamDef>();
for (const p of PARAMETERS) for (const n of [p.name, p.definedName, ...(p.synonyms ?? [])]) byNormalizedName.set(normalizeHeader(n), p);

export const parameterByName = (name: string): ParamDef | undefined => byNormalizedName.get(normalizeHeader(name));

type Parsed = { ok: true; value: unknown } | { ok: false; reason: string };

function parseList(v: GridValue): number[] | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? [v] : undefined;
  if (typeof v !== 'string') return undefined;
  const parts = v.split(/[;|]|,(?!\d{3}\b)|\s+(?=\d)/).map((s) => s.trim()).filter(Boolean);
  const nums = parts.map((s) => parseNumberText(s));
  return nums.every((n): n is number => n !== undefined) && nums.length > 0 ? nums : undefined;
}

function parseSpread(v: GridValue): { low: number; high: number } | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? { low: v > 5 ? v / 100 : v, high: v > 5 ? v / 100 : v } : undefined;
  if (typeof v !== 'string') return undefined;
  const m = /^\s*([\d.,]+\s*%?)\s*(?:-|–|—|to)\s*([\d.,]+\s*%?)\s*$/i.exec(v);
  const asFraction = (s: string): number | undefined => {
    const n = parseNumberText(s);
    if (n === undefined) return undefined;
    return !s.includes('%') && n > 5 ? n / 100 : n;
  };
  if (m) {
    const low = asFraction(m[1]);
    const high = asFraction(m[2]);
    return low !== undefined && high !== undefined ? { low, high } : undefined;
  }
  const one = asFraction(v);
  return one === undefined ? undefined : { low: one, high: one };
}

/** Parse one parameter value. Exported for the task pane's forms. */
export function parseParameter(def: ParamDef, v: GridValue): Parsed {
  if (isExcelError(v)) return { ok: false, reason: `holds the error ${v.error}` };
  const range = (n: number): Parsed =>
    (def.min !== undefined && n < def.min) || (def.max !== undefined && n > def.max)
      ? { ok: false, reason: `${n} is outside ${def.min ?? '−∞'}…${def.max ?? '∞'}` }
      : { ok: true, value: n };
  switch (def.kind) {
    case 'choice': {
      const s = String(v).trim();
      const hit = def.choices!.find((c) => normalizeHeader(c) === normalizeHeader(s));
      return hit ? { ok: true, value: hit } : { ok: false, reason: `"${s}" is not one of ${def.choices!.join(', ')}` };
    }
    case 'text':
      return { ok: true, value: String(v).trim() };
    case 'number':
    case 'integer':
    case 'percent': {
      const r = readNumber(v, def.kind);
      if (!r.ok) return { ok: false, reason: r.blank ? 'is blank' : r.reason };
      return range(r.value);
    }
    case 'money': {
      const r = readNumber(v, 'money');
      if (!r.ok) return { ok: false, reason: r.blank ? 'is blank' : r.reason };
      if (r.value < 0) return { ok: false, reason: `${r.value} is negative` };
      return { ok: true, value: money(r.value) };
    }
    case 'date': {
      const r = readDate(v);
      return r.ok ? { ok: true, value: r.value } : { ok: false, reason: r.blank ? 'is blank' : r.reason };
    }
    case 'flag': {
      const s = String(v).trim().toLowerCase();
      if (['y', 'yes', 'true', '1'].includes(s)) return { ok: true, value: true };
      if (['n', 'no', 'false', '0'].includes(s)) return { ok: true, value: false };
      return { ok: false, reason: `"${String(v)}" is not Y or N` };
    }
    case 'list': {
      const list = parseList(v);
      if (!list) return { ok: false, reason: `"${String(v)}" is not a list of numbers (e.g. 0.9; 1.0; 1.1)` };
      if (list.some((x, i) => i > 0 && x <= list[i - 1])) return { ok: false, reason: `values must be strictly ascending` };
      return { ok: true, value: list };
    }
    case 'spread': {
      const s = parseSpread(v);
      if (!s) return { ok: false, reason: `"${String(v)}" is not a spread (e.g. 50% or 40%-60%)` };
      if (s.low <= 0 || s.high <= 0 || s.low > 5 || s.high > 5) return { ok: false, reason: `spread must be above 0% and at most 500%` };
      return { ok: true, value: s };
    }
  }
}

/**
 * Can formulas cite the user's cell for this parameter? Only when the cell holds exactly the value
 * in force: 5 typed for 5% or "Yes" for Y would mislead a formula, so those become named constants.
 */
export function citable(def: ParamDef, raw: GridValue, value: unknown): boolean {
  switch (def.kind) {
    case 'number':
    case 'integer':
    case 'percent':
    case 'date':
      return typeof raw === 'number' && (def.kind !== 'date' ? raw === value : true);
    case 'money':
      return typeof raw === 'number' && raw === Number(String(value));
    case 'spread':
      return typeof raw === 'number' && raw === (value as { low: number }).low;
    case 'choice':
    case 'text':
      return typeof raw === 'string' && raw.trim().toLowerCase() === String(value).toLowerCase();
    case 'flag':
      return typeof raw === 'string' && ['Y', 'N'].includes(raw.trim().toUpperCase());
    case 'list':
      return typeof raw === 'string' || typeof raw === 'number';
  }
}

export function defaultAssumptions(): Assumptions {
  const out: Record<string, unknown> = {};
  for (const p of PARAMETERS) {
    if (p.defaultValue === null) continue;
    const r = parseParameter(p, p.defaultValue);
    if (!r.ok) throw new Error(`bad default for ${p.name}: ${r.reason}`);
    out[p.key] = r.value;
  }
  return out as unknown as Assumptions;
}

/** Read the `Assumptions` sheet (Parameter | Value); missing or bad values fall back to defaults with a problem. */
/** `alsoKnown` names parameters read elsewhere (the structure options), so they are not reported as unknown. */
export function readAssumptions(grid: Grid | undefined, alsoKnown: (name: string) => boolean = () => false): AssumptionsRead {
  const assumptions = defaultAssumptions();
  const cells = new Map<keyof Assumptions, { row: number; col: number }>();
  const problems: Problem[] = [];
  if (!grid) return { assumptions, cells, problems };
  const seen = new Set<string>();
  const target = assumptions as unknown as Record<string, unknown>;
  for (let i = 0; i < grid.rows.length; i++) {
    const row = grid.top + i;
    const cols = grid.rows[i];
    // The first text cell names the parameter and the next non-empty cell holds its value.
    const nameIdx = cols.findIndex((v) => typeof v === 'string' && v.trim() !== '');
    if (nameIdx < 0) continue;
    const name = cols[nameIdx] as string;
    const def = parameterByName(name);
    if (!def) {
      if (i > 0 && !alsoKnown(name) && !['parameter', 'value', 'description'].includes(normalizeHeader(name))) {
        problems.push(problem('warning', 'unknown-parameter', `"${name.trim()}" is not a known parameter and is ignored`, { sheet: grid.sheet, cell: cellAddress(row, grid.left + nameIdx) }));
      }
      continue;
    }
    const valueIdx = nameIdx + 1;
    const value = cols[valueIdx] ?? null;
    const where = { sheet: grid.sheet, cell: cellAddress(row, grid.left + valueIdx) };
    if (seen.has(def.key)) {
      // At the ignored value, or at the name when the row has none (its value cell may lie beyond the sheet's used range).
      const at = isBlank(value) ? { sheet: grid.sheet, cell: cellAddress(row, grid.left + nameIdx) } : where;
      problems.push(problem('warning', 'duplicate-parameter', `${def.name} is given twice; the first value is used`, at));
      continue;
    }
    seen.add(def.key);
    if (isBlank(value)) {
      if (def.defaultValue === null) delete target[def.key];
      continue;
    }
    const parsed = parseParameter(def, value);
    if (!parsed.ok) {
      problems.push(problem('error', 'bad-parameter', `${def.name} ${parsed.reason}`, where));
      continue;
    }
    target[def.key] = parsed.value;
    if (citable(def, value, parsed.value)) cells.set(def.key, { row, col: grid.left + valueIdx });
  }
  return { assumptions, cells, sheetName: grid.sheet, problems };
}

/** The value a parameter shows in a cell. */
function displayValue(def: ParamDef, a: Assumptions): SpecCell {
  const v = (a as unknown as Record<string, unknown>)[def.key];
  if (v === undefined || v === null) return null;
  switch (def.kind) {
    case 'date':
      return dateToSerial(v as CalendarDate);
    case 'flag':
      return v ? 'Y' : 'N';
    case 'list':
      return (v as number[]).join('; ');
    case 'spread': {
      const s = v as { low: number; high: number };
      return s.low === s.high ? s.low : `${+(s.low * 100).toFixed(4)}%-${+(s.high * 100).toFixed(4)}%`;
    }
    case 'money':
      return Number(String(v));
    default:
      return v as SpecCell;
  }
}

/** The Assumptions sheet the add-in creates when the workbook has none (Parameter | Value | Description). */
export function assumptionsSheet(a: Assumptions): SheetSpec {
  const cells: SpecCell[][] = [['Parameter', 'Value', 'Description']];
  const formats: { range: string; format: string }[] = [];
  PARAMETERS.forEach((p, i) => {
    cells.push([p.name, displayValue(p, a), p.description]);
    if (p.format) formats.push({ range: cellAddress(i + 2, 2), format: p.format });
  });
  return {
    name: ASSUMPTIONS_SHEET,
    role: 'input',
    cells,
    formats,
    columns: [{ width: 24 }, { width: 16 }, { width: 90 }],
    tables: [{ name: 'tblAssumptions', range: `A1:C${PARAMETERS.length + 1}` }],
    freeze: { rows: 1, columns: 0 },
  };
}

/**
 * The defined names formulas cite (`RangeSpread`, `MeritBudget`…): each points at the user's
 * Assumptions cell when it holds a usable value, else at the created sheet's cell, else it is a
 * named constant holding the value in force (so every formula stays valid and editable).
 */
export function assumptionNames(read: AssumptionsRead, createdSheet: boolean): DefinedName[] {
  const names: DefinedName[] = [];
  const a = read.assumptions;
  PARAMETERS.forEach((p, i) => {
    const user = read.cells.get(p.key);
    const spreadText = p.kind === 'spread' && (a.rangeSpread.low !== a.rangeSpread.high);
    let ref: string | undefined;
    if (createdSheet) ref = `${ASSUMPTIONS_SHEET}!${absAddress(i + 2, 2)}`;
    else if (user && read.sheetName && !spreadText) ref = `${quoteSheet(read.sheetName)}!${absAddress(user.row, user.col)}`;
    if (p.kind === 'spread') {
      // Formulas use the low and high ends; a single % makes both the same cell.
      const constant = (x: number) => String(x);
      names.push({ name: p.definedName, ref: ref && !spreadText ? ref : constant(a.rangeSpread.low) });
      names.push({ name: 'RangeSpreadLow', ref: ref && !spreadText ? ref : constant(a.rangeSpread.low) });
      names.push({ name: 'RangeSpreadHigh', ref: ref && !spreadText ? ref : constant(a.rangeSpread.high) });
      return;
    }
    if (ref) {
      names.push({ name: p.definedName, ref });
      return;
    }
    const v = displayValue(p, a);
    if (v === null) return;
    names.push({ name: p.definedName, ref: typeof v === 'number' ? String(v) : `"${String(v).replace(/"/g, '""')}"` });
  });
  return names;
}

export const describeDate = formatIsoDate;
