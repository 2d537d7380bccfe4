/**
 * The fields an `Equity Controls` list or a `Pay Categories` choice may name: the standard ones
 * (declared as data below) and any extra column of the Employees sheet. An extra column whose
 * non-blank values are all numbers is numeric; otherwise it is a category.
 */
import type { EquityRecord } from './records';

export type FieldKind = 'numeric' | 'categorical';
export type FieldValue = number | string | undefined;

export interface Field {
  /** Canonical name, as shown on the sheet. */
  name: string;
  kind: FieldKind;
  /** Standard field, or an extra column of the Employees sheet. */
  source: 'standard' | 'column';
  value: (r: EquityRecord) => FieldValue;
}

interface StandardField {
  name: string;
  kind: FieldKind;
  synonyms: string[];
  value: (r: EquityRecord) => FieldValue;
}

const text = (s: string | undefined): string | undefined => {
  const t = s?.trim();
  return t ? t : undefined;
};

/** The standard fields, as data. */
export const STANDARD_FIELDS: StandardField[] = [
  { name: 'Grade', kind: 'categorical', synonyms: ['Pay Grade'], value: (r) => r.placed.grade },
  { name: 'Points', kind: 'numeric', synonyms: ['Job Points', 'Evaluation Points'], value: (r) => r.placed.gradingValue },
  { name: 'Job Family', kind: 'categorical', synonyms: ['Family', 'Function'], value: (r) => text(r.placed.job?.family) },
  { name: 'Job Code', kind: 'categorical', synonyms: ['Job'], value: (r) => text(r.placed.employee.jobCode) },
  { name: 'Department', kind: 'categorical', synonyms: ['Dept'], value: (r) => text(r.placed.employee.department) },
  { name: 'Location', kind: 'categorical', synonyms: ['Site'], value: (r) => text(r.placed.employee.location) },
  { name: 'Tenure', kind: 'numeric', synonyms: ['Years of Service', 'Service'], value: (r) => r.tenure },
  { name: 'Rating', kind: 'numeric', synonyms: ['Performance Rating'], value: (r) => r.placed.employee.rating },
  { name: 'FTE', kind: 'numeric', synonyms: ['Full Time Equivalent'], value: (r) => r.placed.employee.fte },
  { name: 'Weekly Hours', kind: 'numeric', synonyms: ['Hours'], value: (r) => r.placed.employee.weeklyHours },
  { name: 'Skill Level', kind: 'numeric', synonyms: ['Skill'], value: (r) => r.placed.employee.skillLevel },
  { name: 'Competency Score', kind: 'numeric', synonyms: ['Competency'], value: (r) => r.placed.employee.competencyScore },
];

/** Lower case, letters and digits only (the workbook layer's header rule). */
export const normalizeName = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

const standardByName = new Map<string, StandardField>();
for (const f of STANDARD_FIELDS) for (const n of [f.name, ...f.synonyms]) standardByName.set(normalizeName(n), f);

export interface FieldLookup {
  field?: Field;
  /** Set when a standard name hides an Employees column of the same name. */
  shadowed?: string;
}

/** Finds a field by name: standard names first, then the Employees sheet's extra columns. */
export function resolveField(name: string, records: readonly EquityRecord[]): FieldLookup {
  const key = normalizeName(name);
  const extraName = extraColumnName(key, records);
  const standard = standardByName.get(key);
  if (standard) {
    return { field: { name: standard.name, kind: standard.kind, source: 'standard', value: standard.value }, shadowed: extraName };
  }
  if (extraName === undefined) return {};
  const value = (r: EquityRecord): FieldValue => {
    const v = r.placed.employee.extra?.[extraName];
    if (v === null || v === undefined) return undefined;
    if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
    return Number.isFinite(v) ? v : undefined;
  };
  let numeric = true;
  for (const r of records) {
    const v = value(r);
    if (v !== undefined && typeof v !== 'number') {
      numeric = false;
      break;
    }
  }
  return { field: { name: extraName, kind: numeric ? 'numeric' : 'categorical', source: 'column', value } };
}

function extraColumnName(key: string, records: readonly EquityRecord[]): string | undefined {
  // Every row of a sheet carries the same extra columns: the first record tells.
  const extra = records[0]?.placed.employee.extra;
  if (!extra) return undefined;
  return Object.keys(extra).find((name) => normalizeName(name) === key);
}

/** Category levels in order: numbers ascending, then texts in code-point order. */
export function compareLevels(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
