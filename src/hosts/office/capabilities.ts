/** How the host reaches Excel: `Excel.run` in the add-in, the fake in tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The ExcelApi requirement set the host needs (the manifest's minimum). */
export const REQUIRED_EXCEL_API = '1.7';

/** Features beyond the required set, used when Excel has them. */
export interface Capabilities {
  /** Application.suspendScreenUpdatingUntilNextSync (ExcelApi 1.9). */
  suspendScreenUpdating: boolean;
  /** Conditional formats: colour scales, icon sets, cell-value and text rules (ExcelApi 1.6). */
  conditionalFormats: boolean;
  /** Charts configured series by series: values, x values, per-series chart type, line and marker styles (ExcelApi 1.7). */
  charts: boolean;
}

export function capabilitiesOf(isSetSupported: (version: string) => boolean): Capabilities {
  return {
    suspendScreenUpdating: isSetSupported('1.9'),
    conditionalFormats: isSetSupported('1.6'),
    charts: isSetSupported('1.7'),
  };
}
