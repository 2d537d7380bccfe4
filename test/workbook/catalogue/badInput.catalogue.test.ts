import type { MemorySheetInit } from '../../../src/hosts/memory';
import {
  at,
  baseWorkbook,
  employee,
  expectParsed,
  expectRejected,
  expectRejectedByEngine,
  parse,
  problemsOf,
  put,
  runOn,
  sheetOf,
  withEdits,
} from './harness';

/*
 * Bad input on the core data sheets: Jobs, Market, Employees and Appraisal. Each case is one defect in
 * the base workbook (harness.ts). The locale examples follow the number formats of CLDR (unicode.org
 * CLDR charts, "Numbers"): en-US 85,000.00; de-DE 85.000,00; fr-FR 85 000,00 with U+202F NARROW
 * NO-BREAK SPACE (U+00A0 in older data) as the group separator; de-CH 85'000.00.
 */

const push = (sheet: string, row: (string | number | null)[]) => (s: MemorySheetInit[]) => sheetOf(s, sheet).rows.push(row);
const marketRow = (p: Awaited<ReturnType<typeof parse>>, code: string) => {
  const m = p.inputs.market.find((x) => x.jobCode === code);
  expect(m).toBeDefined();
  return m!;
};

describe('the base workbook (the control every case starts from)', () => {
  it('parses without a single problem, and a run writes the output sheets', async () => {
    const p = await parse(baseWorkbook());
    expect(p.problems.filter((x) => x.severity !== 'info')).toEqual([]);
    expect(p.inputs.jobs).toHaveLength(6);
    expect(p.inputs.market).toHaveLength(6);
    expect(p.inputs.employees).toHaveLength(8);
    expect(p.inputs.appraisal).toHaveLength(2);
    const { result, before, after } = await runOn(baseWorkbook());
    expect(result.ok).toBe(true);
    // The snapshot the error cases compare does change when something is written.
    expect(after).not.toEqual(before);
  });
});

describe('Jobs', () => {
  it('Points as text with a thousands separator ("1,200") is 1200', async () => {
    const p = await expectParsed(withEdits(put('Jobs', 'D2', '1,200')));
    expect(p.inputs.jobs.find((j) => j.code === 'J1')!.points).toBe(1200);
  });

  it('Points holding #N/A is an error at its cell', async () => {
    await expectRejected(withEdits(put('Jobs', 'D3', { error: '#N/A' })), [at('bad-value', 'Jobs!D3', 'Points holds the error #N/A')]);
  });

  it('Points given as a boolean (TRUE) is not a number', async () => {
    await expectRejected(withEdits(put('Jobs', 'D4', true)), [at('bad-value', 'Jobs!D4', 'Points TRUE is not a number')]);
  });

  it('Points 0 is an error', async () => {
    await expectRejected(withEdits(put('Jobs', 'D5', 0)), [at('bad-value', 'Jobs!D5', 'Points must be above zero, not 0')]);
  });

  it('a duplicate job code (another case) is an error naming the first one', async () => {
    await expectRejected(withEdits(push('Jobs', ['j2', 'Senior Manager (copy)', 'General', 900, 'Y'])), [
      at('duplicate-key', 'Jobs!A8', 'job code "j2" is already used at Jobs!A3'),
    ]);
  });

  it('a job listed in two families is a duplicate job code', async () => {
    await expectRejected(withEdits(push('Jobs', ['J3', 'Manager', 'Finance', 750, 'Y'])), [at('duplicate-key', 'Jobs!A8', 'job code "J3" is already used at Jobs!A4')]);
  });

  it('a missing required column (Points) is an error on the header row', async () => {
    await expectRejected(withEdits(put('Jobs', 'D1', 'Grade Level')), [
      at('missing-column', 'Jobs!1:1', 'required column "Points" not found in the header row (accepted names include Points, Job Points, Evaluation Points, Total Points)'),
    ]);
  });

  it('a Benchmark flag that is not Y or N is an error', async () => {
    await expectRejected(withEdits(put('Jobs', 'E2', 'maybe')), [at('bad-value', 'Jobs!E2', 'Benchmark "maybe" is not Y or N')]);
  });
});

describe('Market', () => {
  it('P50 "$85,000" (en-US) is 85000', async () => {
    const p = await expectParsed(withEdits(put('Market', 'E5', '$85,000')));
    expect(marketRow(p, 'J4').percentiles[50]!.toNumber()).toBe(85000);
  });

  it('P50 "85.000,00 €" (de-DE) is 85000', async () => {
    const p = await expectParsed(withEdits(put('Market', 'E5', '85.000,00 €')));
    expect(marketRow(p, 'J4').percentiles[50]!.toNumber()).toBe(85000);
  });

  it('P50 "85 000" (a space between the thousands) is 85000', async () => {
    const p = await expectParsed(withEdits(put('Market', 'E5', '85 000')));
    expect(marketRow(p, 'J4').percentiles[50]!.toNumber()).toBe(85000);
  });

  it('P50 "85.000" is 85000: in a money column a lone dot before three digits groups thousands', async () => {
    const p = await expectParsed(withEdits(put('Market', 'E5', '85.000')));
    expect(marketRow(p, 'J4').percentiles[50]!.toNumber()).toBe(85000);
  });

  it("P50 \"CHF 85'000\" (de-CH) is 85000", async () => {
    const p = await expectParsed(withEdits(put('Market', 'E5', "CHF 85'000")));
    expect(marketRow(p, 'J4').percentiles[50]!.toNumber()).toBe(85000);
  });

  it('P50 with trailing spaces and a no-break space ("85000  \\u00a0") is 85000', async () => {
    const p = await expectParsed(withEdits(put('Market', 'E5', '85000  \u00a0')));
    expect(marketRow(p, 'J4').percentiles[50]!.toNumber()).toBe(85000);
  });

  it('P75 below P50 is an error at the P75 cell', async () => {
    await expectRejected(withEdits(put('Market', 'F5', 80000)), [at('percentile-order', 'Market!F5', 'P75 80000 is below P50 85000')]);
  });

  it('P50 holding #DIV/0! is an error at its cell', async () => {
    await expectRejected(withEdits(put('Market', 'E3', { error: '#DIV/0!' })), [at('bad-value', 'Market!E3', 'P50 holds the error #DIV/0!')]);
  });

  it('an Effective Date as ISO text ("2025-07-01") is that date', async () => {
    const p = await expectParsed(withEdits(put('Market', 'C2', '2025-07-01')));
    expect(marketRow(p, 'J1').effectiveDate).toEqual({ year: 2025, month: 7, day: 1 });
  });

  it('an Effective Date that does not exist ("2025-02-30") is an error', async () => {
    await expectRejected(withEdits(put('Market', 'C2', '2025-02-30')), [
      at('bad-value', 'Market!C2', 'Effective Date "2025-02-30" is not a date (use a date cell or YYYY-MM-DD)'),
    ]);
  });

  it('Incumbents 12.5 is not a whole number', async () => {
    await expectRejected(withEdits(put('Market', 'H2', 12.5)), [at('bad-value', 'Market!H2', 'Incumbents 12.5 is not a whole number')]);
  });

  it('a negative survey Weight is an error', async () => {
    await expectRejected(withEdits(put('Market', 'G2', -1)), [at('bad-value', 'Market!G2', 'Weight must not be negative, not -1')]);
  });
});

describe('Employees', () => {
  it('a negative salary is an error', async () => {
    await expectRejected(withEdits(put('Employees', 'D3', -5000)), [at('bad-value', 'Employees!D3', 'Base Salary must be above zero, not -5000')]);
  });

  it('a salary of 0 is an error', async () => {
    await expectRejected(withEdits(put('Employees', 'D4', 0)), [at('bad-value', 'Employees!D4', 'Base Salary must be above zero, not 0')]);
  });

  it('a salary given as a boolean (TRUE) is not a number', async () => {
    await expectRejected(withEdits(put('Employees', 'D5', true)), [at('bad-value', 'Employees!D5', 'Base Salary TRUE is not a number')]);
  });

  it('a salary holding #REF! is an error at its cell', async () => {
    await expectRejected(withEdits(put('Employees', 'D6', { error: '#REF!' })), [at('bad-value', 'Employees!D6', 'Base Salary holds the error #REF!')]);
  });

  it('a salary "82 000,50 €" (fr-FR, narrow no-break space) is 82000.5', async () => {
    const p = await expectParsed(withEdits(put('Employees', 'D6', '82\u202f000,50 €')));
    expect(employee(p, 'E05').baseSalary.toNumber()).toBe(82000.5);
  });

  it('an employee whose job code is not on Jobs is an error at the Job Code cell', async () => {
    await expectRejected(withEdits(put('Employees', 'C3', 'J42')), [at('unknown-job', 'Employees!C3', 'job code "J42" is not on the Jobs sheet')]);
  });

  it('a duplicate employee ID (another case) is an error naming the first one', async () => {
    await expectRejected(withEdits(push('Employees', ['e03', 'Cy again', 'J3', 100000, 1, null, 'M', 'E01', 3, 0, null, null])), [
      at('duplicate-key', 'Employees!A10', 'employee ID "e03" is already used at Employees!A4'),
    ]);
  });

  it('an Employee ID holding #N/A is an error at its cell', async () => {
    await expectRejected(withEdits(put('Employees', 'A5', { error: '#N/A' })), [at('bad-value', 'Employees!A5', 'Employee ID holds the error #N/A')]);
  });

  it('FTE 0 is an error', async () => {
    await expectRejected(withEdits(put('Employees', 'E3', 0)), [at('bad-fte', 'Employees!E3', 'FTE 0 must be above 0 and at most 1')]);
  });

  it('FTE above 1 (1.2) is an error', async () => {
    await expectRejected(withEdits(put('Employees', 'E3', 1.2)), [at('bad-fte', 'Employees!E3', 'FTE 1.2 must be above 0 and at most 1')]);
  });

  it('FTE "80%" is 0.8', async () => {
    const p = await expectParsed(withEdits(put('Employees', 'E3', '80%')));
    expect(employee(p, 'E02').fte).toBe(0.8);
  });

  it('a blank FTE is 1 (full time)', async () => {
    const p = await expectParsed(withEdits(put('Employees', 'E5', null)));
    expect(employee(p, 'E04').fte).toBe(1);
  });

  it('a bonus in accounting parentheses "(1,200)" reads as -1200 and is an error', async () => {
    await expectRejected(withEdits(put('Employees', 'J3', '(1,200)')), [at('bad-value', 'Employees!J3', 'Bonus must not be negative, not -1200')]);
  });

  it('a bonus with a Unicode minus sign ("\\u22121,200") reads as -1200 and is an error', async () => {
    await expectRejected(withEdits(put('Employees', 'J3', '\u22121,200')), [at('bad-value', 'Employees!J3', 'Bonus must not be negative, not -1200')]);
  });

  it('Merit Override % typed as 3 (points) is 3%', async () => {
    const p = await expectParsed(withEdits(put('Employees', 'K4', 3)));
    expect(p.merit!.overrides.get('E03')).toBe(0.03);
  });

  it('Merit Override % typed as 0.03 (a fraction) is 3%', async () => {
    const p = await expectParsed(withEdits(put('Employees', 'K4', 0.03)));
    expect(p.merit!.overrides.get('E03')).toBe(0.03);
  });

  it('Merit Override % typed as "3%" is 3%', async () => {
    const p = await expectParsed(withEdits(put('Employees', 'K4', '3%')));
    expect(p.merit!.overrides.get('E03')).toBe(0.03);
  });

  it('Merit Override % typed as "3 %" (a space before the sign) is 3%', async () => {
    const p = await expectParsed(withEdits(put('Employees', 'K4', '3 %')));
    expect(p.merit!.overrides.get('E03')).toBe(0.03);
  });

  it('Merit Eligible that is not Y or N is an error', async () => {
    await expectRejected(withEdits(put('Employees', 'L3', 'maybe')), [at('bad-value', 'Employees!L3', 'Merit Eligible "maybe" is not Y or N')]);
  });

  // Excel's 1900 date system: DATE(2023,3,15) = 45000 (serial 1 = 1900-01-01, 60 = the fictitious 1900-02-29).
  it('a Hire Date as a serial number (45000) is 2023-03-15', async () => {
    const p = await expectParsed(withEdits(put('Employees', 'F3', 45000)));
    expect(employee(p, 'E02').hireDate).toEqual({ year: 2023, month: 3, day: 15 });
  });

  it('a Hire Date as text "31/12/2024" (day first) is 2024-12-31', async () => {
    const p = await expectParsed(withEdits(put('Employees', 'F3', '31/12/2024')));
    expect(employee(p, 'E02').hireDate).toEqual({ year: 2024, month: 12, day: 31 });
  });

  it('a Hire Date as text "12/31/2024" (month first, unambiguous: 31 is no month) is 2024-12-31', async () => {
    const p = await expectParsed(withEdits(put('Employees', 'F3', '12/31/2024')));
    expect(employee(p, 'E02').hireDate).toEqual({ year: 2024, month: 12, day: 31 });
  });

  it('an ambiguous Hire Date "03/04/2024" is read day first, as documented: 3 April 2024', async () => {
    const p = await expectParsed(withEdits(put('Employees', 'F3', '03/04/2024')));
    expect(employee(p, 'E02').hireDate).toEqual({ year: 2024, month: 4, day: 3 });
  });

  it('a Hire Date as an ISO timestamp "2024-12-31T00:00:00" is 2024-12-31', async () => {
    const p = await expectParsed(withEdits(put('Employees', 'F3', '2024-12-31T00:00:00')));
    expect(employee(p, 'E02').hireDate).toEqual({ year: 2024, month: 12, day: 31 });
  });

  it('a Hire Date given as a boolean is an error', async () => {
    await expectRejected(withEdits(put('Employees', 'F3', true)), [at('bad-value', 'Employees!F3', 'Hire Date TRUE is not a date')]);
  });

  it('a Hire Date after the Effective Date (a future joiner) is read as given', async () => {
    const p = await expectParsed(withEdits(put('Employees', 'F3', '2026-06-01')));
    expect(employee(p, 'E02').hireDate).toEqual({ year: 2026, month: 6, day: 1 });
  });

  it('a manager loop (E01 ↔ E02) is a warning at the Manager ID cell, and the run goes on', async () => {
    const p = await expectParsed(withEdits(put('Employees', 'H2', 'E02')));
    expect(problemsOf(p.problems, 'warning')).toEqual([at('manager-loop', 'Employees!H2', 'Manager ID "E02" makes a loop in the reporting lines: E01 → E02 → E01')]);
  });

  it('a three-person manager loop is one warning, at the first of them in sheet order', async () => {
    // E05 reports to E02 and E02 to E01: E01 reporting to E05 closes the loop.
    const p = await expectParsed(withEdits(put('Employees', 'H2', 'e05')));
    expect(problemsOf(p.problems, 'warning')).toEqual([at('manager-loop', 'Employees!H2', 'Manager ID "e05" makes a loop in the reporting lines: E01 → E05 → E02 → E01')]);
  });

  it('a missing required column (Base Salary) is an error on the header row', async () => {
    await expectRejected(withEdits(put('Employees', 'D1', 'Pay Rate')), [
      at('missing-column', 'Employees!1:1', 'required column "Base Salary" not found in the header row (accepted names include Base Salary, Salary, Annual Base, Base Pay)'),
    ]);
  });
});

describe('Appraisal', () => {
  it('weights typed as percentage points (60, 40) are 60% and 40%', async () => {
    const p = await expectParsed(withEdits(put('Appraisal', 'C2', 60), put('Appraisal', 'C3', 40)));
    expect(p.inputs.appraisal.map((a) => a.weight)).toEqual([0.6, 0.4]);
  });

  it('a weight "60 %" with a space is 60%', async () => {
    const p = await expectParsed(withEdits(put('Appraisal', 'C2', '60 %')));
    expect(p.inputs.appraisal[0].weight).toBe(0.6);
  });

  it('a score holding #N/A is an error at its cell', async () => {
    await expectRejected(withEdits(put('Appraisal', 'D2', { error: '#N/A' })), [at('bad-value', 'Appraisal!D2', 'Score holds the error #N/A')]);
  });

  // The scale (1 to Rating Scale, 5 by default) is known only once the Assumptions are read, so the
  // engine checks it; its problem names the row (an appraisal record carries its row, not its cells).
  it('a score outside the scale (7 on 1–5) stops the run with the row named', async () => {
    await expectRejectedByEngine(withEdits(put('Appraisal', 'D2', 7)), [at('score-outside-scale', 'Appraisal!2:2', 'score 7 for employee "E08" is outside the score scale 1–5')]);
  });

  it('an appraisal for an employee not on Employees is a warning naming its row, and the run goes on', async () => {
    const s = withEdits(push('Appraisal', ['E99', 'Sales', 1, 3]));
    await expectParsed(s);
    const { result } = await runOn(s);
    expect(problemsOf(result.problems, 'warning')).toContainEqual(
      at('appraisal-unknown-employee', 'Appraisal!4:4', '1 appraisal row(s) for employee "E99", who is not on the Employees sheet, are ignored'),
    );
  });
});
