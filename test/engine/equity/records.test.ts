/**
 * The equity records: each employee's pay measures as the Placement sheet's formulas compute them
 * (hourly pay = base × FTE / 52 / hours, hourly total pay = (base × FTE + bonus) / 52 / hours, hours
 * = Weekly Hours or FTE × Full Time Hours), and the same measures as columns.
 */
import { equityColumns } from '../../../src/engine/equity/columns';
import { FEMALE, MALE, OTHER } from '../../../src/engine/equity/gaps';
import { equityRecordsWithValues } from '../../../src/engine/equity/records';
import { money } from '../../../src/engine/money';
import { placed } from './helpers';

const EFFECTIVE = { year: 2026, month: 1, day: 1 };

describe('equity records', () => {
  const staff = [
    placed({ gender: 'F', baseSalary: money(52000), weeklyHours: 40, bonus: money(2600), hireDate: { year: 2020, month: 7, day: 15 }, midpoint: 50000 }),
    placed({ gender: 'male', baseSalary: money(41600), fte: 0.5, bonus: money(-0), midpoint: 40000 }),
    placed({ gender: 'X', baseSalary: money(62400), weeklyHours: 37.5 }),
  ];
  const { records, values, columns } = equityRecordsWithValues(staff, { effectiveDate: EFFECTIVE, fullTimeHours: 40 }, [(r) => r.tenure, (r) => r.hourlyPay]);

  it('works the pay measures out as the sheet does', () => {
    expect(records.map((r) => [r.index, r.gender, r.binary, r.base, r.fte, r.weeklyHours, r.bonus, r.hasBonus])).toEqual([
      [0, 'F', 'F', 52000, 1, 40, 2600, true],
      [1, 'M', 'M', 41600, 0.5, 20, 0, false], // blank hours: 0.5 × 40; a bonus of −0 counts as none
      [2, 'X', undefined, 62400, 1, 37.5, 0, false],
    ]);
    // 52,000 / 52 / 40 = 25; (52,000 + 2,600) / 52 / 40 = 26.25; 41,600 × 0.5 / 52 / 20 = 20; 62,400 / 52 / 37.5 = 32.
    expect(records.map((r) => [r.hourlyPay, r.hourlyTotalPay])).toEqual([
      [25, 26.25],
      [20, 20],
      [32, 32],
    ]);
    // Hired July 2020: 5 years and 6 whole months to January 2026; no hire date, no tenure.
    expect(records.map((r) => r.tenure)).toEqual([5.5, undefined, undefined]);
    expect(records.map((r) => r.placed)).toEqual(staff);
  });

  it('takes each field’s value as the record is made', () => {
    expect(values).toEqual([
      [5.5, undefined, undefined],
      [25, 20, 32],
    ]);
  });

  it('gives the same columns as equityColumns reads off the records', () => {
    expect(columns).toEqual(equityColumns(records));
    expect([...columns.sex]).toEqual([FEMALE, MALE, OTHER]);
    expect([...columns.hasCompa]).toEqual([1, 1, 0]);
    expect(columns.compaRatio[0]).toBe(52000 / 50000);
    expect(columns.bonusData).toBe(true);
  });
});
