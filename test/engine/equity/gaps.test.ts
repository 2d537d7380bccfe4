/**
 * Unadjusted gaps: Gap = (men − women) / men for means and medians (PRODUCT.md, calculation rules;
 * the UK regulations' reg. 8 and 9 and the Directive's Art. 3(1)(c) define the gap the same way),
 * small groups suppressed, genders beyond F and M counted but left out.
 */
import fc from 'fast-check';
import { gapOfGroup, gapsBy, median } from '../../../src/engine/equity/gaps';
import { binaryGender, genderLabel } from '../../../src/engine/equity/gender';
import { equityRecords, tenureYears } from '../../../src/engine/equity/records';
import { STANDARD_FIELDS } from '../../../src/engine/equity/fields';
import { money } from '../../../src/engine/money';
import { placed } from './helpers';

const EFFECTIVE = { year: 2026, month: 1, day: 1 };
const recordsOf = (list: ReturnType<typeof placed>[]) => equityRecords(list, { effectiveDate: EFFECTIVE, fullTimeHours: 40 });
const grade = STANDARD_FIELDS.find((f) => f.name === 'Grade')!.value;

describe('gender', () => {
  it('reads the common spellings of F and M, anything else is kept as written', () => {
    expect(['F', 'female', ' Woman ', 'W'].map(binaryGender)).toEqual(['F', 'F', 'F', 'F']);
    expect(['M', 'Male', 'man'].map(binaryGender)).toEqual(['M', 'M', 'M']);
    expect(['X', 'Non-binary', '', undefined].map(binaryGender)).toEqual([undefined, undefined, undefined, undefined]);
    expect(['X', ' ', undefined, 'female'].map(genderLabel)).toEqual(['X', '(blank)', '(blank)', 'F']);
  });
});

describe('mean and median gaps', () => {
  const staff = [
    ...[40000, 50000, 60000].map((s) => placed({ gender: 'F', baseSalary: money(s), grade: 1 })),
    ...[50000, 60000, 70000, 80000].map((s) => placed({ gender: 'M', baseSalary: money(s), grade: 1 })),
    placed({ gender: 'X', baseSalary: money(100000), grade: 1 }),
    placed({ gender: undefined, baseSalary: money(10000), grade: 1 }),
  ];
  it('gap = (men − women) / men, for the mean and for the median; other genders counted, not in the gap', () => {
    const g = gapOfGroup('All', recordsOf(staff), (r) => r.base, 3);
    expect(g).toEqual(
      expect.objectContaining({ headcount: 9, nFemale: 3, nMale: 4, nOther: 2, suppressed: false, meanFemale: 50000, meanMale: 65000, medianFemale: 50000, medianMale: 65000 }),
    );
    expect(g.meanGap).toBeCloseTo(15000 / 65000, 15);
    expect(g.medianGap).toBeCloseTo(15000 / 65000, 15);
  });
  it('suppresses, without computing, a figure over fewer than the minimum group size of either gender', () => {
    const g = gapOfGroup('All', recordsOf(staff), (r) => r.base, 4);
    expect(g.suppressed).toBe(true);
    expect(g.meanFemale).toBeUndefined();
    expect(g.meanGap).toBeUndefined();
    expect(g.medianGap).toBeUndefined();
    expect(g.nFemale).toBe(3);
  });
  it('is negative when women are paid more', () => {
    const list = [placed({ gender: 'F', baseSalary: money(110) }), placed({ gender: 'M', baseSalary: money(100) })];
    expect(gapOfGroup('All', recordsOf(list), (r) => r.base, 1).meanGap).toBeCloseTo(-0.1, 15);
  });
  it('by group, groups in order (grades numerically), employees without a value left out', () => {
    const list = [10, 2, 1, 2, undefined].map((g) => placed({ gender: 'F', grade: g }));
    expect(gapsBy(recordsOf(list), grade, (r) => r.base, 1).map((g) => [g.group, g.headcount])).toEqual([[1, 1], [2, 2], [10, 1]]);
  });
});

describe('median', () => {
  it("is Excel's MEDIAN", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5, 5, 5, 5])).toBe(5);
    expect(median([])).toBeUndefined();
  });
  it('agrees with sorting, for any data', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 200 }), (xs) => {
        const s = [...xs].sort((a, b) => a - b);
        const m = s.length >> 1;
        expect(median(xs)).toBe(s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2);
      }),
    );
  });
});

describe('pay measures', () => {
  it('hourly pay = base × FTE / 52 / weekly hours; blank hours: FTE × full-time hours', () => {
    const [own, blank] = recordsOf([placed({ baseSalary: money(52000), fte: 0.5, weeklyHours: 20 }), placed({ baseSalary: money(52000), fte: 0.5 })]);
    expect(own.hourlyPay).toBeCloseTo(25, 12); // 26,000 a year over 20 h × 52
    expect(blank.weeklyHours).toBe(20); // 0.5 × 40
    expect(blank.hourlyPay).toBeCloseTo(25, 12);
  });
  it('hourly total pay adds the bonus; tenure counts whole months to the effective date', () => {
    const [r] = recordsOf([placed({ baseSalary: money(52000), bonus: money(5200), weeklyHours: 40, hireDate: { year: 2020, month: 7, day: 31 } })]);
    expect(r.hourlyTotalPay).toBeCloseTo(27.5, 12);
    expect(r.hasBonus).toBe(true);
    expect(r.tenure).toBe(5.5); // July 2020 → January 2026: 66 months
    expect(tenureYears({ year: 2027, month: 1, day: 1 }, EFFECTIVE)).toBe(0); // hired after: 0, not negative
  });
});
