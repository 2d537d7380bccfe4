import { cellAddress, parseRange } from '../../workbook/address';
import type { ConditionalFormatSpec } from '../../workbook/sheetSpec';
import { escapeAttr, escapeText } from './xml';

/** `#F8696B` or `F8696B` → `FFF8696B` (ARGB, as SpreadsheetML stores colours). */
export function argb(color: string): string {
  const hex = color.replace(/^#/, '').toUpperCase();
  return hex.length === 6 ? `FF${hex}` : hex;
}

/** A formula text literal: `"say ""hi"""`. */
const textLiteral = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** A number as a cfvo value (`1E-3`, as SpreadsheetML writes doubles). */
const numberText = (n: number): string => (Object.is(n, -0) ? '0' : String(n).replace('e', 'E'));

const numCfvo = (value: number): string => `<cfvo type="num" val="${numberText(value)}"/>`;

const CFVO_TYPES = { number: 'num', percent: 'percent', percentile: 'percentile' } as const;

/**
 * `<iconSet>` (CT_IconSet): the first cfvo is the lowest icon's lower bound, which Excel ignores and
 * writes as percent 0; then one cfvo per threshold, `gte="0"` where the icon starts strictly above it.
 */
function iconSetXml(cf: Extract<ConditionalFormatSpec, { kind: 'iconSet' }>): string {
  const attrs = `iconSet="${cf.icons}"${cf.showValue === false ? ' showValue="0"' : ''}${cf.reverse ? ' reverse="1"' : ''}`;
  const cfvos = cf.thresholds.map((t) => `<cfvo type="${CFVO_TYPES[t.type]}" val="${numberText(t.value)}"${t.inclusive === false ? ' gte="0"' : ''}/>`).join('');
  return `<iconSet ${attrs}><cfvo type="percent" val="0"/>${cfvos}</iconSet>`;
}

/**
 * `<conditionalFormatting>` elements for a sheet. `dxfOf` gives the differential format index of a
 * fill/font pair; priorities run 1, 2, 3… in the spec's order.
 */
export function conditionalFormattingXml(specs: readonly ConditionalFormatSpec[], dxfOf: (fill: string, font?: string) => number): string {
  return specs
    .map((cf, i) => {
      const priority = i + 1;
      const sqref = escapeAttr(cf.range.replace(/\$/g, ''));
      let rule: string;
      if (cf.kind === 'colorScale') {
        const mid = cf.mid !== undefined;
        const midCfvo = cf.midValue !== undefined ? numCfvo(cf.midValue) : '<cfvo type="percentile" val="50"/>';
        const end = (value: number | undefined, type: 'min' | 'max') => (value !== undefined ? numCfvo(value) : `<cfvo type="${type}"/>`);
        const cfvos = `${end(cf.minValue, 'min')}${mid ? midCfvo : ''}${end(cf.maxValue, 'max')}`;
        const colors = [cf.min, ...(mid ? [cf.mid as string] : []), cf.max].map((c) => `<color rgb="${argb(c)}"/>`).join('');
        rule = `<cfRule type="colorScale" priority="${priority}"><colorScale>${cfvos}${colors}</colorScale></cfRule>`;
      } else if (cf.kind === 'iconSet') {
        rule = `<cfRule type="iconSet" priority="${priority}">${iconSetXml(cf)}</cfRule>`;
      } else if (cf.kind === 'cellValue') {
        const dxf = dxfOf(argb(cf.fill), cf.font && argb(cf.font));
        const value = typeof cf.value === 'number' ? String(cf.value) : textLiteral(cf.value);
        rule = `<cfRule type="cellIs" dxfId="${dxf}" priority="${priority}" operator="${cf.operator}"><formula>${escapeText(value)}</formula></cfRule>`;
      } else {
        const dxf = dxfOf(argb(cf.fill), cf.font && argb(cf.font));
        const r = parseRange(cf.range);
        // Excel stores "text contains" with the formula it evaluates relative to the range's top-left cell.
        const formula = `NOT(ISERROR(SEARCH(${textLiteral(cf.text)},${cellAddress(r.top, r.left)})))`;
        rule = `<cfRule type="containsText" dxfId="${dxf}" priority="${priority}" operator="containsText" text="${escapeAttr(cf.text)}"><formula>${escapeText(formula)}</formula></cfRule>`;
      }
      return `<conditionalFormatting sqref="${sqref}">${rule}</conditionalFormatting>`;
    })
    .join('');
}
