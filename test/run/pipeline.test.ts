import { MemoryHost } from '../../src/hosts/memory';
import { runPipeline } from '../../src/run/pipeline';
import { isFormula, type FormulaCell } from '../../src/workbook/sheetSpec';
import { sixJobSheets } from '../support/smallWorkbook';

const cell = (host: MemoryHost, sheet: string, a1: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const col = m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return host.getSheet(sheet)!.cells[Number(m[2]) - 1]?.[col - 1];
};
const value = (host: MemoryHost, sheet: string, a1: string) => {
  const c = cell(host, sheet, a1);
  return isFormula(c as never) ? (c as FormulaCell).value : c;
};

describe('the pipeline on the six-job example', () => {
  // Pay line: the classic six-benchmark example (linear a = 17,042.70, b = 130.5828).
  // Three equal bands over 200..1200 points: edges 200, 533.33, 866.67, 1200; centres 366.67, 700, 1033.33.
  // Pay line at the centres: 64,923.06, 108,450.66, 151,978.27 → midpoints (rounded to 100) 64,900, 108,500, 152,000.
  // Spread 50%: min = mid / 1.25, max = mid × 1.5 / 1.25, rounded to 100:
  // grade 1: 51,920 → 51,900 and 77,880 → 77,900; grade 2: 86,800 and 130,200; grade 3: 121,600 and 182,400.
  it('writes Market Analysis, Pay Structure and Job Slotting with the expected figures', async () => {
    const host = new MemoryHost(sixJobSheets());
    const result = await runPipeline(host);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.ok).toBe(true);
    expect(host.sheetNames()).toEqual(['Jobs', 'Market', 'Employees', 'Assumptions', 'Market Analysis', 'Pay Structure', 'Job Slotting', 'Placement', 'Consistency', 'Pay Equity']);

    const ps = 'Pay Structure';
    expect([1, 2, 3].map((g) => [value(host, ps, `D${g + 1}`), value(host, ps, `E${g + 1}`), value(host, ps, `F${g + 1}`)])).toEqual([
      [51900, 64900, 77900],
      [86800, 108500, 130200],
      [121600, 152000, 182400],
    ]);
    // Progression 108,500 / 64,900 − 1 and overlap (77,900 − 86,800) / (130,200 − 86,800): a gap.
    expect(value(host, ps, 'H2')).toBeCloseTo(108500 / 64900 - 1, 12);
    expect(value(host, ps, 'I2')).toBeCloseTo((77900 - 86800) / (130200 - 86800), 12);
    expect(value(host, ps, 'H4')).toBeNull();
    // Live formulas on the Assumptions names.
    expect((cell(host, ps, 'D2') as FormulaCell).formula).toBe('=ROUND((E2/(1+L2/2))/RoundingMultiple,0)*RoundingMultiple');
    expect((cell(host, ps, 'E2') as FormulaCell).formula).toBe('=ROUND((PayLineA+PayLineB*((B2+C2)/2))/RoundingMultiple,0)*RoundingMultiple');
    // Jobs per grade: 200, 300, 500 | 750 | 900, 1200; employees: E3 (J4), E4, E5 (J6) in grade 1; E1 (J1), E2 (J2) in grade 3.
    expect([2, 3, 4].map((r) => value(host, ps, `J${r}`))).toEqual([3, 1, 2]);
    expect([2, 3, 4].map((r) => value(host, ps, `K${r}`))).toEqual([3, 0, 2]);

    const ma = 'Market Analysis';
    expect(value(host, ma, 'A1')).toBe('Job Code');
    expect(value(host, ma, 'L3')).toBeCloseTo(17042.70, 2);
    expect(value(host, ma, 'L4')).toBeCloseTo(130.5828, 4);
    expect(value(host, ma, 'L5')).toBeCloseTo(0.96038, 5);

    const js = 'Job Slotting';
    const grades = [2, 3, 4, 5, 6, 7].map((r) => [value(host, js, `A${r}`), value(host, js, `D${r}`)]);
    expect(grades).toEqual([['J1', 3], ['J2', 3], ['J3', 2], ['J4', 1], ['J5', 1], ['J6', 1]]);
    expect(host.names().map((n) => n.name)).toEqual(expect.arrayContaining(['RangeSpreadLow', 'RoundingMultiple', 'PayLineA', 'PayLineB', 'MarketPosition']));
    expect(result.summary!.grades.map((g) => g.midpoint)).toEqual([64900, 108500, 152000]);
  });

  it('writes nothing when the data has an error, and says where', async () => {
    const sheets = sixJobSheets();
    sheets[2].rows[3][3] = 'abc';
    const host = new MemoryHost(sheets);
    const result = await runPipeline(host);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.message)).toContain('Employees!D4: Base Salary "abc" is not a number');
    expect(host.sheetNames()).toEqual(['Jobs', 'Market', 'Employees', 'Assumptions']);
  });

  it('replaces its own sheets on a re-run instead of adding more', async () => {
    const host = new MemoryHost(sixJobSheets());
    await runPipeline(host);
    await runPipeline(host);
    expect(host.sheetNames()).toEqual(['Jobs', 'Market', 'Employees', 'Assumptions', 'Market Analysis', 'Pay Structure', 'Job Slotting', 'Placement', 'Consistency', 'Pay Equity']);
  });
});

describe('a workbook without an Assumptions sheet', () => {
  it('gets one with the defaults, and the formulas cite its cells by defined name', async () => {
    const host = new MemoryHost(sixJobSheets().filter((s) => s.name !== 'Assumptions'));
    const result = await runPipeline(host);
    expect(result.ok).toBe(true);
    expect(host.sheetNames()).toContain('Assumptions');
    const rows = host.getSheet('Assumptions')!.cells;
    expect(rows[0]).toEqual(['Parameter', 'Value', 'Description']);
    const rangeSpreadRow = rows.findIndex((r) => r[0] === 'Range Spread') + 1;
    const names = new Map(host.names().map((n) => [n.name, n.ref]));
    expect(names.get('RangeSpreadLow')).toBe(`Assumptions!$B$${rangeSpreadRow}`);
    expect(rows[rangeSpreadRow - 1][1]).toBe(0.5);
    // Defaults: exponential pay line over 10 grades.
    expect(result.summary!.payLine!.model).toBe('Exponential');
    expect(result.summary!.grades).toHaveLength(10);
  });

  it('a user Assumptions sheet is read, never rewritten, and names point at its cells', async () => {
    const host = new MemoryHost(sixJobSheets());
    const before = JSON.stringify(host.getSheet('Assumptions')!.cells);
    await runPipeline(host);
    expect(JSON.stringify(host.getSheet('Assumptions')!.cells)).toBe(before);
    const names = new Map(host.names().map((n) => [n.name, n.ref]));
    expect(names.get('RoundingMultiple')).toBe('Assumptions!$B$7');
    // Not on the user's sheet: a named constant with the default.
    expect(names.get('AgingRate')).toBe('0.03');
  });

  it('a percentage typed as a whole number is a named constant, not a citation of the cell', async () => {
    const host = new MemoryHost(sixJobSheets({ assumptions: [['Market Position', 5]] }));
    const result = await runPipeline(host);
    expect(result.ok).toBe(true);
    const names = new Map(host.names().map((n) => [n.name, n.ref]));
    expect(names.get('MarketPosition')).toBe('0.05');
  });
});
