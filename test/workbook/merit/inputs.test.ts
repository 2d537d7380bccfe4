import { money } from '../../../src/engine/money';
import type { Problem } from '../../../src/engine/problem';
import type { Grid, GridValue } from '../../../src/workbook/grid';
import {
  matchMeritSheets,
  meritColumnsFromEmployees,
  meritParameterNames,
  parseBonusMultipliers,
  parseBonusTargets,
  parseMeritGuidelines,
  readMeritOptions,
} from '../../../src/workbook/layouts/merit';
import { employee } from '../../engine/merit/fixtures';

const grid = (sheet: string, rows: GridValue[][], top = 1, left = 1): Grid => ({ sheet, top, left, rows });
const messages = (ps: Problem[]) => ps.map((p) => p.message);

describe('Merit Guidelines', () => {
  it('percentage points (any cell above 1): 6 means 6%; blank is 0%', () => {
    const { guidelines, labels, problems } = parseMeritGuidelines(
      grid('Merit Guidelines', [
        ['Merit guide chart, FY2026'],
        [],
        ['Rating', 'Below 0.9', '0.9-1.1', 'Above 1.1'],
        [3, 6, 4.5, 3],
        [2, 3, 2, null],
        [1, 0, 0, 0],
      ]),
    );
    expect(problems).toEqual([]);
    expect(labels).toEqual(['Below 0.9', '0.9-1.1', 'Above 1.1']);
    expect(guidelines).toEqual({ ratings: [3, 2, 1], cells: [[0.06, 0.045, 0.03], [0.03, 0.02, 0], [0, 0, 0]], source: 'sheet', where: { sheet: 'Merit Guidelines', rows: [4, 5, 6] } });
  });

  it('fractions (percent-formatted cells) and "%" text', () => {
    const { guidelines } = parseMeritGuidelines(grid('G', [['Performance Rating', 'Q1', 'Q2'], [2, 0.05, '4%'], [1, 0.01, '0.5%']], 2, 3));
    expect(guidelines!.cells).toEqual([[0.05, 0.04], [0.01, 0.005]]);
  });

  it('problems by cell: no header, bad cells, no rows', () => {
    expect(messages(parseMeritGuidelines(grid('G', [['Zone', 'A'], [1, 2]])).problems)).toEqual([
      'G: no header row found: the first column must be headed Rating, then one column per compa-ratio zone',
    ]);
    expect(messages(parseMeritGuidelines(grid('G', [['Rating', 'A', 'B'], ['x', 1, 2], [2, 'lots', 3]])).problems)).toEqual([
      'G!A2: Rating "x" is not a number',
      'G!B3: guideline "lots" is not a percentage',
      'G: Merit Guidelines has a header but no rating rows',
    ]);
    expect(parseMeritGuidelines(undefined)).toEqual({ problems: [] });
  });
});

describe('Bonus Targets and Bonus Multipliers', () => {
  it('grade → target %, rating → multiplier; bad and duplicate rows reported by cell', () => {
    const problems: Problem[] = [];
    const targets = parseBonusTargets(grid('Bonus Targets', [['Grade', 'Target Bonus %'], [1, '5%'], [2, 10], [2, 0.12], [3, 'x']]), problems);
    expect(targets).toEqual(new Map([[1, 0.05], [2, 0.1]]));
    expect(messages(problems)).toEqual(["'Bonus Targets'!A4: grade 2 is given twice", "'Bonus Targets'!B5: Target % \"x\" is not a number"]);
    const multipliers = parseBonusMultipliers(grid('Bonus Multipliers', [['Rating', 'Multiplier'], [1, 0], [3, 1], [5, 1.5]]), []);
    expect(multipliers).toEqual(new Map([[1, 0], [3, 1], [5, 1.5]]));
    expect(parseBonusTargets(undefined, [])).toBeUndefined();
  });
});

describe('Employees: Merit Override % and Merit Eligible', () => {
  it('reads the extra columns; a bad override is an error at its cell', () => {
    const table = { sheet: 'Employees', headerRow: 1, columns: new Map(), extras: [{ name: 'Merit Override %', col: 11 }, { name: 'Merit Eligible', col: 12 }], firstDataRow: 2, lastDataRow: 4 };
    const e = [
      employee('E1', 1, { extra: { 'Merit Override %': 6, 'Merit Eligible': 'Y' }, ref: { sheet: 'Employees', row: 2 } }),
      employee('E2', 1, { extra: { 'Merit Override %': '2.5%', 'Merit Eligible': 'N' }, ref: { sheet: 'Employees', row: 3 } }),
      employee('E3', 1, { extra: { 'Merit Override %': 150, 'Merit Eligible': 'maybe' }, ref: { sheet: 'Employees', row: 4 } }),
    ];
    const { overrides, eligibility, problems } = meritColumnsFromEmployees(e, table);
    expect(overrides).toEqual(new Map([['E1', 0.06], ['E2', 0.025]]));
    expect(eligibility).toEqual(new Map([['E1', true], ['E2', false]]));
    expect(messages(problems)).toEqual(['Employees!K4: Merit Override % 150% must be from 0% to 100%', 'Employees!L4: Merit Eligible "maybe" is not Y or N']);
  });
});

describe('merit parameters on the Assumptions sheet', () => {
  const a = { meritBudget: 0.03, ratingScale: 5 };
  it('defaults when absent', () => {
    const { options, problems } = readMeritOptions(undefined, a);
    expect(problems).toEqual([]);
    expect(options).toMatchObject({ zoneBasis: 'Compa Ratio', matrixRounding: 0.001, catchUpFunding: 'Outside Budget', budgetScenarios: [0.025, 0.03, 0.035], targetDistribution: [0.05, 0.2, 0.5, 0.2, 0.05], bonusRounding: 1 });
  });

  it('reads each kind, tolerating how people type them', () => {
    const read = readMeritOptions(
      grid('Assumptions', [
        ['Parameter', 'Value'],
        ['Merit Budget', 0.03],
        ['Zone Basis', 'quartile'],
        ['Matrix Rounding', '0.5%'],
        ['Merit Budget Amount', 250000],
        ['Catch Up Funding', 'Inside'],
        ['Eligibility Cutoff', '2025-10-01'],
        ['Target Distribution', '10/20/40/20/10'],
        ['Budget Scenarios', '3%; 3.5%; 4%'],
        ['Score Scale', '0-100'],
        ['Calibration Z', 2.58],
        ['Bonus Rounding', 100],
      ]),
      a,
    );
    expect(read.problems).toEqual([]);
    expect(read.options).toMatchObject({
      zoneBasis: 'Quartile',
      matrixRounding: 0.005,
      meritBudgetAmount: money(250000),
      catchUpFunding: 'Inside Budget',
      eligibilityCutoff: { year: 2025, month: 10, day: 1 },
      targetDistribution: [0.1, 0.2, 0.4, 0.2, 0.1],
      budgetScenarios: [0.03, 0.035, 0.04],
      scoreScale: { min: 0, max: 100 },
      outlierZ: 2.58,
      bonusRounding: 100,
    });
    // Numeric cells are cited by the formulas; text ("0.5%") is replaced by a constant.
    const names = new Map(meritParameterNames(read).map((n) => [n.name, n.ref]));
    expect(names.get('BonusRounding')).toBe('Assumptions!$B$12');
    expect(names.get('MeritBudgetAmount')).toBe('Assumptions!$B$5');
    expect(names.get('MatrixRounding')).toBe('0.005');
    expect(names.get('CatchUpFunding')).toBe('"Inside Budget"');
    expect(names.get('CalibrationMinReports')).toBe('3');
  });

  it('bad values are errors at their cell; a blank Target Distribution turns the target off', () => {
    const read = readMeritOptions(grid('Assumptions', [['Zone Basis', 'Deciles'], ['Matrix Rounding', 0.2], ['Target Distribution', null], ['Score Scale', '5-1']]), a);
    expect(messages(read.problems)).toEqual([
      'Assumptions!B1: Zone Basis "Deciles" is not one of Compa Ratio, Quartile',
      'Assumptions!B2: Matrix Rounding 0.2 is outside 0…0.05',
      'Assumptions!B4: Score Scale "5-1" is not a score range (e.g. 1-5)',
    ]);
    expect(read.options.targetDistribution).toBeUndefined();
  });

  it('finds the merit input sheets by name or synonym, never the add-in’s own', () => {
    const found = matchMeritSheets([
      { name: 'Guide Chart', owned: false },
      { name: 'bonus targets', owned: false },
      { name: 'Bonus Multipliers', owned: true },
    ]);
    expect(found).toEqual(new Map([['meritGuidelines', 'Guide Chart'], ['bonusTargets', 'bonus targets']]));
  });
});
