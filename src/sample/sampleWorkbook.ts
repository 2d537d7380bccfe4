import type { Assumptions } from '../engine/types';
import { assumptionNames, assumptionsSheet, defaultAssumptions } from '../workbook/assumptions';
import type { WorkbookUpdate } from '../workbook/sheetSpec';
import { generateSample, SAMPLE_EFFECTIVE_DATE } from './index';

/** The sample as one workbook update: the data sheets plus an Assumptions sheet with its defined names. */
export function sampleUpdate(options: { employees?: number; seed?: number; assumptions?: Partial<Assumptions> } = {}): WorkbookUpdate {
  const sample = generateSample(options);
  const assumptions = { ...defaultAssumptions(), effectiveDate: SAMPLE_EFFECTIVE_DATE, ...options.assumptions };
  const sheets = [...sample.sheets, assumptionsSheet(assumptions)];
  const names = assumptionNames({ assumptions, cells: new Map(), problems: [] }, true);
  return { sheets, names };
}
