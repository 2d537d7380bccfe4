import {
  DEFAULT_SAMPLE_EMPLOYEES,
  SAMPLE_EFFECTIVE_DATE,
  defaultJobCount,
  generateSample,
  Random,
  type SampleWorkbook,
} from '../../src/sample';
import { dateToSerial, serialToDate } from '../../src/workbook/dates';
import { APPRAISAL, EMPLOYEES, INPUT_SHEETS, JOBS, MARKET, type SheetDef } from '../../src/workbook/schema';
import type { SheetSpec, SpecCell } from '../../src/workbook/sheetSpec';

type Rec = Record<string, SpecCell>;

/** The sheet's data rows as records keyed by the schema's column keys (checking the header on the way). */
function records(wb: SampleWorkbook, def: SheetDef): Rec[] {
  const sheet = wb.sheets.find((s) => s.name === def.name);
  if (!sheet) throw new Error(`no ${def.name} sheet`);
  const header = sheet.cells[0];
  return sheet.cells.slice(1).map((row) => {
    const rec: Rec = {};
    def.columns.forEach((c) => {
      rec[c.key] = row[header.indexOf(c.name)] ?? null;
    });
    return rec;
  });
}

const num = (v: SpecCell): number => {
  if (typeof v !== 'number') throw new Error(`not a number: ${String(v)}`);
  return v;
};

const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('generateSample', () => {
  const wb = generateSample();
  const jobs = records(wb, JOBS);
  const market = records(wb, MARKET);
  const employees = records(wb, EMPLOYEES);
  const appraisal = records(wb, APPRAISAL);
  const jobByCode = new Map(jobs.map((j) => [j.code, j]));

  describe('determinism', () => {
    it('gives identical output for the same seed', () => {
      expect(generateSample({ seed: 7, employees: 500 })).toEqual(generateSample({ seed: 7, employees: 500 }));
      expect(generateSample()).toEqual(wb);
      expect(generateSample({ seed: 42 })).toEqual(wb);
    });

    it('gives different output for a different seed', () => {
      const other = generateSample({ seed: 43 });
      expect(other).not.toEqual(wb);
      expect(records(other, EMPLOYEES).map((e) => e.baseSalary)).not.toEqual(employees.map((e) => e.baseSalary));
      expect(records(other, MARKET).map((m) => m.p50)).not.toEqual(market.map((m) => m.p50));
    });

    it('keeps the jobs and the market when only the employee count changes', () => {
      const bigger = generateSample({ employees: 1000, jobs: 40 });
      expect(bigger.sheets[0]).toEqual(wb.sheets[0]);
      expect(bigger.sheets[1]).toEqual(wb.sheets[1]);
    });

    it('has a seeded generator with uniform and normal draws', () => {
      const a = new Random(1);
      const b = new Random(1);
      const xs = Array.from({ length: 20000 }, () => a.next());
      expect(Array.from({ length: 20000 }, () => b.next())).toEqual(xs);
      expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...xs)).toBeLessThan(1);
      expect(mean(xs)).toBeCloseTo(0.5, 1);
      const zs = Array.from({ length: 20000 }, () => a.normal());
      expect(mean(zs)).toBeCloseTo(0, 1);
      expect(Math.sqrt(mean(zs.map((z) => z * z)))).toBeCloseTo(1, 1);
      expect(new Random(2).next()).not.toBe(new Random(1).next());
    });
  });

  describe('sheets', () => {
    it('has the four core input sheets in pipeline order with canonical headers, then the factor plan and evaluation', () => {
      expect(wb.sheets.map((s) => s.name)).toEqual(['Jobs', 'Market', 'Employees', 'Appraisal', 'Factor Plan', 'Job Evaluation']);
      wb.sheets.slice(0, 4).forEach((sheet, k) => {
        expect(sheet.role).toBe('input');
        expect(sheet.cells[0]).toEqual(INPUT_SHEETS[k].columns.map((c) => c.name));
        expect(sheet.freeze).toEqual({ rows: 1, columns: 0 });
        expect(sheet.columns).toHaveLength(INPUT_SHEETS[k].columns.length);
        for (const c of sheet.columns ?? []) expect(c.width).toBeGreaterThan(5);
        for (const row of sheet.cells) expect(row).toHaveLength(INPUT_SHEETS[k].columns.length);
      });
    });

    it('declares one table per sheet over header and data', () => {
      const tables = wb.sheets.map((s) => s.tables?.[0]);
      expect(tables.map((t) => t?.name)).toEqual(['tblJobs', 'tblMarket', 'tblEmployees', 'tblAppraisal', 'tblFactorPlan', 'tblJobEvaluation']);
      expect(tables[0]?.range).toBe(`A1:E${jobs.length + 1}`);
      expect(tables[1]?.range).toBe(`A1:J${market.length + 1}`);
      expect(tables[2]?.range).toBe(`A1:O${employees.length + 1}`);
      expect(tables[3]?.range).toBe(`A1:D${appraisal.length + 1}`);
    });

    it('formats dates, money and percentages', () => {
      const formatOf = (sheet: SheetSpec, col: string): string | undefined =>
        sheet.formats?.find((f) => f.range.startsWith(`${col}2:`))?.format;
      const [, m, e, a] = wb.sheets;
      expect(formatOf(m, 'C')).toBe('yyyy-mm-dd');
      for (const col of ['D', 'E', 'F', 'G', 'H']) expect(formatOf(m, col)).toBe('#,##0');
      expect(formatOf(e, 'D')).toBe('#,##0'); // Base Salary
      expect(formatOf(e, 'F')).toBe('yyyy-mm-dd'); // Hire Date
      expect(formatOf(e, 'L')).toBe('#,##0'); // Bonus
      expect(formatOf(a, 'C')).toBe('0%'); // Weight
      expect(e.formats?.find((f) => f.range.startsWith('D2:'))?.range).toBe(`D2:D${employees.length + 1}`);
    });

    it('writes text as text and numbers as numbers', () => {
      for (const e of employees) {
        expect(typeof e.id).toBe('string');
        expect(typeof e.name).toBe('string');
        expect(typeof e.baseSalary).toBe('number');
        expect(typeof e.hireDate).toBe('number');
      }
    });
  });

  describe('sizes', () => {
    it('defaults to 300 employees and 40 jobs', () => {
      expect(DEFAULT_SAMPLE_EMPLOYEES).toBe(300);
      expect(employees).toHaveLength(300);
      expect(jobs).toHaveLength(40);
    });

    it('honours the requested sizes', () => {
      const s = generateSample({ employees: 1234, jobs: 77, seed: 3 });
      expect(records(s, EMPLOYEES)).toHaveLength(1234);
      expect(records(s, JOBS)).toHaveLength(77);
      const tiny = generateSample({ employees: 1, jobs: 1 });
      expect(records(tiny, EMPLOYEES)).toHaveLength(1);
      expect(records(tiny, JOBS)).toHaveLength(1);
      const many = generateSample({ employees: 50, jobs: 1500 });
      const codes = records(many, JOBS).map((j) => j.code);
      expect(codes).toHaveLength(1500);
      expect(new Set(codes).size).toBe(1500);
    });

    it('scales the default job count with the employees', () => {
      expect(defaultJobCount(300)).toBe(40);
      expect(defaultJobCount(10_000)).toBe(100);
      expect(defaultJobCount(100_000)).toBe(1000);
      expect(defaultJobCount(150_000)).toBe(1000);
    });

    it('rejects impossible sizes', () => {
      expect(() => generateSample({ employees: 0 })).toThrow(RangeError);
      expect(() => generateSample({ employees: 2.5 })).toThrow(RangeError);
      expect(() => generateSample({ employees: 300_000 })).toThrow(RangeError);
      expect(() => generateSample({ jobs: 0 })).toThrow(RangeError);
      expect(() => generateSample({ seed: Number.NaN })).toThrow(RangeError);
    });
  });

  describe('jobs', () => {
    it('has unique codes, several families, levelled titles and evaluated points spanning about 100–1,000', () => {
      expect(new Set(jobs.map((j) => j.code)).size).toBe(jobs.length);
      expect(new Set(jobs.map((j) => j.family)).size).toBeGreaterThanOrEqual(8);
      const titles = jobs.map((j) => String(j.title));
      expect(titles.some((t) => / I$/.test(t))).toBe(true);
      expect(titles.some((t) => /^Senior /.test(t))).toBe(true);
      expect(titles.some((t) => /Manager$/.test(t))).toBe(true);
      expect(titles.some((t) => /Director$/.test(t))).toBe(true);
      const points = jobs.map((j) => num(j.points));
      // Points are the factor plan's: Σ weight × 1,000 × level / levels (multiples of 2.5 here).
      for (const p of points) expect(Number.isInteger(p * 2)).toBe(true);
      expect(Math.min(...points)).toBeLessThan(200);
      expect(Math.max(...points)).toBeGreaterThan(850);
    });

    it('marks about two thirds as benchmarks (Y/N)', () => {
      for (const j of jobs) expect(['Y', 'N']).toContain(j.benchmark);
      const share = jobs.filter((j) => j.benchmark === 'Y').length / jobs.length;
      expect(share).toBeGreaterThanOrEqual(0.6);
      expect(share).toBeLessThanOrEqual(0.7);
    });

    it('ranks levels within a career track by points', () => {
      const s = records(generateSample({ employees: 100, jobs: 1000 }), JOBS);
      const byCode = new Map(s.map((j) => [String(j.code), num(j.points)]));
      // ENG-0102 (Software Engineer I) < ENG-0103 (II) < ENG-0104 (Senior) < … < ENG-0108 (Head)
      const ladder = ['02', '03', '04', '05', '06', '07', '08'].map((l) => byCode.get(`ENG-01${l}`));
      for (let k = 1; k < ladder.length; k++) expect(ladder[k]!).toBeGreaterThan(ladder[k - 1]!);
    });
  });

  describe('market', () => {
    it('refers only to existing benchmark jobs', () => {
      for (const m of market) {
        expect(jobByCode.has(m.jobCode)).toBe(true);
        expect(jobByCode.get(m.jobCode)?.benchmark).toBe('Y');
      }
    });

    it('has three surveys with different effective dates, each covering most but not all benchmarks', () => {
      const surveys = new Map<string, Set<number>>();
      for (const m of market) {
        const dates = surveys.get(String(m.survey)) ?? new Set<number>();
        dates.add(num(m.effectiveDate));
        surveys.set(String(m.survey), dates);
      }
      expect(surveys.size).toBe(3);
      const dates = [...surveys.values()].map((d) => {
        expect(d.size).toBe(1);
        return [...d][0];
      });
      expect(new Set(dates).size).toBe(3);
      for (const d of dates) {
        expect(serialToDate(d)?.year).toBe(2025);
        expect(d).toBeLessThan(dateToSerial(SAMPLE_EFFECTIVE_DATE));
      }
      const benchmarks = jobs.filter((j) => j.benchmark === 'Y').map((j) => j.code);
      const covered = new Set(market.map((m) => m.jobCode));
      expect(benchmarks.every((c) => covered.has(c))).toBe(true);
      for (const name of surveys.keys()) {
        const n = market.filter((m) => m.survey === name).length;
        expect(n / benchmarks.length).toBeGreaterThan(0.5);
      }
      expect(market.length).toBeLessThan(3 * benchmarks.length);
    });

    it('has strictly increasing percentiles rounded to the nearest 100', () => {
      for (const m of market) {
        const p = [m.p10, m.p25, m.p50, m.p75, m.p90].map(num);
        for (let k = 1; k < p.length; k++) expect(p[k]).toBeGreaterThan(p[k - 1]);
        for (const v of p) expect(v % 100).toBe(0);
      }
    });

    it('prices jobs roughly exponentially in points, from about 28,000 to about 230,000', () => {
      const xs = market.map((m) => num(jobByCode.get(m.jobCode)?.points ?? null));
      const ys = market.map((m) => Math.log(num(m.p50)));
      const mx = mean(xs);
      const my = mean(ys);
      const slope = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
      const at = (p: number): number => Math.exp(my + slope * (p - mx));
      expect(at(100)).toBeGreaterThan(22_000);
      expect(at(100)).toBeLessThan(34_000);
      expect(at(1000)).toBeGreaterThan(190_000);
      expect(at(1000)).toBeLessThan(280_000);
    });

    it('has weights (some blank) and whole incumbent counts', () => {
      const weights = new Set(market.map((m) => m.weight));
      expect(weights.has(null)).toBe(true);
      expect(weights.has(0.5)).toBe(true);
      for (const m of market) expect(Number.isInteger(m.incumbents) && num(m.incumbents) > 0).toBe(true);
    });
  });

  describe('employees', () => {
    it('has unique IDs like E00001 and existing job codes', () => {
      expect(employees[0].id).toBe('E00001');
      expect(employees[299].id).toBe('E00300');
      expect(new Set(employees.map((e) => e.id)).size).toBe(employees.length);
      for (const e of employees) expect(jobByCode.has(e.jobCode)).toBe(true);
    });

    it('has a manager hierarchy without loops, within departments, managers in higher-point jobs', () => {
      for (const s of [wb, generateSample({ employees: 5000, seed: 11 })]) {
        const people = records(s, EMPLOYEES);
        const jobPoints = new Map(records(s, JOBS).map((j) => [j.code, num(j.points)]));
        const byId = new Map(people.map((e) => [e.id, e]));
        const departments = new Set(people.map((e) => e.department));
        const tops = people.filter((e) => e.managerId === null);
        expect(tops.length).toBe(departments.size); // one head per department
        for (const e of people) {
          if (e.managerId === null) continue;
          const m = byId.get(e.managerId);
          expect(m).toBeDefined();
          expect(m?.department).toBe(e.department);
          expect(jobPoints.get(m!.jobCode)!).toBeGreaterThan(jobPoints.get(e.jobCode)!);
        }
        // Walk up from everyone: every chain ends at a head within n steps.
        for (const e of people) {
          let cur: Rec | undefined = e;
          let steps = 0;
          while (cur && cur.managerId !== null && steps <= people.length) {
            cur = byId.get(cur.managerId);
            steps++;
          }
          expect(steps).toBeLessThanOrEqual(people.length);
          expect(cur?.managerId).toBeNull();
        }
      }
    });

    it('puts more people in lower-level jobs', () => {
      const pts = employees.map((e) => num(jobByCode.get(e.jobCode)?.points ?? null));
      const low = pts.filter((p) => p < 400).length;
      const high = pts.filter((p) => p >= 700).length;
      expect(low).toBeGreaterThan(employees.length / 2);
      expect(high).toBeLessThan(employees.length / 10);
    });

    it('pays around the market with outliers, and women a few % less for the same job', () => {
      const s = generateSample({ employees: 20_000, seed: 5 });
      const people = records(s, EMPLOYEES);
      const mkt = records(s, MARKET);
      const p50 = new Map<SpecCell, number[]>();
      for (const m of mkt) p50.set(m.jobCode, [...(p50.get(m.jobCode) ?? []), num(m.p50)]);
      const ratios = people.filter((e) => p50.has(e.jobCode)).map((e) => num(e.baseSalary) / mean(p50.get(e.jobCode)!));
      const sorted = [...ratios].sort((a, b) => a - b);
      const median = sorted[sorted.length >> 1];
      expect(median).toBeGreaterThan(0.9);
      expect(median).toBeLessThan(1.1);
      expect(ratios.filter((r) => r < 0.75).length).toBeGreaterThan(0);
      expect(ratios.filter((r) => r > 1.3).length).toBeGreaterThan(0);
      for (const e of people) expect(num(e.baseSalary) % 100).toBe(0);

      // Adjusted gap: mean log salary difference between women and men in the same job.
      const byJob = new Map<SpecCell, { f: number[]; m: number[] }>();
      for (const e of people) {
        if (e.gender !== 'F' && e.gender !== 'M') continue;
        const g = byJob.get(e.jobCode) ?? { f: [], m: [] };
        (e.gender === 'F' ? g.f : g.m).push(Math.log(num(e.baseSalary)));
        byJob.set(e.jobCode, g);
      }
      let sum = 0;
      let weight = 0;
      for (const { f, m } of byJob.values()) {
        if (f.length < 5 || m.length < 5) continue;
        const w = Math.min(f.length, m.length);
        sum += w * (mean(m) - mean(f));
        weight += w;
      }
      const adjustedGap = 1 - Math.exp(-sum / weight);
      expect(adjustedGap).toBeGreaterThan(0.02);
      expect(adjustedGap).toBeLessThan(0.07);
    });

    it('has genders F/M with a few X and blanks, departments, 3–5 locations', () => {
      const s = records(generateSample({ employees: 5000 }), EMPLOYEES);
      const genders = new Set(s.map((e) => e.gender));
      expect(genders).toEqual(new Set(['F', 'M', 'X', null]));
      const odd = s.filter((e) => e.gender !== 'F' && e.gender !== 'M').length / s.length;
      expect(odd).toBeGreaterThan(0.01);
      expect(odd).toBeLessThan(0.06);
      const locations = new Set(s.map((e) => e.location));
      expect(locations.size).toBeGreaterThanOrEqual(3);
      expect(locations.size).toBeLessThanOrEqual(5);
      expect(new Set(s.map((e) => e.department)).size).toBeGreaterThanOrEqual(8);
    });

    it('has FTE, weekly hours, hire dates, ratings, bonuses, skill levels and competency scores in range', () => {
      const s = records(generateSample({ employees: 5000 }), EMPLOYEES);
      const eff = dateToSerial(SAMPLE_EFFECTIVE_DATE);
      const start2025 = dateToSerial({ year: 2025, month: 1, day: 1 });
      const earliest = dateToSerial({ year: 2011, month: 1, day: 1 });
      const valid = (e: Rec): boolean => {
        const fte = num(e.fte);
        const hired = num(e.hireDate);
        return (
          (fte === 1 || (fte >= 0.5 && fte <= 0.8)) &&
          // Contractual hours: FTE × a 37.5 or 40 hour week.
          [37.5, 40].some((full) => Math.abs(num(e.weeklyHours) - Math.round(full * fte * 10) / 10) < 1e-9) &&
          hired >= earliest &&
          hired < eff &&
          [1, 2, 3, 4, 5].includes(num(e.rating)) &&
          Number.isInteger(e.bonus) &&
          num(e.bonus) >= 0 &&
          // Skill Level and Competency Score are on the job points scale (the sample runs under every pay system).
          Number.isInteger(e.skillLevel) &&
          num(e.skillLevel) >= 100 &&
          num(e.skillLevel) <= 1000 &&
          Number.isInteger(e.competencyScore) &&
          num(e.competencyScore) >= 100 &&
          num(e.competencyScore) <= 1000
        );
      };
      expect(s.filter((e) => !valid(e))).toEqual([]);
      const share = (pred: (e: Rec) => boolean): number => s.filter(pred).length / s.length;
      expect(share((e) => num(e.fte) < 1)).toBeGreaterThan(0.05);
      expect(share((e) => num(e.fte) < 1)).toBeLessThan(0.25);
      expect(share((e) => num(e.hireDate) >= start2025)).toBeGreaterThan(0.04);
      expect(share((e) => num(e.hireDate) >= start2025)).toBeLessThan(0.2);
      expect(share((e) => num(e.hireDate) < dateToSerial({ year: 2014, month: 1, day: 1 }))).toBeGreaterThan(0.01);
      expect(share((e) => e.bonus === 0)).toBeGreaterThan(0.05);
      expect(share((e) => e.bonus === 0)).toBeLessThan(0.5);
      const ratingShare = [1, 2, 3, 4, 5].map((r) => share((e) => e.rating === r));
      const target = [0.05, 0.2, 0.5, 0.2, 0.05];
      ratingShare.forEach((x, k) => expect(Math.abs(x - target[k])).toBeLessThan(0.04));
    });

    it('correlates skill level and competency score with job points', () => {
      const s = generateSample({ employees: 5000 });
      const jp = new Map(records(s, JOBS).map((j) => [j.code, num(j.points)]));
      const people = records(s, EMPLOYEES);
      const corr = (xs: number[], ys: number[]): number => {
        const mx = mean(xs);
        const my = mean(ys);
        let sxy = 0;
        let sxx = 0;
        let syy = 0;
        xs.forEach((x, i) => {
          sxy += (x - mx) * (ys[i] - my);
          sxx += (x - mx) ** 2;
          syy += (ys[i] - my) ** 2;
        });
        return sxy / Math.sqrt(sxx * syy);
      };
      const pts = people.map((e) => jp.get(e.jobCode)!);
      expect(corr(pts, people.map((e) => num(e.skillLevel)))).toBeGreaterThan(0.6);
      expect(corr(pts, people.map((e) => num(e.competencyScore)))).toBeGreaterThan(0.6);
    });
  });

  describe('appraisal', () => {
    const byEmployee = new Map<SpecCell, Rec[]>();
    for (const a of appraisal) byEmployee.set(a.employeeId, [...(byEmployee.get(a.employeeId) ?? []), a]);

    it('gives every employee 3–5 objectives whose weights sum to 100%', () => {
      expect(byEmployee.size).toBe(employees.length);
      for (const e of employees) {
        const rows = byEmployee.get(e.id) ?? [];
        expect(rows.length).toBeGreaterThanOrEqual(3);
        expect(rows.length).toBeLessThanOrEqual(5);
        expect(new Set(rows.map((r) => r.objective)).size).toBe(rows.length);
        const total = rows.reduce((s, r) => s + num(r.weight), 0);
        expect(total).toBeCloseTo(1, 10);
        for (const r of rows) expect(num(r.weight)).toBeGreaterThan(0);
      }
    });

    it('scores on 1–5 with one decimal, the weighted mean matching the rating at x.5 thresholds', () => {
      for (const e of employees) {
        const rows = byEmployee.get(e.id) ?? [];
        for (const r of rows) {
          const s = num(r.score);
          expect(s).toBeGreaterThanOrEqual(1);
          expect(s).toBeLessThanOrEqual(5);
          expect(Math.round(s * 10) / 10).toBe(s);
        }
        const score = rows.reduce((s, r) => s + num(r.weight) * num(r.score), 0);
        const rating = 1 + [1.5, 2.5, 3.5, 4.5].filter((t) => score >= t).length;
        expect(rating).toBe(e.rating);
      }
    });
  });

  describe('at 100,000 employees', () => {
    // Speed is measured by `npm run bench`, not here.
    let big: SampleWorkbook;
    beforeAll(() => {
      big = generateSample({ employees: 100_000 });
    });

    it('uses about 1,000 jobs', () => {
      expect(big.sheets[0].cells.length - 1).toBe(1000);
      expect(big.sheets[2].cells.length - 1).toBe(100_000);
    });

    it('keeps every reference valid', () => {
      const jobCodes = new Set(records(big, JOBS).map((j) => j.code));
      const people = records(big, EMPLOYEES);
      const ids = new Set(people.map((e) => e.id));
      expect(people[99_999].id).toBe('E100000');
      expect(people.filter((e) => !jobCodes.has(e.jobCode))).toEqual([]);
      expect(people.filter((e) => e.managerId !== null && !ids.has(e.managerId))).toEqual([]);
      expect(records(big, MARKET).filter((m) => !jobCodes.has(m.jobCode))).toEqual([]);
      const byId = new Map(people.map((e) => [e.id, e]));
      const depth = new Map<SpecCell, number>(); // memoised chain length to the head; a loop would never resolve
      const chain = (e: Rec): number => {
        const path: Rec[] = [];
        let cur: Rec | undefined = e;
        while (cur && cur.managerId !== null && !depth.has(cur.id)) {
          path.push(cur);
          if (path.length > people.length) throw new Error(`manager loop at ${String(e.id)}`);
          cur = byId.get(cur.managerId);
        }
        let d = cur ? (depth.get(cur.id) ?? 0) : 0;
        for (let k = path.length - 1; k >= 0; k--) depth.set(path[k].id, ++d);
        return d;
      };
      const deepest = people.reduce((m, e) => Math.max(m, chain(e)), 0);
      expect(deepest).toBeGreaterThan(3);
      expect(deepest).toBeLessThan(15);
      const points = records(big, JOBS).map((j) => num(j.points));
      expect(Math.min(...points)).toBeLessThan(200);
      expect(Math.max(...points)).toBeGreaterThan(850);
    });
  });
});
