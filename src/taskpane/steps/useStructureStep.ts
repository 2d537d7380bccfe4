import type { Where } from '../../engine/problem';
import type { SummaryCard } from '../components/SummaryCards';
import { stepParameters } from '../controller/parameters';
import { useWorkflowController, useWorkflowState } from '../controller/WorkflowContext';

const number = (v: number): string => v.toLocaleString('en');

/** Structure: the structure's assumptions, building it, and what came out (cards, chart, grades). */
export function useStructureStep() {
  const controller = useWorkflowController();
  const state = useWorkflowState();
  const analysis = state.structure;
  const summary = analysis?.ok ? analysis.summary : undefined;
  const cards: SummaryCard[] = summary
    ? [
        { label: 'Grades', value: number(summary.grades.length) },
        { label: 'R²', value: summary.payLine ? summary.payLine.r2.toFixed(4) : '–', note: summary.payLine ? `${summary.payLine.model}, ${summary.payLine.n} benchmarks` : undefined },
        { label: 'Jobs', value: number(summary.counts.jobs), note: `${number(summary.counts.benchmarks)} benchmarks` },
        { label: 'Employees', value: number(summary.counts.employees) },
        { label: 'Survey rows', value: number(summary.counts.surveyRows) },
      ]
    : [];
  return {
    busy: state.busy !== undefined,
    build: () => void controller.build(),
    built: summary !== undefined,
    stale: state.structureStale,
    summary,
    cards,
    chart: analysis?.ok ? analysis.chart : undefined,
    problems: analysis?.problems ?? [],
    parameters: stepParameters('structure'),
    select: (where: Where) => void controller.select(where),
    canSelect: (where: Where) => state.sheets.some((s) => s.toLowerCase() === where.sheet.toLowerCase()),
  };
}
