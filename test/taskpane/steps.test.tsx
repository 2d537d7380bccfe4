/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryHost } from '../../src/hosts/memory';
import { PreviewWorkbook } from '../../src/preview/previewWorkbook';
import { runPipeline } from '../../src/run/pipeline';
import { App } from '../../src/taskpane/App';
import type { EngineClient } from '../../src/taskpane/engine/engineClient';
import { inlineEngine } from '../../src/taskpane/engine/inlineEngine';
import { sixJobSheets } from '../support/smallWorkbook';

jest.setTimeout(30_000);

const workbookOf = (sheets = sixJobSheets()) => new PreviewWorkbook(new MemoryHost(sheets));

function renderPane(workbook: PreviewWorkbook, engine: EngineClient = inlineEngine()) {
  render(<App host={{ kind: 'preview' }} workbook={workbook} engine={engine} />);
  return workbook;
}

const status = () => screen.getByRole('status');
const waitForStatus = (text: RegExp) => waitFor(() => expect(status().textContent).toMatch(text), { timeout: 15_000 });
const openStep = (name: string) => fireEvent.click(screen.getByRole('tab', { name }));
const panel = () => screen.getByRole('tabpanel');
/** The memory host's cell, for checking what the pane wrote. */
const cell = (workbook: PreviewWorkbook, sheet: string, row: number, col: number) => workbook.sheets().find((s) => s.name === sheet)?.cells[row - 1]?.[col - 1];

describe('the task pane on a workbook', () => {
  test('shows the five steps as tabs, reads the workbook on open and reports what it found', async () => {
    renderPane(workbookOf());
    const tabs = screen.getAllByRole('tab');
    expect(['Data', 'Structure', 'Checks', 'Merit', 'Write'].map((name) => tabs.indexOf(screen.getByRole('tab', { name })))).toEqual([0, 1, 2, 3, 4]);
    expect(screen.getByRole('tablist', { name: 'Workflow steps' })).toBeTruthy();
    await waitForStatus(/The data is (complete|usable)/);
    const inputs = within(panel()).getByRole('region', { name: 'Inputs' });
    expect(within(inputs).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'JobsJobs: 6 rows',
      'MarketMarket: 6 rows',
      'Employees (optional)Employees: 5 rows',
      'Appraisal (optional)none',
      'Assumptions (optional)Assumptions',
    ]);
    // The sample never mixes with the user's data.
    expect(within(panel()).getByRole('button', { name: 'Load sample' })).toHaveProperty('disabled', true);
  });

  test('lists every problem by cell, and a click selects the offending cell', async () => {
    const workbook = renderPane(
      workbookOf(
        sixJobSheets({
          employees: [
            ['Employee ID', 'Name', 'Job Code', 'Base Salary'],
            ['E1', 'Ann', 'J1', 'abc'],
            ['E2', 'Bob', 'J9', 50000],
          ],
        }),
      ),
    );
    await waitForStatus(/Found 2 errors/);
    const problems = within(panel()).getByRole('region', { name: /Problems/ });
    const link = within(problems).getByRole('button', { name: /Employees!D2: .*"abc" is not a number/ });
    fireEvent.click(link);
    await waitFor(() => expect(workbook.selection).toEqual({ sheet: 'Employees', cell: 'D2' }));
    expect(within(problems).getByRole('button', { name: /Employees!C3: job code "J9"/ })).toBeTruthy();
  });

  test('loads the sample into a new workbook, then builds the structure with summary cards, a chart and the grades', async () => {
    const workbook = renderPane(PreviewWorkbook.blank());
    await waitForStatus(/Found 2 errors/);
    expect(within(panel()).getAllByText('missing')).toHaveLength(2);
    fireEvent.click(within(panel()).getByRole('button', { name: 'Load sample' }));
    await waitForStatus(/Loaded the sample workbook/);
    expect(workbook.sheets().map((s) => s.name)).toEqual(expect.arrayContaining(['Sheet1', 'Jobs', 'Market', 'Employees', 'Appraisal', 'Assumptions']));

    const expected = (await runPipeline(new MemoryHost(workbook.sheets().map((s) => ({ name: s.name, rows: s.cells.map((r) => r.map((c) => (c !== null && typeof c === 'object' && 'formula' in c ? c.value : c))), tables: s.tables }))))).summary!;
    openStep('Structure');
    fireEvent.click(within(panel()).getByRole('button', { name: 'Build structure' }));
    await waitForStatus(/^Built 10 grades from 40 jobs; R² /);
    const cards = within(panel()).getByRole('list', { name: 'Structure summary' });
    expect(within(cards).getByRole('listitem', { name: `Grades: ${expected.grades.length}` })).toBeTruthy();
    expect(within(cards).getByRole('listitem', { name: `R²: ${expected.payLine!.r2.toFixed(4)}` })).toBeTruthy();
    expect(within(cards).getByRole('listitem', { name: 'Employees: 300' })).toBeTruthy();
    const chart = within(panel()).getByRole('img', { name: /Salary ranges by grade \(USD\)/ });
    expect(chart.querySelectorAll('rect')).toHaveLength(expected.grades.length);
    expect(chart.querySelectorAll('circle').length).toBeGreaterThan(100);
    const grades = within(panel()).getByRole('table', { name: /Grades/ });
    const g1 = expected.grades[0];
    expect(within(grades).getByRole('row', { name: `1 ${g1.minimum.toLocaleString('en')} ${g1.midpoint.toLocaleString('en')} ${g1.maximum.toLocaleString('en')} ${g1.jobs} ${g1.employees}` })).toBeTruthy();
  });

  test('binds the structure form to the Assumptions sheet: reads on open, writes back, rejects bad values', async () => {
    const workbook = renderPane(workbookOf());
    await waitForStatus(/The data is/);
    openStep('Structure');
    const grades = within(panel()).getByRole('textbox', { name: /^Grades/ });
    expect((grades as HTMLInputElement).value).toBe('3');
    const spread = within(panel()).getByRole('textbox', { name: /^Range Spread/ });
    expect((spread as HTMLInputElement).value).toBe('50%');

    fireEvent.change(grades, { target: { value: 'many' } });
    fireEvent.blur(grades);
    expect(await within(panel()).findByText(/Grades "many" is not a number/)).toBeTruthy();
    expect(cell(workbook, 'Assumptions', 4, 2)).toBe(3);

    fireEvent.change(grades, { target: { value: '4' } });
    fireEvent.keyDown(grades, { key: 'Enter' });
    await waitForStatus(/Grades saved on the Assumptions sheet/);
    expect(cell(workbook, 'Assumptions', 4, 2)).toBe(4);

    // A parameter the sheet does not list goes on a new row, name and value.
    const tolerance = within(panel()).getByRole('textbox', { name: /^Slotting Tolerance/ });
    fireEvent.change(tolerance, { target: { value: '15%' } });
    fireEvent.blur(tolerance);
    await waitForStatus(/Slotting Tolerance saved/);
    expect([cell(workbook, 'Assumptions', 8, 1), cell(workbook, 'Assumptions', 8, 2)]).toEqual(['Slotting Tolerance', 0.15]);

    const payLine = within(panel()).getByRole('combobox', { name: /^Pay Line/ });
    fireEvent.change(payLine, { target: { value: 'Power' } });
    await waitForStatus(/Pay Line saved/);
    expect(cell(workbook, 'Assumptions', 3, 2)).toBe('Power');

    fireEvent.click(within(panel()).getByRole('button', { name: 'Build structure' }));
    await waitForStatus(/^Built 4 grades/);
  });

  test('creates the Assumptions sheet when the workbook has none, and empty input sheets on request', async () => {
    const workbook = renderPane(PreviewWorkbook.blank());
    await waitForStatus(/Found 2 errors/);
    openStep('Merit');
    const budget = within(panel()).getByRole('textbox', { name: /^Merit Budget/ });
    expect((budget as HTMLInputElement).value).toBe('3%');
    fireEvent.change(budget, { target: { value: '3.5%' } });
    fireEvent.blur(budget);
    await waitForStatus(/Merit Budget saved on the Assumptions sheet/);
    const assumptions = workbook.sheets().find((s) => s.name === 'Assumptions')!;
    expect(assumptions.owned).toBe(false);
    expect(assumptions.cells.find((r) => r[0] === 'Merit Budget')?.[1]).toBe(0.035);
    expect(workbook.names().find((n) => n.name === 'MeritBudget')).toBeTruthy();

    openStep('Data');
    fireEvent.click(within(panel()).getByRole('button', { name: 'Create empty input sheets' }));
    await waitForStatus(/Added empty input sheets: Jobs, Market, Employees, Appraisal/);
    expect(workbook.sheets().find((s) => s.name === 'Jobs')?.cells[0]).toEqual(['Job Code', 'Job Title', 'Job Family', 'Points', 'Benchmark']);
    expect(workbook.sheets().find((s) => s.name === 'Assumptions')?.cells).toEqual(assumptions.cells);
  });

  test('runs the checks: consistency lines, employees against their ranges, pay equity', async () => {
    renderPane(PreviewWorkbook.sample(200));
    await waitForStatus(/The data is/);
    openStep('Checks');
    expect(within(panel()).getByRole('group', { name: 'Pay equity' }).textContent).toMatch(/Run the checks/);
    fireEvent.click(within(panel()).getByRole('button', { name: 'Run checks' }));
    await waitForStatus(/^Checks done/);
    const table = within(panel()).getByRole('table', { name: 'Consistency' });
    expect(within(table).getByRole('rowheader', { name: /Midpoint progression/ })).toBeTruthy();
    expect(within(panel()).getByRole('list', { name: 'Employees against their ranges' })).toBeTruthy();
    const equity = within(panel()).getByRole('group', { name: 'Pay equity' });
    expect(within(equity).queryByRole('list', { name: 'Pay equity figures' }) ?? within(equity).getByText(/Not available yet/)).toBeTruthy();
  });

  test('shows the merit calibration once built, and writes every output sheet', async () => {
    const workbook = renderPane(PreviewWorkbook.sample(200));
    await waitForStatus(/The data is/);
    openStep('Merit');
    expect(within(panel()).getByText(/Build the structure/)).toBeTruthy();
    openStep('Structure');
    fireEvent.click(within(panel()).getByRole('button', { name: 'Build structure' }));
    await waitForStatus(/^Built/);
    openStep('Merit');
    const merit = within(panel()).queryByRole('list', { name: 'Merit calibration' });
    if (merit) expect(within(merit).getByRole('listitem', { name: /^Budget: / })).toBeTruthy();
    else expect(within(panel()).getByText(/Not available yet/)).toBeTruthy();

    openStep('Write');
    fireEvent.click(within(panel()).getByRole('button', { name: 'Write to workbook' }));
    await waitForStatus(/^Wrote /);
    const written = within(panel()).getByRole('region', { name: 'Written' });
    const names = within(written).getAllByRole('listitem').map((li) => li.textContent);
    expect(names).toEqual(expect.arrayContaining(['Market Analysis', 'Pay Structure', 'Job Slotting']));
    expect(workbook.sheets().filter((s) => s.owned).map((s) => s.name)).toEqual(names);
  });

  test('shows progress for a long run and cancels it, changing nothing', async () => {
    const workbook = workbookOf();
    const inline = inlineEngine();
    let release!: () => void;
    const slow: EngineClient = {
      ...inline,
      analyse: (input, level, options) =>
        new Promise((resolve, reject) => {
          options?.onProgress?.({ fraction: 0.5, stage: 'Building the structure' });
          options?.signal?.addEventListener('abort', () => reject(new Error('stopped')));
          release = () => void inline.analyse(input, level).then(resolve);
        }),
    };
    renderPane(workbook, slow);
    const bar = await screen.findByRole('progressbar', { name: 'Reading the workbook' });
    expect(bar.getAttribute('aria-valuetext')).toMatch(/Building the structure/);
    act(() => release());
    await waitForStatus(/The data is/);

    openStep('Write');
    fireEvent.click(within(panel()).getByRole('button', { name: 'Write to workbook' }));
    await screen.findByRole('progressbar', { name: 'Writing to the workbook' });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitForStatus(/Writing to the workbook: cancelled\. Nothing was changed\./);
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(workbook.sheets().some((s) => s.owned)).toBe(false);
  });

  test('is operable from the keyboard: steps are tab buttons, fields are labelled inputs', async () => {
    renderPane(workbookOf());
    await waitForStatus(/The data is/);
    for (const tab of screen.getAllByRole('tab')) expect(tab.tagName).toBe('BUTTON');
    const structure = screen.getByRole('tab', { name: 'Structure' });
    structure.focus();
    fireEvent.click(structure);
    expect(structure.getAttribute('aria-selected')).toBe('true');
    expect(panel().getAttribute('aria-labelledby')).toBe(structure.id);
    for (const field of within(panel()).getAllByRole('textbox')) expect(field.getAttribute('aria-describedby') ?? field.id).toBeTruthy();
    expect(within(panel()).getAllByRole('textbox').length + within(panel()).getAllByRole('combobox').length).toBe(13);
  });
});
