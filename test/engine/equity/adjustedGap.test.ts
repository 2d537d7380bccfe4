/**
 * The adjusted gap's controls: standard fields and the Employees sheet's extra columns (numbers as
 * they are, text as categories with the first level as reference, R's treatment contrasts), squares,
 * complete cases, and every way a control can be unusable, each dropped with a note, never a crash.
 */
import { adjustedGap, parseControls } from '../../../src/engine/equity/adjustedGap';
import { equityRecords } from '../../../src/engine/equity/records';
import { money } from '../../../src/engine/money';
import type { Employee } from '../../../src/engine/types';
import { placed } from './helpers';

const EFFECTIVE = { year: 2026, month: 1, day: 1 };

/** 12 people: ln pay = 10 + 0.1·(grade − 1) − 0.05·female + 0.02·educ, plus a fixed wobble so nothing fits exactly. */
function staff(extra: (i: number) => Partial<Employee> & { grade?: number; family?: string } = () => ({})) {
  return equityRecords(
    Array.from({ length: 12 }, (_, i) => {
      const female = i % 2 === 0;
      const grade = 1 + (i % 3);
      const educ = 10 + (i % 5);
      const wobble = [0.01, -0.02, 0.015, 0, -0.01, 0.02, -0.015, 0.005, 0, -0.005, 0.01, -0.01][i];
      const pay = Math.exp(10 + 0.1 * (grade - 1) - 0.05 * (female ? 1 : 0) + 0.02 * educ + wobble);
      return placed({
        gender: female ? 'F' : 'M',
        grade,
        family: i < 6 ? 'Sales' : 'Finance',
        baseSalary: money(Math.round(pay)),
        rating: [3, 4, 2, 5, 3, 1, 4, 2, 3, 5, 2, 4][i],
        extra: { Educ: educ, Region: i % 4 < 2 ? 'North' : 'South', IsWoman: female ? 1 : 0 },
        ...extra(i),
      });
    }),
    { effectiveDate: EFFECTIVE, fullTimeHours: 40 },
  );
}

describe('parseControls', () => {
  it('splits on ; , | and new lines, and reads squares', () => {
    expect(parseControls('Grade; Job Family, Tenure^2 |Exper ^ 2\nEduc²')).toEqual([
      { text: 'Grade', name: 'Grade', squared: false },
      { text: 'Job Family', name: 'Job Family', squared: false },
      { text: 'Tenure^2', name: 'Tenure', squared: true },
      { text: 'Exper ^ 2', name: 'Exper', squared: true },
      { text: 'Educ²', name: 'Educ', squared: true },
    ]);
  });
});

describe('adjustedGap', () => {
  it('uses standard and extra columns: numbers as they are, text as categories', () => {
    const a = adjustedGap(staff(), { controls: 'Grade; Educ; Region; Rating', minimumGroupSize: 5 });
    expect(a.status).toBe('ok');
    expect(a.terms.map((t) => t.name)).toEqual(['(Intercept)', 'Female', 'Grade: 2', 'Grade: 3', 'Educ', 'Region: South', 'Rating']);
    expect(a.controls).toEqual([
      { name: 'Grade', kind: 'categorical', squared: false, source: 'standard', reference: '1', levels: 3 },
      { name: 'Educ', kind: 'numeric', squared: false, source: 'column' },
      { name: 'Region', kind: 'categorical', squared: false, source: 'column', reference: 'North', levels: 2 },
      { name: 'Rating', kind: 'numeric', squared: false, source: 'standard' },
    ]);
    expect(a.female!.estimate).toBeLessThan(0);
    expect(a.gap).toBeCloseTo(Math.exp(a.female!.estimate) - 1, 15);
    expect(a.menMinusWomen).toBeCloseTo(-a.gap!, 15);
    expect(a.gapLower!).toBeLessThan(a.gap!);
    expect(a.gapUpper!).toBeGreaterThan(a.gap!);
  });

  it('drops, with a note, controls that are unknown, empty, constant, single-valued, collinear or squared categories', () => {
    const a = adjustedGap(
      staff(() => ({ location: 'Leeds' })),
      { controls: 'Grade; Nonsense; Tenure; FTE; Location; Job Family^2; IsWoman; Educ; Educ', minimumGroupSize: 5 },
    );
    expect(a.status).toBe('ok');
    expect(a.notes).toEqual([
      'Control "Nonsense" is neither a standard field nor a column of the Employees sheet; ignored.',
      'Control Tenure has no values; dropped.',
      'Control "Job Family^2": Job Family is a category and cannot be squared; ignored.',
      'Control FTE is constant (1) among the employees in the regression; dropped.',
      'Control Location has the single value "Leeds" among the employees in the regression; dropped.',
      'IsWoman is collinear with the terms before it (or constant); dropped.',
    ]);
    // Female is never the one dropped: it comes right after the intercept.
    expect(a.terms.map((t) => t.name)).toEqual(['(Intercept)', 'Female', 'Grade: 2', 'Grade: 3', 'Educ']);
  });

  it('leaves out, with a count, employees missing a control; others genders are not in the fit', () => {
    const a = adjustedGap(
      staff((i) => ({ rating: i < 2 ? undefined : 3 + (i % 2), gender: i === 11 ? 'X' : i % 2 === 0 ? 'F' : 'M' })),
      { controls: 'Rating', minimumGroupSize: 2 },
    );
    expect(a.excludedOtherGender).toBe(1);
    expect(a.excludedMissing).toBe(2);
    expect(a.n).toBe(9);
    expect(a.notes).toContain('2 employee(s) recorded as F or M are left out for a missing control value (Rating 2).');
  });

  it('a standard name wins over an Employees column of the same name, with a note', () => {
    const a = adjustedGap(staff((i) => ({ extra: { Grade: i } })), { controls: 'Grade', minimumGroupSize: 5 });
    expect(a.notes).toContain('The Employees column "Grade" has the name of the standard control Grade, which is used; rename the column to use it.');
    expect(a.terms.map((t) => t.name)).toContain('Grade: 3');
  });

  it('suppressed below the minimum group size, unavailable with one gender only', () => {
    const small = adjustedGap(staff(), { controls: 'Grade', minimumGroupSize: 7 });
    expect(small.status).toBe('suppressed');
    expect(small.terms).toEqual([]);
    expect(small.reason).toBe('fewer than 7 women or men (6 women, 6 men)');
    const women = adjustedGap(staff(() => ({ gender: 'F' })), { controls: 'Grade', minimumGroupSize: 1 });
    expect(women.status).toBe('unavailable');
    expect(women.reason).toContain('both women and men');
  });

  it('too many terms for the data is unavailable, not a crash', () => {
    const a = adjustedGap(staff((i) => ({ extra: { Id: `P${i}` } })), { controls: 'Id', minimumGroupSize: 1 });
    expect(a.status).toBe('unavailable');
    expect(a.reason).toContain('degrees of freedom');
  });

  it('predicts pay as the other gender for the people in the fit', () => {
    const records = staff();
    const a = adjustedGap(records, { controls: 'Grade; Educ', minimumGroupSize: 5 });
    const woman = records[0];
    const asMan = a.predictLnPay(woman, 'M')!;
    const asWoman = a.predictLnPay(woman, 'F')!;
    expect(asWoman - asMan).toBeCloseTo(a.female!.estimate, 12);
    expect(asWoman).toBeCloseTo(a.fit!.fitted[0], 12);
  });
});
