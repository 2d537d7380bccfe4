import type { SummaryCard } from '../components/SummaryCards';
import { stepParameters } from '../controller/parameters';
import { useWorkflowController, useWorkflowState } from '../controller/WorkflowContext';

/** Checks: internal consistency and where employees sit in their ranges; pay equity when its engine is wired. */
export function useChecksStep() {
  const controller = useWorkflowController();
  const state = useWorkflowState();
  const checks = state.checked && state.structure?.ok ? state.structure.checks : undefined;
  const cards: SummaryCard[] = checks
    ? [
        { label: 'Below minimum', value: checks.belowMinimum.toLocaleString('en'), note: `cost to minimum ${checks.costToMinimum.toLocaleString('en')}` },
        { label: 'Above maximum', value: checks.aboveMaximum.toLocaleString('en') },
        { label: 'Mean compa-ratio', value: checks.meanCompaRatio === undefined ? '–' : checks.meanCompaRatio.toFixed(3) },
      ]
    : [];
  const equity = checks?.equity;
  const gap = (v: number | undefined) => (v === undefined ? 'n/a' : `${(v * 100).toFixed(1)}%`);
  const equityCards: SummaryCard[] = equity
    ? [
        { label: 'Mean gap', value: gap(equity.meanGap), note: `${equity.nFemale} women, ${equity.nMale} men` },
        { label: 'Median gap', value: gap(equity.medianGap) },
        { label: 'Adjusted gap', value: gap(equity.adjustedGap), note: equity.adjustedNote },
        { label: `Categories ≥ ${(equity.threshold * 100).toFixed(0)}%`, value: `${equity.categoriesFlagged} of ${equity.categories}`, note: 'EU Directive 2023/970, Art. 9' },
      ]
    : [];
  return {
    busy: state.busy !== undefined,
    runChecks: () => void controller.runChecks(),
    checks,
    cards,
    equityCards,
    /** Before the checks run, or when the run made no pay-equity analysis. */
    equityUnavailable: checks && !equity ? 'Not available yet: this run made no pay-equity analysis (it needs employees with a gender).' : undefined,
    parameters: stepParameters('checks'),
  };
}
