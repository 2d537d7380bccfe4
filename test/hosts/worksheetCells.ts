/**
 * A worksheet part's cells as Excel reads them, for tests: each cell's formula (a shared formula
 * spelled out for every cell that refers to it, its relative references moved from the first cell),
 * its type and its cached value as text. The move goes through R1C1 and back, the way back being the
 * fake Excel's own reading (test/support/fakeExcelR1C1.ts), not the host's.
 */
import { parseCell } from '../../src/workbook/address';
import { toR1C1 } from '../../src/workbook/formulaRefs';
import { fromR1C1 } from '../support/fakeExcelR1C1';

export interface WorksheetCell {
  /** The formula with its `=`, as it reads in that cell. */
  formula?: string;
  /** `t`: str, b, inlineStr, e…; absent for a number. */
  type?: string;
  /** `<v>`, or an inline string's text. */
  value?: string;
  style?: number;
}

const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const attr = (attrs: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1];

/** Cell reference → the cell; shared formulas spelled out. Throws on a shared formula that is not declared before it is used. */
export function worksheetCells(xml: string): Map<string, WorksheetCell> {
  const out = new Map<string, WorksheetCell>();
  const masters = new Map<string, { r1c1: string; ref: string }>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const [, address, attrs, body = ''] = m;
    const cell: WorksheetCell = {};
    const type = attr(attrs, 't');
    if (type) cell.type = type;
    const style = attr(attrs, 's');
    if (style) cell.style = Number(style);
    const f = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(body);
    if (f) {
      const fAttrs = f[1];
      const text = f[2] === undefined ? undefined : `=${unescape(f[2])}`;
      const { row, col } = parseCell(address);
      if (attr(fAttrs, 't') === 'shared') {
        const si = attr(fAttrs, 'si')!;
        if (text !== undefined) {
          const r1c1 = toR1C1(text, row, col);
          if (r1c1 === undefined) throw new Error(`${address}: shared formula ${text} has references this helper cannot move`);
          masters.set(si, { r1c1, ref: attr(fAttrs, 'ref')! });
          cell.formula = text;
        } else {
          const master = masters.get(si);
          if (!master) throw new Error(`${address}: shared formula ${si} used before its first cell`);
          const [from, to] = master.ref.split(':').map(parseCell);
          if (row < from.row || row > to.row || col < from.col || col > to.col) throw new Error(`${address}: outside shared formula ${si}'s range ${master.ref}`);
          cell.formula = fromR1C1(master.r1c1, row, col);
        }
      } else cell.formula = text;
    }
    const v = /<v>([\s\S]*?)<\/v>/.exec(body);
    if (v) cell.value = unescape(v[1]);
    const inline = /<is><t[^>]*>([\s\S]*?)<\/t><\/is>/.exec(body);
    if (inline) cell.value = unescape(inline[1]);
    out.set(address, cell);
  }
  return out;
}
