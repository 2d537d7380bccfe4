import type { Where } from '../../engine/problem';
import { useWorkflowController, useWorkflowState } from '../controller/WorkflowContext';

/** Data: which inputs were found where, every problem by cell, and ways to get started. */
export function useDataStep() {
  const controller = useWorkflowController();
  const state = useWorkflowState();
  const found = state.latest?.found ?? [];
  const hasData = found.some((f) => f.key !== 'assumptions' && f.sheet !== undefined);
  const busy = state.busy !== undefined;
  return {
    loaded: state.loaded,
    busy,
    found,
    problems: state.latest?.problems ?? [],
    /** The sample goes into a workbook without input data only: it never mixes with the user's. */
    canLoadSample: state.loaded && !busy && !hasData,
    sampleHint: state.loaded && hasData ? 'The sample can be loaded into a workbook without input sheets.' : undefined,
    loadSample: () => void controller.loadSample(),
    createInputSheets: () => void controller.createInputSheets(),
    refresh: () => void controller.refresh(),
    select: (where: Where) => void controller.select(where),
    canSelect: (where: Where) => state.sheets.some((s) => s.toLowerCase() === where.sheet.toLowerCase()),
  };
}
