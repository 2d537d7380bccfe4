import { useEffect, useState } from 'react';
import type { ParamDef } from '../../workbook/assumptions';
import { parameterText } from '../controller/parameters';
import { useWorkflowController, useWorkflowState } from '../controller/WorkflowContext';

/**
 * One Assumptions parameter as a form field: shows the sheet's value, checks what is typed with the
 * workbook layer's parser, and writes it back to the sheet on commit (blur, Enter, a choice).
 */
export function useAssumptionField(def: ParamDef) {
  const controller = useWorkflowController();
  const state = useWorkflowState();
  const current = parameterText(def, state.assumptions.read.assumptions);
  const [text, setText] = useState(current);
  const [error, setError] = useState<string>();
  useEffect(() => {
    setText(current);
    setError(undefined);
  }, [current]);
  const commit = async (value: string = text): Promise<void> => {
    setError(await controller.saveParameter(def, value));
  };
  return {
    def,
    text,
    error,
    disabled: state.busy !== undefined,
    change: (value: string) => {
      setText(value);
      setError(undefined);
    },
    commit,
    /** A choice commits at once. */
    choose: (value: string) => {
      setText(value);
      void commit(value);
    },
  };
}
