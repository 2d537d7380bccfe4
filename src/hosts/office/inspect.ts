import { OWNER_MARKER_NAME } from '../host';

export interface InspectedTable {
  id: string;
  name: string;
}

export interface InspectedSheet {
  id: string;
  name: string;
  /** Carries the add-in's owner marker. */
  owned: boolean;
  protected: boolean;
  tables: InspectedTable[];
}

export interface InspectedName {
  name: string;
  formula: string;
  comment: string;
  visible: boolean;
}

/** What a write needs to know about the workbook before touching it. */
export interface Inspection {
  sheets: InspectedSheet[];
  /** Workbook-scoped defined names. */
  names: InspectedName[];
  workbookProtected: boolean;
}

/** The sheets in tab order with the add-in's own marked: two round trips, whatever the workbook's size. */
export async function listSheetsOf(context: Excel.RequestContext): Promise<{ id: string; name: string; owned: boolean }[]> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/id');
  await context.sync();
  const markers = sheets.items.map((s) => s.names.getItemOrNullObject(OWNER_MARKER_NAME).load('name'));
  await context.sync();
  return sheets.items.map((s, i) => ({ id: s.id, name: s.name, owned: !markers[i].isNullObject }));
}

/** Sheets (owner marker, protection, tables), workbook names and workbook protection, in two round trips. */
export async function inspectWorkbook(context: Excel.RequestContext): Promise<Inspection> {
  const workbook = context.workbook;
  const sheets = workbook.worksheets;
  sheets.load('items/name,items/id');
  const names = workbook.names;
  names.load('items/name,items/formula,items/comment,items/visible');
  const protection = workbook.protection.load('protected');
  await context.sync();
  const perSheet = sheets.items.map((s) => ({
    marker: s.names.getItemOrNullObject(OWNER_MARKER_NAME).load('name'),
    protection: s.protection.load('protected'),
    tables: s.tables.load('items/name,items/id'),
  }));
  await context.sync();
  return {
    sheets: sheets.items.map((s, i) => ({
      id: s.id,
      name: s.name,
      owned: !perSheet[i].marker.isNullObject,
      protected: perSheet[i].protection.protected,
      tables: perSheet[i].tables.items.map((t) => ({ id: t.id, name: t.name })),
    })),
    names: names.items.map((n) => ({ name: n.name, formula: String(n.formula), comment: n.comment ?? '', visible: n.visible })),
    workbookProtected: protection.protected,
  };
}
