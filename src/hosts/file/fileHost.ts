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
import { nodeZipCodec } from './nodeZipCodec';
import { WorkbookPart } from './workbookPart';
import { writeWorkbook } from './writeWorkbook';
import type { ZipCodec } from './zipCodec';
import { ZipPackage, type StepHook } from './zipPackage';

export interface FileHostOptions {
  /** Compression for reading and saving; Node's zlib unless given. */
  codec?: ZipCodec;
  /**
   * Test seam for failures: called before every step of a write and a save (each part produced,
   * styles, content types, the workbook part, each zip entry, the zip directory, the temporary
   * file's creation, write, fsync and close, the rename). A throw fails the operation at that step.
   */
  beforeStep?: StepHook;
}

/** The workbook part's content type for each file extension Excel accepts it under. */
const EXTENSION_OF_TYPE: Record<string, string> = {
  [CONTENT_TYPE.workbook]: '.xlsx',
  [CONTENT_TYPE.macroWorkbook]: '.xlsm',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml': '.xltx',
  'application/vnd.ms-excel.template.macroEnabled.main+xml': '.xltm',
};

/**
 * An .xlsx file as a workbook host. Reads stream only the sheets asked for; writes add and replace
 * the add-in's own sheets and keep every other part of the user's package byte for byte.
 */
export class FileHost implements WorkbookHost {
  private workbookCache?: WorkbookPart;
  private sharedStringsCache?: string[];

  private pkg: ZipPackage;
  private readonly step?: StepHook;

  private constructor(
    pkg: ZipPackage,
    /** The file this host was opened from, which saveAs refuses to overwrite. */
    readonly sourcePath: string | undefined,
    options: FileHostOptions,
  ) {
    this.pkg = pkg.withCodec(options.codec ?? nodeZipCodec);
    this.step = options.beforeStep;
    this.workbook(); // fail early on a package that is not a workbook
  }

  static async open(file: string, options: FileHostOptions = {}): Promise<FileHost> {
    return new FileHost(ZipPackage.fromBytes(await readWorkbookFile(file)), path.resolve(file), options);
  }

  static fromBytes(bytes: Uint8Array, options: FileHostOptions = {}): FileHost {
    return new FileHost(ZipPackage.fromBytes(bytes), undefined, options);
  }

  /** A new workbook holding one blank placeholder sheet, replaced by the first write. */
  static createEmpty(options: FileHostOptions = {}): FileHost {
    return new FileHost(emptyWorkbookPackage(), undefined, options);
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
      const bytes = sheet.kind === 'worksheet' && sheet.part ? this.pkg.readOnce(sheet.part) : undefined;
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
    const { pkg, report } = writeWorkbook(this.pkg, update, options, this.step);
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
    await this.checkSaveTarget(file);
    await writeFileAtomic(file, this.pkg.toBytes(this.step), this.step);
  }

  /** The file extension Excel expects for this workbook: `.xlsx`, or `.xlsm` for one with macros (templates: `.xltx`, `.xltm`). */
  expectedExtension(): string {
    const type = ContentTypes.parse(this.pkg.text(CONTENT_TYPES_PATH) ?? '<Types/>').typeOf(this.workbook().path);
    return (type && EXTENSION_OF_TYPE[type]) ?? '.xlsx';
  }

  /**
   * Throws unless `file` may receive this workbook: never the file it was opened from (by any path
   * or link), and only under the extension its kind needs — Excel refuses to open a macro workbook
   * named .xlsx, and renaming it would silently drop the macros.
   */
  async checkSaveTarget(file: string): Promise<void> {
    if (this.sourcePath && (await isSameFile(this.sourcePath, file))) {
      throw new HostError(`Refusing to overwrite the input workbook ${this.sourcePath}; choose another output file.`, 'would-overwrite-input');
    }
    const ext = path.extname(file).toLowerCase();
    const expected = this.expectedExtension();
    if (ext !== expected) {
      const name = path.basename(file);
      throw new HostError(
        expected === '.xlsm' || expected === '.xltm'
          ? `This workbook contains macros: Excel opens it only as ${expected}, and saving it as anything else would lose them. Choose an output file ending in ${expected}, not "${name}".`
          : `Excel opens this workbook only under the ${expected} extension; choose an output file ending in ${expected}, not "${name}".`,
        'extension-mismatch',
      );
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
