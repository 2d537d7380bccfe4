import type { Element } from '@xmldom/xmldom';
import { parseRange, rangeAddress } from '../../workbook/address';
import type { TableInfo } from '../../workbook/grid';
import type { SpecCell, TableSpec } from '../../workbook/sheetSpec';
import { CONTENT_TYPE, type ContentTypes } from './contentTypes';
import { isRelType, REL, targetsOf } from './relationships';
import { encodeOoxmlEscapes, encodeUtf8, escapeAttr, NS, parseXml, XML_DECLARATION } from './xml';
import type { ZipPackage } from './zipPackage';

export interface TablePartInfo extends TableInfo {
  id: number;
  part: string;
}

function readTablePart(pkg: ZipPackage, part: string): TablePartInfo | undefined {
  const text = pkg.text(part);
  if (!text) return undefined;
  const root = parseXml(text, part).documentElement as unknown as Element;
  return {
    // Formulas and the Name Manager use displayName; `name` is the internal one.
    name: root.getAttribute('displayName') || root.getAttribute('name') || '',
    range: root.getAttribute('ref') ?? '',
    id: Number(root.getAttribute('id')),
    part,
  };
}

/** The tables (ListObjects) of one worksheet part. */
export function readSheetTables(pkg: ZipPackage, sheetPart: string): TablePartInfo[] {
  return targetsOf(pkg, sheetPart)
    .filter(({ rel }) => isRelType(rel.type, REL.table))
    .flatMap(({ part }) => readTablePart(pkg, part) ?? []);
}

/** Every table part in the package, found by content type (ids and names are workbook-wide). */
export function readAllTables(pkg: ZipPackage, types: ContentTypes): TablePartInfo[] {
  return pkg
    .paths()
    .filter((p) => types.typeOf(p) === CONTENT_TYPE.table)
    .flatMap((p) => readTablePart(pkg, p) ?? []);
}

/** Header text as a table column name: Excel writes line breaks in names as `_x000a_`. */
const columnName = (header: string): string => encodeOoxmlEscapes(header).replace(/\r?\n/g, '_x000a_');

/**
 * A table part over `spec.range`. The header cells (validated as unique text) name the columns;
 * a header-only table gets one empty data row, as Excel requires a body.
 */
export function buildTablePart(table: TableSpec, id: number, cells: readonly (readonly SpecCell[])[]): Uint8Array {
  const r = parseRange(table.range);
  const ref = rangeAddress(r.top, r.left, Math.max(r.bottom, r.top + 1), r.right);
  const columns: string[] = [];
  for (let c = r.left; c <= r.right; c++) {
    columns.push(`<tableColumn id="${c - r.left + 1}" name="${escapeAttr(columnName(String(cells[r.top - 1]?.[c - 1] ?? '')))}"/>`);
  }
  const name = escapeAttr(table.name);
  const style = escapeAttr(table.style ?? 'TableStyleMedium2');
  return encodeUtf8(
    `${XML_DECLARATION}<table xmlns="${NS.main}" id="${id}" name="${name}" displayName="${name}" ref="${ref}" totalsRowShown="0">` +
      `<autoFilter ref="${ref}"/><tableColumns count="${columns.length}">${columns.join('')}</tableColumns>` +
      `<tableStyleInfo name="${style}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
  );
}
