import type { DefinedName, SheetSpec, WorkbookUpdate } from '../workbook/sheetSpec';
import { isFormula } from '../workbook/sheetSpec';
import { HostError } from './host';
import { noRenames, renameReferences, type ReferenceRenames } from './references';
import { nextFreeSheetName } from './sheetNames';

/** A sheet already in the workbook, in tab order. */
export interface ExistingSheet {
  name: string;
  owned: boolean;
}

export interface PlannedSheet {
  /** The spec's own name, as the layout gave it. */
  specName: string;
  /** The spec to write, its formulas (fills too, as they are: not spelled out) and tables already renamed to match `sheet`. */
  spec: SheetSpec;
  /** The name the sheet is written under. */
  sheet: string;
  /** Output sheets carry the owner marker. */
  owned: boolean;
}

/** One slot of the final tab order: a sheet kept from the workbook, or a planned sheet. */
export type TabSlot = { kind: 'existing'; index: number } | { kind: 'planned'; index: number };

export interface WritePlan {
  sheets: PlannedSheet[];
  order: TabSlot[];
  /** Indices (in the existing list) of owned sheets that go away. */
  removed: number[];
  keptInputs: string[];
  names: DefinedName[];
  notes: string[];
}

/**
 * Decide, without touching anything, what a write does: which owned sheets go, under which names
 * the specs are written (moving aside from user sheets and tables), and the final tab order.
 * `isTableNameTaken` answers for names the user holds (tables on their sheets, workbook names), lower-case.
 */
export function planWrite(existing: readonly ExistingSheet[], update: WorkbookUpdate, isTableNameTaken: (lower: string) => boolean): WritePlan {
  const lower = (s: string): string => s.toLowerCase();
  const userSheets = new Set(existing.filter((s) => !s.owned).map((s) => lower(s.name)));
  const notes: string[] = [];
  const keptInputs: string[] = [];
  const renames: ReferenceRenames = { sheets: new Map(), tables: new Map() };

  const toWrite: SheetSpec[] = [];
  for (const spec of update.sheets) {
    if (spec.role === 'input' && userSheets.has(lower(spec.name))) keptInputs.push(spec.name);
    else toWrite.push(spec);
  }

  // Names claimed so far: user sheets, then each spec's own name, so a renamed output never takes another spec's name.
  const claimed = new Set([...userSheets, ...toWrite.filter((s) => !userSheets.has(lower(s.name))).map((s) => lower(s.name))]);
  const targets = toWrite.map((spec) => {
    if (!userSheets.has(lower(spec.name))) return spec.name;
    const target = nextFreeSheetName(spec.name, (n) => claimed.has(lower(n)));
    claimed.add(lower(target));
    renames.sheets.set(lower(spec.name), target);
    notes.push(`A sheet of yours is already called "${spec.name}"; the add-in wrote its output to "${target}" and left yours untouched.`);
    return target;
  });

  const claimedTables = new Set<string>();
  for (const spec of toWrite) {
    for (const t of spec.tables ?? []) {
      let name = t.name;
      for (let n = 2; isTableNameTaken(lower(name)) || claimedTables.has(lower(name)); n++) name = `${t.name}_${n}`;
      claimedTables.add(lower(name));
      if (name !== t.name) {
        renames.tables.set(lower(t.name), name);
        notes.push(`A table or name of yours is already called "${t.name}"; the add-in's table is named "${name}".`);
      }
    }
  }
  for (const n of update.names) {
    if (isTableNameTaken(lower(n.name)) && !claimedTables.has(lower(n.name))) {
      throw new HostError(`The workbook already has a table called "${n.name}"; rename it so the add-in can define the name "${n.name}".`, 'name-clash');
    }
  }

  const sheets = toWrite.map((spec, i) => ({ specName: spec.name, spec: applyRenames(spec, targets[i], renames), sheet: targets[i], owned: spec.role === 'output' }));
  const { order, removed } = tabOrder(existing, sheets);
  for (const index of removed) {
    if (!sheets.some((s) => lower(s.sheet) === lower(existing[index].name))) notes.push(`Removed the add-in's previous sheet "${existing[index].name}".`);
  }
  const names = update.names.map((n) => ({ ...n, ref: renameReferences(n.ref, renames) }));
  return { sheets, order, removed, keptInputs, names, notes };
}

/** Every owned sheet goes; a planned sheet of the same name takes its tab, the others follow the kept sheets. */
function tabOrder(existing: readonly ExistingSheet[], sheets: PlannedSheet[]): { order: TabSlot[]; removed: number[] } {
  const order: TabSlot[] = [];
  const removed: number[] = [];
  const placed = new Set<number>();
  existing.forEach((s, index) => {
    if (!s.owned) {
      order.push({ kind: 'existing', index });
      return;
    }
    removed.push(index);
    const p = sheets.findIndex((planned, i) => !placed.has(i) && planned.sheet.toLowerCase() === s.name.toLowerCase());
    if (p >= 0) {
      placed.add(p);
      order.push({ kind: 'planned', index: p });
    }
  });
  sheets.forEach((_, index) => {
    if (!placed.has(index)) order.push({ kind: 'planned', index });
  });
  return { order, removed };
}

function applyRenames(spec: SheetSpec, sheet: string, renames: ReferenceRenames): SheetSpec {
  if (noRenames(renames)) return sheet === spec.name ? spec : { ...spec, name: sheet };
  const cells = spec.cells.map((row) => row.map((c) => (c !== null && isFormula(c) ? { ...c, formula: renameReferences(c.formula, renames) } : c)));
  const tables = spec.tables?.map((t) => ({ ...t, name: renames.tables.get(t.name.toLowerCase()) ?? t.name }));
  // A fill is one formula for its whole column: renamed once, it moves with the rows as before.
  const fills = spec.fills?.map((f) => ({ ...f, formula: renameReferences(f.formula, renames) }));
  return { ...spec, name: sheet, cells, tables, ...(fills ? { fills } : {}) };
}
