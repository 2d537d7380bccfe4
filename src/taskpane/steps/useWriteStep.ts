import { useWorkflowController, useWorkflowState } from '../controller/WorkflowContext';

/** Write: build from the workbook as it is and write every output sheet, all or nothing. */
export function useWriteStep() {
  const controller = useWorkflowController();
  const state = useWorkflowState();
  return {
    busy: state.busy !== undefined,
    write: () => void controller.write(),
    report: state.report,
  };
}
