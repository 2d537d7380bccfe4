import type { Assumptions, CalendarDate } from '../../engine/types';
import { parameterByName, parseParameter, PARAMETERS, type ParamDef } from '../../workbook/assumptions';
import { dateToSerial, formatIsoDate } from '../../workbook/dates';
import type { Grid } from '../../workbook/grid';
import type { ScalarValue } from '../../workbook/sheetSpec';

/** The parameters each step's form shows, by key (a key the workbook layer does not declare is skipped). */
export const STEP_PARAMETERS = {
  structure: ['paySystem', 'currency', 'effectiveDate', 'agingRate', 'agingMethod', 'marketPercentile', 'marketPosition', 'payLine', 'grades', 'gradeBands', 'rangeSpread', 'rounding', 'slottingTolerance'],
  checks: ['payGapThreshold'],
  merit: ['meritBudget', 'ratingScale', 'ratingThresholds', 'compaZones', 'aboveMaximum', 'catchUpToMinimum', 'prorationStart', 'bonusPool'],
} as const;

export type ParameterStep = keyof typeof STEP_PARAMETERS;

export function stepParameters(step: ParameterStep): ParamDef[] {
  return STEP_PARAMETERS[step].flatMap((key) => PARAMETERS.filter((p) => p.key === key));
}

const percentText = (x: number): string => `${+(x * 100).toFixed(6)}%`;

/** A typed parameter value as the form shows it. */
export function parameterText(def: ParamDef, assumptions: Assumptions): string {
  const v = (assumptions as unknown as Record<string, unknown>)[def.key];
  if (v === undefined || v === null) return '';
  switch (def.kind) {
    case 'percent':
      return percentText(v as number);
    case 'date':
      return formatIsoDate(v as CalendarDate);
    case 'list':
      return (v as number[]).join('; ');
    case 'spread': {
      const s = v as { low: number; high: number };
      return s.low === s.high ? percentText(s.low) : `${percentText(s.low)}-${percentText(s.high)}`;
    }
    case 'flag':
      return v ? 'Y' : 'N';
    default:
      return String(v);
  }
}

export type ParsedEntry = { ok: true; cell: ScalarValue; value: unknown } | { ok: false; reason: string };

/** What the user typed, checked by the workbook layer's own parser, and the cell value to write. */
export function parseEntry(def: ParamDef, text: string): ParsedEntry {
  if (text.trim() === '') {
    return def.defaultValue === null ? { ok: true, cell: null, value: undefined } : { ok: false, reason: `${def.name} needs a value` };
  }
  const parsed = parseParameter(def, text);
  if (!parsed.ok) return { ok: false, reason: `${def.name} ${parsed.reason}` };
  return { ok: true, cell: cellValue(def, parsed.value), value: parsed.value };
}

function cellValue(def: ParamDef, value: unknown): ScalarValue {
  switch (def.kind) {
    case 'date':
      return dateToSerial(value as CalendarDate);
    case 'flag':
      return value ? 'Y' : 'N';
    case 'list':
      return (value as number[]).join('; ');
    case 'spread': {
      const s = value as { low: number; high: number };
      return s.low === s.high ? s.low : `${percentText(s.low)}-${percentText(s.high)}`;
    }
    case 'money':
      return Number(String(value));
    default:
      return value as ScalarValue;
  }
}

/**
 * Where a parameter's value goes on the user's Assumptions sheet: beside its name when the sheet
 * lists it (even with a bad or blank value), else on a new row below the used range.
 */
export function parameterCell(grid: Grid, def: ParamDef): { row: number; col: number; name?: { row: number; col: number } } {
  for (let i = 0; i < grid.rows.length; i++) {
    const cols = grid.rows[i];
    const nameIdx = cols.findIndex((v) => typeof v === 'string' && v.trim() !== '');
    if (nameIdx < 0) continue;
    if (parameterByName(cols[nameIdx] as string)?.key === def.key) return { row: grid.top + i, col: grid.left + nameIdx + 1 };
  }
  const row = grid.rows.length === 0 ? 2 : grid.top + grid.rows.length;
  return { row, col: grid.left + 1, name: { row, col: grid.left } };
}
