import type Decimal from 'decimal.js';
import type { FactorPlan, LevelProgression, Factor } from '../../engine/evaluation/factorPlan';
import { problem, type Problem } from '../../engine/problem';
import type { BroadbandSpec } from '../../engine/structureOptions/broadbands';
import type { MidpointMethod, StructureOptions } from '../../engine/structureOptions/options';
import type { StepMethod } from '../../engine/structureOptions/steps';
import type { LocationDifferential } from '../../engine/structureOptions/geography';
import type { GivenBand } from '../../engine/structureOptions/givenBands';
import { absAddress, cellAddress, quoteSheet } from '../address';
import { parseParameter, type ParamDef } from '../assumptions';
import { isBlank, parseNumberText } from '../cellValue';
import type { Grid } from '../grid';
import { normalizeHeader } from '../schema';
import type { DefinedName } from '../sheetSpec';

/** The Assumptions parameters of job evaluation and the structure options, typed. */
export interface StructureSettings {
  totalPoints: number;
  levelProgression: LevelProgression;
  levelStep?: number;
  midpointMethod: MidpointMethod;
  midpointProgression: { low: number; high: number };
  firstMidpoint?: Decimal;
  /** `Broadbands` as typed: blank for none, a number of bands, or grades per band ("3; 3; 4"). */
  broadbands?: string;
  steps?: number;
  stepMethod: StepMethod;
}

/** A parameter declared as `ParamDef` is (assumptions.ts), keyed by `StructureSettings`. */
export type StructureParamDef = Omit<ParamDef, 'key'> & { key: keyof StructureSettings };

/**
 * The new parameters, declared as data in the shape of `PARAMETERS` (assumptions.ts), to be appended there.
 * `Grade Bands` itself gains a third choice, `Custom`: the bands of the `Grade Bands` sheet.
 */
export const STRUCTURE_PARAMETERS: StructureParamDef[] = [
  { key: 'totalPoints', name: 'Total Points', definedName: 'TotalPoints', kind: 'number', defaultValue: 1000, min: 1, synonyms: ['Plan Points', 'Maximum Points'], format: '#,##0', description: 'Points of a job at the top level of every factor: a factor weighted 35% is worth 35% of these at its top level.' },
  { key: 'levelProgression', name: 'Level Progression', definedName: 'LevelProgression', kind: 'choice', choices: ['Arithmetic', 'Geometric'], defaultValue: 'Arithmetic', synonyms: ['Factor Progression', 'Degree Progression'], description: 'Points of factor levels: Arithmetic, level ℓ of L = top × ℓ/L (25/50/75/100); Geometric, a constant ratio with the same lowest and top levels (r = L^(1/(L−1))), or the Level Step when set.' },
  { key: 'levelStep', name: 'Level Step', definedName: 'LevelStep', kind: 'percent', defaultValue: null, min: 0.0001, max: 10, format: '0.0%', description: 'Geometric levels only: each level this % above the one below, the top level fixed (15% is the Hay step). Blank: same end points as Arithmetic.' },
  { key: 'midpointMethod', name: 'Midpoint Method', definedName: 'MidpointMethod', kind: 'choice', choices: ['Pay Line', 'Progression'], defaultValue: 'Pay Line', synonyms: ['Midpoints'], description: 'Pay Line: each midpoint is the pay line at its band centre. Progression: grade 1 from the pay line (or Grade 1 Midpoint), then each grade the Midpoint Progression above the one below.' },
  { key: 'midpointProgression', name: 'Midpoint Progression', definedName: 'MidpointProgression', kind: 'spread', defaultValue: 0.1, format: '0%', synonyms: ['Target Progression', 'Progression'], description: 'Target midpoint progression: one % for every step, or "low-high" (e.g. 8%-14%) rising from the first step to the last.' },
  { key: 'firstMidpoint', name: 'Grade 1 Midpoint', definedName: 'FirstMidpoint', kind: 'money', defaultValue: null, format: '#,##0', synonyms: ['First Midpoint', 'Starting Midpoint'], description: 'Progression only: grade 1\'s midpoint, used as given. Blank: the pay line at grade 1\'s band centre, rounded.' },
  { key: 'broadbands', name: 'Broadbands', definedName: 'Broadbands', kind: 'text', defaultValue: null, synonyms: ['Broadband', 'Bands'], description: 'Merge adjacent grades into bands: a number of bands (e.g. 3), or the grades in each band (e.g. 3; 3; 4). Blank: none.' },
  { key: 'steps', name: 'Steps', definedName: 'StepCount', kind: 'integer', defaultValue: null, min: 2, max: 50, synonyms: ['Steps per Grade', 'Step Count'], description: 'A step scale of this many steps per grade, from the minimum (step 1) to the maximum. Blank: none.' },
  { key: 'stepMethod', name: 'Step Method', definedName: 'StepMethod', kind: 'choice', choices: ['Equal Amount', 'Equal Percentage'], defaultValue: 'Equal Amount', synonyms: ['Step Type'], description: 'Equal Amount: the same amount between steps (as the U.S. General Schedule); Equal Percentage: each step the same % above the last.' },
];

/** `Grade Bands` values that select the Grade Bands sheet. */
export const CUSTOM_BAND_CHOICES = ['Custom'];

export interface StructureSettingsRead {
  settings: StructureSettings;
  /** True when `Grade Bands` is `Custom`: the bands of the Grade Bands sheet replace the computed ones. */
  customBands: boolean;
  cells: Map<keyof StructureSettings, { row: number; col: number }>;
  sheetName?: string;
  problems: Problem[];
}

const byName = new Map<string, StructureParamDef>();
for (const p of STRUCTURE_PARAMETERS) for (const n of [p.name, p.definedName, ...(p.synonyms ?? [])]) byName.set(normalizeHeader(n), p);

/** Is this an Assumptions parameter of the structure options (so `readAssumptions` does not call it unknown)? */
export const isStructureParameter = (name: string): boolean => byName.has(normalizeHeader(name));

export function defaultStructureSettings(): StructureSettings {
  const out: Record<string, unknown> = {};
  for (const p of STRUCTURE_PARAMETERS) {
    if (p.defaultValue === null) continue;
    const r = parseParameter(p as unknown as ParamDef, p.defaultValue);
    if (!r.ok) throw new Error(`bad default for ${p.name}: ${r.reason}`);
    out[p.key] = r.value;
  }
  return out as unknown as StructureSettings;
}

/**
 * Reads the new parameters from the Assumptions grid (Parameter | Value), the way `readAssumptions`
 * reads the others: defaults where missing, a cell-addressed error for a bad value.
 */
export function readStructureSettings(grid: Grid | undefined): StructureSettingsRead {
  const settings = defaultStructureSettings();
  const cells = new Map<keyof StructureSettings, { row: number; col: number }>();
  const problems: Problem[] = [];
  let customBands = false;
  if (!grid) return { settings, customBands, cells, problems };
  const target = settings as unknown as Record<string, unknown>;
  const seen = new Set<string>();
  grid.rows.forEach((cols, i) => {
    const row = grid.top + i;
    const nameIdx = cols.findIndex((v) => typeof v === 'string' && v.trim() !== '');
    if (nameIdx < 0) return;
    const name = normalizeHeader(cols[nameIdx] as string);
    const value = cols[nameIdx + 1] ?? null;
    const where = { sheet: grid.sheet, cell: cellAddress(row, grid.left + nameIdx + 1) };
    if (name === normalizeHeader('Grade Bands')) {
      // The first value counts, as readAssumptions takes it.
      if (!seen.has('gradeBands')) customBands = typeof value === 'string' && CUSTOM_BAND_CHOICES.some((c) => normalizeHeader(c) === normalizeHeader(value));
      seen.add('gradeBands');
      return;
    }
    const def = byName.get(name);
    if (!def || seen.has(def.key)) return;
    seen.add(def.key);
    if (isBlank(value)) {
      if (def.defaultValue === null) delete target[def.key];
      return;
    }
    const parsed = parseParameter(def as unknown as ParamDef, value);
    if (!parsed.ok) {
      problems.push(problem('error', 'bad-parameter', `${def.name} ${parsed.reason}`, where));
      return;
    }
    target[def.key] = parsed.value;
    if (citable(value, parsed.value)) cells.set(def.key, { row, col: grid.left + nameIdx + 1 });
  });
  if (settings.broadbands !== undefined && 'error' in parseBroadbands(settings.broadbands)) {
    const at = cells.get('broadbands');
    problems.push(problem('error', 'bad-parameter', `Broadbands ${(parseBroadbands(settings.broadbands) as { error: string }).error}`, { sheet: grid.sheet, cell: at ? cellAddress(at.row, at.col) : undefined }));
  }
  return { settings, customBands, cells, sheetName: grid.sheet, problems };
}

/**
 * A formula may cite the user's cell only when the cell holds what the engine uses: 10 typed for 10%
 * is read as 10% but would be 1,000% in a formula, and "geo-metric" is read as Geometric but would not
 * equal "Geometric" in one. Such values become named constants instead.
 */
function citable(raw: unknown, parsed: unknown): boolean {
  if (typeof parsed === 'number') return typeof raw === 'number' && raw === parsed;
  if (typeof parsed === 'string') return typeof raw === 'string' && raw.trim().toLowerCase() === parsed.toLowerCase();
  if (parsed && typeof parsed === 'object' && 'low' in parsed) {
    const { low, high } = parsed as { low: number; high: number };
    return typeof raw === 'number' && raw === low && low === high;
  }
  if (parsed && typeof parsed === 'object' && typeof (parsed as Decimal).toNumber === 'function') return typeof raw === 'number' && raw === (parsed as Decimal).toNumber();
  return false;
}

/** `Broadbands` as typed: a number of bands ("3") or the grades in each band ("3; 3; 4"). */
export function parseBroadbands(text: string): BroadbandSpec | { error: string } {
  const parts = text.split(/[;,|]|\s+/).map((s) => s.trim()).filter(Boolean);
  const nums = parts.map((p) => parseNumberText(p));
  if (parts.length === 0 || nums.some((n) => n === undefined || !Number.isInteger(n) || n < 1)) {
    return { error: `"${text}" is not a number of bands (e.g. 3) or the grades in each band (e.g. 3; 3; 4)` };
  }
  return nums.length === 1 ? { bands: nums[0]! } : { sizes: nums as number[] };
}

/** The engine's factor plan from the settings and the parsed Factor Plan sheet. */
export const factorPlanOf = (s: StructureSettings, factors: Factor[]): FactorPlan => ({
  factors,
  totalPoints: s.totalPoints,
  progression: s.levelProgression,
  levelStep: s.levelStep,
});

/** The engine's structure options from the settings and the parsed sheets. */
export function structureOptionsOf(read: Pick<StructureSettingsRead, 'settings' | 'customBands'>, inputs: { bands: GivenBand[]; locations: LocationDifferential[] }): StructureOptions {
  const s = read.settings;
  const broadbands = s.broadbands === undefined ? undefined : parseBroadbands(s.broadbands);
  return {
    midpointMethod: s.midpointMethod,
    progression: s.midpointProgression,
    firstMidpoint: s.firstMidpoint,
    givenBands: read.customBands ? inputs.bands : undefined,
    broadbands: broadbands && !('error' in broadbands) ? broadbands : undefined,
    steps: s.steps,
    stepMethod: s.stepMethod,
    locations: inputs.locations.length > 0 ? inputs.locations : undefined,
  };
}

/**
 * The defined names the new formulas cite: each points at the user's Assumptions cell holding a usable
 * value, else it is a named constant with the value in force. `Midpoint Progression` gives two names,
 * ProgressionLow and ProgressionHigh (one cell when it is a single %). Unset optional parameters
 * (Level Step, Grade 1 Midpoint, Steps, Broadbands) get no name; formulas cite them only when set.
 */
export function structureSettingNames(read: StructureSettingsRead): DefinedName[] {
  const names: DefinedName[] = [];
  const s = read.settings as unknown as Record<string, unknown>;
  const constant = (v: unknown): string | undefined => {
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'number') return String(v);
    if (typeof v === 'object' && typeof (v as Decimal).toNumber === 'function') return String((v as Decimal).toNumber());
    return `"${String(v).replace(/"/g, '""')}"`;
  };
  for (const p of STRUCTURE_PARAMETERS) {
    const user = read.cells.get(p.key);
    const ref = user && read.sheetName ? `${quoteSheet(read.sheetName)}!${absAddress(user.row, user.col)}` : undefined;
    if (p.key === 'midpointProgression') {
      const { low, high } = read.settings.midpointProgression;
      const single = ref && low === high;
      names.push({ name: 'ProgressionLow', ref: single ? ref : String(low) });
      names.push({ name: 'ProgressionHigh', ref: single ? ref : String(high) });
      continue;
    }
    const value = ref ?? constant(s[p.key]);
    if (value !== undefined) names.push({ name: p.definedName, ref: value });
  }
  return names;
}
