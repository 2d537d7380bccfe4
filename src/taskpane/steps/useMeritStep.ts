import type { SummaryCard } from '../components/SummaryCards';
import { stepParameters } from '../controller/parameters';
import { useWorkflowState } from '../controller/WorkflowContext';

const money = (v: number) => Math.round(v).toLocaleString('en');

/** Merit: the merit assumptions, and the calibrated plan's figures once a build produced one. */
export function useMeritStep() {
  const state = useWorkflowState();
  const built = state.structure?.ok === true;
  const merit = built ? state.structure!.merit : undefined;
  const cards: SummaryCard[] = merit
    ? [
        { label: 'Budget', value: money(merit.budget), note: `of ${money(merit.eligiblePayroll)} eligible payroll` },
        { label: 'Merit cost', value: money(merit.meritCost), note: `total ${money(merit.totalCost)}` },
        { label: 'Scale factor', value: merit.factor.toFixed(4), note: merit.status },
        { label: 'Eligible', value: merit.eligible.toLocaleString('en'), note: `of ${merit.headcount.toLocaleString('en')}` },
      ]
    : [];
  const unavailable = !built ? 'Build the structure (Structure step) to calibrate the merit matrix.' : merit ? undefined : 'Not available yet: this run produced no merit plan (the workbook needs ratings or appraisal scores).';
  return { merit, cards, unavailable, parameters: stepParameters('merit') };
}
