import type { ConsistencyResult } from '../../../engine/consistency/consistency';
import type { PayEquity } from '../../../engine/equity/payEquity';
import type { PayStructure } from '../../../engine/payStructure';
import type { Placement } from '../../../engine/placement';
import type { PaySystem } from '../../../engine/types';
import type { SheetSpec } from '../../sheetSpec';
import { consistencySheet } from './consistencySheet';
import { payEquitySheet } from './payEquitySheet';
import { placementSheet } from './placementSheet';

export { consistencySheet } from './consistencySheet';
export { payEquitySheet } from './payEquitySheet';
export { placementSheet, SUMMARY_COLUMN } from './placementSheet';
export { FAIRNESS_PARAMETERS, FAIRNESS_SHEETS, FAIRNESS_TABLES, fairnessParameterNames, PL, placementColumn, placementLastRow } from './names';

export interface FairnessResults {
  structure: PayStructure;
  placement: Placement;
  consistency: ConsistencyResult;
  equity: PayEquity;
}

export interface FairnessLayoutContext {
  paySystem: PaySystem;
  /** Grades on the Pay Structure sheet. */
  grades: number;
  /** Last data row of Job Slotting / Market Analysis; lookups of a job there are live when given. */
  slottingLastRow?: number;
  /** Each placed employee's manager as an index into the placed employees (-1: none), as the parser resolved them. */
  managers?: ArrayLike<number>;
}

/** The three output sheets, in the order they are written: Placement (read by the other two), Consistency, Pay Equity. */
export function fairnessSheets(results: FairnessResults, ctx: FairnessLayoutContext): SheetSpec[] {
  const { structure, placement, consistency, equity } = results;
  return [
    placementSheet({ placement, equity, structure, consistency }, ctx),
    consistencySheet(consistency, { structure, placement }, ctx),
    payEquitySheet(equity, placement.employees.length),
  ];
}
