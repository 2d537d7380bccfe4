import fc from 'fast-check';
import { factorMaxPoints, levelPoints, levelRatio, levelScale, validateFactorPlan, type Factor, type FactorPlan } from '../../../src/engine/evaluation/factorPlan';

const plan = (factors: Factor[], over: Partial<FactorPlan> = {}): FactorPlan => ({ factors, totalPoints: 1000, progression: 'Arithmetic', ...over });
const factor = (name: string, weight: number, levels: number): Factor => ({ name, weight, levels });

// The point-factor method (Armstrong, Job Evaluation Handbook, ch. 7 "Point-factor schemes": "a maximum
// points score is allocated to each factor … the total score for a factor is divided between the levels
// … progression may be arithmetic, eg 50, 100, 150, 200"), with the issue's published examples.
describe('factor points: the published examples', () => {
  it('in a 1,000-point plan a 35% factor is worth 350 points at its top level', () => {
    expect(factorMaxPoints(factor('Skill', 0.35, 5), 1000)).toBe(350);
    expect(levelPoints(factor('Skill', 0.35, 5), 5, plan([]))).toBe(350);
  });

  it('a 100-point factor with 4 levels gives 25 / 50 / 75 / 100', () => {
    expect(levelScale(factor('Effort', 0.1, 4), plan([]))).toEqual([25, 50, 75, 100]);
  });

  it('with 5 levels it steps by 20: 20 / 40 / 60 / 80 / 100', () => {
    expect(levelScale(factor('Effort', 0.1, 5), plan([]))).toEqual([20, 40, 60, 80, 100]);
  });

  it('Armstrong\'s arithmetic scale 50, 100, 150, 200: a 200-point factor with 4 levels', () => {
    expect(levelScale(factor('Knowledge', 0.2, 4), plan([]))).toEqual([50, 100, 150, 200]);
  });

  it('a job\'s points are the sum over the factors (by hand: 210 + 125 + 200 + 50 = 585)', () => {
    // 1,000 points: Skill 35% (5 levels), Effort 25% (4), Responsibility 25% (5), Working Conditions 15% (3).
    // Levels 3, 2, 4, 1: 350·3/5 + 250·2/4 + 250·4/5 + 150·1/3 = 210 + 125 + 200 + 50.
    const p = plan([factor('Skill', 0.35, 5), factor('Effort', 0.25, 4), factor('Responsibility', 0.25, 5), factor('Working Conditions', 0.15, 3)]);
    const levels = [3, 2, 4, 1];
    const points = p.factors.map((f, i) => levelPoints(f, levels[i], p));
    expect(points.map((x) => +x.toFixed(9))).toEqual([210, 125, 200, 50]);
    expect(points.reduce((s, x) => s + x, 0)).toBeCloseTo(585, 9);
  });
});

describe('geometric levels', () => {
  const geometric = plan([], { progression: 'Geometric' });

  it('by default keep the arithmetic end points, with a constant ratio r = L^(1/(L−1)) between', () => {
    // 4 levels of 100: r = 4^(1/3) = 1.587401; 100/r² = 39.685, 100/r = 62.996.
    expect(levelRatio(4)).toBeCloseTo(1.587401052, 9);
    expect(levelScale(factor('Effort', 0.1, 4), geometric).map((x) => +x.toFixed(3))).toEqual([25, 39.685, 62.996, 100]);
    // 5 levels of 100: r = 5^(1/4) = 1.495349; 20, 29.907, 44.721, 66.874, 100.
    expect(levelScale(factor('Effort', 0.1, 5), geometric).map((x) => +x.toFixed(3))).toEqual([20, 29.907, 44.721, 66.874, 100]);
  });

  it('with a Level Step of 15% reproduce the Hay Guide Chart series 100, 115, 132, 152, 175', () => {
    // Hay's points rise in steps of about 15% (the series seen in published Hay profiles: 132, 152, 175, 200…,
    // e.g. functiewaardering.org/en-gb/hay-methode-toepassen). A 175-point factor with 5 levels, step 15%:
    // 175/1.15⁴ = 100.06, 175/1.15³ = 115.06, 175/1.15² = 132.33, 175/1.15 = 152.17, 175.
    const hay = plan([], { progression: 'Geometric', levelStep: 0.15 });
    expect(levelScale(factor('Know-How', 0.175, 5), hay).map((x) => Math.round(x))).toEqual([100, 115, 132, 152, 175]);
  });

  it('one level is the whole factor', () => {
    expect(levelScale(factor('Only', 0.3, 1), geometric)).toEqual([300]);
    expect(levelScale(factor('Only', 0.3, 1), plan([]))).toEqual([300]);
  });
});

describe('validateFactorPlan', () => {
  const codes = (p: FactorPlan) => validateFactorPlan(p).map((x) => x.code);

  it('accepts weights summing to 100%, even with the float error of 0.35 + 0.25 + 0.25 + 0.15', () => {
    expect(codes(plan([factor('A', 0.35, 5), factor('B', 0.25, 4), factor('C', 0.25, 5), factor('D', 0.15, 3)]))).toEqual([]);
    expect(codes(plan([factor('A', 0.1, 2), factor('B', 0.2, 2), factor('C', 0.7, 2)]))).toEqual([]);
  });

  it('weights not summing to 100% are an error that says what the top job would score', () => {
    const problems = validateFactorPlan({ ...plan([factor('A', 0.35, 5), factor('B', 0.6, 4)]), factors: [{ ...factor('A', 0.35, 5), ref: { sheet: 'Factor Plan', row: 2 } }, factor('B', 0.6, 4)] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', code: 'factor-weights-sum', where: { sheet: 'Factor Plan' } });
    expect(problems[0].message).toBe("'Factor Plan': the factor weights sum to 95%, not 100%; a job at the top of every factor would score 950 points, not Total Points (1000)");
  });

  it('bad weights, level counts, repeated factors and total points', () => {
    expect(codes(plan([factor('A', 0, 3), factor('B', 1, 2.5)]))).toEqual(['invalid-factor-weight', 'invalid-factor-levels']);
    expect(codes(plan([factor('Skill', 0.5, 3), factor(' skill ', 0.5, 3)]))).toEqual(['duplicate-factor']);
    expect(codes(plan([factor('A', 1, 3)], { totalPoints: 0 }))).toEqual(['invalid-total-points']);
    expect(codes(plan([]))).toEqual(['empty-factor-plan']);
    expect(codes(plan([factor('A', 1, 3)], { progression: 'Geometric', levelStep: -0.1 }))).toEqual(['invalid-level-step']);
  });
});

describe('factor point properties', () => {
  const factorArb = fc.record({
    weight: fc.integer({ min: 1, max: 100 }).map((w) => w / 100),
    levels: fc.integer({ min: 1, max: 12 }),
  });

  it('levels rise strictly from the bottom to the top, which is worth weight × Total Points', () => {
    fc.assert(
      fc.property(factorArb, fc.integer({ min: 10, max: 10000 }), fc.constantFrom('Arithmetic' as const, 'Geometric' as const), fc.option(fc.double({ min: 0.01, max: 1, noNaN: true }), { nil: undefined }), (f, total, progression, levelStep) => {
        const p = { totalPoints: total, progression, levelStep };
        const scale = levelScale(f, p);
        expect(scale).toHaveLength(f.levels);
        expect(scale[f.levels - 1]).toBeCloseTo(f.weight * total, 9);
        for (let i = 1; i < scale.length; i++) expect(scale[i]).toBeGreaterThan(scale[i - 1]);
        if (progression === 'Arithmetic') scale.forEach((x, i) => expect(x).toBeCloseTo((f.weight * total * (i + 1)) / f.levels, 9));
        else {
          // A constant ratio between adjacent levels; by default the lowest level is the arithmetic one.
          const r = levelRatio(f.levels, levelStep);
          for (let i = 1; i < scale.length; i++) expect(scale[i] / scale[i - 1]).toBeCloseTo(r, 9);
          if (levelStep === undefined) expect(scale[0]).toBeCloseTo((f.weight * total) / f.levels, 9);
        }
      }),
    );
  });

  it('a job at the top of every factor scores Total Points when the weights sum to 100%', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 8 }), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 8, maxLength: 8 }), (parts, levels) => {
        const sum = parts.reduce((s, x) => s + x, 0);
        const factors = parts.map((x, i) => factor(`F${i}`, x / sum, levels[i]));
        for (const progression of ['Arithmetic', 'Geometric'] as const) {
          const p = plan(factors, { progression });
          const top = factors.reduce((s, f) => s + levelPoints(f, f.levels, p), 0);
          expect(top).toBeCloseTo(1000, 9);
        }
      }),
    );
  });
});
