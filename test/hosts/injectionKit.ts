/** The injection workbook of issue 8, item 4, shared by the hosts' tests and the LibreOffice round trip. */
import { MemoryHost, type MemorySheetInit } from '../../src/hosts/memory';
import { compute, layout, readWorkbook } from '../../src/run/pipeline';
import type { GridValue } from '../../src/workbook/grid';
import { parseWorkbook } from '../../src/workbook/readInputs';
import { specCells, type SheetSpec, type WorkbookUpdate } from '../../src/workbook/sheetSpec';
import { EFFECTIVE, SIX_JOBS } from '../support/smallWorkbook';

export const PAYLOADS = ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1+1', '\r=1+1', '=HYPERLINK("http://x")', "=cmd|' /C calc'!A0"];
const P = (i: number): string => PAYLOADS[i % PAYLOADS.length];

/** The six-job workbook with every piece of user text replaced by the payloads (codes keep a suffix to stay unique). */
export function injectionInputs(): MemorySheetInit[] {
  const code = (i: number): string => `${P(i)} #${i}`;
  const jobs: GridValue[][] = [['Job Code', 'Job Title', 'Job Family', 'Points', 'Benchmark'], ...SIX_JOBS.map(([, , points], i) => [code(i), P(i + 1), P(i + 2), points, 'Y'])];
  const market: GridValue[][] = [['Job Code', 'Survey', 'Effective Date', 'P25', 'P50', 'P75'], ...SIX_JOBS.map(([, , , salary], i) => [code(i), P(i + 3), EFFECTIVE, salary * 0.9, salary, salary * 1.1])];
  const employees: GridValue[][] = [
    ['Employee ID', 'Name', 'Job Code', 'Base Salary', 'FTE', 'Gender', 'Department', 'Location', 'Manager ID', 'Rating'],
    ...Array.from({ length: 16 }, (_, i): GridValue[] => [`${P(i)} E${i}`, P(i + 4), code(i % 6), 40000 + 5000 * i, 1, i % 2 ? 'F' : 'M', P(i + 5), P(i + 6), i > 0 ? `${P(0)} E0` : null, 1 + (i % 5)]),
  ];
  const assumptions: GridValue[][] = [['Parameter', 'Value'], ['Effective Date', EFFECTIVE], ['Grades', 3], ['Range Spread', 0.5]];
  return [
    { name: 'Jobs', rows: jobs },
    { name: 'Market', rows: market },
    { name: 'Employees', rows: employees },
    { name: 'Assumptions', rows: assumptions },
  ];
}

/** The same inputs as input sheets a host can write (to build an .xlsx from them). */
export const injectionInputSpecs = (): SheetSpec[] => injectionInputs().map((s) => ({ name: s.name, role: 'input', cells: s.rows as SheetSpec['cells'] }));

export interface TextCell {
  sheet: string;
  row: number;
  col: number;
  text: string;
}

/** Every text cell of the given sheets (not a fill's cached text: that is a formula's value): what must come back as text. */
export function textCells(sheets: readonly SheetSpec[]): TextCell[] {
  const out: TextCell[] = [];
  for (const s of sheets) specCells(s).forEach((line, r) => line.forEach((c, col) => typeof c === 'string' && c !== '' && out.push({ sheet: s.name, row: r + 1, col: col + 1, text: c })));
  return out;
}

/** Every formula cell of a sheet part: cell reference → the formula text. */
export function formulasInXml(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const f = /<f\b[^>]*?(?:\/>|>([\s\S]*?)<\/f>)/.exec(m[2] ?? '');
    if (f) out.set(m[1], f[1] ?? '');
  }
  return out;
}


/** The update the pipeline lays out for those inputs (computed once, through the memory host). */
let reference: WorkbookUpdate | undefined;
export async function referenceUpdate(): Promise<WorkbookUpdate> {
  if (reference) return reference;
  const { grids, sheetOf } = await readWorkbook(new MemoryHost(injectionInputs()));
  const parsed = parseWorkbook(grids, sheetOf);
  return (reference = layout(parsed, compute(parsed)));
}

/** A sheet of the payloads as they are, tab and carriage return included, beside ordinary text. */
export const payloadSheet = (): SheetSpec => ({ name: 'Payloads', role: 'output', cells: [['Text', ...PAYLOADS], ['Again', ...PAYLOADS.map((p) => `${p} `)]] });

