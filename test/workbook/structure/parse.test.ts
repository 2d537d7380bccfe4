import type { Problem } from '../../../src/engine/problem';
import type { Grid, GridValue } from '../../../src/workbook/grid';
import { matchStructureSheets, parseFactorPlan, parseGradeBands, parseJobEvaluation, parseLocations, parseStructureInputs } from '../../../src/workbook/structureInputs/parse';

const grid = (sheet: string, rows: GridValue[][], top = 1, left = 1): Grid => ({ sheet, top, left, rows });
const messages = (ps: Problem[]) => ps.map((p) => p.message);

describe('Factor Plan', () => {
  it('reads factors, weights as percentages typed any way, and which cells formulas may cite', () => {
    const problems: Problem[] = [];
    const { factors } = parseFactorPlan(
      grid('Factor Plan', [
        ['Compensable Factor', 'Weight %', 'Degrees', 'Definition'],
        ['Skill', 0.35, 5, 'Education and experience'],
        ['Effort', 25, 4, null],
        ['Responsibility', '25%', '5', null],
        ['Working Conditions', 0.15, 3, null],
      ]),
      problems,
    );
    expect(problems).toEqual([]);
    expect(factors.map((f) => [f.name, f.weight, f.levels, f.weightCell, f.levelsCell])).toEqual([
      ['Skill', 0.35, 5, "'Factor Plan'!$B$2", "'Factor Plan'!$C$2"],
      ['Effort', 0.25, 4, undefined, "'Factor Plan'!$C$3"], // 25 is read as 25%: citing the cell would give 25 × Total Points
      ['Responsibility', 0.25, 5, undefined, undefined], // text cells are read, not cited
      ['Working Conditions', 0.15, 3, "'Factor Plan'!$B$5", "'Factor Plan'!$C$5"],
    ]);
    expect(factors[0].ref).toEqual({ sheet: 'Factor Plan', row: 2 });
  });

  it('reports bad cells by address and skips the row', () => {
    const problems: Problem[] = [];
    const { factors } = parseFactorPlan(grid('Factor Plan', [['Factor', 'Weight', 'Levels'], ['Skill', 'lots', 5], ['Effort', 0.5, null]]), problems);
    expect(factors).toEqual([]);
    expect(messages(problems)).toEqual(["'Factor Plan'!B2: Weight \"lots\" is not a number", "'Factor Plan'!C3: Levels is required"]);
  });
});

describe('Job Evaluation', () => {
  const rows: GridValue[][] = [
    ['Job Code', 'Job Title', 'Skill', 'Effort', 'Source', 'Total Points'],
    ['ANL', 'Analyst', 3, '2', 'reviewed', 585],
    ['DIR', 'Director', 5, 4, null, 1000],
    ['CLK', 'Clerk', null, 'high', null, null],
  ];

  it('takes every undeclared column (not Job Title, Notes, Total Points…) as a factor column, numeric or not', () => {
    const problems: Problem[] = [];
    const { sheet } = parseJobEvaluation(grid('Job Evaluation', rows), problems);
    expect(sheet.columns).toEqual([
      { name: 'Skill', where: { sheet: 'Job Evaluation', cell: 'C1' }, numeric: true },
      { name: 'Effort', where: { sheet: 'Job Evaluation', cell: 'D1' }, numeric: true },
      { name: 'Source', where: { sheet: 'Job Evaluation', cell: 'E1' }, numeric: false },
    ]);
    expect(sheet.rows.map((r) => [r.jobCode, r.levels, r.liveCells])).toEqual([
      ['ANL', [3, 2, undefined], ["'Job Evaluation'!$C$2", undefined, undefined]],
      ['DIR', [5, 4, undefined], ["'Job Evaluation'!$C$3", "'Job Evaluation'!$D$3", undefined]],
      ['CLK', [undefined, undefined, undefined], [undefined, undefined, undefined]],
    ]);
    // A level that is not a number is an error at its cell; a blank one is left for the engine to report.
    expect(messages(problems)).toEqual(["'Job Evaluation'!D4: level of \"Effort\" \"high\" is not a number"]);
  });

  it('finds the table below a title and to the right', () => {
    const problems: Problem[] = [];
    const { sheet, table } = parseJobEvaluation(grid('Job Evaluation', [['Evaluations 2026'], [], [null, 'Job Code', 'Skill'], [null, 'ANL', 3]]), problems);
    expect(problems).toEqual([]);
    expect(table?.headerRow).toBe(3);
    expect(sheet.rows[0]).toMatchObject({ jobCode: 'ANL', levels: [3], cells: [{ sheet: 'Job Evaluation', cell: 'C4' }] });
  });

  it('a sheet with no factor columns is an error', () => {
    const problems: Problem[] = [];
    parseJobEvaluation(grid('Job Evaluation', [['Job Code', 'Job Title'], ['ANL', 'Analyst']]), problems);
    expect(problems.map((p) => p.code)).toEqual(['no-factor-columns']);
  });
});

describe('Grade Bands and Locations', () => {
  it('reads given bands with their optional overrides', () => {
    const problems: Problem[] = [];
    const { bands } = parseGradeBands(
      grid('Grade Bands', [
        ['Pay Grade', 'Minimum Points', 'Maximum Points', 'Target Midpoint', 'Range Spread'],
        [1, 100, 199, null, 0.4],
        [2, 200, 299, 60000, '50%'],
      ]),
      problems,
    );
    expect(problems).toEqual([]);
    expect(bands.map((b) => [b.grade, b.minPoints, b.maxPoints, b.midpoint?.toNumber(), b.spread, b.midpointCell, b.spreadCell])).toEqual([
      [1, 100, 199, undefined, 0.4, undefined, "'Grade Bands'!$E$2"],
      [2, 200, 299, 60000, 0.5, "'Grade Bands'!$D$3", undefined],
    ]);
  });

  it('reads differentials as percentages, negative ones too', () => {
    const problems: Problem[] = [];
    const { locations } = parseLocations(grid('Locations', [['Site', 'Differential'], ['London', 0.12], ['Leeds', '-8%'], ['Oslo', 15], ['Nowhere', 'n/a']]), problems);
    expect(locations.map((l) => [l.name, l.differential, l.differentialCell])).toEqual([
      ['London', 0.12, 'Locations!$B$2'],
      ['Leeds', -0.08, undefined],
      ['Oslo', 0.15, undefined],
    ]);
    expect(messages(problems)).toEqual(['Locations!B5: Differential % "n/a" is not a number']);
  });
});

describe('finding and reading the new sheets', () => {
  it('matches sheet names and synonyms, never the add-in\'s own sheets', () => {
    const found = matchStructureSheets([
      { name: 'factors', owned: false },
      { name: 'JOB EVALUATION', owned: false },
      { name: 'Grade Bands', owned: true },
      { name: 'Location Differentials', owned: false },
      { name: 'Evaluation Results', owned: true },
    ]);
    expect([...found]).toEqual([['factorPlan', 'factors'], ['jobEvaluation', 'JOB EVALUATION'], ['locations', 'Location Differentials']]);
  });

  it('a Job Evaluation without a Factor Plan is an error; a Factor Plan alone a warning', () => {
    const je = grid('Job Evaluation', [['Job Code', 'Skill'], ['ANL', 3]]);
    const fp = grid('Factor Plan', [['Factor', 'Weight', 'Levels'], ['Skill', 1, 5]]);
    const one = parseStructureInputs(new Map([['Job Evaluation', je]]), new Map([['jobEvaluation', 'Job Evaluation']]));
    expect(one.problems.map((p) => [p.severity, p.code])).toEqual([['error', 'missing-factor-plan']]);
    const other = parseStructureInputs(new Map([['Factor Plan', fp]]), new Map([['factorPlan', 'Factor Plan']]));
    expect(other.problems.map((p) => [p.severity, p.code])).toEqual([['warning', 'missing-job-evaluation']]);
    const none = parseStructureInputs(new Map(), new Map());
    expect(none).toMatchObject({ factors: [], bands: [], locations: [], problems: [], present: { factorPlan: false, jobEvaluation: false, gradeBands: false, locations: false } });
  });
});
