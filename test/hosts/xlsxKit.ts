/** Helpers for host tests: unzip a package, read its parts as text, sample specs. */
import { unzipSync } from 'fflate';
import type { SheetSpec, WorkbookUpdate } from '../../src/workbook/sheetSpec';

export const entriesOf = (bytes: Uint8Array): Record<string, Uint8Array> => unzipSync(bytes);

export const partText = (bytes: Uint8Array, path: string): string => {
  const part = entriesOf(bytes)[path];
  if (!part) throw new Error(`no part ${path}`);
  return new TextDecoder().decode(part);
};

export const sameBytes = (a: Uint8Array | undefined, b: Uint8Array | undefined): boolean =>
  a !== undefined && b !== undefined && a.length === b.length && a.every((v, i) => v === b[i]);

/** The worksheet part path of a sheet, by following workbook.xml and its rels. */
export function sheetPartPath(bytes: Uint8Array, sheet: string): string {
  const workbook = partText(bytes, 'xl/workbook.xml');
  const rels = partText(bytes, 'xl/_rels/workbook.xml.rels');
  const escaped = sheet.replace(/&/g, '&amp;').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const relId = new RegExp(`<sheet [^>]*name="${escaped}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const target = new RegExp(`Id="${relId}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${relId}"`).exec(rels)?.[1];
  if (!relId || !target) throw new Error(`no sheet ${sheet}`);
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

export const payStructure = (): SheetSpec => ({
  name: 'Pay Structure',
  role: 'output',
  cells: [
    ['Grade', 'Minimum', 'Midpoint', 'Maximum', 'Spread'],
    [1, 40000, 50000, 60000, { formula: '=(D2-B2)/B2', value: 0.5 }],
    [2, 48000, 60000, 72000, { formula: '=(D3-B3)/B3', value: 0.5 }],
  ],
  tables: [{ name: 'PayStructure', range: 'A1:E3' }],
  formats: [
    { range: 'B2:D3', format: '#,##0' },
    { range: 'E2:E3', format: '0.0%' },
  ],
  columns: [{ width: 8 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 9, hidden: true }],
  freeze: { rows: 1, columns: 0 },
});

export const meritPlan = (): SheetSpec => ({
  name: 'Merit Plan',
  role: 'output',
  cells: [
    ['Employee ID', 'Name', 'Midpoint', 'Status', 'Eligible'],
    ['E001', '=HYPERLINK("http://evil")', { formula: "=INDEX('Pay Structure'!$C$2:$C$3,1)", value: 50000 }, { formula: '=IF(C2>0,"OK","Fail")', value: 'OK' }, { formula: '=C2>0', value: true }],
    ['E002', '+1+1', { formula: '=PayStructure[[#Headers],[Midpoint]]', value: 'Midpoint' }, '@SUM(A1)', false],
    ['-2', '  padded  ', null, 'Tom & Jerry <x>', true],
  ],
  tables: [{ name: 'MeritPlan', range: 'A1:E4' }],
  conditionalFormats: [
    { kind: 'textContains', range: 'D2:D4', text: 'Fail', fill: '#FFC7CE', font: '#9C0006' },
    { kind: 'cellValue', range: 'C2:C4', operator: 'greaterThan', value: 55000, fill: 'C6EFCE' },
    { kind: 'colorScale', range: 'C2:C4', min: '#F8696B', max: '#63BE7B' },
  ],
  charts: [{ kind: 'column', title: 'Midpoints', anchor: 'G2', widthCells: 6, heightCells: 12, series: [{ name: 'Midpoint', values: 'C2:C3', categories: 'A2:A3' }] }],
});

export const assumptions = (): SheetSpec => ({
  name: 'Assumptions',
  role: 'input',
  cells: [
    ['Parameter', 'Value'],
    ['Merit Budget', 0.035],
  ],
  formats: [{ range: 'B2', format: '0.0%' }],
});

export const fullUpdate = (): WorkbookUpdate => ({
  sheets: [assumptions(), payStructure(), meritPlan()],
  names: [
    { name: 'MeritBudget', ref: 'Assumptions!$B$2', comment: 'Merit budget, % of payroll' },
    { name: 'Midpoints', ref: "'Pay Structure'!$C$2:$C$3" },
  ],
});
