import { money } from '../../../src/engine/money';
import { ratingOfScore, resolveRatings, scoreAppraisals } from '../../../src/engine/merit';
import type { AppraisalRow } from '../../../src/engine/types';
import { employee } from './fixtures';

const row = (employeeId: string, weight: number, score: number, line = 2): AppraisalRow => ({ employeeId, weight, score, ref: { sheet: 'Appraisal', row: line } });
const scale = { min: 1, max: 5 };
const thresholds = { ratingScale: 5, ratingThresholds: [1.5, 2.5, 3.5, 4.5] };

describe('appraisal scores', () => {
  it('weighted mean of the objectives: 50% × 4 + 30% × 3 + 20% × 5 = 3.9 → rating 4', () => {
    const { scores, problems } = scoreAppraisals([employee('E1', 50000)], [row('E1', 0.5, 4), row('E1', 0.3, 3), row('e1', 0.2, 5)], scale);
    expect(problems).toEqual([]);
    expect(scores.get('E1')!.score!.toString()).toBe('3.9');
    expect(ratingOfScore(scores.get('E1')!.score!, thresholds.ratingThresholds, 5)).toBe(4);
  });

  it('scores are exact decimals, so a score on a threshold is not lost to binary rounding', () => {
    // 0.1×5 + 0.2×5 + 0.7×3 = 3.6 in decimals (3.5999999999999996 in doubles); and 50/50 of 3 and 4 is exactly 3.5 → rating 4.
    const { scores } = scoreAppraisals([employee('E1', 1), employee('E2', 1)], [row('E1', 0.1, 5), row('E1', 0.2, 5), row('E1', 0.7, 3), row('E2', 0.5, 3), row('E2', 0.5, 4)], scale);
    expect(scores.get('E1')!.score!.toString()).toBe('3.6');
    expect(ratingOfScore(scores.get('E2')!.score!, thresholds.ratingThresholds, 5)).toBe(4);
  });

  it('thresholds: a score on a threshold earns the higher rating', () => {
    expect([1, 1.49, 1.5, 2.5, 3.49, 4.5, 5].map((s) => ratingOfScore(money(s), thresholds.ratingThresholds, 5))).toEqual([1, 1, 2, 3, 3, 5, 5]);
  });

  it('problems: weights not summing to 100%, scores outside the scale, unknown employees', () => {
    const { scores, problems } = scoreAppraisals(
      [employee('E1', 1), employee('E2', 1)],
      [row('E1', 0.5, 4, 2), row('E1', 0.4, 2, 3), row('E2', 1, 7, 4), row('X9', 1, 3, 5), row('X9', 1, 3, 6)],
      scale,
    );
    expect(problems.map((p) => [p.severity, p.code, p.message])).toEqual([
      ['error', 'score-outside-scale', 'Appraisal!4:4: score 7 for employee "E2" is outside the score scale 1–5'],
      ['warning', 'appraisal-unknown-employee', 'Appraisal!5:5: 2 appraisal row(s) for employee "X9", who is not on the Employees sheet, are ignored'],
      ['warning', 'appraisal-weights', 'Appraisal!2:2: the appraisal weights of employee "E1" sum to 90%, not 100%; the score is the weighted mean'],
    ]);
    // (0.5 × 4 + 0.4 × 2) / 0.9 = 2.8 / 0.9 = 3.111…
    expect(scores.get('E1')!.score!.toDecimalPlaces(6).toString()).toBe('3.111111');
    expect(scores.has('E2')).toBe(false);
  });

  it('finds each row’s employee whatever the rows’ order: in the Employees order, shuffled, in other case, after an unknown ID', () => {
    const employees = ['E1', 'E2', 'E3', 'E4'].map((id) => employee(id, 1));
    // E1..E4 score 1..4, each from two objectives of 50%.
    const inOrder = employees.flatMap((e, i) => [row(e.id, 0.5, i + 1), row(e.id, 0.5, i + 1)]);
    const scored = (rows: AppraisalRow[]) => {
      const { scores } = scoreAppraisals(employees, rows, scale);
      return employees.map((e) => scores.get(e.id)?.score?.toString());
    };
    expect(scored(inOrder)).toEqual(['1', '2', '3', '4']);
    // E3's rows first, E2's in lower case, one of E4's after an unknown employee, E1's split around the others.
    const shuffled = [inOrder[4], inOrder[5], row('e2', 0.5, 2), inOrder[0], row('X9', 1, 5), inOrder[6], row('E2', 0.5, 2), inOrder[7], inOrder[1]];
    expect(scored(shuffled)).toEqual(['1', '2', '3', '4']);
    // The employee after an unknown ID is not assumed to be the next one.
    expect(scored([row('E1', 1, 5), row('X9', 1, 5), row('E3', 1, 3), row('E2', 1, 2), row('E4', 1, 4)])).toEqual(['5', '2', '3', '4']);
  });
});

describe('resolveRatings', () => {
  it('appraisal first, the Rating column otherwise; the unrated are listed', () => {
    const employees = [
      employee('E1', 1, { rating: 2, ref: { sheet: 'Employees', row: 2 } }),
      employee('E2', 1, { rating: 5, ref: { sheet: 'Employees', row: 3 } }),
      employee('E3', 1, { ref: { sheet: 'Employees', row: 4 } }),
      employee('E4', 1, { rating: 3.5, ref: { sheet: 'Employees', row: 5 } }),
    ];
    const { scores } = scoreAppraisals(employees, [row('E1', 1, 4)], scale);
    const { ratings, unrated, problems } = resolveRatings(employees, scores, thresholds);
    expect([...ratings.values()].map((r) => [r.employeeId, r.rating, r.source])).toEqual([
      ['E1', 4, 'Appraisal'],
      ['E2', 5, 'Rating'],
      ['E3', undefined, 'None'],
      ['E4', undefined, 'None'],
    ]);
    expect(unrated.map((e) => e.id)).toEqual(['E3', 'E4']);
    expect(problems.map((p) => [p.severity, p.code])).toEqual([
      ['info', 'rating-from-appraisal'],
      ['error', 'rating-outside-scale'],
      ['warning', 'no-rating'],
    ]);
    expect(problems[2].message).toContain('2 employee(s) have no rating and get no merit increase: "E3", "E4"');
  });
});
