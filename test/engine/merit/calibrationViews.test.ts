import { calibrateManagers, managerCalibration, ratingDistribution } from '../../../src/engine/merit';

describe('rating distribution against the target', () => {
  it('counts and shares over the rated, beside 5/20/50/20/5', () => {
    const rows = ratingDistribution([3, 3, 4, 5, 1, undefined, 3, 3, 2, 4], 5, [0.05, 0.2, 0.5, 0.2, 0.05]);
    // 9 rated: ratings 1, 2, 3×4, 4×2, 5.
    expect(rows.map((r) => r.count)).toEqual([1, 1, 4, 2, 1]);
    expect(rows[2].share).toBeCloseTo(4 / 9, 15);
    expect(rows[2].difference).toBeCloseTo(4 / 9 - 0.5, 15);
    expect(rows[2].targetCount).toBeCloseTo(4.5, 15);
  });
  it('no target (or one of the wrong length): shares only', () => {
    expect(ratingDistribution([1, 2], 3, [0.5, 0.5]).every((r) => r.target === undefined)).toBe(true);
  });
});

describe('manager calibration: lenient and harsh raters', () => {
  // M1 rates 5, 5, 5, 4; M2 rates 2, 2, 3; M3 rates 3, 3. All nine: Σx = 32, Σx² = 126, mean 32/9,
  // population variance 126/9 − (32/9)² = 110/81, σ = √110 / 9.
  // M1: (4.75 − 32/9) / (σ/√4) = 43 / (2√110) = 2.0499 → Lenient at 1.96.
  // M2: (7/3 − 32/9) / (σ/√3) = −11√3/√110 = −1.8166 → not flagged: a small team must deviate more.
  // M3: 2 reports, below the minimum of 3 → never flagged.
  const people = [
    ...[5, 5, 5, 4].map((rating, i) => ({ id: `A${i}`, managerId: 'M1', rating })),
    ...[2, 2, 3].map((rating, i) => ({ id: `B${i}`, managerId: 'm2', rating })),
    ...[3, 3].map((rating, i) => ({ id: `C${i}`, managerId: 'M3', rating })),
    { id: 'M1', name: 'Maria', rating: undefined },
    { id: 'M2', name: 'Mo' },
  ];
  const { rows, mean, sd } = managerCalibration(people, { minReports: 3, z: 1.96 });
  it('overall mean and population standard deviation', () => {
    expect(mean).toBeCloseTo(32 / 9, 14);
    expect(sd).toBeCloseTo(Math.sqrt(110) / 9, 14);
  });
  it('flags by the standard error of each manager’s mean', () => {
    expect(rows.map((r) => [r.managerId, r.managerName, r.reports, r.flag])).toEqual([
      ['M1', 'Maria', 4, 'Lenient'],
      ['M3', undefined, 2, ''],
      ['m2', 'Mo', 3, ''],
    ]);
    expect(rows[0].z).toBeCloseTo(43 / (2 * Math.sqrt(110)), 12);
    expect(rows[2].z).toBeCloseTo((-11 * Math.sqrt(3)) / Math.sqrt(110), 12);
    expect(rows[1].z).toBeUndefined();
    expect(rows[0].meanRating).toBe(4.75);
  });
  it('finds the managers’ names the same by scanning, by an ID lookup, or by each person’s manager index', () => {
    const ratings = people.map((p) => p.rating);
    const byId = new Map(people.map((p, i) => [p.id.toUpperCase(), i]));
    // A0..A3 report to M1 (row 9), B0..B2 to M2 (row 10), C0, C1 to M3 (nobody).
    const managerIndex = people.map((p) => ('managerId' in p ? byId.get(p.managerId.toUpperCase()) ?? -1 : -1));
    expect(managerIndex).toEqual([9, 9, 9, 9, 10, 10, 10, -1, -1, -1, -1]);
    const names = (r: { rows: { managerId: string; managerName?: string }[] }) => r.rows.map((m) => [m.managerId, m.managerName]);
    const scanned = calibrateManagers(ratings, people, { minReports: 3, z: 1.96 });
    expect(names(scanned)).toEqual([['M1', 'Maria'], ['M3', undefined], ['m2', 'Mo']]);
    expect(calibrateManagers(ratings, people, { minReports: 3, z: 1.96 }, (k) => byId.get(k) ?? -1)).toEqual(scanned);
    expect(calibrateManagers(ratings, people, { minReports: 3, z: 1.96 }, managerIndex)).toEqual(scanned);
    // B1 spells M2's ID otherwise: the same group, under the first report's spelling.
    const respelled = people.map((p) => (p.id === 'B1' ? { ...p, managerId: 'M2' } : p));
    expect(calibrateManagers(ratings, respelled, { minReports: 3, z: 1.96 }, managerIndex)).toEqual(scanned);
    expect(calibrateManagers(ratings, respelled, { minReports: 3, z: 1.96 })).toEqual(scanned);
  });
  it('at z = 1.8 the harsh rater shows too', () => {
    expect(managerCalibration(people, { minReports: 3, z: 1.8 }).rows.map((r) => r.flag)).toEqual(['Lenient', '', 'Harsh']);
  });
});
