import { money } from '../../../src/engine/money';
import { buildPayStructure } from '../../../src/engine/payStructure';
import { applyStructureOptions } from '../../../src/engine/structureOptions/apply';
import { DEFAULT_STRUCTURE_OPTIONS, type StructureOptions } from '../../../src/engine/structureOptions/options';
import type { Job, MarketRow } from '../../../src/engine/types';
import { assumptions, job, marketRow, SIX_BENCHMARKS } from '../fixtures';

// The six-benchmark example of test/engine/payStructure.test.ts: a linear line 17,042.70 + 130.5828 × points,
// 5 equal bands over 100–1,500 points, spread 50%, rounding 100.
const benchmarkJobs = SIX_BENCHMARKS.map(([points], i) => job(`B${points}`, points, true, i + 2));
const jobs: Job[] = [...benchmarkJobs, job('LOW', 100, false, 8), job('HIGH', 1500, false, 9)];
const market: MarketRow[] = SIX_BENCHMARKS.map(([points, salary]) => marketRow(`B${points}`, { 25: Math.round(salary * 0.9), 50: salary, 75: Math.round(salary * 1.1) }));
const a = assumptions();
const base = buildPayStructure({ jobs, market, assumptions: a });
const apply = (o: Partial<StructureOptions> = {}) => applyStructureOptions(base, jobs, a, { ...DEFAULT_STRUCTURE_OPTIONS, ...o });
const mids = (s: { grades: { midpoint: { toString(): string } }[] }) => s.grades.map((g) => Number(g.midpoint.toString()));

describe('applyStructureOptions on the six-benchmark example', () => {
  it('with the defaults changes nothing: the same ranges and slotting as buildPayStructure', () => {
    const s = apply();
    expect(s.problems).toEqual([]);
    expect(s.grades.map((g) => [g.minimum, g.midpoint, g.maximum, g.progression, g.overlap].map(String))).toEqual(
      base.grades.map((g) => [g.minimum, g.midpoint, g.maximum, g.progression, g.overlap].map(String)),
    );
    expect(s.slotting.map((x) => [x.job.code, x.grade, x.flag])).toEqual(base.slotting.map((x) => [x.job.code, x.grade, x.flag]));
  });

  it('measures each grade: benchmark jobs, their market rate range, the rounding effect', () => {
    const { quality } = apply();
    // Slotting (payStructure.test.ts): grade 1 B300 60,000 and B200 40,000; grade 2 B500 85,000;
    // grade 3 B900 150,000 and B750 100,000; grade 4 B1200 170,000; grade 5 none (HIGH is not a benchmark).
    expect(quality.map((q) => [q.grade, q.benchmarkJobs, q.marketLow?.toNumber(), q.marketHigh?.toNumber(), q.marketSpread?.toFixed(4)])).toEqual([
      [1, 2, 40000, 60000, '0.5000'],
      [2, 1, 85000, 85000, '0.0000'],
      [3, 2, 100000, 150000, '0.5000'],
      [4, 1, 170000, 170000, '0.0000'],
      [5, 0, undefined, undefined, undefined],
    ]);
    // Grade 1: 48,400 − (17,042.70 + 130.5828 × 240 = 48,382.57) = +17.43, +0.036%.
    expect(quality[0].roundingEffect).toBeCloseTo(17.43, 1);
    expect(quality[0].roundingEffectPct).toBeCloseTo(17.43 / 48382.57, 6);
    for (const q of quality) expect(Math.abs(q.roundingEffect)).toBeLessThanOrEqual(50);
  });

  it('Progression: grade 1 from the pay line, then 10% a grade', () => {
    // 48,400; × 1.1 = 53,240 → 53,200; 58,520 → 58,500; 64,350 → 64,400; 70,840 → 70,800.
    const s = apply({ midpointMethod: 'Progression', progression: { low: 0.1, high: 0.1 } });
    expect(mids(s)).toEqual([48400, 53200, 58500, 64400, 70800]);
    // Each midpoint against the one below × 1.1: 53,200 − 53,240, 58,500 − 58,520, 64,400 − 64,350, 70,800 − 70,840.
    expect(s.quality.slice(1).map((q) => +q.roundingEffect.toFixed(6))).toEqual([-40, -20, 50, -40]);
    expect(s.grades.map((g) => g.midpointSource)).toEqual(['Pay Line', 'Progression', 'Progression', 'Progression', 'Progression']);
  });

  it('given bands replace the computed ones, with their overrides; jobs are slotted on them', () => {
    const s = apply({
      givenBands: [
        { grade: 1, minPoints: 100, maxPoints: 400 },
        { grade: 2, minPoints: 400, maxPoints: 800, spread: 0.6 },
        { grade: 3, minPoints: 800, maxPoints: 1500, midpoint: money(150000) },
      ],
    });
    expect(s.problems).toEqual([]);
    expect(s.edges).toEqual([100, 400, 800, 1500]);
    // Grade 1 centre 250: 17,042.70 + 130.5828 × 250 = 49,688.4 → 49,700; grade 2 centre 600: 95,392.4 → 95,400 at 60%.
    expect(s.grades.map((g) => [g.grade, g.midpointSource, g.midpoint.toNumber(), g.designSpread])).toEqual([
      [1, 'Pay Line', 49700, 0.5],
      [2, 'Pay Line', 95400, 0.6],
      [3, 'Given', 150000, 0.5],
    ]);
    // 95,400 / 1.3 = 73,384.6 → 73,400; × 1.6 / 1.3 = 117,415.4 → 117,400.
    expect([s.grades[1].minimum, s.grades[1].maximum].map(Number)).toEqual([73400, 117400]);
    expect(s.slotting.map((x) => [x.job.code, x.grade])).toEqual([
      ['B1200', 3], ['B900', 3], ['B750', 2], ['B500', 2], ['B300', 1], ['B200', 1], ['LOW', 1], ['HIGH', 3],
    ]);
  });

  it('bad given bands stop the structure with their problems', () => {
    const s = apply({ givenBands: [{ grade: 1, minPoints: 100, maxPoints: 500 }, { grade: 2, minPoints: 400, maxPoints: 1500 }] });
    expect(s.grades).toEqual([]);
    expect(s.problems.map((p) => p.code)).toEqual(['grade-bands-overlap']);
  });

  it('builds the broadbands, step scale and location ranges on the designed grades', () => {
    const s = apply({ broadbands: { bands: 2 }, steps: 3, stepMethod: 'Equal Amount', locations: [{ name: 'City', differential: 0.1 }] });
    expect(s.broadbands!.map((b) => [b.firstGrade, b.lastGrade, b.minimum.toNumber(), b.maximum.toNumber()])).toEqual([
      [1, 2, 38700, 101900],
      [3, 5, 97200, 233500],
    ]);
    // Grade 1 (38,700–58,100): 38,700; 48,400; 58,100.
    expect(s.steps![0].steps.map(Number)).toEqual([38700, 48400, 58100]);
    expect(s.locationRanges!.filter((r) => r.grade === 1).map((r) => [r.minimum, r.midpoint, r.maximum].map(Number))).toEqual([[42600, 53200, 63900]]);
  });

  it('reports broadbands and steps that cannot be built', () => {
    expect(apply({ broadbands: { bands: 9 } }).problems.map((p) => p.code)).toEqual(['invalid-broadbands']);
    expect(apply({ steps: 1 }).problems.map((p) => p.code)).toEqual(['invalid-steps']);
  });
});
