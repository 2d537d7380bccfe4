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
        const midCfvo = cf.midValue !== undefined ? `<cfvo type="num" val="${cf.midValue}"/>` : '<cfvo type="percentile" val="50"/>';
        const cfvos = `<cfvo type="min"/>${mid ? midCfvo : ''}<cfvo type="max"/>`;
        const colors = [cf.min, ...(mid ? [cf.mid as string] : []), cf.max].map((c) => `<color rgb="${argb(c)}"/>`).join('');
        rule = `<cfRule type="colorScale" priority="${priority}"><colorScale>${cfvos}${colors}</colorScale></cfRule>`;
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
