/** The task pane's steps, in order (PRODUCT.md, "The workflow"); the CLI runs the same pipeline. */
export interface WorkflowStep {
  id: WorkflowStepId;
  title: string;
  summary: string;
  optional?: boolean;
}

export type WorkflowStepId =
  | 'data'
  | 'jobEvaluation'
  | 'market'
  | 'payLine'
  | 'structure'
  | 'checks'
  | 'merit'
  | 'bonus'
  | 'budget'
  | 'write';

export const WORKFLOW_STEPS: readonly WorkflowStep[] = [
  { id: 'data', title: 'Data', summary: 'Find the input tables and list every problem by cell.' },
  { id: 'jobEvaluation', title: 'Job evaluation', summary: 'Turn point-factor levels into job points.' },
  { id: 'market', title: 'Market', summary: 'Age and blend surveys at the target percentile and position.' },
  { id: 'payLine', title: 'Pay line', summary: 'Regress market rates on points: linear, exponential or power.' },
  { id: 'structure', title: 'Structure', summary: 'Build grades and ranges, then slot every job.' },
  { id: 'checks', title: 'Checks', summary: 'Internal consistency and pay fairness, including gender pay gaps.' },
  { id: 'merit', title: 'Merit', summary: 'Calibrate the merit matrix to the budget; propose every increase.' },
  { id: 'bonus', title: 'Bonus', summary: 'Allocate a bonus pool by target and rating.', optional: true },
  { id: 'budget', title: 'Budget', summary: 'Cost by department and grade, with scenarios side by side.' },
  { id: 'write', title: 'Write', summary: 'Output sheets with tables, live formulas and charts.' },
];
