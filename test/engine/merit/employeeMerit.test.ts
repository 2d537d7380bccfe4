import fc from 'fast-check';
import { money } from '../../../src/engine/money';
import { compaRatio, exactCost, meritZones, monthsInPeriod, proration, rangePenetration, sheetOutcome, zoneOf } from '../../../src/engine/merit';
import { cents, date, meritCase, policy } from './fixtures';

describe('sheetOutcome: one Merit Plan row, as the formulas compute it', () => {
  it('prorated, part-time: 55,555 × 3.7% × 7/12 = 1,199.0620833… → 1,199.06; cost × 0.5', () => {
    const c = meritCase('A', 55555, [45000, 55000, 70000], 0.037, { fte: 0.5, months: 7, proration: 7 / 12 });
    const o = sheetOutcome(c, 0.037, policy());
    expect(cents(o.increase)).toBe('1199.06');
    expect(cents(o.newSalary)).toBe('56754.06');
    expect(o.meritCost.toString()).toBe('599.53');
    expect(o.payroll.toString()).toBe('27777.5');
    expect(o.flag).toBe('Prorated');
  });

  it('rounds half a cent away from zero, as Excel: 50,001 × 3.5% = 1,750.035 → 1,750.04', () => {
    const c = meritCase('A', 50001, [40000, 50000, 60000], 0.035);
    expect(cents(sheetOutcome(c, 0.035, policy()).increase)).toBe('1750.04');
  });

  it('Lump Sum: 98,000 × 3% = 2,940 with 2,000 of room: 2,000 to base, 940 × 0.8 FTE = 752 once', () => {
    const c = meritCase('A', 98000, [70000, 85000, 100000], 0.03, { fte: 0.8 });
    const o = sheetOutcome(c, 0.03, policy());
    expect([cents(o.increase), cents(o.lumpSum), cents(o.newSalary), o.flag]).toEqual(['2000.00', '752.00', '100000.00', 'Lump sum']);
    // Budget cost: 2,000 × 0.8 + 752 = 2,352 = 2,940 × 0.8: under Lump Sum the maximum moves money, not cost.
    expect(cents(o.totalCost)).toBe('2352.00');
    const capped = sheetOutcome(c, 0.03, policy({ cap: true }));
    expect([cents(capped.lumpSum), cents(capped.totalCost), capped.flag]).toEqual(['0.00', '1600.00', 'Capped at maximum']);
  });

  it('already above the maximum: no base increase; the whole increase is a lump sum or forfeited', () => {
    const c = meritCase('A', 110000, [70000, 85000, 100000], 0.03);
    expect(cents(sheetOutcome(c, 0.03, policy()).lumpSum)).toBe('3300.00');
    expect(cents(sheetOutcome(c, 0.03, policy({ cap: true })).newSalary)).toBe('110000.00');
  });

  it('catch-up tops up what merit leaves below the minimum: 40,000 + 1,200 → 45,000', () => {
    const c = meritCase('A', 40000, [45000, 50000, 60000], 0.03);
    const o = sheetOutcome(c, 0.03, policy({ catchUp: true }));
    expect([cents(o.increase), cents(o.catchUp), cents(o.newSalary), o.flag]).toEqual(['1200.00', '3800.00', '45000.00', 'Catch-up to minimum']);
    expect(cents(o.totalCost)).toBe('1200.00');
    expect(cents(sheetOutcome(c, 0.03, policy({ catchUp: true, catchUpInside: true })).totalCost)).toBe('5000.00');
  });

  it('not eligible: no merit (catch-up still applies), and the reason is the flag', () => {
    const c = meritCase('A', 40000, [45000, 50000, 60000], 0, { eligible: false, ineligibility: 'No rating' });
    const o = sheetOutcome(c, 0, policy({ catchUp: true }));
    expect([cents(o.increase), cents(o.catchUp), o.flag]).toEqual(['0.00', '5000.00', 'No rating']);
  });

  it('the exact cost is the same money without the cent rounding', () => {
    const c = meritCase('A', 55555, [45000, 55000, 70000], 0.037, { fte: 0.5, months: 7, proration: 7 / 12 });
    // 55,555 × 0.037 × 7/12 × 0.5 = 599.531041666…
    expect(exactCost(c, money('0.037'), policy()).toDecimalPlaces(6).toString()).toBe('599.531042');
  });
});

describe('zones', () => {
  const bounds = [0.9, 1.0, 1.1];
  it.each([
    [0.5, 1],
    [0.8999, 1],
    [0.9, 2], // a boundary belongs to the zone above it
    [0.99, 2],
    [1.0, 3],
    [1.1, 4],
    [1.6, 4],
  ])('compa-ratio %p is in zone %p', (x, z) => {
    expect(zoneOf(x, bounds)).toBe(z);
  });
  it('compa-ratio 90,000 / 100,000 is exactly the 0.9 boundary', () => {
    expect(zoneOf(compaRatio(90000, 100000), bounds)).toBe(2);
  });
  it('quartiles of the range by penetration; below minimum is Q1, above maximum Q4', () => {
    const q = meritZones('Quartile', bounds);
    expect(q.count).toBe(4);
    expect([-0.2, 0, 0.25, 0.5, 0.7499, 0.75, 1.3].map((p) => zoneOf(p, q.bounds))).toEqual([1, 1, 2, 3, 3, 4, 4]);
    expect(rangePenetration(90000, 80000, 120000)).toBe(0.25);
    expect(rangePenetration(100, 100, 100)).toBe(1);
  });
  it('labels the compa-ratio zones by their bounds; no bounds is one zone', () => {
    expect(meritZones('Compa Ratio', bounds).labels).toEqual(['< 0.90', '0.90–1.00', '1.00–1.10', '≥ 1.10']);
    expect(meritZones('Compa Ratio', [])).toMatchObject({ count: 1, labels: ['All'] });
  });
});

describe('proration: months in the review period / 12, whole months, the hire month counting in full', () => {
  const start = date(2025, 1, 1);
  it.each([
    [date(2024, 6, 15), 12], // hired before the period: a full year
    [date(2025, 1, 20), 12], // in the start month
    [date(2025, 4, 15), 9], // April to December
    [date(2025, 12, 31), 1],
    [date(2026, 1, 1), 0], // after the period
  ])('hired %p: %p months', (hire, months) => {
    expect(monthsInPeriod(hire, start)).toBe(months);
  });
  it('no Proration Start, or no hire date: no proration', () => {
    expect(proration(date(2025, 4, 1), undefined)).toBe(1);
    expect(proration(undefined, start)).toBe(1);
  });
  it('never exceeds 1, never goes below 0', () => {
    const d = fc.record({ year: fc.integer({ min: 1990, max: 2040 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) });
    fc.assert(
      fc.property(d, d, (hire, s) => {
        const p = proration(hire, s);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        expect(Number.isInteger(monthsInPeriod(hire, s))).toBe(true);
      }),
    );
  });
});
