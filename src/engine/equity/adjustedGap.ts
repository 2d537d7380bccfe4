/**
 * The adjusted gender pay gap: least squares of ln(base salary) on a female indicator plus the
 * controls chosen in `Equity Controls`, over the employees recorded as F or M who have every control.
 *
 * Design: intercept, Female (1 for women), then each control in the order listed. A numeric control
 * enters as it is (`Name^2` adds its square); a category enters as one indicator per level but the
 * first (numbers ascending, then texts in code-point order), the first level being the reference, as
 * R's treatment contrasts do. A control with no values is dropped; a constant one is dropped; one
 * collinear with earlier terms is dropped by the QR factorization (R's rule); each with a note.
 * Rows missing a control are left out (complete cases, as lm()'s na.omit).
 *
 * The gap is reported as exp(b) − 1 (women's pay relative to men's, other things equal; negative when
 * women are paid less) and, in the sheet's (men − women)/men convention, as 1 − exp(b).
 */
import type { BinaryGender } from './gender';
import { compareLevels, resolveField, type Field, type FieldValue } from './fields';
import { designCoefficients, fitDesign, prepareDesign, type LeastSquaresFit, type PreparedDesign, type RegressionBlock, type RegressionTerm } from './leastSquares';
import type { EquityRecord } from './records';

export interface ControlSpec {
  /** As written in the list. */
  text: string;
  name: string;
  squared: boolean;
}

/** `Grade; Job Family, Tenure; Tenure^2` → specs. Separators: ; , | and new lines. */
export function parseControls(list: string | readonly string[]): ControlSpec[] {
  const items = typeof list === 'string' ? list.split(/[;,|\n]/) : list;
  const out: ControlSpec[] = [];
  for (const raw of items) {
    const text = raw.trim();
    if (!text) continue;
    const m = /^(.*?)\s*(?:\^\s*2|²)$/.exec(text);
    out.push(m ? { text, name: m[1].trim(), squared: true } : { text, name: text, squared: false });
  }
  return out;
}

export const FEMALE_TERM = 'Female';
export const INTERCEPT_TERM = '(Intercept)';
/** A category with more levels than this is not used as a control (its indicators would swamp the fit). */
export const MAX_LEVELS = 200;

export interface AdjustedTerm extends RegressionTerm {
  /** The control the term belongs to (undefined for the intercept and Female). */
  control?: string;
  /** The level of a category. */
  level?: string;
}

export interface ControlUsed {
  name: string;
  kind: 'numeric' | 'categorical';
  squared: boolean;
  source: 'standard' | 'column';
  /** Reference level of a category. */
  reference?: string;
  levels?: number;
}

export interface AdjustedGap {
  /** `ok`: estimated; `suppressed`: fewer than the minimum group size of either gender; `unavailable`: cannot be estimated. */
  status: 'ok' | 'suppressed' | 'unavailable';
  reason?: string;
  /** Observations in the fit. */
  n: number;
  nFemale: number;
  nMale: number;
  /** Employees recorded as neither F nor M (not in the regression). */
  excludedOtherGender: number;
  /** F or M employees left out for a missing control value. */
  excludedMissing: number;
  controls: ControlUsed[];
  notes: string[];
  fit?: LeastSquaresFit;
  terms: AdjustedTerm[];
  female?: AdjustedTerm;
  /** exp(b) − 1. */
  gap?: number;
  gapLower?: number;
  gapUpper?: number;
  robustGapLower?: number;
  robustGapUpper?: number;
  /** 1 − exp(b): the (men − women)/men convention of the unadjusted gaps. */
  menMinusWomen?: number;
  /** The records in the fit, with their fitted ln pay. */
  sample: EquityRecord[];
  /** ln base salary the model predicts for a record in the fit, as if it were of the given gender. */
  predictLnPay(record: EquityRecord, as: BinaryGender): number | undefined;
}

export interface AdjustedGapOptions {
  controls: string | readonly string[];
  minimumGroupSize: number;
  confidenceLevel?: number;
}

interface Control {
  spec: ControlSpec;
  field: Field;
  /** A numeric field's value for each F or M record, in order (NaN when missing). */
  numbers?: Float64Array;
  /** A category's value for each F or M record, in order. */
  labels?: FieldValue[];
  /** Records without a value. */
  missing: number;
}

const isMissing = (c: Control, i: number): boolean => (c.numbers ? Number.isNaN(c.numbers[i]) : c.labels![i] === undefined);

export function adjustedGap(records: readonly EquityRecord[], o: AdjustedGapOptions): AdjustedGap {
  const model = prepareAdjustedGap(records, o);
  return 'result' in model ? model.result : fitAdjustedGap(model, records);
}

/**
 * The regression's design, ready for a response: everything `adjustedGap` works out before it reads the
 * salaries (the controls, the complete cases, the design matrix and its factorization), or the result
 * when it stops before (no women or men, too few of either). The same model fitted on other salaries of
 * the same people (after a merit plan) skips all of it.
 */
export type AdjustedGapModel = { result: AdjustedGap } | PreparedGap;

export interface PreparedGap {
  /** The result's fields known before the fit. */
  base: Omit<AdjustedGap, 'predictLnPay'>;
  /** Positions in the records of the observations, in order. */
  rows: Int32Array;
  meta: Map<string, { control?: string; level?: string }>;
  design: PreparedDesign;
}

/** `valuesOf`, when given, returns each record's value of a field (by the field's function), worked out once elsewhere. */
export function prepareAdjustedGap(
  records: readonly EquityRecord[],
  o: AdjustedGapOptions,
  valuesOf?: (value: (r: EquityRecord) => FieldValue) => ArrayLike<FieldValue>,
): AdjustedGapModel {
  const notes: string[] = [];
  // Positions of the records recorded as F or M.
  const binaryAt: number[] = [];
  for (let i = 0; i < records.length; i++) if (records[i].binary !== undefined) binaryAt.push(i);
  const nBinary = binaryAt.length;
  const result: AdjustedGap = {
    status: 'unavailable',
    n: 0,
    nFemale: 0,
    nMale: 0,
    excludedOtherGender: records.length - nBinary,
    excludedMissing: 0,
    controls: [],
    notes,
    terms: [],
    sample: [],
    predictLnPay: () => undefined,
  };

  // Resolve the controls.
  const controls: Control[] = [];
  const seen = new Set<string>();
  for (const spec of parseControls(o.controls)) {
    const { field, shadowed } = resolveField(spec.name, records);
    if (!field) {
      notes.push(`Control "${spec.text}" is neither a standard field nor a column of the Employees sheet; ignored.`);
      continue;
    }
    if (shadowed) notes.push(`The Employees column "${shadowed}" has the name of the standard control ${field.name}, which is used; rename the column to use it.`);
    if (spec.squared && field.kind !== 'numeric') {
      notes.push(`Control "${spec.text}": ${field.name} is a category and cannot be squared; ignored.`);
      continue;
    }
    const key = `${field.name}${spec.squared ? '^2' : ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const control: Control = { spec, field, missing: 0 };
    const known = valuesOf?.(field.value);
    const value = (i: number): FieldValue => (known ? known[binaryAt[i]] : field.value(records[binaryAt[i]]));
    if (field.kind === 'numeric') {
      const numbers = new Float64Array(nBinary);
      for (let i = 0; i < nBinary; i++) {
        numbers[i] = (value(i) as number | undefined) ?? NaN;
        if (Number.isNaN(numbers[i])) control.missing++;
      }
      control.numbers = numbers;
    } else {
      const labels: FieldValue[] = new Array(nBinary);
      for (let i = 0; i < nBinary; i++) {
        const v = value(i);
        labels[i] = v;
        if (v === undefined) control.missing++;
      }
      control.labels = labels;
    }
    if (control.missing === nBinary) {
      notes.push(`Control ${field.name} has no values; dropped.`);
      continue;
    }
    controls.push(control);
  }

  // Complete cases: `rows` indexes the F or M records, `sample` holds the records.
  const complete = new Uint8Array(nBinary).fill(1);
  for (const c of controls) if (c.missing > 0) for (let i = 0; i < nBinary; i++) if (isMissing(c, i)) complete[i] = 0;
  const rows: number[] = [];
  for (let i = 0; i < nBinary; i++) if (complete[i]) rows.push(i);
  const n = rows.length;
  const sample: EquityRecord[] = new Array(n);
  const at = new Int32Array(n);
  let nFemale = 0;
  for (let row = 0; row < n; row++) {
    at[row] = binaryAt[rows[row]];
    const r = records[at[row]];
    sample[row] = r;
    if (r.binary === 'F') nFemale++;
  }
  result.excludedMissing = nBinary - n;
  if (result.excludedMissing > 0) {
    const missingBy = controls
      .map((c) => [c.field.name, c.missing] as const)
      .filter(([, k]) => k > 0)
      .map(([name, k]) => `${name} ${k}`);
    notes.push(`${result.excludedMissing} employee(s) recorded as F or M are left out for a missing control value (${missingBy.join(', ')}).`);
  }
  result.nFemale = nFemale;
  result.nMale = n - nFemale;
  result.n = n;
  if (nFemale === 0 || result.nMale === 0) {
    result.reason = `the regression needs both women and men; it has ${nFemale} women and ${result.nMale} men`;
    return { result };
  }
  if (nFemale < o.minimumGroupSize || result.nMale < o.minimumGroupSize) {
    result.status = 'suppressed';
    result.reason = `fewer than ${o.minimumGroupSize} women or men (${nFemale} women, ${result.nMale} men)`;
    return { result };
  }

  // Design matrix.
  const columns: RegressionBlock[] = [];
  const meta = new Map<string, { control?: string; level?: string }>();
  columns.push({ name: INTERCEPT_TERM, values: new Float64Array(n).fill(1) });
  const female = new Float64Array(n);
  for (let row = 0; row < n; row++) female[row] = sample[row].binary === 'F' ? 1 : 0;
  columns.push({ name: FEMALE_TERM, values: female });
  for (const { spec, field, numbers, labels } of controls) {
    const label = spec.squared ? `${field.name}^2` : field.name;
    if (numbers) {
      const values = new Float64Array(n);
      for (let row = 0; row < n; row++) {
        const v = numbers[rows[row]];
        values[row] = spec.squared ? v * v : v;
      }
      if (values.every((v) => v === values[0])) {
        notes.push(`Control ${label} is constant (${values[0]}) among the employees in the regression; dropped.`);
        continue;
      }
      columns.push({ name: label, values });
      meta.set(label, { control: label });
      result.controls.push({ name: field.name, kind: 'numeric', squared: spec.squared, source: field.source });
      continue;
    }
    // Codes in order of appearance, then renumbered in level order (0 = the reference level).
    const seenAt = new Map<number | string, number>();
    const raw = new Int32Array(n);
    let last: number | string | undefined;
    let lastCode = -1;
    for (let row = 0; row < n; row++) {
      const v = labels![rows[row]]!;
      // Runs of the same level (sorted or grouped data) skip the lookup.
      if (v !== last || lastCode < 0) {
        let code = seenAt.get(v);
        if (code === undefined) seenAt.set(v, (code = seenAt.size));
        last = v;
        lastCode = code;
      }
      raw[row] = lastCode;
    }
    const levels = [...seenAt.keys()].sort(compareLevels);
    if (levels.length < 2) {
      notes.push(`Control ${field.name} has the single value "${levels[0]}" among the employees in the regression; dropped.`);
      continue;
    }
    if (levels.length > MAX_LEVELS) {
      notes.push(`Control ${field.name} has ${levels.length} values (at most ${MAX_LEVELS} can be used); dropped.`);
      continue;
    }
    const renumber = new Int32Array(levels.length);
    levels.forEach((l, i) => (renumber[seenAt.get(l)!] = i));
    const codes = new Int32Array(n);
    for (let row = 0; row < n; row++) codes[row] = renumber[raw[row]];
    const names = levels.slice(1).map((l) => `${field.name}: ${l}`);
    names.forEach((name, i) => meta.set(name, { control: field.name, level: String(levels[i + 1]) }));
    columns.push({ names, codes });
    result.controls.push({ name: field.name, kind: 'categorical', squared: false, source: field.source, reference: String(levels[0]), levels: levels.length });
  }
  const design = prepareDesign(columns, n, { confidenceLevel: o.confidenceLevel ?? 0.95 });
  const { predictLnPay: _, ...base } = result;
  return { base: { ...base, sample }, rows: at, meta, design };
}

const COLLINEAR_FEMALE = 'the female indicator is collinear with the intercept';

/**
 * fitAdjustedGap's status, reason and gap only, each observation's pay read from `base` (base[i] being
 * records[i]'s): the same figures, from the same coefficients, without the standard errors, the
 * intervals and the sample. What a before/after comparison reads.
 */
export function adjustedGapOnPay(model: PreparedGap, base: ArrayLike<number>): Pick<AdjustedGap, 'status' | 'reason' | 'gap'> {
  const { rows, design } = model;
  const y = new Float64Array(rows.length);
  for (let row = 0; row < rows.length; row++) y[row] = Math.log(base[rows[row]]);
  const fit = designCoefficients(design, y);
  if ('error' in fit) return { status: model.base.status, reason: fit.error };
  if (fit.aliased.includes(FEMALE_TERM)) return { status: model.base.status, reason: COLLINEAR_FEMALE };
  return { status: 'ok', gap: Math.expm1(fit.coefficient(FEMALE_TERM)!) };
}

/** The adjusted gap on the prepared model, each observation's pay read from `records` (the model's records, or others of the same people in the same order). */
export function fitAdjustedGap(model: PreparedGap, records: readonly EquityRecord[]): AdjustedGap {
  const { rows, meta, design } = model;
  const notes = [...model.base.notes];
  const n = rows.length;
  const sample: EquityRecord[] = new Array(n);
  const y = new Float64Array(n);
  for (let row = 0; row < n; row++) {
    const r = records[rows[row]];
    sample[row] = r;
    y[row] = Math.log(r.base);
  }
  const result: AdjustedGap = { ...model.base, controls: [...model.base.controls], notes, terms: [], sample: [], predictLnPay: () => undefined };
  const fit = fitDesign(design, y);
  for (const name of fit.aliased) {
    if (name === FEMALE_TERM) continue;
    notes.push(`${name} is collinear with the terms before it (or constant); dropped.`);
  }
  if ('error' in fit) {
    result.reason = fit.error;
    return result;
  }
  if (fit.aliased.includes(FEMALE_TERM)) {
    result.reason = COLLINEAR_FEMALE;
    return result;
  }
  result.status = 'ok';
  result.fit = fit;
  result.sample = sample;
  result.terms = fit.terms.map((t) => ({ ...t, ...meta.get(t.name) }));
  const female = result.terms.find((t) => t.name === FEMALE_TERM)!;
  result.female = female;
  result.gap = Math.expm1(female.estimate);
  result.menMinusWomen = -result.gap;
  result.gapLower = Math.expm1(female.lower);
  result.gapUpper = Math.expm1(female.upper);
  result.robustGapLower = Math.expm1(female.robustLower);
  result.robustGapUpper = Math.expm1(female.robustUpper);
  // Record index → row of the fit (−1 when the record is not in it).
  const row = new Int32Array(records.length).fill(-1);
  sample.forEach((r, i) => (row[r.index] = i));
  const b = female.estimate;
  result.predictLnPay = (record, as) => {
    const i = record.index < row.length && records[record.index] === record ? row[record.index] : -1;
    if (i < 0) return undefined;
    const isFemale = record.binary === 'F' ? 1 : 0;
    return fit.fitted[i] + b * ((as === 'F' ? 1 : 0) - isFemale);
  };
  return result;
}
