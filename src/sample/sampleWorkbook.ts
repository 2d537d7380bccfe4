import type { Assumptions } from '../engine/types';
import { money } from '../engine/money';
import { assumptionNames, assumptionsSheet, defaultAssumptions } from '../workbook/assumptions';
import type { WorkbookUpdate } from '../workbook/sheetSpec';
import { generateSample, SAMPLE_EFFECTIVE_DATE } from './index';

/** The sample as one workbook update: the data sheets plus an Assumptions sheet with its defined names. */
export function sampleUpdate(options: { employees?: number; seed?: number; assumptions?: Partial<Assumptions> } = {}): WorkbookUpdate {
  const sample = generateSample(options);
  const employees = options.employees ?? 300;
  // A bonus pool of about 6,000 a head and a review period starting a year before the effective date.
  const assumptions = {
    ...defaultAssumptions(),
    effectiveDate: SAMPLE_EFFECTIVE_DATE,
    prorationStart: { year: SAMPLE_EFFECTIVE_DATE.year - 1, month: SAMPLE_EFFECTIVE_DATE.month, day: SAMPLE_EFFECTIVE_DATE.day },
    bonusPool: money(Math.round((employees * 6000) / 1000) * 1000),
    ...options.assumptions,
  };
  const sheets = [...sample.sheets, assumptionsSheet(assumptions)];
  const names = assumptionNames({ assumptions, cells: new Map(), problems: [] }, true);
  return { sheets, names };
}
