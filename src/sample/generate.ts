/**
 * A realistic, deterministic sample workbook: Jobs, Market, Employees and Appraisal input sheets.
 *
 * Everything follows from the seed (each stage draws from its own stream, so the jobs and the
 * market do not change when only the employee count does). Pure TypeScript with no Node APIs:
 * the CLI, the task pane and the browser preview all use it. Every step is linear or n log n, so
 * 100,000 employees take well under two seconds.
 */
import type { CalendarDate } from '../engine/types';
import { columnLetter } from '../workbook/address';
import { dateToSerial } from '../workbook/dates';
import { APPRAISAL, EMPLOYEES, JOBS, MARKET, type ColumnKind, type SheetDef } from '../workbook/schema';
import type { SheetSpec, SpecCell } from '../workbook/sheetSpec';
import {
  CITIES,
  FAMILIES,
  FEMALE_NAMES,
  GENERIC_OBJECTIVES,
  LAST_NAMES,
  LEADERSHIP_OBJECTIVE,
  LEVELS,
  MALE_NAMES,
  NEUTRAL_NAMES,
  SURVEYS,
  VARIANT_REGIONS,
  type Family,
  type Level,
} from './catalogue';
import { evaluatedPoints, factorPlanSheet, jobEvaluationSheet, levelsFor, raiseAbove } from './evaluation';
import { Random, cumulative } from './random';

/** The structure's effective date the sample is built for (the lead's Assumptions default). */
export const SAMPLE_EFFECTIVE_DATE: CalendarDate = { year: 2026, month: 1, day: 1 };
export const DEFAULT_SAMPLE_SEED = 42;
export const DEFAULT_SAMPLE_EMPLOYEES = 300;
/** With up to five objectives each, more employees would overflow the Appraisal sheet's 1,048,576 rows. */
export const MAX_SAMPLE_EMPLOYEES = 200_000;
export const MAX_SAMPLE_JOBS = 10_000;

export interface SampleOptions {
  /** Number of employees (default 300). */
  employees?: number;
  /** Any finite number; the same seed always gives the same workbook (default 42). */
  seed?: number;
  /** Number of jobs (default: employees / 100, between 40 and 1,000). */
  jobs?: number;
}

export interface SampleWorkbook {
  /** Input sheets in pipeline order: Jobs, Market, Employees, Appraisal. */
  sheets: SheetSpec[];
}

/** About one job per 100 employees, at least 40 and at most 1,000. */
export function defaultJobCount(employees: number): number {
  return Math.min(1000, Math.max(40, Math.round(employees / 100)));
}

export function generateSample(options: SampleOptions = {}): SampleWorkbook {
  const seed = options.seed ?? DEFAULT_SAMPLE_SEED;
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number: ${seed}`);
  const employees = checkCount('employees', options.employees ?? DEFAULT_SAMPLE_EMPLOYEES, MAX_SAMPLE_EMPLOYEES);
  const jobCount = checkCount('jobs', options.jobs ?? defaultJobCount(employees), MAX_SAMPLE_JOBS);

  const jobs = generateJobs(new Random(seed, 1), jobCount);
  const evaluated = evaluateJobs(new Random(seed, 5), jobs);
  const market = generateMarket(new Random(seed, 2), jobs);
  const people = generateEmployees(new Random(seed, 3), jobs, employees);
  const appraisal = generateAppraisal(new Random(seed, 4), people, jobs);

  return {
    sheets: [
      inputSheet(JOBS, 'tblJobs', jobs.map((j) => jobRow(j)), {
        formats: { points: '#,##0' },
        widths: { code: 12, title: 44, family: 18, points: 9, benchmark: 12 },
      }),
      inputSheet(MARKET, 'tblMarket', market, {
        formats: { weight: '0.0#', incumbents: '#,##0' },
        widths: { jobCode: 12, survey: 28, effectiveDate: 14, weight: 9, incumbents: 12 },
      }),
      inputSheet(EMPLOYEES, 'tblEmployees', people.rows, {
        formats: { fte: '0.00', weeklyHours: '0.0' },
        widths: {
          id: 12, name: 22, jobCode: 12, baseSalary: 13, fte: 7, hireDate: 12, gender: 9, department: 18,
          location: 13, managerId: 12, rating: 8, bonus: 11, weeklyHours: 14, skillLevel: 12, competencyScore: 18,
        },
      }),
      inputSheet(APPRAISAL, 'tblAppraisal', appraisal, {
        formats: { score: '0.0' },
        widths: { employeeId: 12, objective: 32, weight: 9, score: 8 },
      }),
      factorPlanSheet(),
      jobEvaluationSheet(evaluated),
    ],
  };
}

/**
 * Evaluate every job against the sample's factor plan; its points become the evaluated points (so
 * the Jobs sheet and the evaluation agree) and its market median moves along the market curve with them.
 */
function evaluateJobs(rng: Random, jobs: SampleJob[]): { code: string; title: string; levels: number[] }[] {
  const levels = jobs.map((j) => levelsFor(rng, j.points, j.family.frontline));
  // Within a family, a bigger job never evaluates lower than a smaller one.
  const byFamily = new Map<number, number[]>();
  jobs.forEach((j, k) => byFamily.set(j.familyIndex, [...(byFamily.get(j.familyIndex) ?? []), k]));
  for (const ks of byFamily.values()) {
    ks.sort((a, b) => jobs[a].points - jobs[b].points);
    for (let i = 1; i < ks.length; i++) {
      if (jobs[ks[i]].points > jobs[ks[i - 1]].points) levels[ks[i]] = raiseAbove(levels[ks[i]], evaluatedPoints(levels[ks[i - 1]]));
    }
  }
  return jobs.map((j, k) => {
    const points = evaluatedPoints(levels[k]);
    j.market = (j.market / marketCurve(j.points)) * marketCurve(points);
    j.points = points;
    return { code: j.code, title: j.title, levels: levels[k] };
  });
}

function checkCount(what: string, n: number, max: number): number {
  if (!Number.isInteger(n) || n < 1 || n > max) throw new RangeError(`${what} must be a whole number from 1 to ${max.toLocaleString('en-US')}: ${n}`);
  return n;
}

// ---------------------------------------------------------------------------------------------
// Jobs

interface SampleJob {
  code: string;
  title: string;
  family: Family;
  familyIndex: number;
  /** Career track within the family; -1 for the family-wide levels (Director, VP). */
  track: number;
  level: Level;
  points: number;
  benchmark: boolean;
  /** The market median at the effective date (before survey noise). */
  market: number;
  /** Share of the employees in this job. */
  share: number;
}

interface CatalogueEntry {
  familyIndex: number;
  track: number;
  level: Level;
  priority: number;
}

/** Market median at 100 and at 1,000 points; exponential in between. */
const MARKET_LOW = 28_000;
const MARKET_HIGH = 230_000;
const marketCurve = (points: number): number => MARKET_LOW * Math.pow(MARKET_HIGH / MARKET_LOW, (points - 100) / 900);

/** Every (family, track, level), each family's list in the order jobs are taken when fewer are wanted. */
function catalogue(): CatalogueEntry[][] {
  return FAMILIES.map((family, familyIndex) => {
    const entries: CatalogueEntry[] = [];
    family.tracks.forEach((_t, track) => {
      for (const level of LEVELS) if (level.scope === 'track') entries.push({ familyIndex, track, level, priority: rotated(level.priority, familyIndex) + 3 * track });
    });
    for (const level of LEVELS) if (level.scope === 'family') entries.push({ familyIndex, track: -1, level, priority: rotated(level.priority, familyIndex) });
    return entries.sort((a, b) => a.priority - b.priority || a.track - b.track || a.level.rank - b.level.rank);
  });
}

/** Jobs per family: half an equal share, half by headcount; largest remainder, capped at the family's catalogue. */
function familyQuotas(total: number, sizes: number[]): number[] {
  const headcount = FAMILIES.reduce((s, f) => s + f.headcount, 0);
  const weight = FAMILIES.map((f) => 0.5 / FAMILIES.length + (0.5 * f.headcount) / headcount);
  const quotas = sizes.map(() => 0);
  let remaining = Math.min(total, sizes.reduce((s, n) => s + n, 0));
  while (remaining > 0) {
    const open = sizes.map((_n, i) => i).filter((i) => quotas[i] < sizes[i]);
    const sum = open.reduce((s, i) => s + weight[i], 0);
    const shares = open.map((i) => (remaining * weight[i]) / sum);
    let given = 0;
    open.forEach((i, k) => {
      const add = Math.min(sizes[i] - quotas[i], Math.floor(shares[k]));
      quotas[i] += add;
      given += add;
    });
    if (given > 0) {
      remaining -= given;
      continue;
    }
    const order = open.map((i, k) => ({ i, share: shares[k] })).sort((a, b) => b.share - a.share || a.i - b.i);
    for (const { i } of order) {
      if (remaining === 0) break;
      quotas[i]++;
      remaining--;
    }
  }
  return quotas;
}

/** Each family starts its job list at a different level, so a small sample still covers every level. */
const rotated = (priority: number, familyIndex: number): number => (priority + 2.7 * familyIndex) % 11;

function generateJobs(rng: Random, count: number): SampleJob[] {
  const cat = catalogue();
  const trackJitter = FAMILIES.map((f) => f.tracks.map(() => rng.lognormal(0.03)));
  const quotas = familyQuotas(count, cat.map((c) => c.length));

  // Chosen catalogue entries, then regional variants of them once the catalogue is exhausted.
  const chosen: Array<{ entry: CatalogueEntry; variant: number }> = [];
  cat.forEach((entries, f) => entries.slice(0, quotas[f]).forEach((entry) => chosen.push({ entry, variant: 0 })));
  const global = cat.flat().sort((a, b) => a.priority - b.priority || a.familyIndex - b.familyIndex || a.track - b.track);
  for (let variant = 1; chosen.length < count; variant++) {
    for (const entry of global) {
      if (chosen.length >= count) break;
      chosen.push({ entry, variant });
    }
  }

  const raw = chosen.map(({ entry, variant }) => {
    const family = FAMILIES[entry.familyIndex];
    const track = entry.track >= 0 ? trackJitter[entry.familyIndex][entry.track] : 1;
    return entry.level.rawPoints * family.pointsBias * track * rng.lognormal(variant ? 0.02 : 0.012);
  });
  const points = rescalePoints(raw);

  const jobs: SampleJob[] = chosen.map(({ entry, variant }, k) => {
    const family = FAMILIES[entry.familyIndex];
    const track = entry.track >= 0 ? family.tracks[entry.track] : family.tracks[0];
    const baseCode = `${family.prefix}-${String(entry.track + 1).padStart(2, '0')}${String(entry.level.rank).padStart(2, '0')}`;
    const baseTitle = entry.level.title(track, family);
    const region = variant <= VARIANT_REGIONS.length ? VARIANT_REGIONS[variant - 1] : `Region ${variant}`;
    const l = entry.level;
    // Weight among the family's jobs at the same level: the first tracks are the big ones.
    const weight = (entry.track >= 0 ? 1 / (1 + 0.25 * entry.track) : 1) * (variant ? 0.6 : 1) * rng.lognormal(0.25);
    return {
      code: variant === 0 ? baseCode : `${baseCode}${variant < 25 ? String.fromCharCode(65 + variant) : `-${variant + 1}`}`,
      title: variant === 0 ? baseTitle : `${baseTitle} (${region})`,
      family,
      familyIndex: entry.familyIndex,
      track: entry.track,
      level: l,
      points: points[k],
      benchmark: false,
      market: marketCurve(points[k]) * family.payPremium * rng.lognormal(0.04),
      share: weight,
    };
  });

  // Headcount: the family's share, split over the levels it has by the pyramid (front-line families
  // are bottom-heavy), then over the jobs at each level. More people in lower-level jobs.
  const levelShare = (j: SampleJob): number => j.level.headcount * (j.family.frontline && j.level.rank <= 3 ? 1.5 : 1);
  const levelKey = (j: SampleJob): string => `${j.familyIndex}/${j.level.key}`;
  const levelWeight = new Map<string, number>();
  const pyramid = FAMILIES.map(() => 0);
  for (const j of jobs) {
    const key = levelKey(j);
    if (!levelWeight.has(key)) pyramid[j.familyIndex] += levelShare(j);
    levelWeight.set(key, (levelWeight.get(key) ?? 0) + j.share);
  }
  for (const j of jobs) j.share = (j.family.headcount * levelShare(j) * j.share) / (pyramid[j.familyIndex] * levelWeight.get(levelKey(j))!);

  // About 65% benchmarks, always including the lowest and the highest job so the pay line spans the range.
  const byPoints = jobs.map((_j, i) => i).sort((a, b) => jobs[a].points - jobs[b].points || a - b);
  const wanted = Math.min(jobs.length, Math.max(2, Math.round(0.65 * jobs.length)));
  jobs[byPoints[0]].benchmark = true;
  jobs[byPoints[byPoints.length - 1]].benchmark = true;
  const rest = rng.shuffle(byPoints.slice(1, -1));
  for (let k = 0, have = jobs.filter((j) => j.benchmark).length; have < wanted && k < rest.length; k++, have++) jobs[rest[k]].benchmark = true;

  return jobs.sort((a, b) => a.familyIndex - b.familyIndex || a.points - b.points || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Map raw scores linearly onto 100–1,000 whole points; distinct whenever there are at most 901 jobs. */
function rescalePoints(raw: number[]): number[] {
  const n = raw.length;
  if (n === 1) return [Math.round(Math.min(1000, Math.max(100, raw[0])))];
  const lo = raw.reduce((m, r) => Math.min(m, r), Infinity);
  const hi = raw.reduce((m, r) => Math.max(m, r), -Infinity);
  const pts = raw.map((r) => Math.round(100 + ((r - lo) / (hi - lo || 1)) * 900));
  if (n <= 901) {
    const order = raw.map((_r, i) => i).sort((a, b) => raw[a] - raw[b] || a - b);
    for (let k = 1; k < n; k++) pts[order[k]] = Math.max(pts[order[k]], pts[order[k - 1]] + 1);
    pts[order[n - 1]] = Math.min(pts[order[n - 1]], 1000);
    for (let k = n - 2; k >= 0; k--) pts[order[k]] = Math.min(pts[order[k]], pts[order[k + 1]] - 1);
  }
  return pts;
}

const JC = columnIndex(JOBS, ['code', 'title', 'family', 'points', 'benchmark']);
const JOB_BLANK = blankRow(JOBS);

function jobRow(j: SampleJob): SpecCell[] {
  const out = JOB_BLANK.slice();
  out[JC.code] = j.code;
  out[JC.title] = j.title;
  out[JC.family] = j.family.name;
  out[JC.points] = j.points;
  out[JC.benchmark] = j.benchmark ? 'Y' : 'N';
  return out;
}

// ---------------------------------------------------------------------------------------------
// Market

const EFFECTIVE_SERIAL = dateToSerial(SAMPLE_EFFECTIVE_DATE);
const monthsBefore = (d: CalendarDate, e: CalendarDate): number => (e.year - d.year) * 12 + (e.month - d.month);

const MC = columnIndex(MARKET, ['jobCode', 'survey', 'effectiveDate', 'p10', 'p25', 'p50', 'p75', 'p90', 'weight', 'incumbents']);
const MARKET_BLANK = blankRow(MARKET);

function generateMarket(rng: Random, jobs: SampleJob[]): SpecCell[][] {
  const benchmarks = jobs.filter((j) => j.benchmark);
  const covered = benchmarks.map((j) => {
    const c = SURVEYS.map((s) => rng.chance(j.family.tech ? s.coverage.tech : s.coverage.other));
    if (!c.some(Boolean)) c[rng.int(0, SURVEYS.length - 1)] = true;
    return c;
  });
  const rows: SpecCell[][] = [];
  SURVEYS.forEach((survey, s) => {
    const serial = dateToSerial(survey.effectiveDate);
    // Survey data is older than the effective date: take the market back at about 3% a year.
    const age = Math.pow(1.03, -monthsBefore(survey.effectiveDate, SAMPLE_EFFECTIVE_DATE) / 12);
    benchmarks.forEach((job, b) => {
      if (!covered[b][s]) return;
      const p50 = job.market * survey.bias * age * rng.lognormal(0.05);
      const frac = (job.points - 100) / 900;
      const sigma = Math.max(0.08, 0.12 + 0.1 * frac + rng.normal(0, 0.01));
      const pct = [
        p50 * Math.exp(-1.2816 * sigma * 0.92),
        p50 * Math.exp(-0.6745 * sigma * 0.95),
        p50,
        p50 * Math.exp(0.6745 * sigma * 1.05),
        p50 * Math.exp(1.2816 * sigma * 1.1),
      ].map((v) => Math.round(v / 100) * 100);
      for (let k = 1; k < pct.length; k++) if (pct[k] <= pct[k - 1]) pct[k] = pct[k - 1] + 100;
      const incumbents = Math.max(3, Math.round(12 * (1 + 20 * job.level.headcount) * rng.lognormal(0.6)));
      const out = MARKET_BLANK.slice();
      out[MC.jobCode] = job.code;
      out[MC.survey] = survey.name;
      out[MC.effectiveDate] = serial;
      out[MC.p10] = pct[0];
      out[MC.p25] = pct[1];
      out[MC.p50] = pct[2];
      out[MC.p75] = pct[3];
      out[MC.p90] = pct[4];
      out[MC.weight] = survey.weight;
      out[MC.incumbents] = incumbents;
      rows.push(out);
    });
  });
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Employees

const GENDER_F = 0;
const GENDER_M = 1;
const GENDER_X = 2;
const GENDER_BLANK = 3;
const GENDER_TEXT = ['F', 'M', 'X', null] as const;

const RATING_CUMULATIVE = cumulative([0.05, 0.2, 0.5, 0.2, 0.05]);
const BONUS_MULTIPLIER = [0, 0.5, 1, 1.25, 1.6];
const PART_TIME_FTE = [0.5, 0.6, 0.7, 0.8];
const CITY_CUMULATIVE = cumulative(CITIES.map((c) => c.share));
const HIRED_2025 = dateToSerial({ year: 2025, month: 1, day: 1 });
const LATE_2025 = dateToSerial({ year: 2025, month: 10, day: 1 });
/** Adjusted pay gap built into the sample: women are paid this much less for the same job and profile. */
const GENDER_PAY_FACTOR = 0.96;

interface SamplePeople {
  count: number;
  /** Employee IDs in sheet order (by hire date). */
  ids: string[];
  /** Internal index of the employee on each sheet row. */
  order: Int32Array;
  job: Int32Array;
  rating: Uint8Array;
  rows: SpecCell[][];
}

const EC = columnIndex(EMPLOYEES, [
  'id', 'name', 'jobCode', 'baseSalary', 'fte', 'hireDate', 'gender', 'department', 'location', 'managerId', 'rating', 'bonus',
  'weeklyHours', 'skillLevel', 'competencyScore',
]);
const EMPLOYEE_BLANK = blankRow(EMPLOYEES);

function generateEmployees(rng: Random, jobs: SampleJob[], n: number): SamplePeople {
  const minPoints = Math.ceil(jobs.reduce((m, j) => Math.min(m, j.points), Infinity));
  const maxPoints = Math.floor(jobs.reduce((m, j) => Math.max(m, j.points), 0));
  const jobCum = cumulative(jobs.map((j) => j.share));
  const job = new Int32Array(n);
  const gender = new Uint8Array(n);
  const city = new Uint8Array(n);
  const hire = new Int32Array(n);
  const fte = new Float64Array(n);

  for (let i = 0; i < n; i++) job[i] = rng.weighted(jobCum);
  oneHeadPerDepartment(rng, jobs, job);

  for (let i = 0; i < n; i++) {
    const j = jobs[job[i]];
    const senior = j.level.rank >= 6;
    const u = rng.next();
    const pFemale = j.family.femaleShare * (senior ? 0.8 : 1);
    gender[i] = u < 0.015 ? GENDER_X : u < 0.03 ? GENDER_BLANK : rng.chance(pFemale) ? GENDER_F : GENDER_M;
    city[i] = rng.weighted(CITY_CUMULATIVE);
    // Hire dates over 15 years (2011–2025), longer tenure higher up; about 9% hired in 2025.
    if (rng.chance(0.09)) hire[i] = EFFECTIVE_SERIAL - rng.int(1, 365);
    else {
      const mean = 2.5 + (4 * (j.points - 100)) / 900;
      const t = -mean * Math.log(1 - rng.next() * (1 - Math.exp(-14 / mean)));
      hire[i] = EFFECTIVE_SERIAL - 366 - Math.floor(t * 365.25);
    }
    const pPart = (gender[i] === GENDER_F ? 0.17 : 0.06) * (j.level.rank >= 8 ? 0.3 : 1);
    fte[i] = rng.chance(pPart) ? rng.pick(PART_TIME_FTE) : 1;
  }

  const manager = assignManagers(rng, jobs, job);

  // Ratings ~5/20/50/20/5, then a couple of lenient managers push their teams up.
  const rating = new Uint8Array(n);
  for (let i = 0; i < n; i++) rating[i] = rng.weighted(RATING_CUMULATIVE) + 1;
  const reports = new Int32Array(n);
  for (let i = 0; i < n; i++) if (manager[i] >= 0) reports[manager[i]]++;
  let candidates: number[] = [];
  for (const min of [5, 2, 1]) {
    candidates = [];
    for (let i = 0; i < n; i++) if (reports[i] >= min) candidates.push(i);
    if (candidates.length >= 2) break;
  }
  const lenient = new Uint8Array(n);
  rng.shuffle(candidates);
  const lenientCount = Math.min(candidates.length, Math.max(2, Math.round(candidates.length * 0.01)));
  for (let k = 0; k < lenientCount; k++) lenient[candidates[k]] = 1;
  for (let i = 0; i < n; i++) if (manager[i] >= 0 && lenient[manager[i]] && rating[i] < 5 && rng.chance(0.7)) rating[i]++;

  // Sheet order and IDs: by hire date, so E00001 is the longest-serving employee.
  const order = countingOrder(hire);
  const width = Math.max(5, String(n).length);
  const idOf: string[] = new Array(n);
  const ids: string[] = new Array(n);
  for (let pos = 0; pos < n; pos++) ids[pos] = idOf[order[pos]] = `E${String(pos + 1).padStart(width, '0')}`;

  const [cities, female, male, neutral, lastNames] = [CITIES, FEMALE_NAMES, MALE_NAMES, NEUTRAL_NAMES, LAST_NAMES];
  const rows: SpecCell[][] = new Array(n);
  for (let pos = 0; pos < n; pos++) {
    const i = order[pos];
    const j = jobs[job[i]];
    const r = rating[i];
    const tenure = (EFFECTIVE_SERIAL - hire[i]) / 365.25;

    // Base salary: the full-time annual rate, around the job's market median.
    let salary =
      j.market *
      0.985 *
      rng.lognormal(0.07) *
      (gender[i] === GENDER_F ? GENDER_PAY_FACTOR : 1) *
      (1 + 0.015 * (r - 3)) *
      (0.96 + 0.008 * Math.min(tenure, 10)) *
      cities[city[i]].payFactor;
    const u = rng.next();
    if (u < 0.02) salary *= rng.uniform(0.66, 0.76);
    else if (u > 0.98) salary *= rng.uniform(1.28, 1.4);
    salary = Math.max(100, Math.round(salary / 100) * 100);

    // Variable pay over the last 12 months: target % by level (and sales commission) × rating multiplier.
    const target = j.family.frontline && j.level.rank <= 2 ? 0 : j.level.bonusTarget + j.family.bonusExtra;
    const prorate = hire[i] >= LATE_2025 ? 0 : hire[i] >= HIRED_2025 ? (EFFECTIVE_SERIAL - hire[i]) / 365 : 1;
    const eligible = !rng.chance(0.05);
    const bonus = eligible ? Math.round(salary * fte[i] * target * BONUS_MULTIPLIER[r - 1] * prorate * rng.lognormal(0.15)) : 0;

    // On the job points scale, so the one sample runs under every pay system (Post, Skill, Ability).
    const skill = clamp(Math.round(j.points * rng.lognormal(0.05)), minPoints, maxPoints);
    const competency = clamp(Math.round(j.points * (1 + 0.02 * (r - 3)) * rng.lognormal(0.06)), minPoints, maxPoints);

    const g = gender[i];
    const first = rng.pick(g === GENDER_F ? female : g === GENDER_M ? male : g === GENDER_X ? neutral : rng.chance(0.5) ? female : male);

    const out = EMPLOYEE_BLANK.slice();
    out[EC.id] = ids[pos];
    out[EC.name] = `${first} ${rng.pick(lastNames)}`;
    out[EC.jobCode] = j.code;
    out[EC.baseSalary] = salary;
    out[EC.fte] = fte[i];
    out[EC.hireDate] = hire[i];
    out[EC.gender] = GENDER_TEXT[g];
    out[EC.department] = j.family.department;
    out[EC.location] = cities[city[i]].name;
    out[EC.managerId] = manager[i] >= 0 ? idOf[manager[i]] : null;
    out[EC.rating] = r;
    out[EC.bonus] = bonus;
    // Contractual hours: a part-timer works FTE × the full-time week (Base Salary stays the full-time rate).
    out[EC.weeklyHours] = Math.round(j.family.weeklyHours * fte[i] * 10) / 10;
    out[EC.skillLevel] = skill;
    out[EC.competencyScore] = competency;
    rows[pos] = out;
  }

  return { count: n, ids, order, job, rating, rows };
}

/** Indices ordered by an integer key, ties by index: a counting sort, linear in n plus the key range. */
function countingOrder(key: Int32Array): Int32Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < key.length; i++) {
    if (key[i] < lo) lo = key[i];
    if (key[i] > hi) hi = key[i];
  }
  const order = new Int32Array(key.length);
  if (key.length === 0) return order;
  const start = new Int32Array(hi - lo + 2);
  for (let i = 0; i < key.length; i++) start[key[i] - lo + 1]++;
  for (let k = 1; k < start.length; k++) start[k] += start[k - 1];
  for (let i = 0; i < key.length; i++) order[start[key[i] - lo]++] = i;
  return order;
}

/**
 * Exactly one person in each department's highest job (its head, who has no manager): extra
 * incumbents move one job down; an empty top job takes someone from the job below it.
 */
function oneHeadPerDepartment(rng: Random, jobs: SampleJob[], job: Int32Array): void {
  const top = FAMILIES.map(() => -1);
  const second = FAMILIES.map(() => -1);
  jobs.forEach((j, k) => {
    const f = j.familyIndex;
    if (top[f] < 0 || j.points > jobs[top[f]].points) {
      if (top[f] >= 0 && jobs[top[f]].points < j.points) second[f] = top[f];
      top[f] = k;
    } else if (j.points < jobs[top[f]].points && (second[f] < 0 || j.points > jobs[second[f]].points)) second[f] = k;
  });
  const inTop: number[][] = FAMILIES.map(() => []);
  const inSecond: number[][] = FAMILIES.map(() => []);
  const inFamily: number[][] = FAMILIES.map(() => []);
  for (let i = 0; i < job.length; i++) {
    const f = jobs[job[i]].familyIndex;
    if (job[i] === top[f]) inTop[f].push(i);
    else if (job[i] === second[f]) inSecond[f].push(i);
    inFamily[f].push(i);
  }
  FAMILIES.forEach((_family, f) => {
    if (second[f] < 0 || inFamily[f].length === 0) return;
    if (inTop[f].length === 0) {
      const from = inSecond[f].length > 0 ? inSecond[f] : inFamily[f];
      job[rng.pick(from)] = top[f];
    } else {
      const keep = rng.int(0, inTop[f].length - 1);
      inTop[f].forEach((i, k) => {
        if (k !== keep) job[i] = second[f];
      });
    }
  });
}

/**
 * Managers within each department, by job points: everyone reports to someone whose job has
 * strictly more points (so there are no loops), preferably a lead or manager in the same career
 * track, otherwise a director or the department's top people (who have no manager themselves).
 * One sort per department, then constant work per employee.
 */
function assignManagers(rng: Random, jobs: SampleJob[], job: Int32Array): Int32Array {
  const n = job.length;
  const manager = new Int32Array(n).fill(-1);
  const tie = new Float64Array(n);
  const points = new Int32Array(n);
  const byDept: number[][] = FAMILIES.map(() => []);
  for (let i = 0; i < n; i++) {
    tie[i] = rng.next();
    points[i] = jobs[job[i]].points;
    byDept[jobs[job[i]].familyIndex].push(i);
  }
  const pick = (pool: number[], window: number): number => pool[pool.length - 1 - Math.floor(rng.next() * Math.max(1, Math.ceil(pool.length * window)))];

  FAMILIES.forEach((family, f) => {
    const list = byDept[f].sort((a, b) => points[b] - points[a] || tie[a] - tie[b]);
    // Pools hold people with strictly more points than everyone still to be placed, highest first.
    const deptPool: number[] = [];
    const trackPools: number[][] = family.tracks.map(() => []);
    for (let g = 0; g < list.length; ) {
      let h = g;
      while (h < list.length && points[list[h]] === points[list[g]]) h++;
      if (g > 0) {
        for (let k = g; k < h; k++) {
          const e = list[k];
          const track = jobs[job[e]].track;
          const trackPool = track >= 0 ? trackPools[track] : undefined;
          manager[e] = trackPool && trackPool.length > 0 ? pick(trackPool, 0.5) : pick(deptPool, 0.3);
        }
      }
      for (let k = g; k < h; k++) {
        const e = list[k];
        const j = jobs[job[e]];
        if (g === 0 || j.level.scope === 'family') deptPool.push(e);
        else if (j.level.manages) trackPools[j.track].push(e);
      }
      g = h;
    }
  });
  return manager;
}

// ---------------------------------------------------------------------------------------------
// Appraisal

const AC = columnIndex(APPRAISAL, ['employeeId', 'objective', 'weight', 'score']);
const APPRAISAL_BLANK = blankRow(APPRAISAL);

/** 3–5 objectives per employee, weights in 5% steps summing to 100%, scores on 1–5 whose weighted mean rounds to the rating. */
function generateAppraisal(rng: Random, people: SamplePeople, jobs: SampleJob[]): SpecCell[][] {
  const [generic, leadership] = [GENERIC_OBJECTIVES, LEADERSHIP_OBJECTIVE];
  const rows: SpecCell[][] = [];
  const units = [0, 0, 0, 0, 0];
  const scores = [0, 0, 0, 0, 0];
  for (let pos = 0; pos < people.count; pos++) {
    const i = people.order[pos];
    const j = jobs[people.job[i]];
    const r = people.rating[i];
    const u = rng.next();
    const k = u < 0.35 ? 3 : u < 0.8 ? 4 : 5;

    const objectives: string[] = [rng.pick(j.family.objectives)];
    if (j.level.manages) objectives.push(leadership);
    while (objectives.length < k) {
      const o = rng.chance(0.3) ? rng.pick(j.family.objectives) : rng.pick(generic);
      if (!objectives.includes(o)) objectives.push(o);
    }

    // Weights: at least 10% each, the rest in 5% steps, the first objective favoured.
    for (let q = 0; q < k; q++) units[q] = 2;
    for (let left = 20 - 2 * k; left > 0; left--) units[rng.chance(0.35) ? 0 : rng.int(0, k - 1)]++;

    const target = clamp(r + rng.uniform(-0.3, 0.3), 1, 5);
    const lo = r === 1 ? 1 : r - 0.45;
    const hi = r === 5 ? 5 : r + 0.45;
    for (let q = 0; q < k; q++) scores[q] = round1(clamp(target + rng.normal(0, 0.45), 1, 5));
    let mean = weightedMean(units, scores, k);
    for (let attempt = 0; attempt < 2 && (mean < lo - 1e-9 || mean > hi + 1e-9); attempt++) {
      const shift = target - mean;
      for (let q = 0; q < k; q++) scores[q] = round1(clamp(scores[q] + shift, 1, 5));
      mean = weightedMean(units, scores, k);
    }
    if (mean < lo - 1e-9 || mean > hi + 1e-9) for (let q = 0; q < k; q++) scores[q] = round1(target);

    for (let q = 0; q < k; q++) {
      const out = APPRAISAL_BLANK.slice();
      out[AC.employeeId] = people.ids[pos];
      out[AC.objective] = objectives[q];
      out[AC.weight] = units[q] / 20;
      out[AC.score] = scores[q];
      rows.push(out);
    }
  }
  return rows;
}

const weightedMean = (units: number[], scores: number[], k: number): number => {
  let s = 0;
  for (let q = 0; q < k; q++) s += units[q] * scores[q];
  return s / 20;
};

// ---------------------------------------------------------------------------------------------
// Sheets

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
const round1 = (x: number): number => Math.round(x * 10) / 10;

const KIND_FORMAT: Partial<Record<ColumnKind, string>> = {
  money: '#,##0',
  date: 'yyyy-mm-dd',
  percent: '0%',
};

/** Position of each named column in the schema's order (so rows follow the schema whatever its order). */
function columnIndex<K extends string>(def: SheetDef, keys: readonly K[]): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const key of keys) {
    const i = def.columns.findIndex((c) => c.key === key);
    if (i < 0) throw new Error(`sample: no column "${key}" in ${def.name}`);
    out[key] = i;
  }
  return out;
}

/** A row of blanks as wide as the sheet's columns, to copy (columns the sample does not fill stay blank). */
function blankRow(def: SheetDef): SpecCell[] {
  return def.columns.map(() => null);
}

function inputSheet(
  def: SheetDef,
  table: string,
  rows: SpecCell[][],
  opts: { formats?: Record<string, string>; widths: Record<string, number> },
): SheetSpec {
  const lastRow = rows.length + 1;
  const cells: SpecCell[][] = new Array(lastRow);
  cells[0] = def.columns.map((c) => c.name);
  for (let r = 0; r < rows.length; r++) cells[r + 1] = rows[r];
  const formats = def.columns.flatMap((c, i) => {
    const format = opts.formats?.[c.key] ?? KIND_FORMAT[c.kind];
    const col = columnLetter(i + 1);
    return format ? [{ range: `${col}2:${col}${lastRow}`, format }] : [];
  });
  return {
    name: def.name,
    cells,
    columns: def.columns.map((c) => ({ width: opts.widths[c.key] ?? Math.max(10, c.name.length + 3) })),
    formats,
    tables: [{ name: table, range: `A1:${columnLetter(def.columns.length)}${lastRow}`, style: 'TableStyleMedium2' }],
    freeze: { rows: 1, columns: 0 },
    role: 'input',
  };
}
