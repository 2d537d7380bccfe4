import { isFormula, specCell, type FormulaCell, type SheetSpec, type SpecCell } from '../../../src/workbook/sheetSpec';
import { JOB_SLOTTING_COLUMNS, MARKET_ANALYSIS_COLUMNS, STRUCTURE_SHEETS } from '../../../src/workbook/layouts/structure/names';
import { columnNumber } from '../../../src/workbook/address';
import { runOn } from './run';
import { GRADE_BANDS_ROWS, JOB_EVALUATION_ROWS, LOCATIONS_ROWS, structureWorkbook } from './workbook';

const sheetOf = (sheets: SheetSpec[], name: string) => sheets.find((s) => s.name === name)!;
const at = (s: SheetSpec, a1: string): SpecCell => {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  return specCell(s, Number(m[2]), columnNumber(m[1])) ?? null;
};
const f = (s: SheetSpec, a1: string) => (at(s, a1) as FormulaCell).formula;
const v = (s: SheetSpec, a1: string) => {
  const c = at(s, a1);
  return isFormula(c) ? c.value : c;
};

describe('Post: job evaluation, progression midpoints, broadbands, steps and locations', () => {
  const run = runOn(
    structureWorkbook({
      assumptions: [['Midpoint Method', 'Progression'], ['Midpoint Progression', '8%-14%'], ['Broadbands', 2], ['Steps', 5], ['Step Method', 'Equal Percentage']],
      sheets: [{ name: 'Locations', rows: LOCATIONS_ROWS }],
    }),
  );

  it('runs with the expected warnings only, and writes every sheet', async () => {
    const r = await run;
    expect(r.errors).toEqual([]);
    expect(r.problems.map((p) => p.message)).toEqual([
      `Jobs!D5: job "J4": the 500 points given differ from the 525 its evaluation ('Job Evaluation'!5:5) computes at 'Evaluation Results'!$I$11; the computed points are used`,
      'Jobs!D7: job "J6" has no evaluation on the Job Evaluation sheet; its given 200 points are used',
      'Employees!6:6: location "Paris" (1 employee) is not on the Locations sheet; the national ranges are used',
    ]);
    expect(r.host.sheetNames().slice(7)).toEqual(['Evaluation Results', 'Market Analysis', 'Pay Structure', 'Job Slotting', 'Broadbands', 'Step Scale', 'Location Ranges', 'Employee Ranges', 'Placement', 'Consistency', 'Pay Equity']);
  });

  it('Evaluation Results: factor points as formulas on the plan, the total where the warning says', async () => {
    const s = sheetOf((await run).update.sheets, STRUCTURE_SHEETS.evaluation);
    expect(f(s, 'D2')).toBe('=B2*TotalPoints');
    expect(v(s, 'D2')).toBe(600); // Knowledge: 50% of 1,200
    // J4 (row 11): Knowledge 2 of 4 = 300, Accountability 2 of 4 = 150, Complexity 1 of 4 = 75: 525 against 500 given.
    expect(f(s, 'C11')).toBe("='Job Evaluation'!$B$5");
    expect(f(s, 'F11')).toBe('=IF(LevelProgression="Geometric",$D$2/$E$2^($C$2-C11),$D$2*C11/$C$2)');
    expect(['F11', 'G11', 'H11', 'I11', 'J11', 'K11'].map((a) => v(s, a))).toEqual([300, 150, 75, 525, 500, 25]);
    expect(f(s, 'I11')).toBe('=SUM(F11:H11)');
    expect(f(s, 'J11')).toBe('=Jobs!$D$5');
    expect(v(s, 'B5')).toBe(1); // weights total 100%
  });

  it('the evaluated points are the ones the structure uses', async () => {
    const s = sheetOf((await run).update.sheets, 'Job Slotting');
    expect(v(s, 'C5')).toBe(525);
  });

  it('Pay Structure: grade 1 from the pay line, then 8% and 14% steps, chained as formulas', async () => {
    const s = sheetOf((await run).update.sheets, 'Pay Structure');
    // 64,200 × 1.08 = 69,336 → 69,300; 69,300 × 1.14 = 79,002 → 79,000.
    expect(['E2', 'E3', 'E4'].map((a) => v(s, a))).toEqual([64200, 69300, 79000]);
    expect(f(s, 'E3')).toBe('=ROUND((E2*(1+M2))/RoundingMultiple,0)*RoundingMultiple');
    expect(f(s, 'M2')).toBe('=ProgressionLow+(ProgressionHigh-ProgressionLow)*(A2-1)/1');
    expect(['M2', 'M3', 'M4'].map((a) => v(s, a))).toEqual([0.08, 0.14, null]);
    // Quality: grade 1 holds J4 (85,000), J5 (60,000), J6 (40,000); grade 3 J1 and J2.
    expect(at(s, 'N1')).toBe('Benchmark Jobs');
    expect(['N2', 'O2', 'P2', 'Q2'].map((a) => v(s, a))).toEqual([3, 40000, 85000, 1.125]);
    expect(['N4', 'O4', 'P4'].map((a) => v(s, a))).toEqual([2, 150000, 170000]);
    expect(f(s, 'R3')).toBe('=E3-E2*(1+M2)');
    expect(v(s, 'R3')).toBeCloseTo(-36, 9); // 69,300 − 69,336
    expect(s.tables![0].range).toBe('A1:S4');
    expect(at(s, 'A7')).toMatch(/^Midpoint: grade 1 from the pay line/);
  });

  it('the location-adjusted structure, and employees compared with it', async () => {
    const sheets = (await run).update.sheets;
    const lr = sheetOf(sheets, STRUCTURE_SHEETS.locations);
    expect(f(lr, 'B2')).toBe('=Locations!$B$2');
    // London grade 1: 51,400 / 64,200 / 77,000 × 1.12 = 57,568 → 57,600; 71,904 → 71,900; 86,240 → 86,200.
    expect(['G2', 'H2', 'I2'].map((a) => v(lr, a))).toEqual([57600, 71900, 86200]);
    const er = sheetOf(sheets, STRUCTURE_SHEETS.employees);
    // Dee (row 5): J6, grade 1, London: below London's 57,600 minimum; Eve (Paris, unknown): the national range.
    expect(['F5', 'H5', 'I5', 'J5', 'O5'].map((a) => v(er, a))).toEqual([1, 0.12, 57600, 71900, 'Below minimum']);
    expect(['H6', 'I6', 'J6'].map((a) => v(er, a))).toEqual([0, 51400, 64200]);
  });

  it('broadbands and steps', async () => {
    const sheets = (await run).update.sheets;
    const bb = sheetOf(sheets, STRUCTURE_SHEETS.broadbands);
    // 3 grades in 2 bands: 1 and 2–3; band 2 from grade 2's 55,400 to grade 3's 94,800, midpoint 75,100.
    expect(['B3', 'C3', 'G3', 'H3', 'I3'].map((a) => v(bb, a))).toEqual([2, 3, 55400, 75100, 94800]);
    const st = sheetOf(sheets, STRUCTURE_SHEETS.steps);
    expect(at(st, 'H1')).toBe('Step 5');
    expect(['D2', 'H2'].map((a) => v(st, a))).toEqual([51400, 77000]);
    // Equal %: 51,400 × (77,000/51,400)^(1/4) = 56,909 → 56,900.
    expect(v(st, 'E2')).toBe(56900);
  });

  it('the columns it reads on Job Slotting and Market Analysis are the ones those layouts write', async () => {
    const sheets = (await run).update.sheets;
    const header = (name: string, letter: string) => at(sheetOf(sheets, name), `${letter}1`);
    expect([header('Job Slotting', JOB_SLOTTING_COLUMNS.code), header('Job Slotting', JOB_SLOTTING_COLUMNS.grade), header('Job Slotting', JOB_SLOTTING_COLUMNS.marketRate)]).toEqual(['Job Code', 'Grade', 'Market Rate']);
    expect(header('Market Analysis', MARKET_ANALYSIS_COLUMNS.benchmark)).toBe('Benchmark');
  });
});

describe('Skill: given grade bands, a given grade 1 midpoint, person-based grading', () => {
  const run = runOn(
    structureWorkbook({
      evaluation: false,
      assumptions: [['Pay System', 'Skill'], ['Grade Bands', 'Custom'], ['Midpoint Method', 'Progression'], ['Midpoint Progression', 0.12], ['Grade 1 Midpoint', 50050], ['Rounding', 1]],
      sheets: [{ name: 'Grade Bands', rows: GRADE_BANDS_ROWS }],
    }),
  );

  it('uses the given bands and overrides, citing their cells', async () => {
    const r = await run;
    expect(r.errors).toEqual([]);
    const s = sheetOf(r.update.sheets, 'Pay Structure');
    expect(['B2', 'C2', 'B4', 'C4'].map((a) => v(s, a))).toEqual([200, 449, 800, 1200]);
    expect(f(s, 'E2')).toBe('=FirstMidpoint');
    // 50,050 × 1.12 = 56,056; grade 3 as given, 160,000.
    expect(['E2', 'E3', 'E4'].map((a) => v(s, a))).toEqual([50050, 56056, 160000]);
    expect(f(s, 'E4')).toBe("='Grade Bands'!$D$4");
    expect(f(s, 'L2')).toBe("='Grade Bands'!$E$2");
    expect(v(s, 'L2')).toBe(0.4);
    // A given midpoint has no rounding effect.
    expect([v(s, 'R2'), v(s, 'R4')]).toEqual([0, 0]);
  });

  it('grades people by their own skill level and counts them by it', async () => {
    const r = await run;
    const er = sheetOf(r.update.sheets, STRUCTURE_SHEETS.employees);
    expect(at(er, 'E1')).toBe('Skill Level');
    // Skill levels 1,150, 780, 520, 250, 205 → grades 3, 2, 2, 1, 1. Bob's job (J2, 900 points) is in grade 3;
    // he is paid in grade 2, the grade of the skill he holds.
    expect(['F2', 'F3', 'F4', 'F5', 'F6'].map((a) => v(er, a))).toEqual([3, 2, 2, 1, 1]);
    expect(v(sheetOf(r.update.sheets, 'Job Slotting'), 'D3')).toBe(3);
    expect(f(er, 'F2')).toBe("=IF(E2=\"\",\"\",IF(OR(E2<'Pay Structure'!$B$2,E2>'Pay Structure'!$C$4),\"\",INDEX('Pay Structure'!$A$2:$A$4,MATCH(E2,'Pay Structure'!$B$2:$B$4,1))))");
    const ps = sheetOf(r.update.sheets, 'Pay Structure');
    expect(f(ps, 'K2')).toBe("=COUNTIF('Employee Ranges'!$F$2:$F$6,A2)");
    expect(['K2', 'K3', 'K4'].map((a) => v(ps, a))).toEqual([2, 2, 1]);
  });

  it('an employee without a skill level stops the run with an error at the cell', async () => {
    const sheets = structureWorkbook({ evaluation: false, assumptions: [['Pay System', 'Skill']] });
    sheets.find((x) => x.name === 'Employees')!.rows[3][7] = null;
    const r = await runOn(sheets);
    expect(r.errors.map((p) => p.message)).toEqual(['Employees!H4: employee "E3" has no Skill Level; under the Skill pay system it decides the grade']);
  });
});

describe('job evaluation errors stop the run with cell addresses', () => {
  it('a level above the count, a factor column the plan lacks', async () => {
    const evaluation = JOB_EVALUATION_ROWS.map((row) => [...row]);
    evaluation[0].push('Travel');
    evaluation[1].push(2);
    evaluation[2][1] = 5;
    const sheets = structureWorkbook({ evaluation: false, sheets: [
      { name: 'Factor Plan', rows: [['Factor', 'Weight', 'Levels'], ['Knowledge', 0.5, 4], ['Accountability', 0.25, 4], ['Complexity', 0.25, 4]] },
      { name: 'Job Evaluation', rows: evaluation },
    ] });
    const r = await runOn(sheets);
    expect(r.errors.map((p) => p.message)).toEqual([
      `'Job Evaluation'!F1: column "Travel" holds levels but the Factor Plan has no factor "Travel"`,
      `'Job Evaluation'!B3: job "J2": level 5 of factor "Knowledge" is above its 4 levels`,
    ]);
  });
});

describe('Post with no options beyond the evaluation', () => {
  it('writes no Employee Ranges (no location moves a range, no one is graded by their own skill)', async () => {
    const r = await runOn(structureWorkbook());
    expect(r.errors).toEqual([]);
    expect(r.host.sheetNames().slice(6)).toEqual(['Evaluation Results', 'Market Analysis', 'Pay Structure', 'Job Slotting', 'Placement', 'Consistency', 'Pay Equity']);
    const ps = sheetOf(r.update.sheets, 'Pay Structure');
    expect(f(ps, 'E2')).toBe('=ROUND((PayLineA+PayLineB*((B2+C2)/2))/RoundingMultiple,0)*RoundingMultiple');
    expect(at(ps, 'M1')).toBe('Benchmark Jobs');
  });
});
