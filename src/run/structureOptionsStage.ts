import { evaluateJobs, reconcileJobPoints, type Evaluation } from '../engine/evaluation/jobEvaluation';
import { gradeEmployees, type GradedEmployee } from '../engine/evaluation/paySystem';
import { buildPayStructure } from '../engine/payStructure';
import type { Problem } from '../engine/problem';
import { applyStructureOptions, type DesignedStructure } from '../engine/structureOptions/apply';
import { compareWithRanges, type EmployeeRange } from '../engine/structureOptions/employeeRanges';
import type { Inputs, Job } from '../engine/types';
import { assumptionNames, assumptionsSheet } from '../workbook/assumptions';
import type { Grid, SheetInfo } from '../workbook/grid';
import { jobSlottingSheet } from '../workbook/layouts/jobSlotting';
import { marketAnalysisSheet } from '../workbook/layouts/marketAnalysis';
import { payStructureSheet } from '../workbook/layouts/payStructure';
import { evaluationResultsSheet, evaluationTotalCell, structureOptionSheets, withStructureOptions } from '../workbook/layouts/structure';
import type { ParsedWorkbook } from '../workbook/readInputs';
import type { SheetSpec, WorkbookUpdate } from '../workbook/sheetSpec';
import { factorPlanOf, readStructureSettings, structureOptionsOf, structureSettingNames, type StructureSettingsRead } from '../workbook/structureInputs/parameters';
import { matchStructureSheets, parseStructureInputs, type StructureInputs } from '../workbook/structureInputs/parse';

/**
 * Job evaluation, the pay systems and the structure options as pipeline stages, for `pipeline.ts` to call:
 * parse (the new input sheets and Assumptions parameters), compute (evaluated points → structure with
 * options → employees graded and compared with their ranges) and lay out (Market Analysis, Pay Structure
 * with the option columns, Job Slotting, Evaluation Results and the option sheets).
 */
export interface StructureStageParsed {
  inputs: StructureInputs;
  settings: StructureSettingsRead;
  problems: Problem[];
}

/** The workbook's sheets holding the new inputs (read them with the core inputs, in the same round trip). */
export const structureInputSheets = (sheets: readonly SheetInfo[]): Map<string, string> => matchStructureSheets(sheets);

export function parseStructureStage(grids: Map<string, Grid>, structureSheetOf: Map<string, string>, assumptionsSheetName: string | undefined): StructureStageParsed {
  const inputs = parseStructureInputs(grids, structureSheetOf);
  const settings = readStructureSettings(assumptionsSheetName === undefined ? undefined : grids.get(assumptionsSheetName));
  return { inputs, settings, problems: [...inputs.problems, ...settings.problems] };
}

export interface StructureStageComputed {
  /** The jobs with the points in force (evaluated under Post when there is an evaluation). */
  jobs: Job[];
  evaluation?: Evaluation;
  structure: DesignedStructure;
  graded: GradedEmployee[];
  employees: EmployeeRange[];
  /** Employees per job code, as written on the Employees sheet. */
  employeesByJob: Map<string, number>;
  problems: Problem[];
}

export function computeStructureStage(parsed: ParsedWorkbook, stage: StructureStageParsed): StructureStageComputed {
  const inputs: Inputs = parsed.inputs;
  const a = inputs.assumptions;
  const problems: Problem[] = [];
  let jobs = inputs.jobs;
  let evaluation: Evaluation | undefined;
  const jobsTable = parsed.tables.get('jobs');
  if (stage.inputs.present.factorPlan && stage.inputs.present.jobEvaluation) {
    evaluation = evaluateJobs(factorPlanOf(stage.settings.settings, stage.inputs.factors), stage.inputs.evaluation);
    problems.push(...evaluation.problems);
    const pointsCol = jobsTable?.columns.get('points');
    const reconciled = reconcileJobPoints(jobs, evaluation, {
      pay: a.paySystem,
      givenAt: (j) => (j.ref && pointsCol ? { sheet: j.ref.sheet, cell: `${columnLetterOf(pointsCol)}${j.ref.row}` } : undefined),
      computedAt: (jp) => evaluationTotalCell(evaluation!, jp),
    });
    problems.push(...reconciled.problems);
    jobs = reconciled.jobs;
  }
  const options = structureOptionsOf(stage.settings, stage.inputs);
  const base = buildPayStructure({ jobs, market: inputs.market, assumptions: options.givenBands ? { ...a, grades: Math.max(1, options.givenBands.length) } : a });
  const structure = applyStructureOptions(base, jobs, a, options);
  problems.push(...structure.problems);
  const jobGrades = new Map(structure.slotting.map((s) => [s.job.code, { grade: s.grade, points: s.job.points }]));
  const employeesTable = parsed.tables.get('employees');
  const graded = gradeEmployees({
    employees: inputs.employees,
    system: a.paySystem,
    edges: structure.edges,
    jobs: jobGrades,
    valueAt: (e, field) => {
      const col = employeesTable?.columns.get(field);
      return e.ref && col ? { sheet: e.ref.sheet, cell: `${columnLetterOf(col)}${e.ref.row}` } : undefined;
    },
  });
  problems.push(...graded.problems);
  const compared = compareWithRanges(graded.graded, structure.grades, a.rounding, options.locations);
  problems.push(...compared.problems);
  const employeesByJob = new Map<string, number>();
  for (const e of inputs.employees) employeesByJob.set(e.jobCode, (employeesByJob.get(e.jobCode) ?? 0) + 1);
  return { jobs, evaluation, structure, graded: graded.graded, employees: compared.employees, employeesByJob, problems };
}

const columnLetterOf = (col: number): string => {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** Every structure sheet in workbook order, and the defined names their formulas cite. */
export function layoutStructureStage(parsed: ParsedWorkbook, stage: StructureStageParsed, computed: StructureStageComputed): WorkbookUpdate {
  const { inputs, assumptionsRead } = parsed;
  const a = inputs.assumptions;
  const { structure, jobs } = computed;
  const created = assumptionsRead.sheetName === undefined;
  const employeesByJob = computed.employeesByJob;
  const jobsPerGrade = new Map<number, number>();
  const employeesPerGrade = new Map<number, number>();
  for (const s of structure.slotting) {
    if (s.grade === undefined) continue;
    jobsPerGrade.set(s.grade, (jobsPerGrade.get(s.grade) ?? 0) + 1);
    employeesPerGrade.set(s.grade, (employeesPerGrade.get(s.grade) ?? 0) + (employeesByJob.get(s.job.code) ?? 0));
  }
  const jobsLastRow = Math.max(2, structure.slotting.length + 1);
  const market = marketAnalysisSheet(jobs, structure, a);
  const people = inputs.employees.length > 0 ? { graded: computed.graded, lastRow: computed.employees.length + 1 } : undefined;
  const payStructure = withStructureOptions(payStructureSheet(structure, a, { jobs: jobsPerGrade, employees: employeesPerGrade, slottingLastRow: jobsLastRow }), {
    structure,
    paySystem: a.paySystem,
    jobsLastRow,
    people,
  });
  const sheets: SheetSpec[] = [
    ...(created ? [assumptionsSheet(a)] : []),
    ...(computed.evaluation && a.paySystem === 'Post' ? [evaluationResultsSheet({ evaluation: computed.evaluation, jobs: inputs.jobs, jobsTable: parsed.tables.get('jobs') })] : []),
    market.sheet,
    payStructure,
    jobSlottingSheet(structure, employeesByJob, parsed.tables.get('employees')),
    ...structureOptionSheets(structure, inputs.employees.length > 0 ? { employees: computed.employees, paySystem: a.paySystem, jobsLastRow } : undefined),
  ];
  return { sheets, names: [...assumptionNames(assumptionsRead, created), ...market.names, ...structureSettingNames(stage.settings)] };
}
