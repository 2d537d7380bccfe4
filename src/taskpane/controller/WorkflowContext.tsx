import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { WorkflowController, WorkflowState } from './controller';

const WorkflowContext = createContext<WorkflowController | undefined>(undefined);

export function WorkflowProvider({ controller, children }: { controller: WorkflowController; children: ReactNode }) {
  return <WorkflowContext.Provider value={controller}>{children}</WorkflowContext.Provider>;
}

export function useWorkflowController(): WorkflowController {
  const controller = useContext(WorkflowContext);
  if (!controller) throw new Error('useWorkflowController needs a WorkflowProvider');
  return controller;
}

/** The workflow's state, re-rendering on every change. */
export function useWorkflowState(): WorkflowState {
  const controller = useWorkflowController();
  return useSyncExternalStore(controller.subscribe, controller.getState);
}
