/**
 * All or nothing, in the face of Excel failing at any single operation: a failure injected at the
 * n-th write of a run, for every n, either leaves the workbook exactly as it was (sheets, cells,
 * formats, tables, names, markers, charts) or, when it strikes after the new sheets are in, the run
 * completes as if nothing had happened.
 */
import { HostError } from '../../src/hosts/host';
import type { OfficeHost } from '../../src/hosts/office';
import { layout, compute, readWorkbook } from '../../src/run/pipeline';
import { parseWorkbook } from '../../src/workbook/readInputs';
import { sampleUpdate } from '../../src/sample/sampleWorkbook';
import type { WorkbookUpdate } from '../../src/workbook/sheetSpec';
import type { FakeExcel } from '../support/fakeExcel';
import { fakeFrom, officeHostOn } from '../support/fakeExcelWorkbooks';
import { sixJobSheets } from '../support/smallWorkbook';
import { fullUpdate, meritPlan, payStructure } from './xlsxKit';

/** The update the pipeline writes for the six-job workbook (its inputs never change here, so once is enough). */
let cached: WorkbookUpdate | undefined;
async function pipelineUpdate(fake: FakeExcel): Promise<WorkbookUpdate> {
  if (cached) return cached;
  const { grids, sheetOf } = await readWorkbook(officeHostOn(fake));
  const parsed = parseWorkbook(grids, sheetOf);
  return (cached = layout(parsed, compute(parsed)));
}

interface Scenario {
  name: string;
  /** A fresh workbook in the state before the run. */
  setup: () => Promise<FakeExcel>;
  act: (host: OfficeHost, fake: FakeExcel) => Promise<unknown>;
}

const scenarios: Scenario[] = [
  {
    name: 'a first run into a user workbook',
    setup: async () => fakeFrom(sixJobSheets()),
    act: async (host, fake) => host.write(await pipelineUpdate(fake)),
  },
  {
    name: 'a re-run replacing earlier outputs, one moved aside by a user sheet, with charts and formats',
    setup: async () => {
      const fake = fakeFrom([{ name: 'Pay Structure', rows: [['mine']] }, { name: 'Notes', rows: [['keep']] }]);
      await officeHostOn(fake).write({ ...fullUpdate(), sheets: [...fullUpdate().sheets, { ...payStructure(), name: 'Extra', tables: [{ name: 'Extra', range: 'A1:E3' }] }] });
      fake.type('Notes', 'B1', 'edited after the first run');
      return fake;
    },
    act: async (host) => host.write({ sheets: [payStructure(), meritPlan()], names: [{ name: 'Midpoints', ref: "'Pay Structure'!$C$2:$C$3" }, { name: 'NewName', ref: '42' }] }),
  },
  {
    name: 'a pipeline re-run',
    setup: async () => {
      const fake = fakeFrom(sixJobSheets());
      await officeHostOn(fake).write(await pipelineUpdate(fake));
      return fake;
    },
    act: async (host, fake) => host.write(await pipelineUpdate(fake)),
  },
  {
    name: 'loading the sample into a workbook',
    setup: async () => fakeFrom([{ name: 'Sheet1', rows: [['x']] }]),
    act: async (host) => host.addInputSheets(sampleUpdate({ employees: 30 })),
  },
];

describe.each(scenarios)('a failure at any write: $name', ({ setup, act }) => {
  test('leaves the workbook as it was, or completes the run', async () => {
    const clean = await setup();
    const writesBefore = clean.writeOps;
    await act(officeHostOn(clean), clean);
    const writes = clean.writeOps - writesBefore;
    // Compared without ids: a run may complete after a retry (a formula run refused) that made its sheets afresh.
    const completed = clean.normalizedSnapshot();
    expect(writes).toBeGreaterThan(5);

    const outcomes = { rolledBack: 0, completed: 0 };
    for (let n = 1; n <= writes; n++) {
      const fake = await setup();
      const before = fake.snapshot();
      fake.failOnWrite(n);
      const error = await act(officeHostOn(fake), fake).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(fake.injectionPending).toBe(false);
      if (error) {
        expect(error).toBeInstanceOf(HostError);
        expect(fake.snapshot()).toEqual(before);
        outcomes.rolledBack++;
      } else {
        expect(fake.normalizedSnapshot()).toEqual(completed);
        outcomes.completed++;
      }
    }
    expect(outcomes.rolledBack).toBeGreaterThan(writes / 2);
  });
});

test('cancelling between round trips leaves the workbook as it was', async () => {
  const fake = fakeFrom(sixJobSheets());
  const update = await pipelineUpdate(fake);
  const before = fake.snapshot();
  const controller = new AbortController();
  const host = officeHostOn(fake, { payloadBudget: 2000 });
  await expect(
    host.write(update, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.stage === 'Writing cells' && p.fraction > 0.2) controller.abort();
      },
    }),
  ).rejects.toMatchObject({ code: 'cancelled' });
  expect(fake.snapshot()).toEqual(before);
});
