/**
 * Issue 8, item 3, on the fake Excel: a failure injected at every step of a write leaves the
 * workbook as it was — user sheets and previous outputs alike (values, formulas, formats, tables,
 * names, sheet order, visibility) — with no temporary sheet left; or, when it strikes once the new
 * sheets are in, the run completes as if nothing had happened. The steps are every round trip
 * (failing before Excel runs it, or after, its response lost) and every operation that changes the
 * workbook (adding, renaming, moving and deleting sheets, cell and format writes, tables, names,
 * conditional formats, charts, frozen panes), each failing with one of Excel's error codes.
 *
 * Then the rest of item 3: a user sheet holding an output's name is never touched; protected sheets
 * and cell-edit mode give a clear message; re-running gives the same workbook.
 */
import { HostError, OWNER_MARKER_NAME } from '../../src/hosts/host';
import type { OfficeHost } from '../../src/hosts/office';
import { toHostError } from '../../src/hosts/office/officeErrors';
import { compute, layout, readWorkbook, runPipeline } from '../../src/run/pipeline';
import { sampleUpdate } from '../../src/sample/sampleWorkbook';
import { parseWorkbook } from '../../src/workbook/readInputs';
import type { WorkbookUpdate } from '../../src/workbook/sheetSpec';
import { FakeExcel } from '../support/fakeExcel';
import { fakeFrom, officeHostOn } from '../support/fakeExcelWorkbooks';
import { sixJobSheets } from '../support/smallWorkbook';
import { fullUpdate, meritPlan, payStructure } from './xlsxKit';

jest.setTimeout(300_000);

/** The update a run computes from the workbook's inputs (read through the Office host). */
async function pipelineUpdate(fake: FakeExcel): Promise<WorkbookUpdate> {
  const { grids, sheetOf } = await readWorkbook(officeHostOn(fake));
  const parsed = parseWorkbook(grids, sheetOf);
  return layout(parsed, compute(parsed));
}

/**
 * The six-job inputs plus what a user keeps beside them: a sheet holding the name of an output (with
 * a formula, a format and a table), a hidden sheet with a defined name pointing into it, a very
 * hidden one, frozen panes and a column width on an input sheet.
 */
function userWorkbook(): FakeExcel {
  const fake = fakeFrom(sixJobSheets());
  fake.addSheet({ name: 'Pay Structure', rows: [['My grades', 'Note'], [{ formula: '=Jobs!D2*2', value: 2400 }, 'mine']], formats: [{ range: 'A2', format: '#,##0' }], tables: [{ name: 'MyGrades', range: 'A1:B2' }] });
  fake.addSheet({ name: 'Notes', rows: [['keep'], [0.05]], visibility: 'Hidden' });
  fake.addSheet({ name: 'Secret', rows: [['x']], visibility: 'VeryHidden' });
  fake.model.addName(undefined, 'MyRate', '=Notes!$A$2', 'a name of mine');
  fake.sheet('Jobs').freeze = { rows: 1, columns: 0 };
  fake.sheet('Jobs').columnWidths.set(2, 120);
  return fake;
}

interface Scenario {
  name: string;
  /** Kinds of write operation the act must include (so that each is failed at least once). */
  expectedKinds: string[];
  /** A fresh workbook in the state before the act (the same every time). */
  setup: () => Promise<FakeExcel>;
  act: (host: OfficeHost, fake: FakeExcel) => Promise<unknown>;
}

const updates = new Map<string, WorkbookUpdate>();
const once = async (key: string, make: () => Promise<WorkbookUpdate>): Promise<WorkbookUpdate> => updates.get(key) ?? updates.set(key, await make()).get(key)!;

async function sampleWorkbook(): Promise<FakeExcel> {
  const fake = new FakeExcel([{ name: 'Sheet1', rows: [['x']] }]);
  await officeHostOn(fake).addInputSheets(sampleUpdate({ employees: 30, seed: 7 }));
  return fake;
}

const scenarios: Scenario[] = [
  {
    name: 'a first run into a workbook with hidden sheets, a user table and name, and a user sheet holding an output name',
    expectedKinds: ['worksheetsadd', 'name', 'formulas', 'formulasR1C1', 'numberFormat', 'tablesadd', 'style', 'namesadd', 'visible', 'conditionalFormatsadd', 'chartsadd', 'freezePanes', 'columnWidth'],
    setup: async () => userWorkbook(),
    act: async (host, fake) => host.write(await once('six', () => pipelineUpdate(fake))),
  },
  {
    name: 'a re-run replacing previous outputs the user has edited',
    expectedKinds: ['worksheetsadd', 'name', 'position', 'delete', 'formulas', 'formulasR1C1', 'numberFormat', 'tablesadd', 'namesadd', 'formula', 'conditionalFormatsadd', 'chartsadd', 'freezePanes', 'columnWidth'],
    setup: async () => {
      const fake = userWorkbook();
      await officeHostOn(fake).write(await once('six', () => pipelineUpdate(fake)));
      fake.type('Job Slotting', 'H2', 'checked by me');
      fake.type('Notes', 'A3', 'edited after the first run');
      return fake;
    },
    act: async (host, fake) => host.write(await once('six', () => pipelineUpdate(fake))),
  },
  {
    name: 'a re-run that drops an output, renames a table aside and replaces names',
    expectedKinds: ['worksheetsadd', 'name', 'position', 'delete', 'formulas', 'numberFormat', 'tablesadd', 'namesadd', 'formula', 'conditionalFormatsadd', 'chartsadd', 'freezePanes', 'columnWidth', 'columnHidden'],
    setup: async () => {
      const fake = fakeFrom([{ name: 'Pay Structure', rows: [['mine']] }, { name: 'Notes', rows: [['keep']] }]);
      await officeHostOn(fake).write({ ...fullUpdate(), sheets: [...fullUpdate().sheets, { ...payStructure(), name: 'Extra', tables: [{ name: 'Extra', range: 'A1:E3' }] }] });
      return fake;
    },
    act: async (host) => host.write({ sheets: [payStructure(), meritPlan()], names: [{ name: 'Midpoints', ref: "'Pay Structure'!$C$2:$C$3" }, { name: 'NewName', ref: '42' }] }),
  },
  {
    name: 'loading the sample into a workbook',
    expectedKinds: ['worksheetsadd', 'formulas', 'numberFormat', 'tablesadd', 'namesadd', 'freezePanes', 'columnWidth'],
    setup: async () => new FakeExcel([{ name: 'Sheet1', rows: [['x']] }]),
    act: async (host) => host.addInputSheets(sampleUpdate({ employees: 30, seed: 7 })),
  },
  {
    name: 'saving Assumptions cells from the task pane',
    expectedKinds: ['formulas', 'numberFormat'],
    setup: async () => fakeFrom(sixJobSheets()),
    act: async (host) =>
      host.setCells('Assumptions', [
        { row: 6, col: 2, value: 0.6, format: '0.0%' },
        { row: 7, col: 2, value: '=1+1' },
        { row: 9, col: 1, value: 'Merit Budget' },
        { row: 9, col: 2, value: 0.035, format: '0.0%' },
      ]),
  },
];

/** Nothing the write uses for itself is left behind. */
function expectNoLeftovers(fake: FakeExcel): void {
  expect(fake.sheetNames().filter((n) => n.startsWith('~'))).toEqual([]);
  expect(fake.model.tables.map((t) => t.name).filter((n) => /^SalaryStructure_(new|old)/.test(n))).toEqual([]);
}

const SYNC_CODES = ['RequestAborted', 'GeneralException', 'ServiceNotAvailable', 'TimeoutReached'];
const WRITE_CODES = ['GeneralException', 'InvalidOperation', 'InsertDeleteConflict', 'MemoryLimitReached', 'Conflict', 'ItemNotFound'];

describe.each(scenarios)('a failure at every step: $name', ({ setup, act, expectedKinds }) => {
  test('leaves the workbook exactly as it was, or completes the run once the new sheets are in', async () => {
    const start = await setup();
    const before = start.snapshot();
    const warm = start.clone(); // computes (and caches) the update, whose reads are not the act's steps
    await act(officeHostOn(warm), warm);
    const clean = start.clone();
    clean.writeLog = [];
    await act(officeHostOn(clean), clean);
    const steps = { syncs: clean.syncs.length, writes: clean.writeOps };
    const kinds = [...new Set(clean.writeLog.map(kindOf))].sort();
    // A run that completes after a retry (a formula run refused) made its sheets afresh: compared without ids.
    const completed = clean.normalizedSnapshot();
    const [beforeJson, completedJson] = [JSON.stringify(before), JSON.stringify(completed)];
    expect(JSON.stringify(clean.snapshot())).not.toBe(beforeJson);
    expect(steps.syncs).toBeGreaterThanOrEqual(2);
    expect(steps.writes).toBeGreaterThanOrEqual(4);

    const cases: { what: string; inject: (fake: FakeExcel) => void; mayComplete: boolean }[] = [];
    for (let k = 1; k <= steps.syncs; k++) {
      const code = SYNC_CODES[k % SYNC_CODES.length];
      // Failing before Excel runs the request, nothing of it happens: always undone.
      cases.push({ what: `sync ${k} refused (${code})`, inject: (f) => f.failOnSync(k, code), mayComplete: false });
      // Failing after, the request ran but its response is lost: only the last (the swap and the
      // removal of the old outputs) may end in a completed run.
      cases.push({ what: `sync ${k} lost after running`, inject: (f) => f.failOnSync(k, 'GeneralException', { after: true }), mayComplete: k === steps.syncs });
    }
    for (let k = 1; k <= steps.writes; k++) {
      const code = WRITE_CODES[k % WRITE_CODES.length];
      cases.push({ what: `write ${k} failing (${code})`, inject: (f) => f.failOnWrite(k, code), mayComplete: true });
    }

    const outcomes = { rolledBack: 0, completed: 0 };
    for (const c of cases) {
      const fake = start.clone();
      c.inject(fake);
      const error = await act(officeHostOn(fake), fake).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect({ case: c.what, pending: fake.injectionPending }).toEqual({ case: c.what, pending: false });
      expectNoLeftovers(fake);
      // Deep equality of everything a user could see or a formula reach, sheet by sheet (compared as
      // JSON first, which is quick; a difference is then shown in full).
      const expectSame = (now: unknown, expected: unknown, expectedJson: string): void => {
        if (JSON.stringify(now) !== expectedJson) expect({ case: c.what, workbook: now }).toEqual({ case: c.what, workbook: expected });
      };
      if (error) {
        expect(error).toBeInstanceOf(HostError);
        expect((error as HostError).code).not.toBe('rollback-failed');
        expectSame(fake.snapshot(), before, beforeJson);
        outcomes.rolledBack++;
      } else {
        expect({ case: c.what, mayComplete: c.mayComplete }).toEqual({ case: c.what, mayComplete: true });
        expectSame(fake.normalizedSnapshot(), completed, completedJson);
        outcomes.completed++;
      }
    }
    expect(outcomes.rolledBack + outcomes.completed).toBe(2 * steps.syncs + steps.writes);
    expect(outcomes.rolledBack).toBeGreaterThan(outcomes.completed);
    expect(kinds).toEqual(expect.arrayContaining(expectedKinds));
  });
});

/** The kind of a write operation, from the fake's description of it. */
function kindOf(describe: string): string {
  const m = /(worksheets\.add|\.name = |\.position = |\.delete\(|\.formulasR1C1 = |\.formulas = |\.numberFormat = |tables\.add|names\.add|\.formula = |conditionalFormats\.add|charts\.add|freeze\w+|columnWidth|columnHidden|\.style = |\.visible = )/.exec(describe);
  return m ? m[1].replace(/[.=( ]/g, '') : 'other';
}

const normalized = (fake: FakeExcel): unknown => fake.normalizedSnapshot();

const fold = (s: string): string => s.toLowerCase();

function expectNoDuplicates(fake: FakeExcel): void {
  const unique = (xs: string[]) => expect(new Set(xs.map(fold)).size).toBe(xs.length);
  unique(fake.sheetNames());
  unique(fake.model.tables.map((t) => t.name));
  unique(fake.model.names.map((n) => n.name));
  for (const s of fake.model.sheets) expect(s.names.filter((n) => n.name === OWNER_MARKER_NAME).length).toBeLessThanOrEqual(1);
}

describe('re-running', () => {
  it('gives the same workbook every time: no growing sheet list, no duplicated names or tables', async () => {
    const fake = await sampleWorkbook();
    const host = officeHostOn(fake);
    const first = await runPipeline(host);
    expect(first.ok).toBe(true);
    const afterFirst = normalized(fake);
    const counts = () => ({ sheets: fake.sheetNames().length, tables: fake.model.tables.length, names: fake.model.names.length });
    const firstCounts = counts();
    expect(firstCounts.sheets).toBeGreaterThan(8);
    expectNoDuplicates(fake);
    for (let run = 2; run <= 3; run++) {
      const again = await runPipeline(host);
      expect(again.ok).toBe(true);
      expect(counts()).toEqual(firstCounts);
      expectNoDuplicates(fake);
      expect(normalized(fake)).toEqual(afterFirst);
    }
  });
});

describe('names of the user that point into outputs', () => {
  it('still point at the same cells of the new outputs after a re-run (not at #REF!)', async () => {
    const fake = fakeFrom(sixJobSheets());
    const host = officeHostOn(fake);
    await runPipeline(host);
    fake.model.addName(undefined, 'MyMidpoint', "='Pay Structure'!$E$3", 'grade 2 midpoint');
    fake.model.addName(undefined, 'MyMidpoints', '=tblPayStructure[Midpoint]');
    const mine = () => fake.model.names.filter((n) => n.name.startsWith('My')).map((n) => ({ ...n }));
    const before = mine();
    await runPipeline(host);
    expect(mine()).toEqual(before);
  });
});

describe('a user sheet holding an output name', () => {
  it('is never touched: the output goes beside it, under another name, and the user is told, run after run', async () => {
    const fake = userWorkbook();
    const mine = () => {
      const sheet = fake.sheet('Pay Structure');
      return {
        cells: fake.model.cellsOf(sheet),
        formats: sheet.rangeFormats,
        tables: fake.model.tables.filter((t) => t.sheet === sheet).map((t) => ({ name: t.name, rect: t.rect })),
        names: sheet.names,
        visibility: sheet.visibility,
        id: sheet.id,
      };
    };
    const before = JSON.parse(JSON.stringify(mine()));
    for (let run = 1; run <= 2; run++) {
      const result = await runPipeline(officeHostOn(fake));
      expect(result.ok).toBe(true);
      expect(JSON.parse(JSON.stringify(mine()))).toEqual(before);
      expect(result.report?.written.find((w) => w.spec === 'Pay Structure')?.sheet).toBe('Pay Structure (2)');
      expect(result.report?.notes).toContain('A sheet of yours is already called "Pay Structure"; the add-in wrote its output to "Pay Structure (2)" and left yours untouched.');
      expect(fake.ownedSheets()).toContain('Pay Structure (2)');
      expect(fake.ownedSheets()).not.toContain('Pay Structure');
      expect(fake.sheetNames()).not.toContain('Pay Structure (3)');
      // The other outputs' formulas read the add-in's structure, not the user's sheet.
      const slotting = Object.values(fake.formulas('Job Slotting')).join(' ');
      expect(slotting).toContain("'Pay Structure (2)'!");
      expect(slotting).not.toMatch(/'Pay Structure'!/);
    }
  });
});

describe('protected sheets', () => {
  it('name the protected previous output, and nothing changes', async () => {
    const fake = userWorkbook();
    await runPipeline(officeHostOn(fake));
    fake.sheet('Job Slotting').protected = true;
    const before = fake.snapshot();
    const result = runPipeline(officeHostOn(fake));
    await expect(result).rejects.toMatchObject({ code: 'protected', message: expect.stringContaining('"Job Slotting" is protected') });
    await expect(result).rejects.toThrow(/Unprotect/);
    expect(fake.snapshot()).toEqual(before);
  });

  it('on user sheets do not stop a run, which never writes to them', async () => {
    const fake = userWorkbook();
    for (const s of fake.model.sheets) s.protected = true;
    const before = fake.model.sheets.map((s) => ({ name: s.name, cells: fake.model.cellsOf(s) }));
    const result = await runPipeline(officeHostOn(fake));
    expect(result.ok).toBe(true);
    for (const b of before) expect(fake.model.cellsOf(fake.sheet(b.name))).toEqual(b.cells);
  });

  it('name the protected Assumptions sheet when the task pane saves a value, and change nothing', async () => {
    const fake = fakeFrom(sixJobSheets());
    fake.sheet('Assumptions').protected = true;
    const before = fake.snapshot();
    const error = await officeHostOn(fake)
      .setCells('Assumptions', [{ row: 6, col: 2, value: 0.6, format: '0%' }])
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'protected', message: 'Could not update "Assumptions": the sheet "Assumptions" is protected. Unprotect it (Review → Unprotect Sheet), then try again.' });
    expect(fake.snapshot()).toEqual(before);
  });

  it('explain a workbook structure protected half-way through a write, and the next run tidies up', async () => {
    const reference = userWorkbook();
    const update = await once('six', () => pipelineUpdate(reference));
    reference.resetMeters();
    await officeHostOn(reference).write(update);
    const swap = reference.syncs.length; // the write's last round trip: the swap
    const fake = userWorkbook();
    // The user protects the workbook structure while the write is under way: the swap and its undo both fail.
    fake.beforeSync = (n) => {
      if (n === swap) fake.model.protected = true;
    };
    const error = await officeHostOn(fake)
      .write(update)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'protected', message: expect.stringMatching(/structure.*protected.*Unprotect.*run again/s) });
    fake.beforeSync = undefined;
    fake.model.protected = false;
    await officeHostOn(fake).write(update);
    expectNoLeftovers(fake);
    expect(normalized(fake)).toEqual(normalized(reference));
  });
});

describe('cell-edit mode', () => {
  it('refuses a write with advice, before anything changes', async () => {
    const fake = userWorkbook();
    const before = fake.snapshot();
    fake.cellEditMode = true;
    const error = await runPipeline(officeHostOn(fake)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect(error).toMatchObject({ code: 'cell-edit-mode', message: 'Could not list the sheets: Excel is editing a cell. Press Enter or Esc in the sheet, then try again.' });
    expect(fake.snapshot()).toEqual(before);
    expect(fake.writeOps).toBe(0);
  });

  it('entered at any round trip of a write: a clear message, and the next run gives the workbook a clean run gives', async () => {
    const reference = userWorkbook();
    const update = await once('six', () => pipelineUpdate(reference));
    reference.resetMeters();
    await officeHostOn(reference).write(update);
    const total = reference.syncs.length;
    expect(total).toBeGreaterThanOrEqual(4);
    for (let k = 1; k <= total; k++) {
      const fake = userWorkbook();
      fake.beforeSync = (n) => {
        if (n === k) fake.cellEditMode = true;
      };
      const error = await officeHostOn(fake)
        .write(update)
        .catch((e: unknown) => e);
      expect({ k, code: (error as HostError).code }).toEqual({ k, code: 'cell-edit-mode' });
      expect((error as HostError).message).toMatch(/Press Enter or Esc/);
      fake.beforeSync = undefined;
      fake.cellEditMode = false;
      await officeHostOn(fake).write(update);
      expectNoLeftovers(fake);
      expect({ k, workbook: normalized(fake) }).toEqual({ k, workbook: normalized(reference) });
    }
  });
});

describe('an Excel that refuses a feature it claims', () => {
  it('gets the sheets without it, and a note: the first attempt is undone, the second leaves the feature out', async () => {
    const fake = new FakeExcel([{ name: 'Data', rows: [['x']] }]);
    fake.failOnWrite(2, 'NotImplemented', (op) => op.describe.includes('conditionalFormats.add'));
    const report = await officeHostOn(fake).write({ sheets: [payStructure(), meritPlan()], names: [] });
    expect(fake.injectionPending).toBe(false);
    expect(report.notes).toEqual(['This version of Excel could not create the conditional formats: the sheets were written without them.']);
    expect(fake.sheet('Merit Plan').conditionalFormats).toEqual([]);
    expect(fake.sheet('Merit Plan').charts).toHaveLength(1);
    expect(fake.sheetNames()).toEqual(['Data', 'Pay Structure', 'Merit Plan']);
    expectNoLeftovers(fake);
  });
});

describe('an Excel that refuses a formula filled down through formulasR1C1', () => {
  it('gets every formula cell by cell on a second attempt, the first undone', async () => {
    const fake = userWorkbook();
    const update = await once('six', () => pipelineUpdate(fake));
    const reference = userWorkbook();
    await officeHostOn(reference).write(update);
    fake.writeLog = [];
    fake.failOnWrite(1, 'InvalidArgument', (op) => op.describe.includes('formulasR1C1'));
    await officeHostOn(fake).write(update);
    expect(fake.injectionPending).toBe(false);
    expect(fake.writeLog.filter((d) => d.includes('formulasR1C1'))).toHaveLength(1);
    expectNoLeftovers(fake);
    expect(normalized(fake)).toEqual(normalized(reference));
  });
});

describe('Office errors as messages', () => {
  const error = (code: string, message: string) => Object.assign(new Error(message), { code });
  it.each([
    ['AccessDenied', 'You cannot perform the requested operation.', 'Assumptions', 'protected', 'Could not save: the sheet "Assumptions" is protected. Unprotect it (Review → Unprotect Sheet), then try again.'],
    ['GeneralException', "The cell or chart you're trying to change is on a protected sheet.", 'Budget', 'protected', 'Could not save: the sheet "Budget" is protected. Unprotect it (Review → Unprotect Sheet), then try again.'],
    ['AccessDenied', 'You cannot perform the requested operation.', undefined, 'protected', 'Could not save: A sheet or the workbook structure is protected. Unprotect it (Review → Unprotect Sheet / Protect Workbook), then try again.'],
    ['InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.', 'Assumptions', 'cell-edit-mode', 'Could not save: Excel is editing a cell. Press Enter or Esc in the sheet, then try again.'],
  ])('%s ("%s") on %s → %s', (code, message, sheet, expectedCode, expectedMessage) => {
    expect(toHostError(error(code, message), 'save', sheet)).toMatchObject({ code: expectedCode, message: expectedMessage });
  });
});
