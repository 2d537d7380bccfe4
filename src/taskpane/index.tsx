import { createRoot } from 'react-dom/client';
import { OfficeHost, REQUIRED_EXCEL_API } from '../hosts/office';
import { App } from './App';
import { createEngine } from './engine/createEngineWorker';
import { highestSupported, type HostInfo } from './hostStatus';
import type { TaskPaneWorkbook } from './taskPaneWorkbook';
import { themeFromOffice, type OfficeThemeColors } from './theme';

// The one file of the task pane that touches `Office.`: everything below it takes plain data.

function hostInfo(info: { host: Office.HostType | null; platform: Office.PlatformType | null }): HostInfo {
  if (!info.host) return { kind: 'none' };
  // PlatformType is typed as an enum but holds its name at run time ('PC', 'Mac', 'OfficeOnline'…).
  const platform = info.platform === null ? undefined : String(info.platform);
  if (info.host !== Office.HostType.Excel) return { kind: 'other', platform };
  const requirements = Office.context.requirements;
  return {
    kind: 'excel',
    platform,
    excelApi: highestSupported((version) => requirements.isSetSupported('ExcelApi', version)),
  };
}

/** officeTheme is absent on some platforms and throws on others outside Office. */
function officeThemeColors(): OfficeThemeColors | undefined {
  try {
    const theme = Office.context?.officeTheme;
    if (!theme) return undefined;
    return {
      bodyBackgroundColor: theme.bodyBackgroundColor,
      bodyForegroundColor: theme.bodyForegroundColor,
      isDarkTheme: typeof theme.isDarkTheme === 'boolean' ? theme.isDarkTheme : undefined,
    };
  } catch {
    return undefined;
  }
}

/** The workbook open in Excel, when Excel is recent enough for the add-in. */
function excelWorkbook(host: HostInfo): TaskPaneWorkbook | undefined {
  const isSetSupported = (version: string) => Office.context.requirements.isSetSupported('ExcelApi', version);
  if (host.kind !== 'excel' || !isSetSupported(REQUIRED_EXCEL_API)) return undefined;
  return new OfficeHost({ run: (batch) => Excel.run(batch), isSetSupported });
}

void Office.onReady((info) => {
  const container = document.getElementById('root');
  if (!container) throw new Error('taskpane.html has no #root element');
  const host = hostInfo(info);
  const workbook = excelWorkbook(host);
  const theme = themeFromOffice(officeThemeColors());
  createRoot(container).render(workbook ? <App theme={theme} host={host} workbook={workbook} engine={createEngine()} /> : <App theme={theme} host={host} />);
});
