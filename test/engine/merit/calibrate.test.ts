import Decimal from 'decimal.js';
import fc from 'fast-check';
import { fromDouble, money, ONE, ZERO } from '../../../src/engine/money';
import { calibratePlan, exactCost, exactPct, planCostAt, solveFactor, solveFactors, type MeritCase, type MeritGuidelines, type MeritPolicy } from '../../../src/engine/merit';
import { cents, meritAssumptions, meritCase, meritOptions, policy } from './fixtures';

// Hand-solved calibrations: each expected factor is worked out in the comment from the cost formula
// cost = Σ FTE × (MAX(MIN(u, max − base), catch-up gap) + lump), u = base × k × guideline × months/12.

describe('solveFactor: caps make the cost non-linear in the factor', () => {
  // A: 100,000 with 2,000 of room to the maximum; B: 100,000 with plenty. Both 5% guidelines. Budget 6,000.
  const a = meritCase('A', 100000, [80000, 100000, 102000], 0.05);
  const b = meritCase('B', 100000, [80000, 100000, 200000], 0.05);

  it('Cap: A stops at 2,000 once k ≥ 0.4, so 2,000 + 5,000k = 6,000 gives k = 0.8', () => {
    const s = solveFactor([a, b], money(6000), policy({ cap: true }));
    expect(s.status).toBe('exact');
    expect(s.factor.toString()).toBe('0.8');
    expect(cents(planCostAt([a, b], s.factor, policy({ cap: true })))).toBe('6000.00');
  });

  it('Lump Sum: the excess still counts, 10,000k = 6,000 gives k = 0.6', () => {
    const s = solveFactor([a, b], money(6000), policy());
    expect(s.factor.toString()).toBe('0.6');
  });

  it('Cap with the budget beyond reach: everyone at the maximum', () => {
    // A can take 2,000 and B (max 103,000) 3,000: at most 5,000, reached when B hits the maximum at k = 3,000/5,000 = 0.6.
    const b2 = meritCase('B', 100000, [80000, 100000, 103000], 0.05);
    const s = solveFactor([a, b2], money(6000), policy({ cap: true }));
    expect(s.status).toBe('unreachable');
    expect(s.factor.toString()).toBe('0.6');
    expect(s.cost.toString()).toBe('5000');
  });

  it('nobody with room under Cap cannot spend anything', () => {
    const atMax = meritCase('C', 100000, [80000, 90000, 100000], 0.05);
    expect(solveFactor([atMax], money(3000), policy({ cap: true }))).toMatchObject({ status: 'unreachable', factor: ZERO });
  });
});

describe('solveFactor: catch-up to minimum', () => {
  // A: 40,000 below a 45,000 minimum (gap 5,000), 5% guideline: u = 2,000k. B: 100,000, 5%: 5,000k. Budget 8,000.
  const a = meritCase('A', 40000, [45000, 50000, 60000], 0.05);
  const b = meritCase('B', 100000, [80000, 100000, 150000], 0.05);

  it('inside the budget: A costs MAX(2,000k, 5,000); 5,000 + 5,000k = 8,000 gives k = 0.6', () => {
    const p = policy({ catchUp: true, catchUpInside: true });
    const s = solveFactor([a, b], money(8000), p);
    expect(s.factor.toString()).toBe('0.6');
    // Past A's gap (k > 2.5) both rise: 7,000k = 21,000 gives k = 3.
    expect(solveFactor([a, b], money(21000), p).factor.toString()).toBe('3');
  });

  it('outside the budget: 2,000k + 5,000k = 8,000 gives k = 8/7', () => {
    const s = solveFactor([a, b], money(8000), policy({ catchUp: true }));
    expect(s.factor.minus(money(8).div(7)).abs().lt(1e-35)).toBe(true);
  });

  it('catch-up alone over the budget: over-committed, k = 0', () => {
    const s = solveFactor([a, b], money(4000), policy({ catchUp: true, catchUpInside: true }));
    expect(s).toMatchObject({ status: 'over-committed' });
    expect(s.factor.toString()).toBe('0');
    expect(s.cost.toString()).toBe('5000');
  });
});

describe('solveFactor: proration, FTE and overrides', () => {
  it('half a year halves the increase: 100,000 × 4% × 6/12 × k = 1,000 gives k = 0.5', () => {
    const c = meritCase('A', 100000, [80000, 100000, 150000], 0.04, { months: 6, proration: 0.5 });
    expect(solveFactor([c], money(1000), policy()).factor.toString()).toBe('0.5');
  });

  it('cost is × FTE: 100,000 × 4% × k × 0.5 = 1,500 gives k = 0.75', () => {
    const c = meritCase('A', 100000, [80000, 100000, 150000], 0.04, { fte: 0.5 });
    expect(solveFactor([c], money(1500), policy()).factor.toString()).toBe('0.75');
  });

  it('an override is a fixed cost the others are calibrated around', () => {
    const a = meritCase('A', 100000, [80000, 100000, 150000], 0.05, { override: 0.1 });
    const b = meritCase('B', 100000, [80000, 100000, 150000], 0.05);
    // 10,000 + 5,000k = 12,000 gives k = 0.4.
    expect(solveFactor([a, b], money(12000), policy()).factor.toString()).toBe('0.4');
    expect(solveFactor([a, b], money(6000), policy()).status).toBe('over-committed');
  });

  it('ineligible employees cost nothing and do not count', () => {
    const a = meritCase('A', 100000, [80000, 100000, 150000], 0.05, { eligible: false, ineligibility: 'No rating' });
    const b = meritCase('B', 100000, [80000, 100000, 150000], 0.05);
    expect(solveFactor([a, b], money(2500), policy()).factor.toString()).toBe('0.5');
    expect(solveFactor([a], money(2500), policy()).status).toBe('no-eligible');
  });
});

describe('calibratePlan: the sheet plan honours the maximum', () => {
  const g: MeritGuidelines = { ratings: [3], cells: [[0.05]], source: 'sheet' };
  const a = meritCase('A', 100000, [80000, 100000, 102000], 0.05);
  const b = meritCase('B', 100000, [80000, 100000, 200000], 0.05);

  it('Cap: k = 0.8, the cell shows 4.0%, A stops at the maximum and the lump sum is forfeited', () => {
    const plan = calibratePlan([a, b], g, meritAssumptions({ aboveMaximum: 'Cap' }), meritOptions({ meritBudgetAmount: money(6000) }));
    expect(plan.matrix.cells).toEqual([[0.04]]);
    const [ra, rb] = plan.rows.map((r) => r.outcome);
    expect([cents(ra.increase), cents(ra.newSalary), cents(ra.lumpSum), ra.flag]).toEqual(['2000.00', '102000.00', '0.00', 'Capped at maximum']);
    expect([cents(rb.increase), cents(rb.newSalary)]).toEqual(['4000.00', '104000.00']);
    expect(cents(plan.calibration.planCost)).toBe('6000.00');
    expect(plan.calibration.budgetPercent).toBeUndefined();
  });

  it('Lump Sum: k = 0.6, A gets 2,000 to the maximum and 1,000 once', () => {
    const plan = calibratePlan([a, b], g, meritAssumptions(), meritOptions({ meritBudgetAmount: money(6000) }));
    expect(plan.matrix.cells).toEqual([[0.03]]);
    const [ra] = plan.rows.map((r) => r.outcome);
    expect([cents(ra.increase), cents(ra.lumpSum), ra.flag]).toEqual(['2000.00', '1000.00', 'Lump sum']);
    expect(cents(plan.calibration.planCost)).toBe('6000.00');
  });
});

// ---- Properties ----------------------------------------------------------------------------------

const caseArb = fc
  .record({
    base: fc.integer({ min: 20000, max: 250000 }),
    mid: fc.integer({ min: 300, max: 2000 }).map((x) => x * 100),
    spread: fc.constantFrom(0.3, 0.5, 0.8),
    fte: fc.constantFrom(1, 0.5, 0.8, 0.6),
    guideline: fc.integer({ min: 0, max: 120 }).map((x) => x / 1000),
    months: fc.integer({ min: 0, max: 12 }),
    eligible: fc.integer({ min: 1, max: 20 }).map((x) => x > 3),
    override: fc.option(fc.integer({ min: 0, max: 80 }).map((x) => x / 1000), { freq: 8 }),
  })
  .map((r): MeritCase => {
    const min = Math.round(r.mid / (1 + r.spread / 2));
    const max = Math.round((r.mid * (1 + r.spread)) / (1 + r.spread / 2));
    return meritCase('x', r.base, [min, r.mid, max], r.guideline, {
      fte: r.fte,
      months: r.months,
      proration: r.months / 12,
      eligible: r.eligible,
      ineligibility: r.eligible ? undefined : 'Not eligible',
      override: r.eligible && r.override !== null ? r.override : undefined,
    });
  });

const policyArb: fc.Arbitrary<MeritPolicy> = fc.record({ cap: fc.boolean(), catchUp: fc.boolean(), catchUpInside: fc.boolean() });
const casesArb = fc.array(caseArb, { minLength: 1, maxLength: 25 });
const budgetArb = fc.integer({ min: 0, max: 120 }).map((x) => x / 1000);
const payroll = (cases: MeritCase[]) => cases.filter((c) => c.eligible).reduce((s, c) => s.plus(c.base.mul(c.fte)), ZERO);

/** An independent oracle: bisection on the monotone cost, 200 halvings. */
function bisect(cases: MeritCase[], budget: Decimal, p: MeritPolicy): Decimal {
  let lo = ZERO;
  let hi = money(1);
  while (planCostAt(cases, hi, p).lt(budget) && hi.lt(1e6)) hi = hi.mul(2);
  for (let i = 0; i < 200; i++) {
    const mid = lo.plus(hi).div(2);
    if (planCostAt(cases, mid, p).lt(budget)) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * The sweep as plainly written, every Decimal operation in order: the engine's sweep must give the same
 * digits (it only leaves out work: integer sums of exact terms, exact k where the doubles cannot decide).
 */
function plainSolve(cases: MeritCase[], budgets: Decimal[], p: MeritPolicy): { factor: string; cost: string; status: string }[] {
  const dec = (x: number) => fromDouble(x);
  const max = (a: Decimal, b: Decimal) => (a.gte(b) ? a : b);
  const floorOn = p.catchUp && p.catchUpInside;
  let cost = ZERO;
  let slope = ZERO;
  const events: { k: Decimal; kd: number; slope: Decimal; active: number }[] = [];
  let scalable = 0;
  for (const c of cases) {
    if (!c.eligible || c.override !== undefined || c.grade === undefined || c.maximum === undefined || c.minimum === undefined) {
      cost = cost.plus(exactCost(c, exactPct(c, ZERO), p));
      continue;
    }
    scalable++;
    const f = dec(c.fte);
    const room = max(ZERO, c.maximum.minus(c.base));
    const floor = floorOn ? max(ZERO, c.minimum.minus(c.base)) : ZERO;
    if (floor.gt(0)) cost = cost.plus(floor.mul(f));
    const b = c.base.mul(dec(c.guideline)).mul(c.months).div(12);
    if (!b.gt(0)) continue;
    if (p.cap && !room.gt(floor)) continue;
    const rate = b.mul(f);
    const bd = b.toNumber();
    events.push({ k: floor.isZero() ? ZERO : floor.div(b), kd: floor.isZero() ? 0 : floor.toNumber() / bd, slope: rate, active: 1 });
    if (p.cap) events.push({ k: room.div(b), kd: room.toNumber() / bd, slope: rate.neg(), active: -1 });
  }
  const out: { factor: Decimal; cost: Decimal; status: string }[] = new Array(budgets.length);
  const order = budgets.map((b, i) => ({ b, i })).sort((x, y) => x.b.comparedTo(y.b));
  let q = 0;
  const answer = (x: { factor: Decimal; cost: Decimal; status: string }) => (out[order[q++].i] = x);
  if (scalable === 0 && cases.every((c) => !c.eligible)) while (q < order.length) answer({ factor: ZERO, cost, status: 'no-eligible' });
  while (q < order.length && cost.gt(order[q].b)) answer({ factor: ZERO, cost, status: 'over-committed' });
  while (q < order.length && cost.eq(order[q].b)) answer({ factor: ZERO, cost, status: 'exact' });
  events.sort((x, y) => x.kd - y.kd);
  for (let i = 1; i < events.length; i++) {
    const e = events[i];
    let j = i - 1;
    while (j >= 0 && events[j].k.gt(e.k)) events[j + 1] = events[j--];
    events[j + 1] = e;
  }
  let at = ZERO;
  let active = 0;
  for (let i = 0; i < events.length && q < order.length; ) {
    const k = events[i].k;
    if (slope.gt(0)) {
      const end = cost.plus(slope.mul(k.minus(at)));
      while (q < order.length && end.gte(order[q].b)) answer({ factor: at.plus(order[q].b.minus(cost).div(slope)), cost: order[q].b, status: 'exact' });
      cost = end;
    }
    at = k;
    while (i < events.length && events[i].k.eq(k)) {
      slope = slope.plus(events[i].slope);
      active += events[i++].active;
    }
    if (active === 0) slope = ZERO;
  }
  while (q < order.length) {
    const budget = order[q].b;
    if (cost.eq(budget)) answer({ factor: at, cost, status: 'exact' });
    else if (slope.gt(0)) answer({ factor: at.plus(budget.minus(cost).div(slope)), cost: budget, status: 'exact' });
    else answer({ factor: at, cost, status: 'unreachable' });
  }
  return out.map((x) => ({ factor: x.factor.toString(), cost: x.cost.toString(), status: x.status }));
}

describe('the sweep gives the digits of the plain sweep', () => {
  // Ties: employees whose k (room / b) coincide exactly, from different salaries and guidelines.
  const tieArb = fc
    .record({ base: fc.constantFrom(50000, 100000, 75000), room: fc.constantFrom(500, 1000, 2000, 4000), g: fc.constantFrom(0.01, 0.02, 0.015), fte: fc.constantFrom(1, 0.5, 0.8), months: fc.constantFrom(12, 6, 7) })
    .map((r) => meritCase('t', r.base, [r.base - 2 * r.room, r.base, r.base + r.room], r.g, { fte: r.fte, months: r.months, proration: r.months / 12 }));
  it('factor, cost and status to the last of 40 digits, for every policy, proration, FTE, override and tie', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(caseArb, tieArb), { minLength: 1, maxLength: 40 }), policyArb, fc.array(budgetArb, { minLength: 1, maxLength: 4 }), (cases, p, pcts) => {
        const budgets = pcts.map((pct) => money(pct).mul(payroll(cases)));
        const got = solveFactors(cases, budgets, p).map((x) => ({ factor: x.factor.toString(), cost: x.cost.toString(), status: x.status }));
        expect(got).toEqual(plainSolve(cases, budgets, p));
        // The plan's exact cost is the term-by-term decimal sum too.
        for (const k of [ONE, ZERO, money('0.8'), solveFactor(cases, budgets[0], p).factor]) {
          expect(planCostAt(cases, k, p).toString()).toBe(cases.reduce((t, c) => t.plus(exactCost(c, exactPct(c, k), p)), ZERO).toString());
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('calibration properties', () => {
  it('the calibrated plan spends the budget to the cent (before cell rounding), and bisection agrees on the factor', () => {
    fc.assert(
      fc.property(casesArb, policyArb, budgetArb, (cases, p, pct) => {
        const budget = money(pct).mul(payroll(cases));
        const s = solveFactor(cases, budget, p);
        const cost = planCostAt(cases, s.factor, p);
        if (s.status === 'exact') {
          expect(cost.minus(budget).abs().lte(0.005)).toBe(true);
          // Where the cost is flat at the budget (everyone capped) the smallest root is reported; bisection finds it too.
          expect(s.factor.minus(bisect(cases, budget, p)).abs().lte(1e-25)).toBe(true);
        } else if (s.status === 'over-committed') {
          expect(planCostAt(cases, ZERO, p).gt(budget)).toBe(true);
        } else if (s.status === 'unreachable') {
          expect(cost.lt(budget)).toBe(true);
          // The highest cost there is: a larger factor spends no more (to 40-digit division).
          expect(planCostAt(cases, s.factor.mul(1000).plus(1000), p).minus(cost).abs().lt(1e-20)).toBe(true);
          expect(s.cost.minus(cost).abs().lt(1e-20)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('one sweep for several budgets answers each as its own solve would', () => {
    fc.assert(
      fc.property(casesArb, policyArb, fc.array(budgetArb, { minLength: 1, maxLength: 5 }), (cases, p, pcts) => {
        const budgets = pcts.map((pct) => money(pct).mul(payroll(cases)));
        expect(solveFactors(cases, budgets, p)).toEqual(budgets.map((b) => solveFactor(cases, b, p)));
      }),
      { numRuns: 200 },
    );
  });

  it('the cost is monotone (non-decreasing) in the factor', () => {
    fc.assert(
      fc.property(casesArb, policyArb, fc.double({ min: 0, max: 5, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), (cases, p, x, y) => {
        const [k1, k2] = x <= y ? [x, y] : [y, x];
        expect(planCostAt(cases, money(k1), p).lte(planCostAt(cases, money(k2), p))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("nobody's new salary exceeds the maximum (or their own salary when already above it), under Cap or Lump Sum", () => {
    const g: MeritGuidelines = { ratings: [3], cells: [[0.05]], source: 'sheet' };
    fc.assert(
      fc.property(casesArb, fc.boolean(), fc.boolean(), budgetArb, (cases, cap, catchUp, pct) => {
        const rated = cases.map((c) => ({ ...c, guideline: c.eligible ? 0.05 : 0 }));
        const plan = calibratePlan(
          rated,
          g,
          meritAssumptions({ aboveMaximum: cap ? 'Cap' : 'Lump Sum', catchUpToMinimum: catchUp, meritBudget: pct }),
          meritOptions(),
        );
        for (const { case: c, outcome: o } of plan.rows) {
          const ceiling = Decimal.max(c.base, c.maximum!);
          expect(o.newSalary.lte(ceiling)).toBe(true);
          if (cap) expect(o.lumpSum).toBe(0);
          expect(o.increase >= 0 && o.lumpSum >= 0 && o.catchUp >= 0).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
