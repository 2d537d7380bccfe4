import { defaultGuidelines, defaultScenarios, guidelineOf, validateGuidelines, validateMeritSettings } from '../../../src/engine/merit';
import { meritAssumptions, meritOptions } from './fixtures';

describe('guideline matrix', () => {
  it('default: 6% for the top rating low in the range, less as the rating falls and the position rises', () => {
    const g = defaultGuidelines(5, 4);
    expect(g.ratings).toEqual([5, 4, 3, 2, 1]);
    expect(g.cells).toEqual([
      [0.06, 0.05, 0.04, 0.03],
      [0.045, 0.035, 0.025, 0.015],
      [0.03, 0.02, 0.01, 0],
      [0.015, 0.005, 0, 0],
      [0, 0, 0, 0],
    ]);
    expect(guidelineOf(g, 4, 2)).toBe(0.035);
    expect(guidelineOf(g, 6, 1)).toBeUndefined();
    // Other shapes follow the same rule: three ratings, one zone.
    expect(defaultGuidelines(3, 1).cells).toEqual([[0.06], [0.03], [0]]);
  });

  it('validation: shape, ratings, negative and implausible cells, missing ratings', () => {
    const problems = validateGuidelines(
      { ratings: [5, 4, 4, 9], cells: [[0.05, 0.04], [0.03], [0.02, -0.01], [0.6, 0.7]], source: 'sheet', where: { sheet: 'Merit Guidelines', rows: [2, 3, 4, 5] } },
      5,
      2,
    );
    expect(validateGuidelines(defaultGuidelines(5, 3), 5, 4).map((p) => p.message)).toEqual([
      "'Merit Guidelines': the matrix has 3 zone columns; the zones (Compa Zones, or quartiles) need 4",
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      "'Merit Guidelines'!3:3: the row for rating 4 has 1 zone columns; the zones need 2",
      "'Merit Guidelines'!4:4: rating 4 has two rows",
      "'Merit Guidelines'!4:4: zone 2 for rating 4: -0.01 is not a percentage of 0 or more",
      "'Merit Guidelines'!5:5: rating 9 is not a whole number from 1 to 5 (Rating Scale)",
      "'Merit Guidelines'!5:5: zone 1 for rating 9: 60% is an unusually large merit guideline",
      "'Merit Guidelines'!5:5: zone 2 for rating 9: 70% is an unusually large merit guideline",
      "'Merit Guidelines': no guideline row for rating 1, 2, 3: employees so rated get no merit increase",
    ]);
  });
});

describe('merit settings', () => {
  it('default scenarios: half a point either side of the budget', () => {
    expect(defaultScenarios(0.03)).toEqual([0.025, 0.03, 0.035]);
    expect(defaultScenarios(0.002)).toEqual([0.002, 0.007]);
  });
  it('flags thresholds that do not fit the scale and a target distribution that does not sum to 100%', () => {
    const a = meritAssumptions({ ratingThresholds: [2, 3, 4] });
    const problems = validateMeritSettings(a, meritOptions({ targetDistribution: [0.1, 0.2, 0.5, 0.2, 0.05] }, a));
    expect(problems.map((p) => [p.severity, p.code])).toEqual([
      ['warning', 'rating-thresholds-count'],
      ['warning', 'target-distribution-sum'],
    ]);
    expect(validateMeritSettings(meritAssumptions(), meritOptions())).toEqual([]);
  });
});
