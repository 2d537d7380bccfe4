import type { MeritAssumptions, MeritOptions } from '../../../engine/merit';

/** What the merit layouts need besides the engine's result. */
export interface MeritLayoutContext {
  assumptions: MeritAssumptions;
  options: MeritOptions;
  /** Grades on the Pay Structure sheet (its table runs from row 2 to grades + 1). */
  grades: number;
  /**
   * Last data row of `Job Slotting`. When given, the plan's Grade is a live lookup of the employee's job
   * there; otherwise the grade is written as a value.
   */
  slottingLastRow?: number;
}

/** Last data row of the Merit Plan (an empty plan still has one blank row). */
export const planLastRow = (employees: number): number => Math.max(2, employees + 1);
