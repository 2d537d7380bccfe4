import fc from 'fast-check';
import type { GradedEmployee } from '../../../src/engine/evaluation/paySystem';
import { money } from '../../../src/engine/money';
import { rangeFromMidpoint, type GradeRange } from '../../../src/engine/structure';
import { compareWithRanges } from '../../../src/engine/structureOptions/employeeRanges';
import { adjustForLocation, differentialOf, locationRanges, validateLocations, type LocationDifferential } from '../../../src/engine/structureOptions/geography';
import type { Employee } from '../../../src/engine/types';

const range = (grade: number, mid: number, spread = 0.5): GradeRange => {
  const { minimum, maximum } = rangeFromMidpoint(money(mid), spread, 100);
  return { grade, minPoints: grade * 100, maxPoints: grade * 100 + 100, centre: 0, payLineRate: mid, midpoint: money(mid), minimum, maximum, designSpread: spread, spread: maximum.minus(minimum).div(minimum) };
};
const LOCATIONS: LocationDifferential[] = [
  { name: 'London', differential: 0.12, ref: { sheet: 'Locations', row: 2 } },
  { name: 'Leeds', differential: -0.08, ref: { sheet: 'Locations', row: 3 } },
  { name: 'Head Office', differential: 0, ref: { sheet: 'Locations', row: 4 } },
];

// Geographic differentials (WorldatWork: "geographic pay differentials", a % above or below the national
// structure per location). By hand, on ranges 40,000 / 50,000 / 60,000 (spread 50%) and 43,200 (34,600–51,800).
describe('geographic differentials', () => {
  const ranges = [range(1, 50000), range(2, 43200)];

  it('move every range by the location\'s % and round each end once', () => {
    const rows = locationRanges(ranges, LOCATIONS.slice(0, 2), 100);
    expect(rows.map((r) => [r.location, r.grade, ...[r.minimum, r.midpoint, r.maximum].map(Number)])).toEqual([
      ['London', 1, 44800, 56000, 67200], // 40,000 / 50,000 / 60,000 × 1.12
      ['London', 2, 38800, 48400, 58000], // 34,600 × 1.12 = 38,752 → 38,800; 43,200 × 1.12 = 48,384 → 48,400; 51,800 × 1.12 = 58,016 → 58,000
      ['Leeds', 1, 36800, 46000, 55200], // × 0.92
      ['Leeds', 2, 31800, 39700, 47700], // 31,832 → 31,800; 39,744 → 39,700; 47,656 → 47,700
    ]);
  });

  it('rounds a half up, away from zero, as the sheet\'s ROUND does', () => {
    // 43,500 × 1.07 = 46,545 → 46,500; 43,550 × 1.1 = 47,905 → 47,900; 45 × 1.1 = 49.5 → 50 at rounding 1.
    expect(adjustForLocation(money(45), 0.1, 1).toString()).toBe('50');
    expect(adjustForLocation(money(43500), 0.07, 100).toString()).toBe('46500');
  });

  it('look locations up ignoring case; a blank location is the national structure', () => {
    expect(differentialOf(LOCATIONS, ' london ')).toBe(0.12);
    expect(differentialOf(LOCATIONS, undefined)).toBe(0);
    expect(differentialOf(LOCATIONS, '')).toBe(0);
    expect(differentialOf(LOCATIONS, 'Paris')).toBeUndefined();
  });

  it('validate: a location listed twice, a differential of −100% or less', () => {
    const problems = validateLocations([...LOCATIONS, { name: 'LONDON', differential: 0.1, ref: { sheet: 'Locations', row: 5 } }, { name: 'Nowhere', differential: -1 }]);
    expect(problems.map((p) => [p.code, p.message])).toEqual([
      ['duplicate-location', 'Locations!5:5: location "LONDON" is listed twice (first at row 2)'],
      ['invalid-differential', 'Locations: location "Nowhere": a differential of -1 would leave no pay; it must be above −100%'],
    ]);
  });

  it('keep ranges ordered: min ≤ mid ≤ max after the move', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 5000 }), fc.double({ min: 0.05, max: 2, noNaN: true }), fc.integer({ min: -50, max: 100 }), fc.constantFrom(1, 100, 1000), (k, spread, d, rounding) => {
        const r = range(1, k * 100, spread);
        const [x] = locationRanges([r], [{ name: 'X', differential: d / 100 }], rounding);
        expect(x.minimum.lte(x.midpoint) && x.midpoint.lte(x.maximum)).toBe(true);
      }),
    );
  });
});

describe('employees compared with their range', () => {
  const ranges = [range(1, 50000)]; // 40,000 / 50,000 / 60,000
  const graded = (id: string, salary: number, location?: string, grade: number | null = 1): GradedEmployee => ({
    employee: { id, jobCode: 'J1', baseSalary: money(salary), fte: 1, location, ref: { sheet: 'Employees', row: 2 } } as Employee,
    basis: 'Job',
    grade: grade ?? undefined,
  });

  it('use the location-adjusted range: compa-ratio, penetration and status', () => {
    const { employees, problems } = compareWithRanges([graded('A', 61000, 'London'), graded('B', 61000), graded('C', 36000, 'Leeds'), graded('D', 30000, 'leeds')], ranges, 100, LOCATIONS);
    expect(problems).toEqual([]);
    expect(employees.map((e) => [e.employee.id, e.differential, Number(e.minimum), Number(e.midpoint), Number(e.maximum), e.compaRatio!.toFixed(4), e.penetration!.toFixed(4), e.status])).toEqual([
      ['A', 0.12, 44800, 56000, 67200, '1.0893', '0.7232', ''], // 61,000 inside London's range: (61,000 − 44,800)/22,400
      ['B', 0, 40000, 50000, 60000, '1.2200', '1.0500', 'Above maximum'], // the same pay, nationally, is red-circled
      ['C', -0.08, 36800, 46000, 55200, '0.7826', '-0.0435', 'Below minimum'],
      ['D', -0.08, 36800, 46000, 55200, '0.6522', '-0.3696', 'Below minimum'], // (30,000 − 36,800)/18,400
    ]);
  });

  it('warn once per location not on the Locations sheet, and use the national range', () => {
    const { employees, problems } = compareWithRanges([graded('A', 50000, 'Paris'), graded('B', 50000, 'Paris')], ranges, 100, LOCATIONS);
    expect(employees[0].midpoint!.toString()).toBe('50000');
    expect(problems.map((p) => p.message)).toEqual(['Employees!2:2: location "Paris" (2 employees) is not on the Locations sheet; the national ranges are used']);
  });

  it('settle a salary at a range end exactly, even where the doubles cannot tell them apart', () => {
    const at = (id: string, salary: string): GradedEmployee => ({ employee: { id, jobCode: 'J1', baseSalary: money(salary), fte: 1 } as Employee, basis: 'Job', grade: 1 });
    // 39,999.99999999999999999 and 40,000 are the same double; only the decimals say which is lower.
    const { employees } = compareWithRanges(
      [at('A', '40000'), at('B', '39999.99999999999999999'), at('C', '40000.00000000000000001'), at('D', '60000'), at('E', '60000.00000000000000001'), at('F', '59999.99999999999999999')],
      ranges,
      100,
    );
    expect(employees.map((e) => e.status)).toEqual(['', 'Below minimum', '', '', 'Above maximum', '']);
  });

  it('an employee without a grade has no range', () => {
    const { employees } = compareWithRanges([graded('A', 50000, undefined, null)], ranges, 100);
    expect(employees[0]).toMatchObject({ status: 'No grade', differential: 0 });
    expect(employees[0].midpoint).toBeUndefined();
  });
});
