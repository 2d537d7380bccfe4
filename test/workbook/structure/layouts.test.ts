import { evaluateJobs } from '../../../src/engine/evaluation/jobEvaluation';
import { buildPayStructure } from '../../../src/engine/payStructure';
import { applyStructureOptions } from '../../../src/engine/structureOptions/apply';
import { DEFAULT_STRUCTURE_OPTIONS } from '../../../src/engine/structureOptions/options';
import { cellAddress, parseCell, sheetRef } from '../../../src/workbook/address';
import { payStructureSheet } from '../../../src/workbook/layouts/payStructure';
import { evaluationResultsSheet, evaluationTotalCell } from '../../../src/workbook/layouts/structure/evaluationResults';
import { STRUCTURE_SHEETS } from '../../../src/workbook/layouts/structure/names';
import { withStructureOptions } from '../../../src/workbook/layouts/structure/payStructureOptions';
import { isFormula, specCell, specCells } from '../../../src/workbook/sheetSpec';
import { assumptions, job, marketRow, SIX_BENCHMARKS } from '../../engine/fixtures';

const plan = {
  factors: [
    { name: 'Skill', weight: 0.6, levels: 5 },
    { name: 'Effort', weight: 0.4, levels: 4 },
  ],
  totalPoints: 1000,
  progression: 'Geometric' as const,
  levelStep: 0.15,
};
const evaluation = evaluateJobs(plan, {
  columns: [{ name: 'Skill' }, { name: 'Effort' }],
  rows: [
    { jobCode: 'A', levels: [5, 4] },
    { jobCode: 'B', levels: [1, 2] },
  ],
});

describe('Evaluation Results', () => {
  const sheet = evaluationResultsSheet({ evaluation, jobs: [] });

  it('puts each job\'s total where evaluationTotalCell says (the cell the points warning names)', () => {
    for (const jp of evaluation.jobs) {
      const ref = evaluationTotalCell(evaluation, jp)!;
      expect(ref.startsWith(sheetRef(STRUCTURE_SHEETS.evaluation, ''))).toBe(true);
      const { row, col } = parseCell(ref.split('!')[1]);
      const cell = specCell(sheet, row, col) ?? null;
      expect(isFormula(cell) && cell.value).toBeCloseTo(jp.total!, 9);
      expect(sheet.cells[plan.factors.length + 3][col - 1]).toBe('Total Points');
    }
  });

  it('with a Level Step, the ratio is 1 + LevelStep; levels without a cell to cite are values', () => {
    expect(sheet.cells[1][4]).toEqual({ formula: '=1+LevelStep', value: 1.15 });
    expect(sheet.cells[1][1]).toBe(0.6);
    // B: Skill 1 of 5 = 600/1.15⁴ = 343.05, Effort 2 of 4 = 400/1.15² = 302.46.
    const row = specCells(sheet)[plan.factors.length + 5];
    expect(row[2]).toBe(1);
    expect((row[4] as { value: number }).value).toBeCloseTo(600 / 1.15 ** 4, 9);
    expect((row[5] as { value: number }).value).toBeCloseTo(400 / 1.15 ** 2, 9);
    // No Jobs sheet: no given points to compare with.
    expect(row[7]).toBeNull();
    expect(row[8]).toEqual({ formula: `=IF(ISNUMBER(${cellAddress(8, 8)}),${cellAddress(8, 7)}-${cellAddress(8, 8)},"")`, value: '' });
  });
});

describe('Pay Structure with the default options', () => {
  const jobs = SIX_BENCHMARKS.map(([points], i) => job(`B${points}`, points, true, i + 2));
  const market = SIX_BENCHMARKS.map(([points, salary]) => marketRow(`B${points}`, { 50: salary }));
  const a = assumptions();
  const base = buildPayStructure({ jobs, market, assumptions: a });
  const designed = applyStructureOptions(base, jobs, a, DEFAULT_STRUCTURE_OPTIONS);
  const core = payStructureSheet(designed, a, { jobs: new Map(), employees: new Map(), slottingLastRow: 7 });
  const spec = withStructureOptions(core, { structure: designed, paySystem: 'Post', jobsLastRow: 7 });

  it('keeps the core columns as they are and appends the quality measures', () => {
    core.cells.forEach((row, r) => row.forEach((c, i) => expect(spec.cells[r][i]).toEqual(c)));
    expect(spec.cells[0].slice(12)).toEqual(['Benchmark Jobs', 'Market Low', 'Market High', 'Market Spread', 'Rounding Effect', 'Rounding Effect %']);
    expect(spec.tables![0].range).toBe('A1:R6');
    // The rounding effect reads the same pay line as the midpoint, its argument in parentheses.
    expect(spec.cells[1][16]).toMatchObject({ formula: '=E2-(PayLineA+PayLineB*((B2+C2)/2))' });
  });
});
