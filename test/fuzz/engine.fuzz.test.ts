/**
 * Property-based fuzzing of the engine on random valid inputs (issue 8, item 2): jobs, survey rows,
 * employees and merit settings generated directly as engine types, run through buildPayStructure,
 * placeEmployees, buildMerit and analysePayEquity. Each invariant is a rule PRODUCT.md ("Calculation
 * rules") states, checked against an independent computation here, never against the engine's own output:
 * - market: aging by whole calendar months, the target percentile interpolated (never extrapolated),
 *   blending by weight, policy rate = market × (1 + position); the pay line is least squares on the
 *   benchmarks' policy rates (ln rate for Exponential and Power);
 * - grade bands e_g, midpoint = pay line at the band centre rounded, minimum = round(mid / (1 + s/2)),
 *   maximum = round(mid × (1 + s) / (1 + s/2)), spread, progression and overlap as defined; every job in
 *   exactly the grade e_{g−1} ≤ p < e_g (the top grade includes e_N);
 * - compa-ratio = salary / midpoint; range penetration = (salary − min) / (max − min), in [0, 1] exactly
 *   when inside the range; red circle above the maximum, green below the minimum;
 * - zones [b_{k−1}, b_k); calibration spends the budget (merit budget % × Σ base × FTE) exactly, the
 *   plan with rounded cells and cents within the rounding of it; no increase negative, amounts to the cent;
 *   bonus scaled to the pool;
 * - Gap = (men − women) / men: a group against itself has no gap; scaling everyone's pay changes no gap;
 *   adding a constant changes no gap's sign; raising every woman's pay by f moves the adjusted gap to
 *   (1 + gap) × f − 1 (the regression is on ln pay with a female indicator).
 *
 * Runs per property are in RUNS (and in each test name); FUZZ_SEED=<seed> replays a failure.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { analysePayEquity, type PayEquityOptions } from '../../src/engine/equity/payEquity';
import { buildMerit, defaultMeritOptions, exactBonus, exactOutcome, type GradeBounds, type MeritAssumptions, type MeritOptions } from '../../src/engine/merit';
import { money } from '../../src/engine/money';
import { buildPayStructure, type PayStructure } from '../../src/engine/payStructure';
import { placeEmployees } from '../../src/engine/placement';
import type { Assumptions, CalendarDate, Employee, Job, MarketRow } from '../../src/engine/types';
import { defaultAssumptions } from '../../src/workbook/assumptions';
import { fuzzSettings } from './arbitraries';

const RUNS = { structure: 600, placement: 300, merit: 400, scenarios: 200, equityOracle: 300, equityTwins: 150, equityScale: 150, equityShift: 150, equityWomen: 150 } as const;

const EFFECTIVE: CalendarDate = { year: 2026, month: 1, day: 1 };
const PERCENTILES = [10, 25, 50, 75, 90];

// ---- generators --------------------------------------------------------------------------------------

interface SurveySpec {
  monthsBack: number;
  day: number;
  published: boolean[];
  steps: number[];
  weight: number;
  noise: number;
}

const survey: fc.Arbitrary<SurveySpec> = fc.record({
  monthsBack: fc.integer({ min: -12, max: 36 }),
  day: fc.integer({ min: 1, max: 28 }),
  published: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }).filter((p) => p.some(Boolean)),
  steps: fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 5, maxLength: 5 }),
  weight: fc.constantFrom(0, 0.5, 1, 1, 1, 2, 3),
  noise: fc.integer({ min: 80, max: 125 }),
});

const jobSpec = fc.record({
  points: fc.oneof(fc.integer({ min: 50, max: 3000 }), fc.double({ min: 50, max: 3000, noNaN: true })),
  benchmark: fc.boolean(),
  surveys: fc.array(survey, { maxLength: 3 }),
});

const structureAssumptions = fc
  .record({
    grades: fc.integer({ min: 1, max: 12 }),
    gradeBands: fc.constantFrom('Equal' as const, 'Geometric' as const),
    low: fc.integer({ min: 0, max: 150 }),
    high: fc.integer({ min: 0, max: 150 }),
    rounding: fc.constantFrom(0, 0.01, 1, 10, 100, 1000),
    payLine: fc.constantFrom('Linear' as const, 'Exponential' as const, 'Power' as const),
    marketPercentile: fc.constantFrom(10, 25, 33, 50, 60, 75, 90),
    marketPosition: fc.integer({ min: -20, max: 20 }),
    agingRate: fc.integer({ min: -5, max: 10 }),
    agingMethod: fc.constantFrom('Simple' as const, 'Compound' as const),
    slottingTolerance: fc.integer({ min: 0, max: 30 }),
  })
  .map((o): Assumptions => ({
    ...defaultAssumptions(),
    effectiveDate: EFFECTIVE,
    grades: o.grades,
    gradeBands: o.gradeBands,
    rangeSpread: { low: o.low / 100, high: o.high / 100 },
    rounding: o.rounding,
    payLine: o.payLine,
    marketPercentile: o.marketPercentile,
    marketPosition: o.marketPosition / 100,
    agingRate: o.agingRate / 100,
    agingMethod: o.agingMethod,
    slottingTolerance: o.slottingTolerance / 100,
  }));

/** Jobs with points, benchmarks and survey rows whose rates rise with points (slope × points, with noise). */
const structureInput = fc.record({ specs: fc.array(jobSpec, { minLength: 2, maxLength: 14 }), slope: fc.integer({ min: 20, max: 150 }), a: structureAssumptions }).map(({ specs, slope, a }) => {
  const jobs: Job[] = specs.map((s, i) => ({ code: `J${i + 1}`, title: `Job ${i + 1}`, points: s.points, benchmark: s.benchmark }));
  const market: MarketRow[] = [];
  specs.forEach((s, i) =>
    s.surveys.forEach((v, k) => {
      const at = new Date(Date.UTC(EFFECTIVE.year, EFFECTIVE.month - 1 - v.monthsBack, v.day));
      let rate = Math.round(((20000 + slope * s.points) * v.noise) / 100);
      const percentiles: MarketRow['percentiles'] = {};
      PERCENTILES.forEach((p, j) => {
        rate = Math.round(rate * (1 + v.steps[j] / 100));
        if (v.published[j]) percentiles[p] = money(rate);
      });
      market.push({ jobCode: `J${i + 1}`, survey: `S${k + 1}`, effectiveDate: { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate() }, percentiles, weight: money(v.weight) });
    }),
  );
  return { jobs, market, a };
});

// ---- independent oracles ---------------------------------------------------------------------------

/** PRODUCT.md, Market: aged, interpolated, blended, positioned; undefined when the job cannot be priced. */
function expectedPolicyRate(rows: MarketRow[], a: Assumptions): { market: number; policy: number } | undefined {
  let sum = 0;
  let weights = 0;
  let any = false;
  for (const r of rows) {
    const published = Object.keys(r.percentiles).map(Number).sort((x, y) => x - y);
    const at = (p: number) => r.percentiles[p]!.toNumber();
    let rate: number | undefined;
    if (published.includes(a.marketPercentile)) rate = at(a.marketPercentile);
    else {
      const hi = published.find((p) => p > a.marketPercentile);
      const lo = [...published].reverse().find((p) => p < a.marketPercentile);
      if (hi !== undefined && lo !== undefined) rate = at(lo) + ((at(hi) - at(lo)) * (a.marketPercentile - lo)) / (hi - lo);
    }
    if (rate === undefined) continue; // no extrapolation: the row is reported and left out
    const t = ((a.effectiveDate.year - r.effectiveDate.year) * 12 + (a.effectiveDate.month - r.effectiveDate.month)) / 12;
    const aged = rate * (a.agingMethod === 'Simple' ? 1 + a.agingRate * t : Math.pow(1 + a.agingRate, t));
    sum += aged * r.weight.toNumber();
    weights += r.weight.toNumber();
    any = true;
  }
  if (!any || weights === 0) return undefined;
  const market = sum / weights;
  return { market, policy: market * (1 + a.marketPosition) };
}

const close = (x: number, y: number, rel: number, abs = 0) => Math.abs(x - y) <= rel * Math.max(Math.abs(x), Math.abs(y)) + abs;

/** The pay line at x, from PRODUCT.md's models. */
const payLineAt = (model: Assumptions['payLine'], a: number, b: number, x: number) => (model === 'Linear' ? a + b * x : model === 'Exponential' ? Math.exp(a + b * x) : Math.exp(a) * Math.pow(x, b));

/** The grade holding p: e_{g−1} ≤ p < e_g, the top grade including e_N. */
function gradeOf(p: number, edges: number[]): number | undefined {
  const n = edges.length - 1;
  if (n < 1 || p < edges[0] || p > edges[n]) return undefined;
  for (let g = n; g >= 1; g--) if (edges[g - 1] <= p) return g;
  return undefined;
}

/**
 * Would the pay line fitted to these inputs leave the doubles anywhere on the points range, as a whole or in the
 * parts the sheet formula multiplies (Power: EXP(a) × points^b, where a tiny EXP(a) times a huge points^b gives
 * 0 × ∞)? The engine then throws (see the it.failing test below); such inputs are left out until it is fixed.
 */
function payLineOverflows(jobs: Job[], market: MarketRow[], a: Assumptions): boolean {
  if (a.payLine === 'Linear') return false;
  const bench = jobs.flatMap((j) => {
    const r = j.benchmark ? expectedPolicyRate(market.filter((m) => m.jobCode === j.code), a) : undefined;
    return r ? [{ x: a.payLine === 'Power' ? Math.log(j.points) : j.points, y: Math.log(r.policy) }] : [];
  });
  if (bench.length < 2) return false;
  const mx = bench.reduce((t, p) => t + p.x, 0) / bench.length;
  const my = bench.reduce((t, p) => t + p.y, 0) / bench.length;
  const sxx = bench.reduce((t, p) => t + (p.x - mx) ** 2, 0);
  if (sxx === 0) return false;
  const b = bench.reduce((t, p) => t + (p.x - mx) * (p.y - my), 0) / sxx;
  const intercept = my - b * mx;
  const points = jobs.map((j) => (a.payLine === 'Power' ? Math.log(j.points) : j.points));
  // ln of the pay line (and of its Power factors) at the lowest and highest points: monotone in between.
  const ends = [Math.min(...points), Math.max(...points)];
  const logs = ends.flatMap((x) => (a.payLine === 'Power' ? [intercept + b * x, intercept, b * x] : [intercept + b * x]));
  return logs.some((l) => !(Math.abs(l) < 690));
}

// ---- market, pay line, grades, ranges, slotting --------------------------------------------------------

describe('buildPayStructure', () => {
  it(`prices, fits, bands, ranges and slots every job as PRODUCT.md defines (${RUNS.structure} runs)`, () => {
    fc.assert(
      fc.property(structureInput, ({ jobs, market, a }) => {
        const s = buildPayStructure({ jobs, market, assumptions: a });
        const errors = s.problems.filter((p) => p.severity === 'error');
        // A pay line that leaves the doubles on the points range is reported, never thrown.
        if (payLineOverflows(jobs, market, a)) {
          expect(errors.length).toBeGreaterThan(0);
          return;
        }

        // Market: every priced job at the expected rate; a job not priced has no usable survey, or an error says why.
        for (const j of jobs) {
          const want = expectedPolicyRate(market.filter((m) => m.jobCode === j.code), a);
          const got = s.priced.get(j.code);
          if (!want) {
            expect(got === undefined || errors.length > 0).toBe(true);
            continue;
          }
          expect(got).toBeDefined();
          expect(close(got!.marketRate.toNumber(), want.market, 1e-12)).toBe(true);
          expect(close(got!.policyRate.toNumber(), want.policy, 1e-12)).toBe(true);
        }

        // Pay line: least squares on the benchmarks' policy rates.
        const bench = jobs.filter((j) => j.benchmark && s.priced.has(j.code));
        const xs = bench.map((j) => (a.payLine === 'Power' ? Math.log(j.points) : j.points));
        const ys = bench.map((j) => s.priced.get(j.code)!.policyRate.toNumber()).map((y) => (a.payLine === 'Linear' ? y : Math.log(y)));
        const mx = xs.reduce((t, x) => t + x, 0) / xs.length;
        const my = ys.reduce((t, y) => t + y, 0) / ys.length;
        const sxx = xs.reduce((t, x) => t + (x - mx) ** 2, 0);
        if (bench.length < 2 || sxx === 0 || (a.payLine !== 'Linear' && ys.some((y) => !Number.isFinite(y)))) {
          expect(s.fit).toBeUndefined();
          expect(errors.length).toBeGreaterThan(0);
          return;
        }
        const b = xs.reduce((t, x, i) => t + (x - mx) * (ys[i] - my), 0) / sxx;
        expect(s.fit).toBeDefined();
        const fit = s.fit!;
        expect(close(fit.b, b, 1e-7, 1e-12)).toBe(true);
        expect(close(fit.a, my - b * mx, 1e-7, 1e-9)).toBe(true);

        // Bands: e0 = lowest points, eN = highest, equal or geometric steps in between.
        const points = jobs.map((j) => j.points);
        const lo = Math.min(...points);
        const hi = Math.max(...points);
        if (s.grades.length === 0) {
          expect(errors.length).toBeGreaterThan(0);
          return;
        }
        const N = a.grades;
        expect(s.grades.length).toBe(N);
        expect(s.edges[0]).toBe(lo);
        expect(s.edges[N]).toBe(hi);
        s.edges.forEach((e, g) => {
          const want = a.gradeBands === 'Equal' ? lo + (g * (hi - lo)) / N : lo * Math.pow(hi / lo, g / N);
          expect(close(e, want, 1e-12, 1e-9)).toBe(true);
          if (g > 0) expect(e).toBeGreaterThanOrEqual(s.edges[g - 1]);
        });

        const R = a.rounding;
        const half = R / 2;
        s.grades.forEach((r, i) => {
          const g = i + 1;
          expect(r.grade).toBe(g);
          expect([r.minPoints, r.maxPoints]).toEqual([s.edges[g - 1], s.edges[g]]);
          // Midpoint: the pay line at the band centre, rounded to the multiple.
          const rate = payLineAt(a.payLine, fit.a, fit.b, (s.edges[g - 1] + s.edges[g]) / 2);
          const mid = r.midpoint.toNumber();
          expect(Math.abs(mid - rate)).toBeLessThanOrEqual(half + 1e-9 * Math.abs(rate));
          if (R > 0) expect(r.midpoint.div(money(R)).isInteger()).toBe(true);
          // Minimum and maximum around the rounded midpoint with the grade's spread (low-high rising linearly).
          const sp = N === 1 ? a.rangeSpread.low : a.rangeSpread.low + ((a.rangeSpread.high - a.rangeSpread.low) * (g - 1)) / (N - 1);
          expect(Math.abs(r.minimum.toNumber() - mid / (1 + sp / 2))).toBeLessThanOrEqual(half + 1e-9 * Math.abs(mid));
          expect(Math.abs(r.maximum.toNumber() - (mid * (1 + sp)) / (1 + sp / 2))).toBeLessThanOrEqual(half + 1e-9 * Math.abs(mid));
          if (r.midpoint.gt(0)) {
            expect(r.minimum.lte(r.midpoint) && r.midpoint.lte(r.maximum)).toBe(true);
            // Strictly inside when the spread moves the minimum by more than half a rounding step.
            if ((mid * (sp / 2)) / (1 + sp / 2) > half * 1.000001 + 1e-6) expect(r.minimum.lt(r.midpoint) && r.midpoint.lt(r.maximum)).toBe(true);
          }
          if (!r.minimum.gt(0)) expect(errors.some((p) => p.code === 'non-positive-range')).toBe(true);
          // Spread, progression and overlap as defined.
          if (!r.minimum.isZero()) expect(r.spread.eq(r.maximum.minus(r.minimum).div(r.minimum))).toBe(true);
          const next = s.grades[i + 1];
          if (next) {
            if (!r.midpoint.isZero()) expect(r.progression!.eq(next.midpoint.div(r.midpoint).minus(1))).toBe(true);
            if (!next.maximum.eq(next.minimum)) expect(r.overlap!.eq(r.maximum.minus(next.minimum).div(next.maximum.minus(next.minimum)))).toBe(true);
            // A rising pay line gives rising midpoints.
            if (fit.b >= 0) expect(next.midpoint.gte(r.midpoint)).toBe(true);
          } else expect(r.progression).toBeUndefined();
        });

        // Slotting: every job in exactly one grade, flagged against its range.
        expect(s.slotting.map((x) => x.job.code)).toEqual(jobs.map((j) => j.code));
        for (const x of s.slotting) {
          const g = gradeOf(x.job.points, s.edges);
          expect(x.grade).toBe(g);
          const range = s.grades[g! - 1];
          const priced = s.priced.get(x.job.code);
          if (!priced) {
            expect(x.flag).toBe('No market data');
            continue;
          }
          expect(x.marketVsMidpoint!.eq(priced.marketRate.div(range.midpoint).minus(1))).toBe(true);
          const m = priced.marketRate;
          const want = m.gt(range.maximum) ? 'Above maximum' : m.lt(range.minimum) ? 'Below minimum' : x.marketVsMidpoint!.gt(a.slottingTolerance) ? 'Above midpoint' : x.marketVsMidpoint!.lt(-a.slottingTolerance) ? 'Below midpoint' : '';
          expect(x.flag).toBe(want);
        }
      }),
      fuzzSettings(RUNS.structure, { shrink: false }),
    );
  });

  // Found by the property above (its first counterexample: a Power pay line through two benchmarks 0.64 points
  // apart). Two benchmarks at 100 and 101 points paid 40,000 and 80,000 give an Exponential pay line
  // ln rate = −58.7 + 0.693 × points, which passes 1e308 above 1,110 points: the top band's centre (1,300) makes
  // exp() Infinity, and fromDouble throws "RangeError: not a finite number: Infinity" out of buildRanges
  // (src/engine/structure.ts). buildPayStructure now reports it as an error (pay-line-overflow).
  it('reports, rather than throws on, a pay line that overflows on the points range', () => {
    const jobs: Job[] = [
      { code: 'J1', title: 'A', points: 100, benchmark: true },
      { code: 'J2', title: 'B', points: 101, benchmark: true },
      { code: 'J3', title: 'C', points: 1500, benchmark: false },
    ];
    const market: MarketRow[] = [
      { jobCode: 'J1', survey: 'S', effectiveDate: EFFECTIVE, percentiles: { 50: money(40000) }, weight: money(1) },
      { jobCode: 'J2', survey: 'S', effectiveDate: EFFECTIVE, percentiles: { 50: money(80000) }, weight: money(1) },
    ];
    const s = buildPayStructure({ jobs, market, assumptions: { ...defaultAssumptions(), effectiveDate: EFFECTIVE, payLine: 'Exponential', grades: 3, rounding: 100 } });
    expect(s.problems.some((p) => p.severity === 'error')).toBe(true);
  });

  // Found by the property above at FUZZ_SCALE=6 (seed −869365757: a Power line through benchmarks at 1,055 and
  // 1,055.7 points). Benchmarks at 1,000 and 1,001 points paid 60,000 and 80,000 fit ln rate = a + b ln points with
  // b ≈ 288 and a ≈ −1,977. The pay line at the band centre (1,000.5) is about 69,000, but computed as EXP(a) ×
  // points^b (predictPayLine, src/engine/payLine.ts) it is 0 × ∞ = NaN, and fromDouble threw "RangeError: not a
  // finite number: NaN" out of buildRanges; it is now reported as an error (pay-line-overflow).
  it('prices a Power pay line whose factors EXP(a) and points^b leave the doubles, or reports it', () => {
    const jobs: Job[] = [
      { code: 'J1', title: 'A', points: 1000, benchmark: true },
      { code: 'J2', title: 'B', points: 1001, benchmark: true },
    ];
    const market: MarketRow[] = [
      { jobCode: 'J1', survey: 'S', effectiveDate: EFFECTIVE, percentiles: { 50: money(60000) }, weight: money(1) },
      { jobCode: 'J2', survey: 'S', effectiveDate: EFFECTIVE, percentiles: { 50: money(80000) }, weight: money(1) },
    ];
    const s = buildPayStructure({ jobs, market, assumptions: { ...defaultAssumptions(), effectiveDate: EFFECTIVE, payLine: 'Power', grades: 1, rounding: 100 } });
    expect(s.grades.length === 1 || s.problems.some((p) => p.severity === 'error')).toBe(true);
  });
});

// ---- placement -----------------------------------------------------------------------------------------

const FTES = [1, 1, 1, 0.8, 0.75, 0.6, 0.5, 0.25];
const DEPARTMENTS = ['Sales', 'Ops', 'R&D', undefined, '  '];

/** A structure that builds (six to ten jobs on a rising line), and employees on its jobs (and on unknown ones). */
const placementInput = fc
  .record({
    grades: fc.integer({ min: 1, max: 8 }),
    rounding: fc.constantFrom(0, 1, 100, 1000),
    spread: fc.integer({ min: 0, max: 120 }),
    points: fc.uniqueArray(fc.integer({ min: 100, max: 2000 }), { minLength: 6, maxLength: 10 }),
    people: fc.array(fc.record({ job: fc.nat(11), cents: fc.integer({ min: 1_000_000, max: 40_000_000 }), fte: fc.constantFrom(...FTES), dept: fc.constantFrom(...DEPARTMENTS) }), { maxLength: 30 }),
  })
  .map(({ grades, rounding, spread, points, people }) => {
    const a: Assumptions = { ...defaultAssumptions(), effectiveDate: EFFECTIVE, payLine: 'Linear', grades, rounding, rangeSpread: { low: spread / 100, high: spread / 100 } };
    const jobs: Job[] = points.map((p, i) => ({ code: `J${i + 1}`, title: `Job ${i + 1}`, points: p, benchmark: true }));
    const market: MarketRow[] = jobs.map((j) => ({ jobCode: j.code, survey: 'S', effectiveDate: EFFECTIVE, percentiles: { 50: money(30000 + 80 * j.points) }, weight: money(1) }));
    const structure = buildPayStructure({ jobs, market, assumptions: a });
    const employees: Employee[] = people.map((p, i) => ({ id: `E${i + 1}`, jobCode: `J${p.job + 1}`, baseSalary: money(p.cents).div(100), fte: p.fte, department: p.dept }));
    return { jobs, structure, employees };
  });

describe('placeEmployees', () => {
  it(`compa-ratio, range penetration, circles and costs follow their definitions; totals add up exactly (${RUNS.placement} runs)`, () => {
    fc.assert(
      fc.property(placementInput, ({ jobs, structure, employees }) => {
        expect(structure.grades.length).toBeGreaterThan(0);
        const placement = placeEmployees({ employees, jobs, structure, assumptions: { paySystem: 'Post' } });
        expect(placement.employees.length).toBe(employees.length);
        let costToMinimum = money(0);
        let red = 0;
        let green = 0;
        placement.employees.forEach((p, i) => {
          const e = employees[i];
          expect(p.employee).toBe(e);
          const job = jobs.find((j) => j.code === e.jobCode);
          expect(p.grade).toBe(job ? gradeOf(job.points, structure.edges) : undefined);
          if (p.grade === undefined) {
            expect([p.compaRatio, p.rangePenetration, p.circle, p.costToMinimum]).toEqual([undefined, undefined, '', 0]);
            return;
          }
          const r = structure.grades[p.grade - 1];
          const [s, min, mid, max] = [e.baseSalary.toNumber(), r.minimum.toNumber(), r.midpoint.toNumber(), r.maximum.toNumber()];
          expect(p.compaRatio).toBe(s / mid);
          if (max > min) {
            expect(p.rangePenetration).toBe((s - min) / (max - min));
            expect(p.rangePenetration! >= 0 && p.rangePenetration! <= 1).toBe(s >= min && s <= max);
          }
          expect(p.circle).toBe(s > max ? 'Red' : s < min ? 'Green' : '');
          expect(p.costToMinimum).toBe(s < min ? (min - s) * e.fte : 0);
          expect(p.excessOverMaximum).toBe(s > max ? (s - max) * e.fte : 0);
          if (s < min) costToMinimum = costToMinimum.plus(r.minimum.minus(e.baseSalary).mul(money(e.fte)));
          if (s > max) red++;
          if (s < min) green++;
        });
        // Totals: one group per grade (the graded), one per department (everyone); costs exact.
        expect(placement.byGrade.reduce((n, t) => n + t.headcount, 0)).toBe(placement.employees.filter((p) => p.grade !== undefined).length);
        expect(placement.byDepartment.reduce((n, t) => n + t.headcount, 0)).toBe(employees.length);
        expect(placement.total.headcount).toBe(employees.length);
        expect([placement.total.red, placement.total.green]).toEqual([red, green]);
        expect(placement.total.costToMinimum.eq(costToMinimum)).toBe(true);
      }),
      fuzzSettings(RUNS.placement),
    );
  });
});

// ---- merit, calibration, bonus ------------------------------------------------------------------------

/** A value one time in `n`, else undefined. */
const sometimes = <T>(a: fc.Arbitrary<T>, n = 10) => fc.oneof({ arbitrary: fc.constant(undefined), weight: n - 1 }, { arbitrary: a, weight: 1 });

const meritInput = fc
  .record({
    grades: fc.array(fc.record({ mid: fc.integer({ min: 300, max: 2000 }), spread: fc.integer({ min: 0, max: 100 }) }), { minLength: 1, maxLength: 6 }),
    jobGrades: fc.array(fc.option(fc.nat(5), { nil: undefined, freq: 8 }), { minLength: 6, maxLength: 6 }),
    people: fc.array(
      fc.record({
        job: fc.nat(6),
        cents: fc.integer({ min: 1_500_000, max: 30_000_000 }),
        fte: fc.constantFrom(...FTES),
        rating: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined, freq: 8 }),
        hire: fc.option(fc.integer({ min: 0, max: 150 }), { nil: undefined }),
        // About one employee in ten has a Merit Override %, or a Merit Eligible cell.
        override: sometimes(fc.integer({ min: 0, max: 100 })),
        eligible: sometimes(fc.boolean()),
        dept: fc.constantFrom(...DEPARTMENTS),
      }),
      { minLength: 3, maxLength: 30 },
    ),
    budget: fc.integer({ min: 0, max: 120 }),
    budgetAmount: sometimes(fc.integer({ min: 0, max: 2_000_000 }), 4),
    cap: fc.boolean(),
    catchUp: fc.boolean(),
    inside: fc.boolean(),
    proration: fc.boolean(),
    zoneBasis: fc.constantFrom('Compa Ratio' as const, 'Quartile' as const),
    zones: fc.constantFrom([0.9, 1, 1.1], [1], [0.8, 0.95, 1.05, 1.2], [0.85, 1.15]),
    matrixRounding: fc.constantFrom(0, 0.0001, 0.001, 0.0025, 0.005),
    pool: fc.option(fc.integer({ min: 0, max: 50_000_000 }), { nil: undefined }),
    bonusRounding: fc.constantFrom(0.01, 1, 5, 100),
    scenarios: fc.uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 5 }),
  })
  .map((o) => {
    const grades: GradeBounds[] = o.grades.map((g, i) => {
      const mid = g.mid * 100;
      const s = g.spread / 100;
      return { grade: i + 1, midpoint: money(mid), minimum: money(Math.round(mid / (1 + s / 2))), maximum: money(Math.round((mid * (1 + s)) / (1 + s / 2))) };
    });
    const gradeOfJob = new Map<string, number>();
    o.jobGrades.forEach((g, j) => g !== undefined && gradeOfJob.set(`J${j + 1}`, (g % grades.length) + 1));
    const employees: Employee[] = o.people.map((p, i) => ({
      id: `E${i + 1}`,
      jobCode: `J${p.job + 1}`,
      baseSalary: money(p.cents).div(100),
      fte: p.fte,
      rating: p.rating,
      department: p.dept,
      hireDate: p.hire === undefined ? undefined : { year: 2014 + Math.floor(p.hire / 12), month: (p.hire % 12) + 1, day: 15 },
    }));
    const a: MeritAssumptions = {
      meritBudget: o.budget / 1000,
      ratingScale: 5,
      ratingThresholds: [1.5, 2.5, 3.5, 4.5],
      compaZones: [...o.zones],
      aboveMaximum: o.cap ? 'Cap' : 'Lump Sum',
      catchUpToMinimum: o.catchUp,
      prorationStart: o.proration ? { year: 2025, month: 1, day: 1 } : undefined,
      bonusPool: o.pool === undefined ? undefined : money(o.pool).div(100),
    };
    const options: MeritOptions = {
      ...defaultMeritOptions(a),
      zoneBasis: o.zoneBasis,
      matrixRounding: o.matrixRounding,
      catchUpFunding: o.inside ? 'Inside Budget' : 'Outside Budget',
      bonusRounding: o.bonusRounding,
      meritBudgetAmount: o.budgetAmount === undefined ? undefined : money(o.budgetAmount),
      budgetScenarios: [...o.scenarios].sort((x, y) => x - y).map((x) => x / 1000),
    };
    const overrides = new Map(o.people.flatMap((p, i) => (p.override === undefined ? [] : [[`E${i + 1}`, p.override / 1000] as [string, number]])));
    const eligibility = new Map(o.people.flatMap((p, i) => (p.eligible === undefined ? [] : [[`E${i + 1}`, p.eligible] as [string, boolean]])));
    return { employees, grades, gradeOfJob, a, options, overrides, eligibility };
  });

const cents = (d: Decimal) => d.decimalPlaces() <= 2;

describe('buildMerit', () => {
  it(`calibration spends the budget; the plan is within its rounding; no increase negative; amounts to the cent; bonus scaled to the pool (${RUNS.merit} runs)`, () => {
    fc.assert(
      fc.property(meritInput, ({ employees, grades, gradeOfJob, a, options, overrides, eligibility }) => {
        const m = buildMerit({ employees, assumptions: a, grades, gradeOfJob, overrides, eligibility, options });
        const { calibration: cal, rows, matrix } = m.plan;
        expect(rows.length).toBe(employees.length);

        // Eligible payroll and budget (PRODUCT.md: merit budget % × Σ base × FTE, or the amount).
        const eligiblePayroll = rows.filter((r) => r.case.eligible).reduce((t, r) => t.plus(r.case.base.mul(money(r.case.fte))), money(0));
        expect(cal.eligiblePayroll.eq(eligiblePayroll)).toBe(true);
        expect(cal.budget.eq(options.meritBudgetAmount ?? eligiblePayroll.mul(money(a.meritBudget)))).toBe(true);

        // Zones [b_{k−1}, b_k), on compa-ratio or range penetration.
        for (const { case: c } of rows) {
          if (c.grade === undefined) continue;
          const base = c.base.toNumber();
          expect(c.compaRatio).toBe(base / c.midpoint!.toNumber());
          const x = options.zoneBasis === 'Quartile' ? c.rangePenetration! : c.compaRatio!;
          const bounds = options.zoneBasis === 'Quartile' ? [0.25, 0.5, 0.75] : a.compaZones;
          const k = c.zone!;
          expect(k >= 1 && k <= bounds.length + 1).toBe(true);
          if (k > 1) expect(x).toBeGreaterThanOrEqual(bounds[k - 2]);
          if (k <= bounds.length) expect(x).toBeLessThan(bounds[k - 1]);
        }

        // Every row: nothing negative, to the cent, new = base + increase + catch-up, stopped at the maximum.
        let bound = money(1e-6);
        for (const { case: c, outcome: row } of rows) {
          // The row's amounts exactly, and as the doubles the sheet holds (each the double of the exact amount).
          const o = exactOutcome(c, row);
          for (const k of ['increase', 'catchUp', 'lumpSum', 'payroll', 'meritCost', 'catchUpCost', 'newPayroll', 'totalCost'] as const) expect(row[k]).toBe(o[k].toNumber());
          expect(row.newSalaryValue).toBe(o.newSalary.toNumber());
          for (const d of [o.increase, o.catchUp, o.lumpSum]) expect(d.gte(0) && cents(d)).toBe(true);
          expect(o.newSalary.eq(c.base.plus(o.increase).plus(o.catchUp))).toBe(true);
          if (a.aboveMaximum === 'Cap') expect(o.lumpSum.isZero()).toBe(true);
          if (!c.eligible) expect(o.increase.isZero() && o.lumpSum.isZero()).toBe(true);
          if (c.maximum) expect(o.increase.lte(Decimal.max(0, c.maximum.minus(c.base)))).toBe(true);
          const f = money(c.fte);
          // What rounding may move this row's cost: its merit % by half a matrix step, and each amount by half a cent.
          const step = c.eligible && c.override === undefined && c.grade !== undefined ? c.base.mul(f).mul(c.proration).mul(options.matrixRounding / 2) : money(0);
          bound = bound.plus(step).plus(f.mul(0.01)).plus(0.005);
        }
        if (cal.status === 'exact') {
          expect(cal.calibratedCost.eq(cal.budget)).toBe(true);
          expect(cal.planCost.minus(cal.budget).abs().lte(bound)).toBe(true);
          // The calibrated matrix is the guideline × one factor.
          matrix.exact.forEach((row, i) => row.forEach((x, z) => expect(x.eq(cal.factor.mul(money(matrix.guideline[i][z])))).toBe(true)));
        }
        if (cal.status === 'unreachable') expect(cal.calibratedCost.lt(cal.budget)).toBe(true);
        if (cal.status === 'over-committed') expect(cal.calibratedCost.gt(cal.budget) && cal.factor.isZero()).toBe(true);
        expect(cal.factor.gte(0)).toBe(true);

        // Bonus: scaled to the pool, rounded to Bonus Rounding, in the order of the targets.
        if (a.bonusPool) {
          const b = m.bonus!;
          expect(b.rows.length).toBe(rows.length);
          // Each row's amounts exactly, and as the doubles the sheet holds.
          const exact = b.rows.map((r) => exactBonus(b, r));
          b.rows.forEach((r, i) => expect([r.target, r.scaled, r.bonus]).toEqual([exact[i].target.toNumber(), exact[i].scaled.toNumber(), exact[i].bonus.toNumber()]));
          for (const r of exact) expect(cents(r.target) && r.target.gte(0) && r.bonus.gte(0) && r.bonus.div(money(options.bonusRounding)).isInteger()).toBe(true);
          if (b.totalTarget.gt(0)) {
            const scaled = exact.reduce((t, r) => t.plus(r.scaled), money(0));
            expect(scaled.toDecimalPlaces(2).eq(a.bonusPool)).toBe(true);
            expect(scaled.minus(a.bonusPool).abs().lte(a.bonusPool.mul(1e-30))).toBe(true);
            expect(b.totalBonus.minus(a.bonusPool).abs().lte(money(options.bonusRounding).div(2).mul(b.rows.length))).toBe(true);
            for (const x of exact) for (const y of exact) if (x.target.lte(y.target)) expect(x.bonus.lte(y.bonus)).toBe(true);
          } else {
            expect(exact.every((r) => r.bonus.isZero())).toBe(true);
            if (a.bonusPool.gt(0)) expect(m.problems.some((p) => p.code === 'bonus-no-targets')).toBe(true);
          }
        }
      }),
      fuzzSettings(RUNS.merit),
    );
  });

  it(`a bigger budget never gets a smaller factor: the scenarios' factors rise with their budgets (${RUNS.scenarios} runs)`, () => {
    fc.assert(
      fc.property(meritInput, ({ employees, grades, gradeOfJob, a, options, overrides, eligibility }) => {
        const m = buildMerit({ employees, assumptions: a, grades, gradeOfJob, overrides, eligibility, options: { ...options, meritBudgetAmount: undefined } });
        const sc = m.scenarios;
        expect(sc.map((s) => s.budgetPercent)).toEqual(options.budgetScenarios);
        for (let i = 1; i < sc.length; i++) expect(sc[i].factor.gte(sc[i - 1].factor)).toBe(true);
        for (const s of sc) if (s.status === 'exact') expect(s.calibratedCost.eq(s.budget)).toBe(true);
      }),
      fuzzSettings(RUNS.scenarios),
    );
  });
});

// ---- pay equity --------------------------------------------------------------------------------------

const SIX: [number, number][] = [[1200, 170000], [900, 150000], [750, 100000], [500, 85000], [300, 60000], [200, 40000]];
const equityJobs: Job[] = SIX.map(([p], i) => ({ code: `J${i + 1}`, title: `Job ${i + 1}`, family: i % 2 ? 'Ops' : 'Sales', points: p, benchmark: true }));
const equityStructure: PayStructure = buildPayStructure({
  jobs: equityJobs,
  market: SIX.map(([, r], i) => ({ jobCode: `J${i + 1}`, survey: 'S', effectiveDate: EFFECTIVE, percentiles: { 50: money(r) }, weight: money(1) })),
  assumptions: { ...defaultAssumptions(), effectiveDate: EFFECTIVE, payLine: 'Linear', grades: 3, rounding: 100 },
});

interface Person {
  gender?: string;
  job: number;
  cents: number;
  fte: number;
  location?: string;
  rating?: number;
  hire?: number;
}

const person: fc.Arbitrary<Person> = fc.record({
  gender: fc.constantFrom('F', 'F', 'F', 'M', 'M', 'M', 'female', 'Male', 'X', undefined),
  job: fc.nat(5),
  cents: fc.integer({ min: 2_000_000, max: 25_000_000 }),
  fte: fc.constantFrom(...FTES),
  location: fc.constantFrom('London', 'Leeds', 'Paris', undefined),
  rating: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined, freq: 6 }),
  hire: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined, freq: 6 }),
});

const toEmployee = (p: Person, i: number, pay = (d: Decimal) => d): Employee => ({
  id: `E${i + 1}`,
  jobCode: `J${p.job + 1}`,
  baseSalary: pay(money(p.cents).div(100)),
  fte: p.fte,
  gender: p.gender,
  location: p.location,
  rating: p.rating,
  hireDate: p.hire === undefined ? undefined : { year: 2009 + Math.floor(p.hire / 12), month: (p.hire % 12) + 1, day: 1 },
});

const equityOptions = fc.record({
  k: fc.integer({ min: 1, max: 3 }),
  controls: fc.subarray(['Grade', 'Job Family', 'Tenure', 'Rating', 'Location', 'FTE']).map((c) => c.join('; ')),
});

function equityOf(employees: Employee[], o: { k: number; controls: string }) {
  const options: PayEquityOptions = { effectiveDate: EFFECTIVE, payGapThreshold: 0.05, minimumGroupSize: o.k, controls: o.controls, categories: 'Grade', fullTimeHours: 40, remediationMethod: 'Regression' };
  return analysePayEquity(placeEmployees({ employees, jobs: equityJobs, structure: equityStructure, assumptions: { paySystem: 'Post' } }), options);
}

const binary = (g: string | undefined) => (g === undefined ? undefined : ['f', 'female'].includes(g.toLowerCase()) ? 'F' : ['m', 'male'].includes(g.toLowerCase()) ? 'M' : undefined);
const meanOf = (xs: number[]) => xs.reduce((t, x) => t + x, 0) / xs.length;
const medianOf = (xs: number[]) => {
  const s = [...xs].sort((x, y) => x - y);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

describe('analysePayEquity', () => {
  const people = fc.array(person, { minLength: 2, maxLength: 50, size: 'medium' });

  it(`Gap = (men − women) / men on means and medians, suppressed under the minimum group size (${RUNS.equityOracle} runs)`, () => {
    fc.assert(
      fc.property(people, equityOptions, (ps, o) => {
        const employees = ps.map((p, i) => toEmployee(p, i));
        const e = equityOf(employees, o);
        const pay = (g: 'F' | 'M') => employees.filter((x) => binary(x.gender) === g).map((x) => x.baseSalary.toNumber());
        const [w, m] = [pay('F'), pay('M')];
        const overall = e.unadjusted.overall;
        expect([overall.nFemale, overall.nMale, overall.headcount]).toEqual([w.length, m.length, employees.length]);
        if (w.length < o.k || m.length < o.k) {
          expect(overall.suppressed).toBe(true);
          expect([overall.meanGap, overall.medianGap]).toEqual([undefined, undefined]);
          return;
        }
        expect(close(overall.meanGap!, (meanOf(m) - meanOf(w)) / meanOf(m), 1e-12, 1e-14)).toBe(true);
        expect(close(overall.medianGap!, (medianOf(m) - medianOf(w)) / medianOf(m), 1e-12, 1e-14)).toBe(true);
      }),
      fuzzSettings(RUNS.equityOracle),
    );
  });

  it(`a group against itself has no gap: women paid exactly as their male twins (${RUNS.equityTwins} runs)`, () => {
    fc.assert(
      fc.property(fc.array(person, { minLength: 1, maxLength: 25, size: 'medium' }), equityOptions, (ps, o) => {
        const men = ps.map((p) => ({ ...p, gender: 'M' }));
        const employees = [...men, ...men.map((p) => ({ ...p, gender: 'F' }))].map((p, i) => toEmployee(p, i));
        const e = equityOf(employees, o);
        for (const g of [e.unadjusted.overall, ...e.unadjusted.byGrade, ...e.unadjusted.byFamily]) {
          if (g.suppressed) continue;
          expect(Math.abs(g.meanGap!)).toBeLessThanOrEqual(1e-12);
          expect(g.medianGap).toBe(0);
        }
        if (e.adjusted.status === 'ok') expect(Math.abs(e.adjusted.gap!)).toBeLessThanOrEqual(1e-9);
      }),
      fuzzSettings(RUNS.equityTwins),
    );
  });

  it(`scaling everyone's pay changes no gap, unadjusted or adjusted (${RUNS.equityScale} runs)`, () => {
    fc.assert(
      fc.property(people, equityOptions, fc.constantFrom(0.5, 1.1, 2, 3.7, 10), (ps, o, c) => {
        const before = equityOf(ps.map((p, i) => toEmployee(p, i)), o);
        const after = equityOf(ps.map((p, i) => toEmployee(p, i, (d) => d.mul(c))), o);
        const pairs = [[before.unadjusted.overall, after.unadjusted.overall], ...before.unadjusted.byGrade.map((g, i) => [g, after.unadjusted.byGrade[i]])];
        for (const [x, y] of pairs) {
          expect(y.suppressed).toBe(x.suppressed);
          if (x.suppressed) continue;
          expect(Math.abs(y.meanGap! - x.meanGap!)).toBeLessThanOrEqual(1e-12);
          expect(Math.abs(y.medianGap! - x.medianGap!)).toBeLessThanOrEqual(1e-12);
        }
        expect(after.adjusted.status).toBe(before.adjusted.status);
        if (before.adjusted.status === 'ok') expect(Math.abs(after.adjusted.gap! - before.adjusted.gap!)).toBeLessThanOrEqual(1e-9);
      }),
      fuzzSettings(RUNS.equityScale),
    );
  });

  it(`adding a constant to everyone's pay changes no gap's sign and shrinks it (${RUNS.equityShift} runs)`, () => {
    fc.assert(
      fc.property(people, equityOptions, fc.integer({ min: 1, max: 100_000 }), (ps, o, c) => {
        const before = equityOf(ps.map((p, i) => toEmployee(p, i)), o);
        const after = equityOf(ps.map((p, i) => toEmployee(p, i, (d) => d.plus(c))), o);
        for (const [x, y] of [[before.unadjusted.overall, after.unadjusted.overall], ...before.unadjusted.byGrade.map((g, i) => [g, after.unadjusted.byGrade[i]])]) {
          if (x.suppressed) continue;
          for (const [gx, gy] of [[x.meanGap!, y.meanGap!], [x.medianGap!, y.medianGap!]]) {
            if (Math.abs(gx) > 1e-12) expect(Math.sign(gy)).toBe(Math.sign(gx));
            expect(Math.abs(gy)).toBeLessThanOrEqual(Math.abs(gx) + 1e-12);
          }
        }
      }),
      fuzzSettings(RUNS.equityShift),
    );
  });

  it(`raising every woman's pay by f moves the adjusted gap to (1 + gap) × f − 1 (${RUNS.equityWomen} runs)`, () => {
    fc.assert(
      fc.property(people, equityOptions, fc.constantFrom(0.8, 0.95, 1.05, 1.25), (ps, o, f) => {
        const before = equityOf(ps.map((p, i) => toEmployee(p, i)), o);
        const after = equityOf(ps.map((p, i) => toEmployee(p, i, (d) => (binary(p.gender) === 'F' ? d.mul(f) : d))), o);
        expect(after.adjusted.status).toBe(before.adjusted.status);
        if (before.adjusted.status !== 'ok') return;
        expect(Math.abs(after.adjusted.gap! - ((1 + before.adjusted.gap!) * f - 1))).toBeLessThanOrEqual(1e-9);
      }),
      fuzzSettings(RUNS.equityWomen),
    );
  });
});
