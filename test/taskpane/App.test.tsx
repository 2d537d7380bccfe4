/**
 * @jest-environment jsdom
 */
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { describeHost, highestSupported } from '../../src/taskpane/hostStatus';
import { themeFromOffice } from '../../src/taskpane/theme';
import { WORKFLOW_STEPS } from '../../src/taskpane/workflow';

function renderApp(props: Parameters<typeof App>[0] = {}) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App {...props} />
    </FluentProvider>,
  );
}

describe('App', () => {
  test('shows the title, the workflow steps in order and a status line', () => {
    renderApp();
    expect(screen.getByRole('heading', { level: 1, name: 'Salary Structure' })).toBeTruthy();
    const workflow = screen.getByRole('region', { name: 'Workflow' });
    const items = within(workflow).getAllByRole('listitem');
    expect(items).toHaveLength(WORKFLOW_STEPS.length);
    expect(items.map((item) => item.textContent)).toEqual(WORKFLOW_STEPS.map((step) => expect.stringContaining(step.title)));
    expect(items[0].textContent).toContain('Data');
    expect(items[items.length - 1].textContent).toContain('Write');
    expect(screen.getByRole('status').textContent).toMatch(/Not connected to Excel/);
  });

  test('reports a ready Excel host with its API version', () => {
    renderApp({ host: { kind: 'excel', platform: 'OfficeOnline', excelApi: '1.17' } });
    expect(screen.getByRole('status').textContent).toBe('Connected to Excel on the web (ExcelApi 1.17). Ready.');
  });

  test('warns when Excel is older than the add-in needs', () => {
    renderApp({ host: { kind: 'excel', platform: 'PC', excelApi: '1.4' } });
    expect(screen.getByRole('status').textContent).toMatch(/supports ExcelApi 1\.4; Salary Structure needs 1\.7 or later/);
  });
});

describe('host status', () => {
  test('finds the highest supported ExcelApi version', () => {
    expect(highestSupported((v) => ['1.1', '1.7', '1.9'].includes(v))).toBe('1.9');
    expect(highestSupported(() => false)).toBeUndefined();
  });

  test('says when the pane runs in the preview, beside an in-memory workbook', () => {
    expect(describeHost({ kind: 'preview' })).toEqual({ intent: 'info', message: expect.stringMatching(/^Preview: an in-memory workbook, no Excel/) });
  });

  test('compares versions numerically (1.10 is newer than 1.7)', () => {
    expect(describeHost({ kind: 'excel', excelApi: '1.10' }).intent).toBe('success');
    expect(describeHost({ kind: 'other' }).intent).toBe('warning');
  });
});

describe('theme from Office', () => {
  test('is the light web theme without Office theme data', () => {
    expect(themeFromOffice(undefined)).toBe(webLightTheme);
  });

  test("takes Office's body colours and darkness", () => {
    const theme = themeFromOffice({ bodyBackgroundColor: '#262626', bodyForegroundColor: '#FFFFFF' });
    expect(theme.colorNeutralBackground1).toBe('#262626');
    expect(theme.colorNeutralForeground1).toBe('#FFFFFF');
    expect(theme.colorBrandBackground).toBe(webDarkTheme.colorBrandBackground);
  });

  test('ignores colours that are not #rrggbb', () => {
    const theme = themeFromOffice({ bodyBackgroundColor: 'red; background: url(x)', isDarkTheme: false });
    expect(theme).toBe(webLightTheme);
  });
});
