import { money } from '../../../src/engine/money';
import { gradeOfPoints } from '../../../src/engine/structure';
import { bandGapProblems, givenBandEdges, validateGivenBands, type GivenBand } from '../../../src/engine/structureOptions/givenBands';

const band = (grade: number, minPoints: number, maxPoints: number, over: Partial<GivenBand> = {}): GivenBand => ({ grade, minPoints, maxPoints, ref: { sheet: 'Grade Bands', row: grade + 1 }, ...over });

describe('given grade bands', () => {
  // Whole-point bands as plans publish them: 100–199, 200–299, 300–399.
  const bands = [band(1, 100, 199), band(2, 200, 299), band(3, 300, 399)];

  it('place points by the band minimums, as MATCH(points, Min Points, 1) does, up to the top maximum', () => {
    const edges = givenBandEdges(bands);
    expect(edges).toEqual([100, 200, 300, 399]);
    expect([99, 100, 199, 199.5, 200, 399, 399.5].map((p) => gradeOfPoints(p, edges))).toEqual([undefined, 1, 1, 1, 2, 3, undefined]);
  });

  it('warn about points that fall in a gap between bands', () => {
    const problems = bandGapProblems([{ label: 'job "X"', points: 199.5, where: { sheet: 'Jobs', cell: 'D4' } }, { label: 'job "Y"', points: 200 }], bands);
    expect(problems.map((p) => p.message)).toEqual(['Jobs!D4: job "X": 199.5 points fall between grade 1 (up to 199) and grade 2 (from 200); placed in grade 1']);
  });

  it('accept bands in any row order and bands sharing an edge', () => {
    expect(validateGivenBands([band(2, 200, 300), band(1, 100, 200)])).toEqual([]);
    expect(givenBandEdges([band(2, 200, 300), band(1, 100, 200)])).toEqual([100, 200, 300]);
  });

  it('reject bad numbering, inverted or overlapping bands, bad overrides', () => {
    const problems = validateGivenBands([
      band(1, 100, 250),
      band(2, 200, 300, { midpoint: money(0) }),
      band(4, 400, 350, { spread: 0 }),
    ]);
    expect(problems.map((p) => [p.code, p.where?.row])).toEqual([
      ['grade-bands-overlap', 3],
      ['grade-band-midpoint', 3],
      ['grade-band-numbering', 5],
      ['grade-band-order', 5],
      ['grade-band-spread', 5],
    ]);
    expect(validateGivenBands([]).map((p) => p.code)).toEqual(['no-grade-bands']);
  });
});
