/** The Office.js host: the only code that says `Excel.` (ARCHITECTURE.md). */
export { OfficeHost, type CellEdit, type CellTarget, type OfficeHostOptions } from './officeHost';
export { REQUIRED_EXCEL_API, type ExcelRun } from './capabilities';
export { DEFAULT_PAYLOAD_BUDGET, EXCEL_WEB_PAYLOAD_LIMIT } from './payload';
