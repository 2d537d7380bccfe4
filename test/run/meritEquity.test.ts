import { analysePayEquity, equityBasis, payEquityFigures, payEquityFiguresOnSalaries, type PayEquityFigures } from '../../src/engine/equity/payEquity';
import { toDouble } from '../../src/engine/money';
import { employeesAfterIncreases, meritEquityImpact } from '../../src/engine/equity/meritImpact';
import { placeEmployees } from '../../src/engine/placement';
import { MemoryHost } from '../../src/hosts/memory';
import { compute, readWorkbook, runPipeline } from '../../src/run/pipeline';
import { sampleUpdate } from '../../src/sample/sampleWorkbook';
import { parseWorkbook } from '../../src/workbook/readInputs';

async function sampleComputed() {
  const u = sampleUpdate({ employees: 400, seed: 3 });
  const host = MemoryHost.fromSheetSpecs(u.sheets, u.names);
  const { grids, sheetOf } = await readWorkbook(host);
  const parsed = parseWorkbook(grids, sheetOf);
  return { parsed, computed: compute(parsed) };
}

describe('pay equity inside the merit cycle', () => {
  it('sees a plan that raises only men as widening the gap, and one that raises only women as narrowing it', async () => {
    const { parsed, computed } = await sampleComputed();
    const before = computed.fairness!.equity;
    const a = parsed.inputs.assumptions;
    const options = { effectiveDate: a.effectiveDate, payGapThreshold: a.payGapThreshold, minimumGroupSize: a.minimumGroupSize, controls: a.equityControls, categories: a.payCategories, fullTimeHours: a.fullTimeHours, remediationMethod: a.remediationMethod };
    const equityAfter = (gender: string) => {
      const raised = new Map(parsed.inputs.employees.filter((e) => e.gender === gender).map((e) => [e.id, e.baseSalary.mul(1.1)]));
      const after = employeesAfterIncreases(parsed.inputs.employees, raised);
      return analysePayEquity(placeEmployees({ employees: after, jobs: computed.jobs, structure: computed.structure, assumptions: a }), options);
    };
    const men = meritEquityImpact(before, equityAfter('M'));
    const women = meritEquityImpact(before, equityAfter('F'));
    expect(men.widens).toBe(true);
    // A 10% raise for every man moves the adjusted gap by about ln(1.1) ≈ 9.5 points, wider.
    const adjMen = men.rows[0];
    expect(adjMen.after!).toBeLessThan(adjMen.before!);
    expect(adjMen.before! - adjMen.after!).toBeGreaterThan(0.05);
    const adjWomen = women.rows[0];
    expect(adjWomen.after!).toBeGreaterThan(adjWomen.before!);
    // Base-salary mean gap: (men − women) / men grows when men get 10% more.
    expect(men.rows[1].after!).toBeGreaterThan(men.rows[1].before!);
    expect(women.rows[1].after!).toBeLessThan(women.rows[1].before!);
  });

  it('reuses the analysis for the new salaries: the same figures as placing and analysing the raised employees afresh', async () => {
    const { parsed, computed } = await sampleComputed();
    const a = parsed.inputs.assumptions;
    const options = { effectiveDate: a.effectiveDate, payGapThreshold: a.payGapThreshold, minimumGroupSize: a.minimumGroupSize, controls: a.equityControls, categories: a.payCategories, fullTimeHours: a.fullTimeHours, remediationMethod: a.remediationMethod };
    const placement = computed.fairness!.placement;
    // Every third employee raised by 3.75%, a man more than a woman where it matters.
    const raised = new Map(parsed.inputs.employees.filter((_, i) => i % 3 === 0).map((e) => [e.id, e.baseSalary.mul(e.gender === 'M' ? 1.0375 : 1.02)]));
    const after = employeesAfterIncreases(parsed.inputs.employees, raised);
    const ranges = computed.employees.map((r, i) => ({ ...r, employee: after[i] }));
    const afresh = payEquityFigures(placeEmployees({ employees: after, jobs: computed.jobs, structure: computed.structure, assumptions: a, ranges }), options);
    const salaries = placement.employees.map((p) => {
      const d = raised.get(p.employee.id);
      return d ? toDouble(d) : p.salary;
    });
    const reused = payEquityFiguresOnSalaries(equityBasis(placement, options), salaries);
    // Exactly the figures a comparison reads (the afresh analysis has more besides), to the last bit.
    const compared = (f: PayEquityFigures): PayEquityFigures => ({
      adjusted: { status: f.adjusted.status, reason: f.adjusted.reason, gap: f.adjusted.gap },
      unadjusted: { overall: f.unadjusted.overall },
      eu: { pay: f.eu.pay, categories: f.eu.categories.map((c) => ({ category: c.category, total: c.total, flagged: c.flagged, disadvantaged: c.disadvantaged })) },
    });
    expect(reused.adjusted.status).toBe('ok');
    expect(reused.adjusted.gap).toBe(afresh.adjusted.gap);
    expect(reused.eu.categories.length).toBeGreaterThan(1);
    expect(compared(reused)).toEqual(compared(afresh));
    // The pipeline does the same with the merit plan's new salaries.
    const newSalary = new Map(computed.merit!.plan.rows.map((r) => [r.case.id, r.outcome.newSalary]));
    const planned = employeesAfterIncreases(parsed.inputs.employees, newSalary);
    const plannedRanges = computed.employees.map((r, i) => ({ ...r, employee: planned[i] }));
    const plannedFigures = payEquityFigures(placeEmployees({ employees: planned, jobs: computed.jobs, structure: computed.structure, assumptions: a, ranges: plannedRanges }), options);
    expect(computed.meritEquity).toEqual(meritEquityImpact(computed.fairness!.equity, plannedFigures));
  });

  it('is written as the Merit Equity sheet with the calibrated plan, before and after side by side', async () => {
    const u = sampleUpdate({ employees: 300, seed: 42 });
    const host = MemoryHost.fromSheetSpecs(u.sheets, u.names);
    const result = await runPipeline(host);
    expect(result.ok).toBe(true);
    const cells = host.getSheet('Merit Equity')!.cells;
    expect(cells[0]).toEqual(['Measure', 'Before', 'After', 'Change', 'Note']);
    expect(cells[1][0]).toBe('Adjusted gap (regression, exp(b) − 1)');
    expect(typeof cells[1][1]).toBe('number');
    expect(typeof cells[1][2]).toBe('number');
    const { grids, sheetOf } = await readWorkbook(MemoryHost.fromSheetSpecs(u.sheets, u.names));
    const computed = compute(parseWorkbook(grids, sheetOf));
    // Before is the Pay Equity sheet's adjusted gap; After uses the Merit Plan's new salaries.
    expect(cells[1][1]).toBeCloseTo(computed.fairness!.equity.adjusted.gap!, 12);
    expect(cells[1][2]).not.toBeCloseTo(cells[1][1] as number, 12);
  });
});
