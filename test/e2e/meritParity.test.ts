/*
 * Formula parity for the merit sheets: LibreOffice recalculates the written workbook and every formula cell
 * of Merit Matrix, Merit Plan, Bonus Plan and Budget must equal the engine's value, to the cent.
 * An e2e suite (needs soffice): move to test/e2e/meritParity.test.ts, or run in place with
 *   npx jest --config jest.e2e.config.cjs --roots '<rootDir>/test/workbook/merit' --testMatch '**' '/*.e2e.ts'
 */
import { exactOutcome, meritPolicy, sheetOutcome } from '../../src/engine/merit';
import { sum } from '../../src/engine/money';
import { FileHost } from '../../src/hosts/file/fileHost';
import type { MemorySheetInit } from '../../src/hosts/memory';
import type { GridValue } from '../../src/workbook/grid';
import { isFormula, specCell, type SheetSpec, type SpecCell } from '../../src/workbook/sheetSpec';
import { recalculateWithLibreOffice, stripCachedValues } from './support/libreoffice';
import { compareFormulaCells } from './support/parity';
import { runWithMerit } from '../workbook/merit/run';
import { meritWorkbook } from '../workbook/merit/workbook';

async function recalculated(inputs: MemorySheetInit[], edit?: (run: Awaited<ReturnType<typeof runWithMerit>>) => void) {
  const file = FileHost.createEmpty();
  await file.write({ sheets: inputs.map((s): SheetSpec => ({ name: s.name, role: 'input', cells: s.rows as SpecCell[][] })), names: [] });
  const host = FileHost.fromBytes(file.toBytes());
  const run = await runWithMerit(host);
  const errors = run.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((p) => p.message).join('\n'));
  edit?.(run);
  await host.write(run.update);
  const out = FileHost.fromBytes(recalculateWithLibreOffice(stripCachedValues(host.toBytes()), 'merit.xlsx'));
  const outputs = run.update.sheets.filter((s) => s.role === 'output');
  return { run, outputs, grids: await out.readSheets(outputs.map((s) => s.name)) };
}

type Run = Awaited<ReturnType<typeof runWithMerit>>;

const SCENARIOS: [string, [string, GridValue][], { guidelines?: boolean }, (run: Run) => void][] = [
  [
    'Lump Sum, catch-up outside the budget, proration, the Merit Guidelines sheet',
    [],
    {},
    ({ result }) => expect(result.plan.rows.map((r) => r.outcome.flag)).toEqual(expect.arrayContaining(['Lump sum', 'Catch-up to minimum', 'Override', 'No rating', 'Not eligible'])),
  ],
  [
    'Cap, catch-up inside the budget, quartile zones, the default matrix, 0.5% rounding',
    [['Above Maximum', 'Cap'], ['Catch Up Funding', 'Inside Budget'], ['Zone Basis', 'Quartile'], ['Matrix Rounding', 0.005]],
    { guidelines: false },
    ({ result }) => {
      expect(result.zones.basis).toBe('Quartile');
      expect(result.guidelines.source).toBe('default');
      expect(result.plan.rows.some((r) => r.outcome.flag === 'Capped at maximum')).toBe(true);
      expect(result.plan.rows.every((r) => r.outcome.lumpSum === 0)).toBe(true);
    },
  ],
  [
    'A budget amount, no catch-up, unrounded cells, bonus to the hundred',
    [['Merit Budget Amount', 30000], ['Catch Up To Minimum', 'N'], ['Matrix Rounding', 0], ['Bonus Rounding', 100]],
    {},
    ({ result }) => {
      expect(result.plan.calibration.budget.toString()).toBe('30000');
      expect(result.bonus!.rows.every((r) => r.bonus % 100 === 0)).toBe(true);
    },
  ],
];

describe('merit sheets: formula parity with LibreOffice', () => {
  it.each(SCENARIOS)('%s', async (_name, assumptions, over, check) => {
    const { run, outputs, grids } = await recalculated(meritWorkbook({ assumptions, ...over }));
    check(run);
    const merit = outputs.filter((s) => ['Merit Matrix', 'Merit Plan', 'Bonus Plan', 'Budget'].includes(s.name));
    expect(merit).toHaveLength(4);
    const { checked, mismatches } = compareFormulaCells(merit, grids);
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(checked).toBeGreaterThan(400);

    // The comparison can fail: a new salary a cent off is caught.
    const plan = merit.find((x) => x.name === 'Merit Plan')!;
    // P2 is under a fill (its cell holds the cached value) or a formula cell of its own.
    const cell = specCell(plan, 2, 16) as { formula: string; value: number };
    const own = plan.cells[1][15];
    const off = isFormula(own ?? null) ? { ...cell, value: cell.value + 0.01 } : cell.value + 0.01;
    const tampered = { ...plan, cells: plan.cells.map((r, i) => (i === 1 ? r.map((c, j) => (j === 15 ? off : c)) : r)) };
    expect(compareFormulaCells([tampered], grids).mismatches.map((m) => m.cell)).toEqual(['P2']);
  });
});

describe('the plan is live: edits in Excel move every increase and the budget total', () => {
  it('a rating and a matrix cell changed in the workbook recalculate to what the engine predicts', async () => {
    let first = 0;
    const { run, grids } = await recalculated(meritWorkbook(), ({ update }) => {
      const names = new Map(update.names.map((n) => [n.name, n.ref]));
      first = Number(/\$(\d+):/.exec(names.get('MeritMatrix')!)![1]);
      const matrix = update.sheets.find((x) => x.name === 'Merit Matrix')!;
      const plan = update.sheets.find((x) => x.name === 'Merit Plan')!;
      // Rating 4, zone 3 (row first + 1, column D) typed over as 5%; E03 (row 4) re-rated from 3 to 5.
      matrix.cells[first][3] = 0.05;
      plan.cells[3][9] = 5;
    });
    const { result } = run;
    const cells = result.plan.matrix.cells.map((r) => [...r]);
    cells[1][2] = 0.05;
    const policy = meritPolicy(run.parsed.inputs.assumptions, run.read.optionsRead.options);
    const predicted = result.cases.map((c) => {
      const rating = c.id === 'E03' ? 5 : c.rating;
      const pct = !c.eligible ? 0 : c.override ?? cells[result.plan.matrix.ratings.indexOf(rating!)]?.[c.zone! - 1] ?? 0;
      const rerated = { ...c, rating };
      return { outcome: sheetOutcome(rerated, pct, policy), rerated };
    });
    const mp = grids.get('Merit Plan')!;
    const col = (letter: string) => mp.rows.slice(1).map((r) => r[letter.charCodeAt(0) - 65]);
    expect(col('N')).toEqual(predicted.map((p) => p.outcome.increase));
    expect(col('L')[2]).toBe(cells[0][result.cases[2].zone! - 1]);
    const total = grids.get('Merit Matrix')!.rows[8][1] as number;
    expect(Math.abs(total - sum(predicted.map((p) => exactOutcome(p.rerated, p.outcome).totalCost)).toNumber())).toBeLessThan(0.005);
    // And it did move: the edited plan costs more than the calibrated one.
    expect(total).toBeGreaterThan(result.plan.calibration.planCost.toNumber() + 100);
  });
});
