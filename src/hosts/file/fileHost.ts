import * as path from 'path';
import type { Grid, SheetInfo } from '../../workbook/grid';
import type { WorkbookUpdate } from '../../workbook/sheetSpec';
import { HostError, type WorkbookHost, type WriteOptions, type WriteReport } from '../host';
import { sameSheetName } from '../sheetNames';
import { CONTENT_TYPE, CONTENT_TYPES_PATH, ContentTypes } from './contentTypes';
import { emptyWorkbookPackage } from './emptyWorkbook';
import { isSameFile, readWorkbookFile, writeFileAtomic } from './fileSystem';
import { DAYS_1900_TO_1904 } from './dateSystem';
import { readWorksheet, type DateShift } from './readSheet';
import { isRelType, REL, resolveTarget } from './relationships';
import { readSharedStrings } from './sharedStrings';
import { StyleBook } from './styles';
import { readSheetTables } from './tables';
import { WorkbookPart } from './workbookPart';
import { writeWorkbook } from './writeWorkbook';
import { ZipPackage } from './zipPackage';

/**
 * An .xlsx file as a workbook host. Reads stream only the sheets asked for; writes add and replace
 * the add-in's own sheets and keep every other part of the user's package byte for byte.
 */
export class FileHost implements WorkbookHost {
  private workbookCache?: WorkbookPart;
  private sharedStringsCache?: string[];

  private constructor(
    private pkg: ZipPackage,
    /** The file this host was opened from, which saveAs refuses to overwrite. */
    readonly sourcePath?: string,
  ) {
    this.workbook(); // fail early on a package that is not a workbook
  }

  static async open(file: string): Promise<FileHost> {
    return new FileHost(ZipPackage.fromBytes(await readWorkbookFile(file)), path.resolve(file));
  }

  static fromBytes(bytes: Uint8Array): FileHost {
    return new FileHost(ZipPackage.fromBytes(bytes));
  }

  /** A new workbook holding one blank placeholder sheet, replaced by the first write. */
  static createEmpty(): FileHost {
    return new FileHost(emptyWorkbookPackage());
  }

  async listSheets(): Promise<SheetInfo[]> {
    const workbook = this.workbook();
    const owned = workbook.ownedSheetIndices();
    return workbook.sheets().map((s, i) => ({ name: s.name, owned: owned.has(i) }));
  }

  async readSheets(names: readonly string[]): Promise<Map<string, Grid>> {
    const sheets = this.workbook().sheets();
    const grids = new Map<string, Grid>();
    for (const name of names) {
      const sheet = sheets.find((s) => sameSheetName(s.name, name));
      if (!sheet) continue;
      const bytes = sheet.kind === 'worksheet' && sheet.part ? this.pkg.get(sheet.part) : undefined;
      if (!bytes || !sheet.part) {
        grids.set(name, { sheet: sheet.name, top: 1, left: 1, rows: [] });
        continue;
      }
      const content = readWorksheet(bytes, sheet.part, this.sharedStrings(), this.dateShift());
      const grid: Grid = { sheet: sheet.name, top: content.top, left: content.left, rows: content.rows };
      const tables = readSheetTables(this.pkg, sheet.part).map((t) => ({ name: t.name, range: t.range }));
      if (tables.length > 0) grid.tables = tables;
      if (content.hiddenColumns.length > 0) grid.hiddenColumns = content.hiddenColumns;
      grids.set(name, grid);
    }
    return grids;
  }

  async write(update: WorkbookUpdate, options?: WriteOptions): Promise<WriteReport> {
    const { pkg, report } = writeWorkbook(this.pkg, update, options);
    this.pkg = pkg;
    this.workbookCache = undefined;
    this.sharedStringsCache = undefined;
    return report;
  }

  /** The workbook as .xlsx bytes. */
  toBytes(): Uint8Array {
    return this.pkg.toBytes();
  }

  /** Save to a new file atomically; never over the file this host was opened from. */
  async saveAs(file: string): Promise<void> {
    if (this.sourcePath && (await isSameFile(this.sourcePath, file))) {
      throw new HostError(`Refusing to overwrite the input workbook ${this.sourcePath}; choose another output file.`, 'would-overwrite-input');
    }
    this.checkExtension(file);
    await writeFileAtomic(file, this.toBytes());
  }

  /** Excel refuses to open macro workbooks named .xlsx (and plain ones named .xlsm). */
  private checkExtension(file: string): void {
    const ext = path.extname(file).toLowerCase();
    const type = ContentTypes.parse(this.pkg.text(CONTENT_TYPES_PATH) ?? '<Types/>').typeOf(this.workbook().path);
    const macro = type === CONTENT_TYPE.macroWorkbook;
    if ((ext === '.xlsx' && macro) || (ext === '.xlsm' && type === CONTENT_TYPE.workbook)) {
      throw new HostError(`This workbook ${macro ? 'contains macros' : 'has no macros'}; save it with the ${macro ? '.xlsm' : '.xlsx'} extension.`, 'extension-mismatch');
    }
  }

  private workbook(): WorkbookPart {
    return (this.workbookCache ??= WorkbookPart.read(this.pkg));
  }

  /** 1904 workbooks: date cells move to 1900 serials, as the grid promises. */
  private dateShift(): DateShift | undefined {
    const workbook = this.workbook();
    if (!workbook.isDate1904) return undefined;
    const rel = workbook.rels.find((r) => isRelType(r.type, REL.styles) && !r.external);
    const part = rel && resolveTarget(workbook.path, rel.target);
    return { styles: StyleBook.parse(part && this.pkg.text(part)).dateStyles(), days: DAYS_1900_TO_1904 };
  }

  private sharedStrings(): string[] {
    if (!this.sharedStringsCache) {
      const workbook = this.workbook();
      const rel = workbook.rels.find((r) => isRelType(r.type, REL.sharedStrings) && !r.external);
      const part = rel && resolveTarget(workbook.path, rel.target);
      this.sharedStringsCache = readSharedStrings(part ? this.pkg.get(part) : undefined, part);
    }
    return this.sharedStringsCache;
  }
}
