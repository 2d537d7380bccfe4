import type { MemorySheetInit } from '../../../src/hosts/memory';
import type { GridValue } from '../../../src/workbook/grid';
import { at, expectParsed, expectRejected, problemsOf, put, sheetOf, withEdits } from './harness';

/*
 * Bad input on the parameter and option sheets: Assumptions (core, structure-option and merit
 * parameters), Factor Plan, Job Evaluation, Grade Bands, Locations, Merit Guidelines, Bonus Targets
 * and Bonus Multipliers. The base Assumptions sheet holds rows 2–9 (Effective Date, Pay Line, Grades,
 * Grade Bands, Range Spread, Rounding, Merit Budget, Total Points); `param` appends at row 10.
 */

const param = (name: string, value: GridValue) => (s: MemorySheetInit[]) => sheetOf(s, 'Assumptions').rows.push([name, value]);

describe('Assumptions', () => {
  it('a value out of range (Market Percentile 150) is an error at the value cell', async () => {
    await expectRejected(withEdits(param('Market Percentile', 150)), [at('bad-parameter', 'Assumptions!B10', 'Market Percentile 150 is outside 1…99')]);
  });

  it('Aging Rate "3%" is 3%', async () => {
    const p = await expectParsed(withEdits(param('Aging Rate', '3%')));
    expect(p.inputs.assumptions.agingRate).toBe(0.03);
  });

  it('Aging Rate 3 (percentage points) is 3%', async () => {
    const p = await expectParsed(withEdits(param('Aging Rate', 3)));
    expect(p.inputs.assumptions.agingRate).toBe(0.03);
  });

  it('Merit Budget "3,5 %" (decimal comma, a space before the sign) is 3.5%', async () => {
    const p = await expectParsed(withEdits(put('Assumptions', 'B8', '3,5 %')));
    expect(p.inputs.assumptions.meritBudget).toBe(0.035);
  });

  it('Market Position with a Unicode minus sign ("\\u22125%") is -5%', async () => {
    const p = await expectParsed(withEdits(param('Market Position', '\u22125%')));
    expect(p.inputs.assumptions.marketPosition).toBe(-0.05);
  });

  it('Merit Budget holding #N/A is an error at its cell', async () => {
    await expectRejected(withEdits(put('Assumptions', 'B8', { error: '#N/A' })), [at('bad-parameter', 'Assumptions!B8', 'Merit Budget holds the error #N/A')]);
  });

  it('an Effective Date as ISO text ("2026-03-31") is that date', async () => {
    const p = await expectParsed(withEdits(put('Assumptions', 'B2', '2026-03-31')));
    expect(p.inputs.assumptions.effectiveDate).toEqual({ year: 2026, month: 3, day: 31 });
  });

  it('an Effective Date as day-first text ("31.03.2026", de-DE) is 2026-03-31', async () => {
    const p = await expectParsed(withEdits(put('Assumptions', 'B2', '31.03.2026')));
    expect(p.inputs.assumptions.effectiveDate).toEqual({ year: 2026, month: 3, day: 31 });
  });

  it('an Effective Date that is not a date is an error', async () => {
    await expectRejected(withEdits(put('Assumptions', 'B2', 'next January')), [
      at('bad-parameter', 'Assumptions!B2', 'Effective Date "next January" is not a date (use a date cell or YYYY-MM-DD)'),
    ]);
  });

  it('Rounding "(100)" reads as -100 and is out of range', async () => {
    await expectRejected(withEdits(put('Assumptions', 'B7', '(100)')), [at('bad-parameter', 'Assumptions!B7', 'Rounding -100 is outside 0.01…∞')]);
  });

  it('Grades given as grade text ("G7") is an error', async () => {
    await expectRejected(withEdits(put('Assumptions', 'B4', 'G7')), [at('bad-parameter', 'Assumptions!B4', 'Grades "G7" is not a number')]);
  });

  it('Catch Up To Minimum given as a boolean (TRUE) is Y', async () => {
    const p = await expectParsed(withEdits(param('Catch Up To Minimum', true)));
    expect(p.inputs.assumptions.catchUpToMinimum).toBe(true);
  });

  it('a parameter given twice is a warning at the second; the first value is used', async () => {
    const p = await expectParsed(withEdits(param('Grades', 5)));
    expect(problemsOf(p.problems, 'warning')).toEqual([at('duplicate-parameter', 'Assumptions!B10', 'Grades is given twice; the first value is used')]);
    expect(p.inputs.assumptions.grades).toBe(3);
  });

  it('Rating Thresholds out of order is an error', async () => {
    await expectRejected(withEdits(param('Rating Thresholds', '1.5; 2.5; 2; 4.5')), [at('bad-parameter', 'Assumptions!B10', 'Rating Thresholds values must be strictly ascending')]);
  });

  it('a structure-option parameter out of range (Steps 1) is an error', async () => {
    await expectRejected(withEdits(param('Steps', 1)), [at('bad-parameter', 'Assumptions!B10', 'Steps 1 is outside 2…50')]);
  });

  it('a merit parameter out of range (Matrix Rounding 10%) is an error', async () => {
    await expectRejected(withEdits(param('Matrix Rounding', '10%')), [at('bad-parameter', 'Assumptions!B10', 'Matrix Rounding 0.1 is outside 0…0.05')]);
  });

  it('a Score Scale running downwards ("5-1") is an error', async () => {
    await expectRejected(withEdits(param('Score Scale', '5-1')), [at('bad-parameter', 'Assumptions!B10', 'Score Scale "5-1" is not a score range (e.g. 1-5)')]);
  });
});

describe('Factor Plan and Job Evaluation', () => {
  it('factor weights typed as percentage points (50, 25, 25) are 50%, 25%, 25%', async () => {
    const p = await expectParsed(withEdits(put('Factor Plan', 'B2', 50), put('Factor Plan', 'B3', 25), put('Factor Plan', 'B4', 25)));
    expect(p.structure.inputs.factors.map((f) => f.weight)).toEqual([0.5, 0.25, 0.25]);
  });

  it('a factor weight "50 %" is 50%', async () => {
    const p = await expectParsed(withEdits(put('Factor Plan', 'B2', '50 %')));
    expect(p.structure.inputs.factors[0].weight).toBe(0.5);
  });

  it('Levels as words ("four") is an error', async () => {
    await expectRejected(withEdits(put('Factor Plan', 'C2', 'four')), [at('bad-value', "'Factor Plan'!C2", 'Levels "four" is not a number')]);
  });

  it('a level holding #VALUE! is an error at its cell', async () => {
    await expectRejected(withEdits(put('Job Evaluation', 'B3', { error: '#VALUE!' })), [
      at('bad-value', "'Job Evaluation'!B3", 'level of "Knowledge" holds the error #VALUE!'),
    ]);
  });

  it('a level written as text ("3") is level 3', async () => {
    const p = await expectParsed(withEdits(put('Job Evaluation', 'C3', '3')));
    expect(p.structure.inputs.evaluation.rows.find((r) => r.jobCode === 'J2')!.levels).toEqual([3, 3, 3]);
  });
});

describe('Grade Bands and Locations', () => {
  it('a grade written as "G1" is an error', async () => {
    await expectRejected(withEdits(put('Grade Bands', 'A2', 'G1')), [at('bad-value', "'Grade Bands'!A2", 'Grade "G1" is not a number')]);
  });

  it('negative Min Points is an error', async () => {
    await expectRejected(withEdits(put('Grade Bands', 'B2', -10)), [at('bad-value', "'Grade Bands'!B2", 'Min Points must not be negative, not -10')]);
  });

  it('a differential with a Unicode minus sign ("\\u22128%") is -8%', async () => {
    const p = await expectParsed(withEdits(put('Locations', 'B3', '\u22128%')));
    expect(p.structure.inputs.locations.map((l) => [l.name, l.differential])).toEqual([['London', 0.12], ['Leeds', -0.08]]);
  });

  it('a differential in accounting parentheses ("(8%)") is -8%', async () => {
    const p = await expectParsed(withEdits(put('Locations', 'B3', '(8%)')));
    expect(p.structure.inputs.locations[1].differential).toBe(-0.08);
  });

  it('a differential typed as percentage points (-8) is -8%', async () => {
    const p = await expectParsed(withEdits(put('Locations', 'B3', -8)));
    expect(p.structure.inputs.locations[1].differential).toBe(-0.08);
  });
});

describe('Merit Guidelines, Bonus Targets and Bonus Multipliers', () => {
  it('a guideline holding #DIV/0! is an error at its cell', async () => {
    await expectRejected(withEdits(put('Merit Guidelines', 'C3', { error: '#DIV/0!' })), [
      at('bad-value', "'Merit Guidelines'!C3", 'guideline #DIV/0! is not a percentage'),
    ]);
  });

  it('a guideline "6 %" (with a space) among fractions is 6%', async () => {
    const p = await expectParsed(withEdits(put('Merit Guidelines', 'C2', '6 %')));
    expect(p.merit!.guidelines!.cells[0]).toEqual([0.07, 0.06, 0.05, 0.04]);
  });

  it('a rating written as a word ("five") is an error', async () => {
    await expectRejected(withEdits(put('Merit Guidelines', 'A2', 'five')), [at('bad-value', "'Merit Guidelines'!A2", 'Rating "five" is not a number')]);
  });

  it('a grade written as "G2" on Bonus Targets is an error', async () => {
    await expectRejected(withEdits(put('Bonus Targets', 'A3', 'G2')), [at('bad-value', "'Bonus Targets'!A3", 'Grade "G2" is not a number')]);
  });

  it('targets typed as "10%" and as 20 (points) are 10% and 20%', async () => {
    const p = await expectParsed(withEdits(put('Bonus Targets', 'B3', '10%'), put('Bonus Targets', 'B4', 20)));
    expect([...p.merit!.bonusTargets!]).toEqual([[1, 0.05], [2, 0.1], [3, 0.2]]);
  });

  it('a grade given twice on Bonus Targets is an error at the second', async () => {
    await expectRejected(withEdits(put('Bonus Targets', 'A4', 2)), [at('duplicate-key', "'Bonus Targets'!A4", 'grade 2 is given twice')]);
  });

  it('a negative multiplier is an error', async () => {
    await expectRejected(withEdits(put('Bonus Multipliers', 'B2', -1)), [at('bad-value', "'Bonus Multipliers'!B2", 'Multiplier must not be negative, not -1')]);
  });
});
