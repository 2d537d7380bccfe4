/** The task pane's workflow on the Office host, against the fake Excel: what runs inside Excel. */
import { PARAMETERS } from '../../src/workbook/assumptions';
import { WorkflowController } from '../../src/taskpane/controller/controller';
import { inlineEngine } from '../../src/taskpane/engine/inlineEngine';
import type { TaskPaneWorkbook } from '../../src/taskpane/taskPaneWorkbook';
import { FakeExcel } from '../support/fakeExcel';
import { officeHostOn } from '../support/fakeExcelWorkbooks';

jest.setTimeout(60_000);

test('from a new workbook in Excel: sample, structure, an Assumptions edit, checks, write, a re-run', async () => {
  const fake = new FakeExcel([{ name: 'Sheet1', rows: [] }]);
  const workbook: TaskPaneWorkbook = officeHostOn(fake);
  const pane = new WorkflowController(workbook, inlineEngine());

  await pane.refresh();
  expect(pane.getState().latest?.problems.filter((p) => p.severity === 'error').map((p) => p.code)).toEqual(['missing-sheet', 'missing-sheet']);

  await pane.loadSample();
  expect(pane.getState().message).toMatchObject({ intent: 'success', text: expect.stringMatching(/^Loaded the sample workbook/) });
  expect(fake.ownedSheets()).toEqual([]);

  await pane.build();
  expect(pane.getState().structure?.summary?.grades).toHaveLength(10);

  const grades = PARAMETERS.find((p) => p.key === 'grades')!;
  expect(await pane.saveParameter(grades, 'eight')).toMatch(/Grades "eight" is not a number/);
  expect(await pane.saveParameter(grades, '8')).toBeUndefined();
  const row = Object.entries(fake.model.cellsOf(fake.sheet('Assumptions'))).find(([, c]) => c.value === 'Grades')![0].replace('A', '');
  expect(fake.value('Assumptions', `B${row}`)).toBe(8);
  expect(pane.getState().structureStale).toBe(true);

  await pane.runChecks();
  expect(pane.getState().checked).toBe(true);
  expect(pane.getState().structure?.summary?.grades).toHaveLength(8);

  await pane.write();
  expect(pane.getState().message?.text).toMatch(/^Wrote Evaluation Results|^Wrote Market Analysis/);
  const owned = fake.ownedSheets();
  expect(owned).toEqual(expect.arrayContaining(['Market Analysis', 'Pay Structure', 'Job Slotting']));
  expect(Object.keys(fake.formulas('Pay Structure')).length).toBeGreaterThan(10);

  // A second write replaces the add-in's sheets in place.
  await pane.write();
  expect(fake.ownedSheets()).toEqual(owned);
  expect(fake.sheetNames().filter((n) => n.startsWith('~'))).toEqual([]);

  await pane.select({ sheet: 'Employees', cell: 'D7' });
  expect(fake.model.selection).toMatchObject({ rect: { top: 7, left: 4 } });
});

test('reports Excel refusing to work (cell-edit mode) in the status, changing nothing', async () => {
  const fake = new FakeExcel([{ name: 'Sheet1', rows: [] }]);
  const pane = new WorkflowController(officeHostOn(fake), inlineEngine());
  fake.cellEditMode = true;
  await pane.loadSample();
  expect(pane.getState().message).toEqual({ intent: 'error', text: expect.stringMatching(/Excel is editing a cell\. Press Enter or Esc/) });
  expect(fake.sheetNames()).toEqual(['Sheet1']);
});
