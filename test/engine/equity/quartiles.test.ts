/**
 * UK quartile pay bands, The Equality Act 2010 (Gender Pay Gap Information) Regulations 2017
 * (SI 2017/172), regulation 13: rank by hourly pay, four sections of (so far as possible) equal size,
 * and, by 13(2), employees on the same rate who fall in more than one band shared so that the
 * proportion of men and women on that rate is the same in each band.
 */
import { equityRecords } from '../../../src/engine/equity/records';
import { quartileBands, type RankedPay } from '../../../src/engine/equity/quartiles';
import { ukGenderPayGap } from '../../../src/engine/equity/reporting';
import { money } from '../../../src/engine/money';
import { placed } from './helpers';

const people = (spec: [pay: number, gender: 'F' | 'M'][]): RankedPay[] => spec.map(([pay, gender]) => ({ pay, gender }));

describe('quartile pay bands', () => {
  it('eight people, four paid £10 (two men, two women) straddling a boundary: 50%/50% in both bands they span', () => {
    // £10 an hour = 19,500 a year at 37.5 hours a week, full time.
    const annual = (hourly: number) => money(hourly * 52 * 37.5);
    const staff = [
      placed({ gender: 'M', baseSalary: annual(8), weeklyHours: 37.5 }),
      placed({ gender: 'F', baseSalary: annual(9), weeklyHours: 37.5 }),
      // The tie, listed men first so that a plain sort would put both men in one band.
      placed({ gender: 'M', baseSalary: annual(10), weeklyHours: 37.5 }),
      placed({ gender: 'M', baseSalary: annual(10), weeklyHours: 37.5 }),
      placed({ gender: 'F', baseSalary: annual(10), weeklyHours: 37.5 }),
      placed({ gender: 'F', baseSalary: annual(10), weeklyHours: 37.5 }),
      placed({ gender: 'M', baseSalary: annual(12), weeklyHours: 37.5 }),
      placed({ gender: 'F', baseSalary: annual(13), weeklyHours: 37.5 }),
    ];
    const records = equityRecords(staff, { effectiveDate: { year: 2026, month: 1, day: 1 }, fullTimeHours: 37.5 });
    expect(records.map((r) => r.hourlyPay)).toEqual([8, 9, 10, 10, 10, 10, 12, 13]);
    const uk = ukGenderPayGap(records, { minimumGroupSize: 1, payGapThreshold: 0.05 });
    expect(uk.quartiles.map((b) => [b.band, b.size, b.female, b.male, b.femaleShare, b.maleShare])).toEqual([
      ['Lower', 2, 1, 1, 0.5, 0.5],
      ['Lower middle', 2, 1, 1, 0.5, 0.5],
      ['Upper middle', 2, 1, 1, 0.5, 0.5],
      ['Upper', 2, 1, 1, 0.5, 0.5],
    ]);
  });

  it('a tie spread over three bands keeps its proportion in each, in whole people', () => {
    // 8 people; six on £10: 4 women, 2 men, taking ranks 1–6, i.e. 1 place in Lower, 2 in each middle band, 1 in Upper.
    const bands = quartileBands(people([[9, 'M'], [10, 'F'], [10, 'F'], [10, 'F'], [10, 'F'], [10, 'M'], [10, 'M'], [11, 'M']]));
    expect(bands.map((b) => [b.female, b.male])).toEqual([
      [1, 1], // £9 man + 1 of the tie: 4 × 1/6 = 0.67 women → 1 by largest remainder
      [1, 1], // 4 × 2/6 = 1.33 → 1
      [1, 1], // 1.33 → 1
      [1, 1], // 0.67 → 1, + the £11 man
    ]);
    expect(bands.reduce((s, b) => s + b.female, 0)).toBe(4);
    expect(bands.map((b) => [b.lowest, b.highest])).toEqual([[9, 10], [10, 10], [10, 10], [10, 11]]);
  });

  it('sizes as equal as possible when n is not a multiple of four, extra places in the upper bands', () => {
    const bands = quartileBands(people([[1, 'F'], [2, 'M'], [3, 'F'], [4, 'M'], [5, 'F']]));
    expect(bands.map((b) => b.size)).toEqual([1, 1, 1, 2]);
    expect(bands.map((b) => [b.female, b.male])).toEqual([[1, 0], [0, 1], [1, 0], [1, 1]]);
    expect(quartileBands(people([[1, 'F'], [2, 'M'], [3, 'F'], [4, 'M'], [5, 'F'], [6, 'M']])).map((b) => b.size)).toEqual([1, 2, 1, 2]);
  });

  it('no ties: bands follow the ranking; input order does not matter', () => {
    const list = people([[40, 'M'], [10, 'F'], [30, 'F'], [20, 'M'], [80, 'M'], [60, 'F'], [70, 'M'], [50, 'F']]);
    const bands = quartileBands(list);
    expect(bands.map((b) => [b.female, b.male])).toEqual([[1, 1], [1, 1], [2, 0], [0, 2]]);
    expect(quartileBands([...list].reverse())).toEqual(bands);
  });

  it('everyone on one rate: each band gets the overall proportion', () => {
    const list = people(Array.from({ length: 12 }, (_, i) => [15, i < 3 ? 'F' : 'M'] as [number, 'F' | 'M']));
    expect(quartileBands(list).map((b) => [b.female, b.male])).toEqual([[1, 2], [1, 2], [1, 2], [0, 3]]);
  });
});
