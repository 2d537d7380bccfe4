import { MemoryHost } from '../../../src/hosts/memory';
import { isFormula, specCell, type FormulaCell, type SheetSpec } from '../../../src/workbook/sheetSpec';
import { MERIT_SHEETS } from '../../../src/workbook/layouts/merit';
import { runWithMerit } from './run';
import { meritWorkbook } from './workbook';

const at = (sheet: SheetSpec, a1: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const col = m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return specCell(sheet, Number(m[2]), col);
};
const f = (sheet: SheetSpec, a1: string) => (at(sheet, a1) as FormulaCell).formula;
const v = (sheet: SheetSpec, a1: string) => {
  const c = at(sheet, a1);
  return isFormula(c ?? null) ? (c as FormulaCell).value : c;
};

describe('merit layouts on the six-job workbook', () => {
  let run: Awaited<ReturnType<typeof runWithMerit>>;
  let sheet: (name: string) => SheetSpec;
  beforeAll(async () => {
    const host = new MemoryHost(meritWorkbook());
    run = await runWithMerit(host);
    await host.write(run.update);
    sheet = (name) => run.update.sheets.find((s) => s.name === name)!;
  });

  it('writes Merit Matrix, Merit Plan, Bonus Plan, Budget and Merit Equity without errors', () => {
    expect(run.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(run.update.sheets.map((s) => s.name).slice(-5)).toEqual([MERIT_SHEETS.meritMatrix, MERIT_SHEETS.meritPlan, MERIT_SHEETS.bonusPlan, MERIT_SHEETS.budget, 'Merit Equity']);
  });

  it('Merit Plan: the PRODUCT.md columns, then the plan inputs and the cost columns', () => {
    const header = sheet('Merit Plan').cells[0];
    expect(header.slice(0, 18)).toEqual([
      'Employee ID', 'Name', 'Department', 'Job Code', 'Grade', 'Base Salary', 'FTE', 'Compa-Ratio', 'Range Penetration', 'Rating',
      'Zone', 'Merit %', 'Proration', 'Merit Increase', 'Catch Up', 'New Salary', 'Lump Sum', 'Flag',
    ]);
    expect(header.slice(18)).toEqual(['Eligible', 'Merit Override %', 'Hire Date', 'Manager ID', 'Appraisal Score', 'Payroll', 'Merit Cost', 'Catch Up Cost', 'New Payroll', 'Budget Cost']);
    expect(sheet('Merit Plan').cells).toHaveLength(15);
  });

  it('Merit Plan: zone, merit %, increase, lump sum and new salary are live formulas on Pay Structure and Merit Matrix', () => {
    const mp = sheet('Merit Plan');
    expect(f(mp, 'E2')).toBe("=IFERROR(INDEX('Job Slotting'!$D$2:$D$7,MATCH(D2,'Job Slotting'!$A$2:$A$7,0)),\"\")");
    expect(f(mp, 'K2')).toBe('=IF(E2="","",1+SUMPRODUCT(--(MeritZoneBounds<=H2)))');
    expect(f(mp, 'L2')).toBe('=IF(S2<>"Y",0,IF(T2<>"",T2,IFERROR(INDEX(MeritMatrix,MATCH(J2,MeritRatings,0),K2),0)))');
    expect(f(mp, 'M2')).toBe('=IF(U2="",1,MAX(0,MIN(1,(12-((YEAR(U2)-YEAR(ProrationStart))*12+MONTH(U2)-MONTH(ProrationStart)))/12)))');
    expect(f(mp, 'N2')).toBe("=IF(E2=\"\",0,ROUND(MIN(F2*L2*M2,MAX(0,INDEX('Pay Structure'!$F$2:$F$4,E2)-F2)),2))");
    expect(f(mp, 'Q2')).toBe("=IF(OR(E2=\"\",LEFT(TRIM(AboveMaximum),1)=\"C\"),0,ROUND(MAX(0,F2*L2*M2-MAX(0,INDEX('Pay Structure'!$F$2:$F$4,E2)-F2))*G2,2))");
    expect(f(mp, 'P2')).toBe('=F2+N2+O2');
    // E02: 180,000 in grade 3 (max 182,400), rating 5: 2,400 to the maximum, the rest as a lump sum.
    expect([v(mp, 'A3'), v(mp, 'E3'), v(mp, 'N3'), v(mp, 'P3'), v(mp, 'R3')]).toEqual(['E02', 3, 2400, 182400, 'Lump sum']);
    // E08's override (6%) is a value the Merit % formula honours; E11 has no rating; E12 is marked not eligible.
    expect([v(mp, 'T9'), v(mp, 'L9'), v(mp, 'R9')]).toEqual([0.06, 0.06, 'Override']);
    expect([v(mp, 'J12'), v(mp, 'S12'), v(mp, 'R12')]).toEqual([null, 'N', 'No rating']);
    expect(f(mp, 'R12').startsWith('=IF(S12<>"Y","No rating",')).toBe(true);
    expect(v(mp, 'R13')).toBe('Not eligible');
    // E13 is rated by the appraisal: 0.6 × 4 + 0.4 × 5 = 4.4.
    expect([v(mp, 'J14'), v(mp, 'W14')]).toEqual([4, 4.4]);
  });

  it('Merit Matrix: the solved factor as a value, the calibrated cells as formulas on it, costs before and after rounding', () => {
    const mm = sheet('Merit Matrix');
    const cal = run.result.plan.calibration;
    expect(v(mm, 'A5')).toBe('Scale Factor (solved by the add-in)');
    expect(v(mm, 'B5')).toBe(cal.factor.toNumber());
    expect(f(mm, 'B4')).toBe('=MeritBudget*B3');
    expect(f(mm, 'B3')).toBe("=SUMIFS('Merit Plan'!$X$2:$X$15,'Merit Plan'!$S$2:$S$15,\"Y\")");
    expect(f(mm, 'B9')).toBe("=SUM('Merit Plan'!$AB$2:$AB$15)");
    expect(v(mm, 'B4')).toBe(cal.budget.toNumber());
    expect(v(mm, 'B10')).toBe(cal.roundingDifference.toNumber());
    const names = new Map(run.update.names.map((n) => [n.name, n.ref]));
    expect(names.get('MeritFactor')).toBe("'Merit Matrix'!$B$5");
    const matrix = names.get('MeritMatrix')!;
    const ratings = names.get('MeritRatings')!;
    expect(names.get('MeritZoneBounds')).toBe("'Merit Matrix'!$F$3:$F$5");
    // The calibrated cell for rating 5, zone 1 reads its guideline cell above and the factor.
    const first = Number(/\$(\d+):/.exec(matrix)![1]);
    expect(ratings).toBe(`'Merit Matrix'!$A$${first}:$A$${first + 4}`);
    expect(f(mm, `B${first}`)).toMatch(/^=IF\(MatrixRounding>0,ROUND\(B\d+\*MeritFactor\/MatrixRounding,0\)\*MatrixRounding,B\d+\*MeritFactor\)$/);
    // 7% × k rounded to 0.1%.
    expect(v(mm, `B${first}`)).toBeCloseTo(Math.round(0.07 * cal.factor.toNumber() * 1000) / 1000, 12);
    expect(names.get('MatrixRounding')).toBe('0.001');
    expect(names.get('CatchUpFunding')).toBe('"Outside Budget"');
  });

  it('Budget: SUMIFS by department (blank department matched as a blank cell) and by grade; scenarios as values', () => {
    const bu = sheet('Budget');
    expect(v(bu, 'A2')).toBe('Department');
    expect([v(bu, 'A3'), v(bu, 'A4'), v(bu, 'A5')]).toEqual(['Ops', 'Sales', '(none)']);
    expect(f(bu, 'B5')).toBe("=COUNTIFS('Merit Plan'!$C$2:$C$15,\"\")");
    expect(f(bu, 'D3')).toBe("=SUMIFS('Merit Plan'!$Y$2:$Y$15,'Merit Plan'!$C$2:$C$15,$A3)");
    expect(f(bu, 'H3')).toBe("=SUMIFS('Bonus Plan'!$M$2:$M$15,'Bonus Plan'!$C$2:$C$15,$A3)");
    expect(v(bu, 'B6')).toBe(14);
    const scenarios = run.result.scenarios;
    expect(scenarios.map((s) => s.budgetPercent)).toEqual([0.03, 0.035, 0.04]);
  });

  it('Bonus Plan: reads the Merit Plan row beside it; scaled to the pool with the rounding difference shown', () => {
    const bp = sheet('Bonus Plan');
    expect(f(bp, 'G2')).toBe("=IF('Merit Plan'!J2=\"\",\"\",'Merit Plan'!J2)");
    expect(f(bp, 'K2')).toBe('=ROUND(E2*F2*H2*I2*J2,2)');
    expect(f(bp, 'L2')).toBe('=K2*BonusScale');
    expect(v(bp, 'P2')).toBe('Bonus Pool');
    expect(v(bp, 'Q2')).toBe(60000);
    expect(v(bp, 'Q6')).toBe(run.result.bonus!.roundingDifference.toNumber());
    // E01: 165,000 × 20% (grade 3) × 1.25 (rating 4) = 41,250 before scaling.
    expect(v(bp, 'K2')).toBe(41250);
  });
});
