/** What the task pane knows about where it runs, gathered by index.tsx (the one file that asks Office). */
export interface HostInfo {
  /** 'excel' inside Excel, 'other' inside another Office app, 'preview' beside the in-memory workbook, 'none' in a plain browser. */
  kind: 'excel' | 'other' | 'preview' | 'none';
  /** Office's platform name (PC, Mac, OfficeOnline…), when known. */
  platform?: string;
  /** The highest ExcelApi requirement set the host supports, e.g. '1.17'. */
  excelApi?: string;
}

export interface HostStatus {
  intent: 'info' | 'success' | 'warning';
  message: string;
}

/** The manifest's minimum (names, tables, charts basics). */
export const REQUIRED_EXCEL_API = '1.7';

/** Newest first, so probing stops at the first supported set. */
export const EXCEL_API_VERSIONS: readonly string[] = Array.from({ length: 20 }, (_, i) => `1.${20 - i}`);

/** The highest ExcelApi version for which `isSupported` says yes, or undefined. */
export function highestSupported(isSupported: (version: string) => boolean): string | undefined {
  return EXCEL_API_VERSIONS.find((version) => isSupported(version));
}

function minor(version: string): number {
  return Number(version.split('.')[1] ?? 0);
}

const PLATFORM_NAMES: Record<string, string> = {
  PC: 'Windows',
  Mac: 'Mac',
  OfficeOnline: 'the web',
  iOS: 'iPad',
  Universal: 'Windows',
};

export function describeHost(host: HostInfo): HostStatus {
  if (host.kind === 'none') {
    return { intent: 'info', message: 'Not connected to Excel: open Salary Structure from the Home tab in Excel.' };
  }
  if (host.kind === 'preview') {
    return { intent: 'info', message: 'Preview: an in-memory workbook, no Excel. Nothing leaves this page.' };
  }
  if (host.kind === 'other') {
    return { intent: 'warning', message: 'Salary Structure works in Excel only.' };
  }
  const where = host.platform && PLATFORM_NAMES[host.platform] ? ` on ${PLATFORM_NAMES[host.platform]}` : '';
  if (!host.excelApi) {
    return { intent: 'warning', message: `Connected to Excel${where}, but its API version is unknown.` };
  }
  if (minor(host.excelApi) < minor(REQUIRED_EXCEL_API)) {
    return {
      intent: 'warning',
      message: `This Excel${where} supports ExcelApi ${host.excelApi}; Salary Structure needs ${REQUIRED_EXCEL_API} or later.`,
    };
  }
  return { intent: 'success', message: `Connected to Excel${where} (ExcelApi ${host.excelApi}). Ready.` };
}
