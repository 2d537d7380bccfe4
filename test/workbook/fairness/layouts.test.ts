/**
 * The Placement, Consistency and Pay Equity layouts: what they write and which cells are formulas.
 * Their values are checked against LibreOffice in test/e2e/fairnessParity.test.ts.
 */
import { checkConsistency } from '../../../src/engine/consistency/consistency';
import { analysePayEquity, DEFAULT_EQUITY_OPTIONS } from '../../../src/engine/equity/payEquity';
import { placeEmployees } from '../../../src/engine/placement';
import { MemoryHost } from '../../../src/hosts/memory';
import { compute, readWorkbook } from '../../../src/run/pipeline';
import type { GridValue } from '../../../src/workbook/grid';
import { cellAddress } from '../../../src/workbook/address';
import { consistencySheet, FAIRNESS_PARAMETERS, fairnessParameterNames, fairnessSheets, PL, SUMMARY_COLUMN } from '../../../src/workbook/layouts/fairness';
import { conditionalMedian } from '../../../src/workbook/layouts/fairness/payEquitySheet';
import { managerIndexOf, parseWorkbook } from '../../../src/workbook/readInputs';
import { isFormula, specCell, specCells, type SheetSpec, type SpecCell } from '../../../src/workbook/sheetSpec';
import { EFFECTIVE, sixJobSheets } from '../../support/smallWorkbook';

const EMPLOYEES: GridValue[][] = [
  ['Employee ID', 'Name', 'Job Code', 'Base Salary', 'FTE', 'Gender', 'Department', 'Manager ID', 'Bonus', 'Hire Date', 'Weekly Hours'],
  ['E1', 'Ann', 'J1', 165000, 1, 'F', 'Exec', null, 20000, EFFECTIVE - 3653, 40],
  ['E2', 'Bob', 'J2', 166000, 1, 'M', 'Exec', 'E1', 15000, EFFECTIVE - 2000, 40],
  ['E3', 'Cid', 'J4', 80000, 0.5, 'M', 'Ops', 'E2', null, null, null],
  ['E4', 'Dee', 'J6', 41000, 1, 'Female', 'Ops', 'E3', 0, EFFECTIVE - 400, 37.5],
  ['E5', 'Eve', 'J6', 39000, 1, 'X', 'Ops', 'E3', null, null, 37.5],
  ['E6', 'Fay', 'J5', 30000, 1, 'F', null, 'E3', null, null, 40],
];

async function build(employees: GridValue[][] = EMPLOYEES, parserManagers = false) {
  const host = new MemoryHost(sixJobSheets({ employees }));
  const { grids, sheetOf } = await readWorkbook(host);
  const parsed = parseWorkbook(grids, sheetOf);
  const computed = compute(parsed);
  const { inputs } = parsed;
  const structure = computed.structure;
  const placement = placeEmployees({ employees: inputs.employees, jobs: inputs.jobs, structure, assumptions: inputs.assumptions });
  const consistency = checkConsistency({ jobs: inputs.jobs, structure, placement });
  const equity = analysePayEquity(placement, { ...DEFAULT_EQUITY_OPTIONS, minimumGroupSize: 2, effectiveDate: inputs.assumptions.effectiveDate, payGapThreshold: 0.05 });
  const managers = parserManagers ? managerIndexOf(inputs.employees) : undefined;
  if (parserManagers && !managers) throw new Error('the parser resolved no managers');
  const sheets = fairnessSheets({ structure, placement, consistency, equity }, { paySystem: 'Post', grades: structure.grades.length, slottingLastRow: structure.slotting.length + 1, managers });
  return { sheets, byName: (n: string): SheetSpec => sheets.find((s) => s.name === n)!, results: { structure, placement, consistency } };
}

const at = (sheet: SheetSpec, a1: string): SpecCell => {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const col = m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return specCell(sheet, Number(m[2]), col) ?? null;
};
const formulaAt = (sheet: SheetSpec, a1: string) => {
  const c = at(sheet, a1);
  if (!isFormula(c)) throw new Error(`${sheet.name}!${a1} is not a formula: ${JSON.stringify(c)}`);
  return c;
};
const findRow = (sheet: SheetSpec, col: number, text: string): number => sheet.cells.findIndex((r) => r?.[col - 1] === text) + 1;

describe('fairness layouts', () => {
  let built: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    built = await build();
  });

  it("Placement: a manager's salary is a reference to their row, found case-insensitively; none for their own, an unknown or a blank ID", async () => {
    const employees = EMPLOYEES.map((row) => [...row]);
    employees[4][7] = ' e3 '; // E4: E3 spelled otherwise
    employees[5][7] = 'E5'; // E5: their own manager
    employees[6][7] = 'E9'; // E6: no such employee
    employees[2][7] = ''; // E2: blank
    // Looked up by the layout, and taken from the parser's manager indices (as the pipeline does): the same cells.
    for (const parserManagers of [false, true]) {
      const p = (await build(employees, parserManagers)).byName('Placement');
      expect(formulaAt(p, 'AB4')).toEqual({ formula: '=H3', value: 166000 }); // E3's manager E2
      expect(formulaAt(p, 'AB5')).toEqual({ formula: '=H4', value: 80000 }); // E4's manager E3, as " e3 "
      expect(at(p, 'AB6')).toBeNull();
      expect(at(p, 'AB7')).toBeNull();
      expect(at(p, 'AB3')).toBeNull();
      expect(at(p, 'AB2')).toBeNull();
      expect(at(p, 'AA5')).toBe('e3'); // the Manager ID as read (trimmed)
    }
  });

  it('writes Placement, Consistency and Pay Equity, each an owned output with tables', () => {
    expect(built.sheets.map((s) => [s.name, s.role])).toEqual([
      ['Placement', 'output'],
      ['Consistency', 'output'],
      ['Pay Equity', 'output'],
    ]);
    for (const s of built.sheets) expect(s.tables!.length).toBeGreaterThan(0);
  });

  it('Placement: inputs as values, everything derived as a formula on Job Slotting, Pay Structure and the names', () => {
    const p = built.byName('Placement');
    expect(p.cells[0].slice(0, 8)).toEqual(['Employee ID', 'Name', 'Department', 'Job Code', 'Job Family', 'Gender', 'Grade', 'Base Salary']);
    expect(at(p, 'F5')).toBe('F'); // "Female" normalised
    expect(at(p, 'F6')).toBe('X'); // kept as written
    expect(at(p, 'C7')).toBe('(none)');
    expect(formulaAt(p, 'G2')).toEqual({ formula: "=IFERROR(INDEX('Job Slotting'!$D$2:$D$7,MATCH(D2,'Job Slotting'!$A$2:$A$7,0)),\"\")", value: 3 });
    expect(formulaAt(p, 'K2').formula).toBe("=IF(G2=\"\",\"\",INDEX('Pay Structure'!$E$2:$E$4,G2))");
    expect(formulaAt(p, 'N2')).toEqual({ formula: '=IF(K2="","",H2/K2)', value: 165000 / 152000 });
    expect(formulaAt(p, 'Q4').formula).toBe('=IF(J4="",0,MAX(0,J4-H4)*I4)');
    expect(formulaAt(p, 'U4')).toEqual({ formula: '=I4*FullTimeHours', value: 20 }); // blank hours: 0.5 × 40
    expect(formulaAt(p, 'V2').formula).toBe('=H2*I2/52/U2');
    expect(formulaAt(p, 'Z2').formula).toBe('=IF(Y2="","",MAX(0,(YEAR(EffectiveDate)-YEAR(Y2))*12+MONTH(EffectiveDate)-MONTH(Y2))/12)');
    // E2 earns more than their manager E1: live compression flag.
    expect(formulaAt(p, 'AC3').value).toBe('At or above manager');
    expect(at(p, 'AB2')).toBeNull(); // no manager
    expect(formulaAt(p, 'AB3')).toEqual({ formula: '=H2', value: 165000 }); // E2's manager E1, on row 2
    // Costs by grade, to the right of the table.
    expect(p.cells[0][SUMMARY_COLUMN - 1]).toBe('Grade');
    expect((p.cells[1][SUMMARY_COLUMN] as { formula: string }).formula).toBe(`=COUNTIF(Placement!$${PL.grade}$2:$${PL.grade}$7,AF2)`);
  });

  it('Consistency: Check, Scope, Value, Threshold, Status, Detail; statuses live on the threshold names', () => {
    const c = built.byName('Consistency');
    expect(c.cells[0].slice(0, 6)).toEqual(['Check', 'Scope', 'Value', 'Threshold', 'Status', 'Detail']);
    const progression = findRow(c, 1, 'Midpoint progression');
    expect(formulaAt(c, `C${progression}`).formula).toBe("='Pay Structure'!$H$2");
    expect(formulaAt(c, `E${progression}`).formula).toBe(`=IF(C${progression}<=0,"Fail",IF(ABS(C${progression}-$I$2)>ProgressionTolerance,"Warning","OK"))`);
    const overlap = findRow(c, 1, 'Range overlap');
    expect(formulaAt(c, `E${overlap}`)).toEqual({ formula: `=IF(C${overlap}<MinOverlap,"Warning",IF(C${overlap}>MaxOverlap,"Warning","OK"))`, value: 'Warning' }); // a gap
    const above = findRow(c, 1, 'Paid at or above manager');
    expect(formulaAt(c, `C${above}`)).toEqual({ formula: '=COUNTIF(Placement!$AC$2:$AC$7,"At or above manager")', value: 1 });
    expect(at(c, `E${above + 1}`)).toEqual(expect.objectContaining({ value: 'Fail' }));
    // E2's finding reads E2's Placement row (3): at the position the finding gives, or found by ID when that position is someone else's.
    expect(formulaAt(c, `C${above + 1}`).formula).toBe('=Placement!$H$3/Placement!$AB$3');
    const { structure, placement, consistency } = built.results;
    const misplaced = { ...consistency, rows: consistency.rows.map((r) => (r.subject.kind === 'employee' ? { ...r, subject: { ...r.subject, index: 0 } } : r)) };
    const again = consistencySheet(misplaced, { structure, placement }, { grades: structure.grades.length, slottingLastRow: structure.slotting.length + 1 });
    expect(formulaAt(again, `C${above + 1}`).formula).toBe('=Placement!$H$3/Placement!$AB$3');
    expect(c.conditionalFormats!.map((f) => f.kind)).toEqual(['cellValue', 'cellValue']);
  });

  it('Pay Equity: gap = (men − women) / men, suppression on MinGroupSize, other genders said so', () => {
    const e = built.byName('Pay Equity');
    expect(String(at(e, 'A2'))).toContain('Gender values other than F and M (1 employee)');
    const all = findRow(e, 1, 'All');
    expect(formulaAt(e, `H${all}`).formula).toBe(`=IF(ISNUMBER(G${all}),(G${all}-F${all})/G${all},"Suppressed")`);
    expect(formulaAt(e, `F${all}`).formula).toBe(`=IF(OR(C${all}<MAX(1,MinGroupSize),D${all}<MAX(1,MinGroupSize)),"Suppressed",AVERAGEIFS(Placement!$H$2:$H$7,Placement!$F$2:$F$7,"F"))`);
    // Women 165,000, 41,000, 30,000 (mean 78,666.67); men 166,000 and 80,000 (mean 123,000).
    expect(formulaAt(e, `H${all}`).value).toBeCloseTo((123000 - 236000 / 3) / 123000, 12);
    expect(formulaAt(e, `K${all}`).value).toBeCloseTo((123000 - 41000) / 123000, 12);
    // Grade 2 (J3) has nobody: the grade is not listed; grade 1 has one man: suppressed.
    const grade1 = e.cells.findIndex((r) => r?.[0] === 'Grade' && r?.[1] === 1) + 1;
    expect(formulaAt(e, `F${grade1}`).value).toBe('Suppressed');
    expect(formulaAt(e, `H${grade1}`).value).toBe('Suppressed');
    // The regression is labelled as computed, not a formula.
    expect(e.cells.some((r) => typeof r?.[0] === 'string' && r[0].includes('computed by the add-in in double precision, not formulas'))).toBe(true);
  });

  it('names every parameter the formulas cite', () => {
    const cited = new Set<string>();
    for (const s of built.sheets) for (const r of specCells(s)) for (const c of r ?? []) if (isFormula(c)) for (const m of c.formula.matchAll(/\b([A-Z][A-Za-z]+)\b(?![!(])/g)) cited.add(m[1]);
    const defined = new Set([...Object.keys(FAIRNESS_PARAMETERS), 'EffectiveDate', 'PayGapThreshold']);
    const names = [...cited].filter((n) => /^(Progression|Max|Min|Compression|Circle|FullTime|Effective|PayGap)/.test(n));
    expect(names.filter((n) => !defined.has(n))).toEqual([]);
    expect(fairnessParameterNames({ MinGroupSize: 10 }).find((n) => n.name === 'MinGroupSize')).toEqual({ name: 'MinGroupSize', ref: '10' });
  });

  it('the conditional median takes the ⌊(n+1)/2⌋-th and (⌊n/2⌋+1)-th smallest', () => {
    expect(conditionalMedian('P', '(G="F")', 'N')).toBe('((SUMPRODUCT(SMALL(P+(1-(G="F"))*1E+300,INT((N+1)/2)))+SUMPRODUCT(SMALL(P+(1-(G="F"))*1E+300,INT(N/2)+1)))/2)');
    expect(cellAddress(1, SUMMARY_COLUMN)).toBe('AF1');
  });
});
