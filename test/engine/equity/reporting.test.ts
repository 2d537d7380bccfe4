/**
 * The statutory figures.
 * UK: SI 2017/172 reg. 2(1)(a)–(f); bonus gaps over those paid a bonus (reg. 10, 11: "relevant employees
 * who were paid bonus pay"), proportions paid a bonus (reg. 12), quartile bands (reg. 13).
 * EU: Directive (EU) 2023/970 Art. 9(1)(a)–(g); a category whose gap in average pay is 5% or more
 * either way is flagged for a joint pay assessment (Art. 10(1)).
 */
import { equityRecords, type EquityRecord } from '../../../src/engine/equity/records';
import { euPayTransparency, ukGenderPayGap } from '../../../src/engine/equity/reporting';
import { STANDARD_FIELDS } from '../../../src/engine/equity/fields';
import { analysePayEquity } from '../../../src/engine/equity/payEquity';
import { money } from '../../../src/engine/money';
import { placed, placementOf } from './helpers';

const EFFECTIVE = { year: 2026, month: 1, day: 1 };
const gradeField = { name: 'Grade', value: STANDARD_FIELDS.find((f) => f.name === 'Grade')!.value };
const recordsOf = (list: ReturnType<typeof placed>[]) => equityRecords(list, { effectiveDate: EFFECTIVE, fullTimeHours: 40 });
const repeat = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

describe('UK gender pay gap figures', () => {
  // 6 women at £20/h (2 with a £1,000 bonus), 6 men at £25/h (4 with a £2,000 bonus, one £4,000).
  const hourly = (h: number) => money(h * 52 * 40);
  const records: EquityRecord[] = recordsOf([
    ...repeat(6, (i) => placed({ gender: 'F', baseSalary: hourly(20), weeklyHours: 40, bonus: i < 2 ? money(1000) : undefined })),
    ...repeat(6, (i) => placed({ gender: 'M', baseSalary: hourly(25), weeklyHours: 40, bonus: i < 3 ? money(2000) : i === 3 ? money(4000) : money(0) })),
    placed({ gender: 'X', baseSalary: hourly(50), weeklyHours: 40, bonus: money(9000) }),
  ]);
  it('(a), (b): mean and median hourly pay gaps', () => {
    const uk = ukGenderPayGap(records, { minimumGroupSize: 2, payGapThreshold: 0.05 });
    expect(uk.relevant).toEqual({ female: 6, male: 6, other: 1 });
    expect(uk.hourly.meanFemale).toBeCloseTo(20, 12);
    expect(uk.hourly.meanGap).toBeCloseTo(0.2, 12);
    expect(uk.hourly.medianGap).toBeCloseTo(0.2, 12);
  });
  it('(c), (d): bonus gaps over those paid a bonus; (e): the proportions paid one', () => {
    const uk = ukGenderPayGap(records, { minimumGroupSize: 2, payGapThreshold: 0.05 });
    expect(uk.bonus.hasData).toBe(true);
    expect(uk.bonus.gap.meanFemale).toBe(1000);
    expect(uk.bonus.gap.meanMale).toBe(2500); // (2,000 × 3 + 4,000) / 4
    expect(uk.bonus.gap.meanGap).toBeCloseTo(0.6, 12);
    expect(uk.bonus.gap.medianGap).toBeCloseTo(0.5, 12); // medians 1,000 and 2,000
    expect(uk.bonus.female).toEqual({ count: 2, of: 6, share: 2 / 6, suppressed: false });
    expect(uk.bonus.male).toEqual({ count: 4, of: 6, share: 4 / 6, suppressed: false });
  });
  it('(f): quartile bands; a figure over too few people is suppressed', () => {
    const uk = ukGenderPayGap(records, { minimumGroupSize: 2, payGapThreshold: 0.05 });
    expect(uk.quartiles.map((b) => [b.female, b.male])).toEqual([[3, 0], [3, 0], [0, 3], [0, 3]]);
    const strict = ukGenderPayGap(records, { minimumGroupSize: 3, payGapThreshold: 0.05 });
    expect(strict.bonus.gap.suppressed).toBe(true); // 2 women paid a bonus
    expect(strict.bonus.gap.meanGap).toBeUndefined();
    expect(strict.hourly.suppressed).toBe(false);
    expect(ukGenderPayGap(records, { minimumGroupSize: 4, payGapThreshold: 0.05 }).quartiles.every((b) => b.suppressed && b.femaleShare === undefined)).toBe(true);
  });
});

describe('EU Article 9 and the Article 10 flag', () => {
  // Grade 1: women paid 4% less (not flagged); grade 2: women 5% less (flagged: at the threshold);
  // grade 3: men 10% less (flagged, men disadvantaged); grade 4: 2 women only (suppressed, never flagged).
  const pay = (g: number, f: number, m: number) => [
    ...repeat(5, () => placed({ gender: 'F', grade: g, baseSalary: money(f), weeklyHours: 40 })),
    ...repeat(5, () => placed({ gender: 'M', grade: g, baseSalary: money(m), weeklyHours: 40 })),
  ];
  const records = recordsOf([
    ...pay(1, 48000, 50000),
    ...pay(2, 57000, 60000),
    ...pay(3, 80000, 72000),
    placed({ gender: 'F', grade: 4, baseSalary: money(90000) }),
    placed({ gender: 'F', grade: 4, baseSalary: money(91000) }),
    placed({ gender: 'M', grade: 4, baseSalary: money(99000) }),
  ]);
  const eu = euPayTransparency(records, gradeField, { minimumGroupSize: 5, payGapThreshold: 0.05 });
  it('(g): the gap by category, flagged at or above the threshold either way', () => {
    expect(eu.categories.map((c) => [c.category, c.flagged, c.disadvantaged])).toEqual([
      [1, false, 'F'],
      [2, true, 'F'],
      [3, true, 'M'],
      [4, false, undefined],
    ]);
    expect(eu.categories[1].total.meanGap).toBeCloseTo(0.05, 12);
    expect(eu.categories[2].basic.meanGap).toBeCloseTo(-8000 / 72000, 12);
    expect(eu.categories[3].total.suppressed).toBe(true);
    expect(eu.categoryField).toBe('Grade');
  });
  it('(a)–(f) over everyone; variable pay absent is reported as such', () => {
    expect(eu.pay.nFemale).toBe(17);
    expect(eu.variable.hasData).toBe(false);
    expect(eu.variable.gap.suppressed).toBe(true);
    expect(eu.quartiles.reduce((s, b) => s + b.size, 0)).toBe(33);
  });
  it('pay equity reads the category of workers from Pay Categories, and warns on an unknown one', () => {
    const staff = records.map((r) => r.placed);
    const options = { effectiveDate: EFFECTIVE, payGapThreshold: 0.05, minimumGroupSize: 5, controls: '', categories: 'Nonsense', fullTimeHours: 40, remediationMethod: 'Compa-Ratio' as const };
    const equity = analysePayEquity(placementOf(staff), options);
    expect(equity.problems.map((p) => p.code)).toEqual(['unknown-pay-category']);
    expect(equity.eu.categoryField).toBe('Grade');
  });
});
