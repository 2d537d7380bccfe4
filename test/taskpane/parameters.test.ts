import { validateUpdate } from '../../src/hosts/validateUpdate';
import { defaultAssumptions, PARAMETERS, readAssumptions } from '../../src/workbook/assumptions';
import { inputTemplates } from '../../src/taskpane/controller/inputTemplates';
import { parameterCell, parameterText, parseEntry, stepParameters } from '../../src/taskpane/controller/parameters';

const def = (key: string) => PARAMETERS.find((p) => p.key === key)!;

describe('Assumptions fields', () => {
  test('every step parameter shows its default, and what it shows parses back to the same cell', () => {
    const a = defaultAssumptions();
    for (const step of ['structure', 'checks', 'merit'] as const) {
      for (const p of stepParameters(step)) {
        const text = parameterText(p, a);
        const entry = parseEntry(p, text);
        if (p.defaultValue === null) expect(entry).toEqual({ ok: true, cell: null, value: undefined });
        else expect(entry).toMatchObject({ ok: true });
      }
    }
    expect(stepParameters('structure').map((p) => p.name)).toContain('Range Spread');
  });

  test('turns typed text into the cell the sheet holds, with the reason when it cannot', () => {
    expect(parseEntry(def('meritBudget'), '3.5%')).toMatchObject({ ok: true, cell: 0.035 });
    expect(parseEntry(def('rangeSpread'), '40%-60%')).toMatchObject({ ok: true, cell: '40%-60%' });
    expect(parseEntry(def('rangeSpread'), '45%')).toMatchObject({ ok: true, cell: 0.45 });
    expect(parseEntry(def('effectiveDate'), '2027-04-01')).toMatchObject({ ok: true, cell: 46478 });
    expect(parseEntry(def('catchUpToMinimum'), 'yes')).toMatchObject({ ok: true, cell: 'Y' });
    expect(parseEntry(def('compaZones'), '0.8; 1; 1.2')).toMatchObject({ ok: true, cell: '0.8; 1; 1.2' });
    expect(parseEntry(def('payLine'), 'power')).toMatchObject({ ok: true, cell: 'Power' });
    expect(parseEntry(def('grades'), '4.5')).toEqual({ ok: false, reason: 'Grades "4.5" is not a whole number' });
    expect(parseEntry(def('grades'), '')).toEqual({ ok: false, reason: 'Grades needs a value' });
    expect(parseEntry(def('compaZones'), '1.1; 0.9')).toEqual({ ok: false, reason: 'Compa Zones values must be strictly ascending' });
  });

  test('finds the value cell beside the parameter name, or a new row below the sheet', () => {
    const grid = { sheet: 'Assumptions', top: 3, left: 2, rows: [['Parameter', 'Value'], ['Merit Budget', 'oops'], ['Grades', 8]] };
    expect(parameterCell(grid, def('meritBudget'))).toEqual({ row: 4, col: 3 });
    expect(parameterCell(grid, def('grades'))).toEqual({ row: 5, col: 3 });
    expect(parameterCell(grid, def('rounding'))).toEqual({ row: 6, col: 3, name: { row: 6, col: 2 } });
    expect(readAssumptions(grid).assumptions.grades).toBe(8);
  });

  test('empty input sheets are valid sheets with the canonical headers', () => {
    const update = inputTemplates();
    expect(() => validateUpdate(update)).not.toThrow();
    expect(update.sheets.map((s) => s.name)).toEqual(['Jobs', 'Market', 'Employees', 'Appraisal', 'Assumptions']);
    expect(update.sheets.every((s) => s.role === 'input')).toBe(true);
  });
});
