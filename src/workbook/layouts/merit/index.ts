import type { MeritResult } from '../../../engine/merit';
import type { DefinedName, SheetSpec } from '../../sheetSpec';
import { bonusPlanSheet } from './bonusPlan';
import { budgetSheet } from './budget';
import type { MeritLayoutContext } from './context';
import { meritMatrixSheet } from './meritMatrix';
import { meritPlanSheet } from './meritPlan';

export * from './bonusPlan';
export * from './budget';
export * from './context';
export * from './inputs';
export * from './meritMatrix';
export * from './meritPlan';
export * from './names';
export * from './step';

/** The merit step's output sheets (Merit Matrix, Merit Plan, Bonus Plan when a pool is set, Budget) and the names they define. */
export function meritSheets(result: MeritResult, ctx: MeritLayoutContext): { sheets: SheetSpec[]; names: DefinedName[] } {
  const matrix = meritMatrixSheet(result, ctx);
  const bonus = bonusPlanSheet(result, ctx);
  return {
    sheets: [matrix.sheet, meritPlanSheet(result, ctx), ...(bonus ? [bonus.sheet] : []), budgetSheet(result, ctx)],
    names: [...matrix.names, ...(bonus?.names ?? [])],
  };
}
