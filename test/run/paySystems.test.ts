import { MemoryHost } from '../../src/hosts/memory';
import { runPipeline } from '../../src/run/pipeline';
import { sampleUpdate } from '../../src/sample/sampleWorkbook';

describe('the sample workbook under each pay system', () => {
  it.each(['Post', 'Skill', 'Ability'] as const)('%s: builds the structure with no errors', async (paySystem) => {
    const update = sampleUpdate({ employees: 300, seed: 42, assumptions: { paySystem } });
    const host = MemoryHost.fromSheetSpecs(update.sheets, update.names);
    const result = await runPipeline(host);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.ok).toBe(true);
    const perGrade = result.summary!.grades.map((g) => g.employees);
    // Every employee lands in exactly one grade.
    expect(perGrade.reduce((a, b) => a + b, 0)).toBe(300);
    // Post grades by evaluated job points (so the evaluation is written); Skill and Ability grade people by their own values.
    expect(host.sheetNames().includes('Evaluation Results')).toBe(paySystem === 'Post');
  });

  it('person-based systems grade people differently from their jobs', async () => {
    const run = async (paySystem: 'Post' | 'Skill') => {
      const update = sampleUpdate({ employees: 300, seed: 42, assumptions: { paySystem } });
      return (await runPipeline(MemoryHost.fromSheetSpecs(update.sheets, update.names))).summary!.grades.map((g) => g.employees);
    };
    expect(await run('Skill')).not.toEqual(await run('Post'));
  });
});
