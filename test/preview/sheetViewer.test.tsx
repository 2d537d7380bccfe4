/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryHost } from '../../src/hosts/memory';
import { PreviewPage } from '../../src/preview/PreviewPage';
import { PreviewWorkbook } from '../../src/preview/previewWorkbook';
import { SheetViewer } from '../../src/preview/SheetViewer';
import { runPipeline } from '../../src/run/pipeline';
import { inlineEngine } from '../../src/taskpane/engine/inlineEngine';
import { sixJobSheets } from '../support/smallWorkbook';

const viewer = () => screen.getByRole('region', { name: 'Workbook' });

describe('the sheet viewer', () => {
  test('shows the sheets as tabs, the cells as a table, and a formula bar for the selected cell', async () => {
    const workbook = new PreviewWorkbook(new MemoryHost(sixJobSheets()));
    render(<SheetViewer workbook={workbook} />);
    expect(within(viewer()).getAllByRole('tab').map((t) => t.getAttribute('value'))).toEqual(['Jobs', 'Market', 'Employees', 'Assumptions']);
    const table = within(viewer()).getByRole('table', { name: 'Sheet Jobs' });
    expect(within(table).getByRole('row', { name: /^2 J1 Director General 1200 Y$/ })).toBeTruthy();

    // Writing the outputs brings the first of them into view, marked as the add-in's.
    await act(async () => void (await runPipeline(workbook)));
    expect(within(viewer()).getByRole('tab', { name: 'Market Analysis ◆' }).getAttribute('aria-selected')).toBe('true');
    fireEvent.click(within(viewer()).getByRole('tab', { name: 'Pay Structure ◆' }));
    const ps = within(viewer()).getByRole('table', { name: 'Sheet Pay Structure' });
    const grade1 = within(ps).getByRole('row', { name: /^2 1 / });
    fireEvent.click(within(grade1).getAllByRole('cell')[4]);
    expect(within(viewer()).getByRole('group', { name: 'Formula bar' }).textContent).toMatch(/^E2=ROUND\(/);
  });

  test('shows a filled column as its cached values, and the formula as it reads in the selected row', async () => {
    const workbook = new PreviewWorkbook(new MemoryHost(sixJobSheets()));
    render(<SheetViewer workbook={workbook} />);
    const cells = [['Salary', 'Raise'], [1000, 30], [2000, 60], [3000, 'own'], [4000, 120]];
    await act(async () => void (await workbook.write({ sheets: [{ name: 'Raises', role: 'output', cells, fills: [{ col: 2, first: 2, last: 5, formula: '=A2*0.03', except: [4] }] }], names: [] })));
    const table = within(viewer()).getByRole('table', { name: 'Sheet Raises' });
    const row3 = within(table).getByRole('row', { name: /^3 2000 60$/ });
    fireEvent.click(within(row3).getAllByRole('cell')[1]);
    expect(within(viewer()).getByRole('group', { name: 'Formula bar' }).textContent).toBe('B3=A3*0.03');
    fireEvent.click(within(within(table).getByRole('row', { name: /^4 3000 own$/ })).getAllByRole('cell')[1]);
    expect(within(viewer()).getByRole('group', { name: 'Formula bar' }).textContent).toBe('B4own');
  });

  test('follows a problem link to its cell', async () => {
    const workbook = new PreviewWorkbook(new MemoryHost(sixJobSheets()));
    render(<SheetViewer workbook={workbook} />);
    await act(async () => workbook.select({ sheet: 'Employees', cell: 'D4' }));
    expect(within(viewer()).getByRole('tab', { name: 'Employees' }).getAttribute('aria-selected')).toBe('true');
    const selected = within(viewer()).getAllByRole('cell').filter((c) => c.getAttribute('aria-current') === 'true');
    expect(selected.map((c) => c.textContent)).toEqual(['80000']);
    expect(within(viewer()).getByRole('group', { name: 'Formula bar' }).textContent).toBe('D480000');
  });
});

test('the preview page hosts the real task pane beside the viewer', async () => {
  const workbook = PreviewWorkbook.sample(30);
  render(<PreviewPage workbook={workbook} engine={inlineEngine()} />);
  const pane = screen.getByRole('complementary', { name: 'Task pane' });
  expect(within(pane).getByRole('heading', { level: 1, name: 'Salary Structure' })).toBeTruthy();
  expect(await within(pane).findByText(/Preview: an in-memory workbook|The data is/)).toBeTruthy();
  expect(within(viewer()).getByRole('button', { name: 'Download .xlsx' })).toBeTruthy();
});
