/**
 * A faithful in-memory fake of the part of the Excel JavaScript API the Office host uses.
 *
 * Like Office.js, every call queues an operation; `context.sync()` runs the queue in order on the
 * workbook (stopping at the first error, with the earlier operations kept, as Excel does) and only
 * then delivers loaded values to the proxies. Reading a property that was not loaded throws
 * PropertyNotLoaded. Values set through `values` or `formulas` are parsed as Excel parses them (a
 * string starting with `=` or `@` becomes a formula, `+1` and `-1` numbers); `formulasR1C1` reads
 * each cell's references from that cell; a single value sets every cell of a range, null in an
 * array leaves a cell alone. Each round trip is metered (request and response bytes, as JSON,
 * and how many operations wrote cells) and refused over Excel on the web's 5 MB. Failures can be
 * injected at any write operation or any round trip (before it runs, or after, its response
 * lost), with Excel's error codes; protected sheets refuse changes with AccessDenied, and cell-edit
 * mode refuses every request.
 */
import { OWNER_MARKER_NAME } from '../../src/hosts/host';
import { cellAddress, quoteSheet } from '../../src/workbook/address';
import type { FakeCell, FakeValue } from './fakeExcelCells';
import {
  fail,
  FakeOfficeError,
  FakeWorkbookModel,
  parseAddress,
  rectAddress,
  type ModelChart,
  type ModelChartSeries,
  type ModelConditionalFormat,
  type ModelName,
  type ModelSheet,
  type ModelTable,
  type RangeRef,
  type Rect,
} from './fakeExcelModel';

export { FakeOfficeError } from './fakeExcelModel';

const OVERHEAD = 48;
const LIMIT = 5 * 1024 * 1024;

function bytesOf(value: unknown): number {
  const s = JSON.stringify(value) ?? '';
  let n = s.length;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) n += s.charCodeAt(i) > 0x7ff ? 2 : 1;
  return n;
}

interface OpResult {
  bytes?: number;
  deliver?: () => void;
}

interface Op {
  describe: string;
  write: boolean;
  bytes: number;
  /** Sets cell contents or number formats (a chunk of the sheet's data). */
  cells?: boolean;
  run(): OpResult | void;
}

/** One round trip as the fake saw it. */
export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  operations: number;
  writes: number;
  /** Operations that set cell contents or number formats. */
  cellWrites: number;
}

export interface FakeExcelOptions {
  /** Highest ExcelApi requirement set supported (default 1.17). */
  apiVersion?: string;
  /** Bytes allowed per request and per response (default 5 MB, Excel on the web). */
  payloadLimit?: number;
}

/** A user sheet to start from: values from A1 as Excel holds them. */
export interface FakeSheetInit {
  name: string;
  rows: (FakeValue | null | { error: string } | { formula: string; value?: FakeValue })[][];
  tables?: { name: string; range: string }[];
  formats?: { range: string; format: string }[];
  owned?: boolean;
  protected?: boolean;
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
}

const minor = (v: string): number => Number(v.split('.')[1] ?? 0);

/** Excel's messages for the error codes tests inject (Excel.ErrorCodes). */
const EXCEL_MESSAGES: Record<string, string> = {
  AccessDenied: 'You cannot perform the requested operation.',
  Conflict: 'Request could not be processed because of a conflict.',
  GeneralException: 'There was an internal error while processing the request.',
  InsertDeleteConflict: 'The insert or delete operation attempted resulted in a conflict.',
  InvalidOperation: 'The operation attempted is invalid on the object.',
  ItemNotFound: "The requested resource doesn't exist.",
  MemoryLimitReached: 'The memory limit has been reached. Your action could not be completed.',
  RequestAborted: 'The request was aborted during run time.',
  ServiceNotAvailable: 'The service is unavailable.',
  TimeoutReached: 'The time limit has been reached.',
  UnsupportedFeature: 'The operation failed because the source worksheet contains one or more unsupported features.',
  UnsupportedOperation: 'The operation being attempted is not supported.',
};

export const excelMessage = (code: string): string => EXCEL_MESSAGES[code] ?? `Injected failure (${code})`;

export class FakeExcel {
  readonly model = new FakeWorkbookModel();
  readonly syncs: SyncRecord[] = [];
  /** Calls to Excel.run. */
  runs = 0;
  /** Write operations executed so far. */
  writeOps = 0;
  /** Excel is editing a cell: every request fails. */
  cellEditMode = false;
  calculationSuspended = 0;
  private readonly limit: number;
  private readonly apiVersion: string;
  private injection?: { remaining: number; code: string; message: string; when?: (op: { describe: string }) => boolean };
  private syncInjection?: { remaining: number; code: string; message: string; after: boolean };
  /** When set, every write operation executed is described here (what a test's steps were). */
  writeLog?: string[];
  /** Called before each request runs with its number (1-based, counting every sync so far): lets a test change the state mid-run. */
  beforeSync?: (n: number) => void;

  constructor(sheets: readonly FakeSheetInit[] = [], options: FakeExcelOptions = {}) {
    this.limit = options.payloadLimit ?? LIMIT;
    this.apiVersion = options.apiVersion ?? '1.17';
    for (const init of sheets) this.addSheet(init);
  }

  /** Add a sheet directly (not through the API, not metered). */
  addSheet(init: FakeSheetInit): ModelSheet {
    const sheet = this.model.addSheet(init.name);
    init.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === '') return;
        const cell: FakeCell =
          typeof v === 'object' && 'error' in v
            ? { value: v.error, error: true }
            : typeof v === 'object'
              ? { value: v.value ?? '', formula: v.formula }
              : { value: v };
        if (cell.formula) {
          sheet.formulaCount++;
          sheet.formulaCells.push(cell);
        }
        (sheet.rows[r] ??= [])[c] = cell;
      }),
    );
    for (const f of init.formats ?? []) this.model.setFormats(sheet, parseAddress(f.range), f.format);
    for (const t of init.tables ?? []) this.model.renameTable(this.model.addTable(sheet, parseAddress(t.range), true), t.name);
    if (init.owned) this.model.addName(sheet, OWNER_MARKER_NAME, '=TRUE').visible = false;
    sheet.protected = init.protected ?? false;
    if (init.visibility) sheet.visibility = init.visibility;
    return sheet;
  }

  /** An independent copy of the workbook, meters at zero: many cases can start from one costly state. */
  clone(): FakeExcel {
    const copy = new FakeExcel([], { payloadLimit: this.limit, apiVersion: this.apiVersion });
    // One structuredClone keeps the references inside the model (a table's sheet, formula cells) shared as they are.
    Object.assign(copy.model, structuredClone({ ...this.model }));
    return copy;
  }

  readonly isSetSupported = (version: string): boolean => minor(version) <= minor(this.apiVersion);

  /** Excel.run: a fresh request context; what is still queued when the batch returns is synced. */
  readonly run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.runs++;
    const context = new FakeContext(this);
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context.pending > 0) await context.sync();
    return result;
  };

  /**
   * The n-th write operation from now (1-based) fails with `code`, as Excel fails an operation: the
   * earlier operations of its request stay applied, the later ones do not run. Optionally only
   * writes matching `when` count.
   */
  failOnWrite(n: number, code = 'GeneralException', when?: (op: { describe: string }) => boolean): void {
    this.injection = { remaining: n, code, message: excelMessage(code), when };
  }

  /**
   * The n-th request from now (1-based) fails as a whole with `code`: before Excel runs any of it
   * (the request never arrived), or with `after`, once Excel has run all of it (the response was lost).
   */
  failOnSync(n: number, code = 'RequestAborted', options: { after?: boolean } = {}): void {
    this.syncInjection = { remaining: n, code, message: excelMessage(code), after: options.after ?? false };
  }

  get injectionPending(): boolean {
    return this.injection !== undefined || this.syncInjection !== undefined;
  }

  clearInjection(): void {
    this.injection = undefined;
    this.syncInjection = undefined;
  }

  resetMeters(): void {
    this.syncs.length = 0;
    this.runs = 0;
  }

  get maxRequestBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.requestBytes));
  }

  get maxResponseBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.responseBytes));
  }

  /** Run one queue of operations as a request. */
  execute(ops: Op[]): void {
    const record: SyncRecord = { requestBytes: ops.reduce((n, op) => n + op.bytes, 0), responseBytes: 0, operations: ops.length, writes: 0, cellWrites: ops.filter((op) => op.cells).length };
    this.syncs.push(record);
    this.beforeSync?.(this.syncs.length);
    const lost = this.syncInjection && --this.syncInjection.remaining === 0 ? this.syncInjection : undefined;
    if (lost) {
      this.syncInjection = undefined;
      if (!lost.after) throw new FakeOfficeError(lost.code, lost.message);
    }
    if (this.cellEditMode) fail('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.');
    if (record.requestBytes > this.limit) fail('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    const deliveries: (() => void)[] = [];
    for (const op of ops) {
      if (op.write) {
        this.writeOps++;
        record.writes++;
        this.writeLog?.push(op.describe);
        const inj = this.injection;
        if (inj && (!inj.when || inj.when(op)) && --inj.remaining === 0) {
          this.injection = undefined;
          throw new FakeOfficeError(inj.code, inj.message, op.describe);
        }
      }
      let result: OpResult | void;
      try {
        result = op.run();
      } catch (e) {
        if (e instanceof FakeOfficeError) throw new FakeOfficeError(e.code, e.message, op.describe);
        const code = (e as { code?: unknown }).code;
        if (typeof code === 'string') throw new FakeOfficeError(code, (e as Error).message, op.describe);
        throw e;
      }
      if (result) {
        record.responseBytes += result.bytes ?? 0;
        if (result.deliver) deliveries.push(result.deliver);
      }
    }
    if (record.responseBytes > this.limit) fail('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
    if (lost) throw new FakeOfficeError(lost.code, lost.message);
    for (const d of deliveries) d();
  }

  // ---- for tests ----

  sheet(name: string): ModelSheet {
    const s = this.model.findSheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  /** Sheets carrying the owner marker. */
  ownedSheets(): string[] {
    return this.model.sheets.filter((s) => s.names.some((n) => n.name === OWNER_MARKER_NAME)).map((s) => s.name);
  }

  cell(sheet: string, a1: string): FakeCell | undefined {
    const r = parseAddress(a1);
    return this.model.cell(this.sheet(sheet), r.top, r.left);
  }

  /** The cell's value as `Range.values` shows it. */
  value(sheet: string, a1: string): FakeValue {
    return this.cell(sheet, a1)?.value ?? '';
  }

  formula(sheet: string, a1: string): string | undefined {
    return this.cell(sheet, a1)?.formula;
  }

  numberFormat(sheet: string, a1: string): string {
    const r = parseAddress(a1);
    return this.model.formatOf(this.sheet(sheet), r.top, r.left);
  }

  /** Type into a cell as a user would (Excel parses it). */
  type(sheet: string, a1: string, input: FakeValue): void {
    const r = parseAddress(a1);
    this.model.setCells(this.sheet(sheet), r, input, 'values');
  }

  snapshot(): unknown {
    return JSON.parse(JSON.stringify(this.model.snapshot()));
  }

  /**
   * The snapshot without what Excel hands out afresh to every new sheet, table and chart (ids, chart
   * names): equal for two workbooks holding the same things made at different times.
   */
  normalizedSnapshot(): unknown {
    const strip = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(strip);
      if (v && typeof v === 'object') {
        return Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'id').map(([k, x]) => [k, k === 'name' && typeof x === 'string' && /^Chart \d+$/.test(x) ? 'Chart' : strip(x)]));
      }
      return v;
    };
    return strip(this.snapshot());
  }

  /** Every formula's references to sheets, tables, or #REF!. */
  formulas(sheet: string): Record<string, string> {
    const out: Record<string, string> = {};
    const s = this.sheet(sheet);
    s.rows.forEach((line, r) => line?.forEach((cell, c) => cell?.formula && (out[cellAddress(r + 1, c + 1)] = cell.formula)));
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Request context and proxies

class FakeContext {
  private queue: Op[] = [];
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;
  readonly trackedObjects = { add(): void {}, remove(): void {} };

  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this, excel.model);
    this.application = new FakeApplication(this, excel);
  }

  get pending(): number {
    return this.queue.length;
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  async sync<T>(passThrough?: T): Promise<T | undefined> {
    const ops = this.queue;
    this.queue = [];
    await Promise.resolve();
    this.excel.execute(ops);
    return passThrough;
  }
}

const notLoaded = (name: string): FakeOfficeError =>
  new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

/** Property names a load asks for: 'a,b', ['a'], { select: 'a,b' }, or every scalar property. */
function loadList(spec: unknown, all: readonly string[]): string[] {
  let raw: string[];
  if (spec === undefined || spec === null) raw = [...all];
  else if (typeof spec === 'string') raw = spec.split(',');
  else if (Array.isArray(spec)) raw = spec.map(String);
  else if (typeof spec === 'object' && typeof (spec as { select?: unknown }).select === 'string') raw = (spec as { select: string }).select.split(',');
  else raw = [...all];
  return raw.map((s) => s.trim()).filter(Boolean);
}

/** A proxy bound to a model object when its creating operation runs (null for a missing *OrNullObject). */
abstract class Proxy<T> {
  protected bound: T | null | undefined;
  private delivered = new Map<string, unknown>();
  private nullDelivered?: boolean;
  protected abstract readonly scalarProps: readonly string[];

  constructor(
    readonly context: FakeContext,
    resolve: (() => T | null) | { now: T },
    readonly describe: string,
  ) {
    if ('now' in resolve) {
      this.bound = resolve.now;
      this.nullDelivered = false;
    } else {
      context.enqueue({
        describe: `get ${describe}`,
        write: false,
        bytes: OVERHEAD,
        run: () => {
          this.bound = resolve();
          const isNull = this.bound === null;
          return { deliver: () => (this.nullDelivered = isNull) };
        },
      });
    }
  }

  get isNullObject(): boolean {
    if (this.nullDelivered === undefined) throw notLoaded('isNullObject');
    return this.nullDelivered;
  }

  /** The model object, when the request runs. */
  target(): T {
    if (this.bound === undefined) throw new Error(`fake: ${this.describe} used before its creating operation ran`);
    if (this.bound === null) fail('ItemNotFound', `The requested resource doesn't exist: ${this.describe}.`);
    this.checkAlive(this.bound as T);
    return this.bound as T;
  }

  /** For chained *OrNullObject calls: null stays null. */
  targetOrNull(): T | null {
    if (this.bound === null) return null;
    return this.target();
  }

  protected checkAlive(_t: T): void {}

  /** The value of a property as the server has it. */
  protected abstract serverProp(t: T, name: string): unknown;

  protected prop<V>(name: string): V {
    if (!this.delivered.has(name)) throw notLoaded(name);
    return this.delivered.get(name) as V;
  }

  protected setProp(name: string, value: unknown, apply: (t: T) => void, cells = false): void {
    this.delivered.set(name, value);
    this.context.enqueue({ describe: `${this.describe}.${name} = ${JSON.stringify(value)?.slice(0, 60)}`, write: true, cells, bytes: OVERHEAD + bytesOf(value), run: () => apply(this.target()) });
  }

  protected call(name: string, args: unknown[], apply: (t: T) => void, write = true): void {
    this.context.enqueue({ describe: `${this.describe}.${name}(${args.map((a) => JSON.stringify(a)?.slice(0, 40)).join(', ')})`, write, bytes: OVERHEAD + bytesOf(args), run: () => apply(this.target()) });
  }

  load(spec?: unknown): this {
    const props = loadList(spec, this.scalarProps);
    this.context.enqueue({
      describe: `${this.describe}.load(${props.join(',')})`,
      write: false,
      bytes: OVERHEAD + bytesOf(props),
      run: () => {
        if (this.bound === null) return { bytes: 16, deliver: () => (this.nullDelivered = true) };
        const t = this.target();
        const values = props.map((p): [string, unknown] => [p, this.serverProp(t, p)]);
        return {
          bytes: bytesOf(values),
          deliver: () => {
            this.nullDelivered = false;
            for (const [p, v] of values) this.delivered.set(p, v);
          },
        };
      },
    });
    return this;
  }

  toJSON(): unknown {
    return Object.fromEntries(this.delivered);
  }
}

const unknownProp = (what: string, name: string): never => fail('InvalidArgument', `The property '${name}' does not exist on ${what}.`);

/** A collection proxy: `load('items/x,items/y')` then `items`. */
abstract class Collection<Owner, Item, P extends Proxy<Item>> extends Proxy<Owner> {
  private itemsDelivered?: P[];
  protected readonly scalarProps: readonly string[] = [];
  protected abstract list(owner: Owner): Item[];
  protected abstract itemProxy(item: Item, props: [string, unknown][]): P;
  protected abstract itemProp(item: Item, name: string): unknown;

  get items(): P[] {
    if (!this.itemsDelivered) throw notLoaded('items');
    return this.itemsDelivered;
  }

  protected serverProp(_owner: Owner, name: string): unknown {
    return unknownProp('a collection', name);
  }

  override load(spec?: unknown): this {
    const props = loadList(spec, ['items']).map((p) => p.replace(/^items\/?/, '')).filter((p) => p !== '');
    this.context.enqueue({
      describe: `${this.describe}.load(items/${props.join(',')})`,
      write: false,
      bytes: OVERHEAD + bytesOf(props),
      run: () => {
        const owner = this.target();
        const rows = this.list(owner).map((item) => ({ item, values: props.map((p): [string, unknown] => [p, this.itemProp(item, p)]) }));
        return { bytes: bytesOf(rows.map((r) => r.values)), deliver: () => (this.itemsDelivered = rows.map((r) => this.itemProxy(r.item, r.values))) };
      },
    });
    return this;
  }
}

/** Proxies that receive their loaded values from a collection load. */
function deliverTo<T>(proxy: Proxy<T>, values: [string, unknown][]): Proxy<T> {
  (proxy as unknown as { delivered: Map<string, unknown> }).delivered = new Map(values);
  return proxy;
}

class FakeApplication {
  constructor(
    private readonly context: FakeContext,
    private readonly excel: FakeExcel,
  ) {}
  suspendApiCalculationUntilNextSync(): void {
    this.context.enqueue({ describe: 'application.suspendApiCalculationUntilNextSync()', write: false, bytes: OVERHEAD, run: () => void this.excel.calculationSuspended++ });
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.context.enqueue({ describe: 'application.suspendScreenUpdatingUntilNextSync()', write: false, bytes: OVERHEAD, run: () => undefined });
  }
}

class FakeWorkbook extends Proxy<FakeWorkbookModel> {
  protected readonly scalarProps = [] as const;
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly tables: FakeTableCollection;
  readonly protection: FakeProtection<FakeWorkbookModel>;
  readonly functions: FakeFunctions;
  constructor(context: FakeContext, model: FakeWorkbookModel) {
    super(context, { now: model }, 'workbook');
    this.worksheets = new FakeWorksheetCollection(context, { now: model }, 'worksheets');
    this.names = new FakeNamedItemCollection(context, { now: { model, scope: undefined } }, 'names');
    this.tables = new FakeTableCollection(context, { now: { model, sheet: undefined } }, 'tables');
    this.protection = new FakeProtection(context, { now: model }, 'workbook.protection', (m) => m.protected);
    this.functions = new FakeFunctions(context, model);
  }
  protected serverProp(_t: FakeWorkbookModel, name: string): unknown {
    return unknownProp('Workbook', name);
  }
  get application(): FakeApplication {
    return this.context.application;
  }
}

class FakeProtection<T> extends Proxy<T> {
  protected readonly scalarProps = ['protected'] as const;
  constructor(
    context: FakeContext,
    resolve: (() => T | null) | { now: T },
    describe: string,
    private readonly read: (t: T) => boolean,
  ) {
    super(context, resolve, describe);
  }
  protected serverProp(t: T, name: string): unknown {
    return name === 'protected' ? this.read(t) : unknownProp('Protection', name);
  }
  get protected(): boolean {
    return this.prop('protected');
  }
}

class FakeFunctions {
  constructor(
    private readonly context: FakeContext,
    private readonly model: FakeWorkbookModel,
  ) {}
  date(year: number, month: number, day: number): FakeFunctionResult {
    return new FakeFunctionResult(this.context, () => {
      const serial = Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
      return { value: this.model.date1904 ? serial - 1462 : serial };
    }, `functions.date(${year},${month},${day})`);
  }
}

class FakeFunctionResult extends Proxy<{ value: number }> {
  protected readonly scalarProps = ['value', 'error'] as const;
  protected serverProp(t: { value: number }, name: string): unknown {
    return name === 'value' ? t.value : name === 'error' ? null : unknownProp('FunctionResult', name);
  }
  get value(): number {
    return this.prop('value');
  }
}

// ---- worksheets ----

class FakeWorksheetCollection extends Collection<FakeWorkbookModel, ModelSheet, FakeWorksheet> {
  protected list(model: FakeWorkbookModel): ModelSheet[] {
    return model.sheets;
  }
  protected itemProxy(sheet: ModelSheet, values: [string, unknown][]): FakeWorksheet {
    return deliverTo(new FakeWorksheet(this.context, { now: sheet }, `worksheet "${sheet.name}"`), values) as FakeWorksheet;
  }
  protected itemProp(sheet: ModelSheet, name: string): unknown {
    return sheetProp(this.target(), sheet, name);
  }
  add(name?: string): FakeWorksheet {
    let created: ModelSheet | undefined;
    this.context.enqueue({ describe: `worksheets.add(${JSON.stringify(name)})`, write: true, bytes: OVERHEAD + bytesOf(name), run: () => void (created = this.target().addSheet(name)) });
    return new FakeWorksheet(this.context, () => created ?? null, `new worksheet "${name}"`);
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.target().findSheet(key) ?? fail('ItemNotFound', `The requested resource doesn't exist: worksheet "${key}".`), `worksheet "${key}"`);
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.target().findSheet(key) ?? null, `worksheet "${key}"`);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.target().active ?? fail('ItemNotFound', 'no active worksheet'), 'active worksheet');
  }
}

function sheetProp(model: FakeWorkbookModel, sheet: ModelSheet, name: string): unknown {
  switch (name) {
    case 'name':
      return sheet.name;
    case 'id':
      return sheet.id;
    case 'position':
      return model.sheets.indexOf(sheet);
    case 'visibility':
      return sheet.visibility;
    default:
      return unknownProp('Worksheet', name);
  }
}

class FakeWorksheet extends Proxy<ModelSheet> {
  protected readonly scalarProps = ['name', 'id', 'position', 'visibility'] as const;
  private cache = new Map<string, unknown>();

  protected override checkAlive(sheet: ModelSheet): void {
    if (sheet.deleted) fail('ItemNotFound', `The requested resource doesn't exist: worksheet "${sheet.name}" was deleted.`);
  }
  protected serverProp(sheet: ModelSheet, name: string): unknown {
    return sheetProp(this.context.excel.model, sheet, name);
  }
  private cached<V>(key: string, make: () => V): V {
    if (!this.cache.has(key)) this.cache.set(key, make());
    return this.cache.get(key) as V;
  }
  private get model(): FakeWorkbookModel {
    return this.context.excel.model;
  }

  get name(): string {
    return this.prop('name');
  }
  set name(v: string) {
    this.setProp('name', v, (s) => this.model.renameSheet(s, v));
  }
  get id(): string {
    return this.prop('id');
  }
  get position(): number {
    return this.prop('position');
  }
  set position(v: number) {
    this.setProp('position', v, (s) => this.model.moveSheet(s, v));
  }
  get visibility(): string {
    return this.prop('visibility');
  }
  set visibility(v: string) {
    this.setProp('visibility', v, (s) => this.model.setVisibility(s, v));
  }

  delete(): void {
    this.call('delete', [], (s) => this.model.deleteSheet(s));
  }
  activate(): void {
    this.call('activate', [], (s) => (this.model.active = s), false);
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, () => ({ sheet: this.target(), rect: address ? parseAddress(address) : parseAddress('1:1048576') }), `${this.describe}.getRange(${address ?? ''})`);
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const s = this.targetOrNull();
        if (!s) return null;
        const rect = this.model.usedRect(s, parseAddress('1:1048576'), valuesOnly);
        return rect ? { sheet: s, rect } : null;
      },
      `${this.describe}.getUsedRangeOrNullObject()`,
    );
  }
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const s = this.target();
        return { sheet: s, rect: this.model.usedRect(s, parseAddress('1:1048576'), valuesOnly) ?? { top: 1, left: 1, bottom: 1, right: 1 } };
      },
      `${this.describe}.getUsedRange()`,
    );
  }
  get names(): FakeNamedItemCollection {
    return this.cached('names', () => new FakeNamedItemCollection(this.context, () => ({ model: this.model, scope: this.target() }), `${this.describe}.names`));
  }
  get tables(): FakeTableCollection {
    return this.cached('tables', () => new FakeTableCollection(this.context, () => ({ model: this.model, sheet: this.target() }), `${this.describe}.tables`));
  }
  get charts(): FakeChartCollection {
    return this.cached('charts', () => new FakeChartCollection(this.context, () => this.target(), `${this.describe}.charts`));
  }
  get freezePanes(): FakeFreezePanes {
    return this.cached('freezePanes', () => new FakeFreezePanes(this.context, () => this.target(), `${this.describe}.freezePanes`));
  }
  get protection(): FakeProtection<ModelSheet> {
    return this.cached('protection', () => new FakeProtection(this.context, () => this.target(), `${this.describe}.protection`, (s) => s.protected));
  }
}

class FakeFreezePanes extends Proxy<ModelSheet> {
  protected readonly scalarProps = [] as const;
  protected serverProp(_s: ModelSheet, name: string): unknown {
    return unknownProp('WorksheetFreezePanes', name);
  }
  private set(rows: number, columns: number): (s: ModelSheet) => void {
    return (s) => {
      if (s.deleted) fail('ItemNotFound', 'sheet deleted');
      s.freeze = rows === 0 && columns === 0 ? undefined : { rows, columns };
    };
  }
  freezeRows(count = 1): void {
    this.call('freezeRows', [count], this.set(count, 0));
  }
  freezeColumns(count = 1): void {
    this.call('freezeColumns', [count], this.set(0, count));
  }
  freezeAt(range: FakeRange | string): void {
    this.call('freezeAt', [typeof range === 'string' ? range : range.describe], (s) => {
      const rect = typeof range === 'string' ? parseAddress(range) : range.target().rect;
      this.set(rect.bottom, rect.right)(s);
    });
  }
  unfreeze(): void {
    this.call('unfreeze', [], this.set(0, 0));
  }
}

// ---- ranges ----

const RANGE_PROPS = ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'values', 'formulas', 'numberFormat', 'valueTypes', 'text', 'columnHidden'] as const;

function grid<V>(ref: RangeRef, cell: (row: number, col: number) => V): V[][] {
  const { rect } = ref;
  if ((rect.bottom - rect.top + 1) * (rect.right - rect.left + 1) > 5_000_000) fail('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
  const out: V[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const line: V[] = [];
    for (let c = rect.left; c <= rect.right; c++) line.push(cell(r, c));
    out.push(line);
  }
  return out;
}

class FakeRange extends Proxy<RangeRef> {
  protected readonly scalarProps = RANGE_PROPS;
  private formatProxy?: FakeRangeFormat;
  private cfProxy?: FakeConditionalFormatCollection;

  private get model(): FakeWorkbookModel {
    return this.context.excel.model;
  }
  protected override checkAlive(ref: RangeRef): void {
    if (ref.sheet.deleted) fail('ItemNotFound', `The requested resource doesn't exist: the range's sheet was deleted.`);
  }
  protected serverProp(ref: RangeRef, name: string): unknown {
    const { sheet, rect } = ref;
    switch (name) {
      case 'address':
        return `${quoteSheet(sheet.name)}!${rectAddress(rect)}`;
      case 'rowIndex':
        return rect.top - 1;
      case 'columnIndex':
        return rect.left - 1;
      case 'rowCount':
        return rect.bottom - rect.top + 1;
      case 'columnCount':
        return rect.right - rect.left + 1;
      case 'values':
        return grid(ref, (r, c) => this.model.displayValue(sheet, r, c));
      case 'text':
        return grid(ref, (r, c) => String(this.model.displayValue(sheet, r, c)));
      case 'formulas':
        return grid(ref, (r, c) => this.model.formulaOf(sheet, r, c));
      case 'numberFormat':
        return grid(ref, (r, c) => this.model.formatOf(sheet, r, c));
      case 'valueTypes':
        return grid(ref, (r, c) => {
          const cell = this.model.cell(sheet, r, c);
          if (!cell || cell.value === '') return 'Empty';
          if (cell.error) return 'Error';
          return typeof cell.value === 'number' ? 'Double' : typeof cell.value === 'boolean' ? 'Boolean' : 'String';
        });
      case 'columnHidden':
        return Array.from({ length: rect.right - rect.left + 1 }, (_, i) => sheet.hiddenColumns.has(rect.left + i)).every(Boolean);
      default:
        return unknownProp('Range', name);
    }
  }

  get address(): string {
    return this.prop('address');
  }
  get rowIndex(): number {
    return this.prop('rowIndex');
  }
  get columnIndex(): number {
    return this.prop('columnIndex');
  }
  get rowCount(): number {
    return this.prop('rowCount');
  }
  get columnCount(): number {
    return this.prop('columnCount');
  }
  get values(): unknown[][] {
    return this.prop('values');
  }
  set values(v: unknown[][]) {
    this.setProp('values', v, (ref) => this.model.setCells(ref.sheet, ref.rect, v, 'values'), true);
  }
  get formulas(): unknown[][] {
    return this.prop('formulas');
  }
  set formulas(v: unknown[][]) {
    this.setProp('formulas', v, (ref) => this.model.setCells(ref.sheet, ref.rect, v, 'formulas'), true);
  }
  get formulasR1C1(): unknown[][] {
    return this.prop('formulasR1C1');
  }
  /** A 2-D array, or one value for every cell of the range (Office.js accepts both). */
  set formulasR1C1(v: unknown[][]) {
    this.setProp('formulasR1C1', v, (ref) => this.model.setCells(ref.sheet, ref.rect, v, 'formulasR1C1'), true);
  }
  get numberFormat(): unknown[][] {
    return this.prop('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.setProp('numberFormat', v, (ref) => this.model.setFormats(ref.sheet, ref.rect, v), true);
  }
  get valueTypes(): string[][] {
    return this.prop('valueTypes');
  }
  get text(): string[][] {
    return this.prop('text');
  }
  get columnHidden(): boolean {
    return this.prop('columnHidden');
  }
  set columnHidden(v: boolean) {
    this.setProp('columnHidden', v, (ref) => {
      this.model.checkEditable(ref.sheet);
      for (let c = ref.rect.left; c <= ref.rect.right; c++) {
        if (v) ref.sheet.hiddenColumns.add(c);
        else ref.sheet.hiddenColumns.delete(c);
      }
    });
  }
  get format(): FakeRangeFormat {
    return (this.formatProxy ??= new FakeRangeFormat(this.context, () => this.target(), `${this.describe}.format`));
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return (this.cfProxy ??= new FakeConditionalFormatCollection(this.context, () => this.target(), `${this.describe}.conditionalFormats`));
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const ref = this.targetOrNull();
        if (!ref) return null;
        const rect = this.model.usedRect(ref.sheet, ref.rect, valuesOnly);
        return rect ? { sheet: ref.sheet, rect } : null;
      },
      `${this.describe}.getUsedRangeOrNullObject()`,
    );
  }
  select(): void {
    this.call('select', [], (ref) => (this.model.selection = ref), false);
  }
}

class FakeRangeFormat extends Proxy<RangeRef> {
  protected readonly scalarProps = ['columnWidth'] as const;
  protected serverProp(ref: RangeRef, name: string): unknown {
    return name === 'columnWidth' ? (ref.sheet.columnWidths.get(ref.rect.left) ?? 48) : unknownProp('RangeFormat', name);
  }
  get columnWidth(): number {
    return this.prop('columnWidth');
  }
  set columnWidth(v: number) {
    this.setProp('columnWidth', v, (ref) => {
      this.context.excel.model.checkEditable(ref.sheet);
      for (let c = ref.rect.left; c <= ref.rect.right; c++) ref.sheet.columnWidths.set(c, v);
    });
  }
}

// ---- conditional formats ----

class FakeConditionalFormatCollection extends Proxy<RangeRef> {
  protected readonly scalarProps = [] as const;
  protected serverProp(_r: RangeRef, name: string): unknown {
    return unknownProp('ConditionalFormatCollection', name);
  }
  add(type: string): FakeConditionalFormat {
    let created: ModelConditionalFormat | undefined;
    this.call('add', [type], (ref) => void (created = this.context.excel.model.addConditionalFormat(ref.sheet, ref.rect, type)));
    return new FakeConditionalFormat(this.context, () => created ?? null, `conditionalFormat ${type}`);
  }
  clearAll(): void {
    this.call('clearAll', [], (ref) => {
      ref.sheet.conditionalFormats = ref.sheet.conditionalFormats.filter(
        (cf) => !(cf.rect.top <= ref.rect.bottom && ref.rect.top <= cf.rect.bottom && cf.rect.left <= ref.rect.right && ref.rect.left <= cf.rect.right),
      );
    });
  }
}

/** The typed parts of a conditional format (colorScale, cellValue, textComparison, iconSet) and their format. */
class FakeConditionalFormat extends Proxy<ModelConditionalFormat> {
  protected readonly scalarProps = ['type'] as const;
  protected serverProp(cf: ModelConditionalFormat, name: string): unknown {
    return name === 'type' ? cf.type : unknownProp('ConditionalFormat', name);
  }
  private part(expected: string, what: string) {
    const check = (cf: ModelConditionalFormat): ModelConditionalFormat => (cf.type === expected ? cf : fail('InvalidOperation', `${what} of a ${cf.type} conditional format`));
    const setter = (name: string, apply: (cf: ModelConditionalFormat, v: unknown) => void) => (v: unknown) =>
      this.context.enqueue({ describe: `${this.describe}.${what}.${name}`, write: true, bytes: OVERHEAD + bytesOf(v), run: () => apply(check(this.target()), v) });
    const colour = (key: 'fill' | 'font') => {
      const set = setter(`format.${key}.color`, (cf, v) => (cf[key] = String(v)));
      return {
        set color(v: string) {
          set(v);
        },
      };
    };
    const setRule = setter('rule', (cf, v) => (cf.rule = v));
    const setCriteria = setter('criteria', (cf, v) => (cf.type === 'IconSet' ? ((cf.iconSet ??= {}).criteria = v) : (cf.colorScale = v)));
    const icon = (name: 'style' | 'reverseIconOrder' | 'showIconOnly') => setter(name, (cf, v) => ((cf.iconSet ??= {})[name] = v));
    const [setStyle, setReverse, setIconOnly] = [icon('style'), icon('reverseIconOrder'), icon('showIconOnly')];
    return {
      format: { fill: colour('fill'), font: colour('font') },
      set rule(v: unknown) {
        setRule(v);
      },
      set criteria(v: unknown) {
        setCriteria(v);
      },
      set style(v: unknown) {
        setStyle(v);
      },
      set reverseIconOrder(v: unknown) {
        setReverse(v);
      },
      set showIconOnly(v: unknown) {
        setIconOnly(v);
      },
    };
  }
  get colorScale() {
    return this.part('ColorScale', 'colorScale');
  }
  get cellValue() {
    return this.part('CellValue', 'cellValue');
  }
  get textComparison() {
    return this.part('ContainsText', 'textComparison');
  }
  get iconSet() {
    return this.part('IconSet', 'iconSet');
  }
}

// ---- tables ----

type TableOwner = { model: FakeWorkbookModel; sheet: ModelSheet | undefined };

class FakeTableCollection extends Collection<TableOwner, ModelTable, FakeTable> {
  protected list(owner: TableOwner): ModelTable[] {
    return owner.model.tables.filter((t) => !owner.sheet || t.sheet === owner.sheet);
  }
  protected itemProxy(table: ModelTable, values: [string, unknown][]): FakeTable {
    return deliverTo(new FakeTable(this.context, { now: table }, `table "${table.name}"`), values) as FakeTable;
  }
  protected itemProp(table: ModelTable, name: string): unknown {
    return tableProp(table, name);
  }
  add(address: string | FakeRange, hasHeaders: boolean): FakeTable {
    let created: ModelTable | undefined;
    this.call('add', [typeof address === 'string' ? address : address.describe, hasHeaders], (owner) => {
      let sheet = owner.sheet;
      let rect: Rect;
      if (typeof address !== 'string') ({ sheet, rect } = address.target());
      else {
        const bang = address.lastIndexOf('!');
        if (bang >= 0) {
          const name = address.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
          sheet = owner.model.findSheet(name) ?? fail('ItemNotFound', `no sheet ${name}`);
        }
        rect = parseAddress(bang >= 0 ? address.slice(bang + 1) : address);
      }
      if (!sheet) fail('InvalidArgument', 'a table address needs a sheet');
      created = owner.model.addTable(sheet!, rect!, hasHeaders);
    });
    return new FakeTable(this.context, () => created ?? null, `new table at ${typeof address === 'string' ? address : address.describe}`);
  }
  getItem(key: string): FakeTable {
    return new FakeTable(this.context, () => this.list(this.target()).find((t) => t.id === key || t.name.toLowerCase() === key.toLowerCase()) ?? fail('ItemNotFound', `The requested resource doesn't exist: table "${key}".`), `table "${key}"`);
  }
  getItemOrNullObject(key: string): FakeTable {
    return new FakeTable(this.context, () => this.list(this.target()).find((t) => t.id === key || t.name.toLowerCase() === key.toLowerCase()) ?? null, `table "${key}"`);
  }
}

function tableProp(table: ModelTable, name: string): unknown {
  switch (name) {
    case 'name':
      return table.name;
    case 'id':
      return table.id;
    case 'style':
      return table.style;
    default:
      return unknownProp('Table', name);
  }
}

class FakeTable extends Proxy<ModelTable> {
  protected readonly scalarProps = ['name', 'id', 'style'] as const;
  protected override checkAlive(table: ModelTable): void {
    if (!this.context.excel.model.tables.includes(table)) fail('ItemNotFound', `The requested resource doesn't exist: table "${table.name}".`);
  }
  protected serverProp(table: ModelTable, name: string): unknown {
    return tableProp(table, name);
  }
  get name(): string {
    return this.prop('name');
  }
  set name(v: string) {
    this.setProp('name', v, (t) => this.context.excel.model.renameTable(t, v));
  }
  get id(): string {
    return this.prop('id');
  }
  get style(): string {
    return this.prop('style');
  }
  set style(v: string) {
    this.setProp('style', v, (t) => {
      this.context.excel.model.checkEditable(t.sheet);
      t.style = v;
    });
  }
  getRange(): FakeRange {
    return new FakeRange(this.context, () => ({ sheet: this.target().sheet, rect: this.target().rect }), `${this.describe}.getRange()`);
  }
}

// ---- names ----

type NameOwner = { model: FakeWorkbookModel; scope: ModelSheet | undefined };
type NameRef = { owner: NameOwner; item: ModelName };

class FakeNamedItemCollection extends Collection<NameOwner, NameRef, FakeNamedItem> {
  protected list(owner: NameOwner): NameRef[] {
    return (owner.scope ? owner.scope.names : owner.model.names).map((item) => ({ owner, item }));
  }
  protected itemProxy(ref: NameRef, values: [string, unknown][]): FakeNamedItem {
    return deliverTo(new FakeNamedItem(this.context, { now: ref }, `name "${ref.item.name}"`), values) as FakeNamedItem;
  }
  protected itemProp(ref: NameRef, name: string): unknown {
    return nameProp(ref, name);
  }
  private find(owner: NameOwner, key: string): NameRef | undefined {
    return this.list(owner).find((r) => r.item.name.toLowerCase() === key.toLowerCase());
  }
  add(name: string, reference: string | FakeRange, comment?: string): FakeNamedItem {
    let created: NameRef | undefined;
    this.call('add', [name, typeof reference === 'string' ? reference : reference.describe, comment], (owner) => {
      const formula = typeof reference === 'string' ? reference : (() => {
        const ref = reference.target();
        return `=${quoteSheet(ref.sheet.name)}!${rectAddress(ref.rect).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`;
      })();
      created = { owner, item: owner.model.addName(owner.scope, name, formula, comment ?? '') };
    });
    return new FakeNamedItem(this.context, () => created ?? null, `new name "${name}"`);
  }
  getItem(key: string): FakeNamedItem {
    return new FakeNamedItem(this.context, () => this.find(this.target(), key) ?? fail('ItemNotFound', `The requested resource doesn't exist: name "${key}".`), `name "${key}"`);
  }
  getItemOrNullObject(key: string): FakeNamedItem {
    return new FakeNamedItem(this.context, () => this.find(this.target(), key) ?? null, `name "${key}"`);
  }
}

function nameProp(ref: NameRef, name: string): unknown {
  switch (name) {
    case 'name':
      return ref.item.name;
    case 'formula':
      return ref.item.formula;
    case 'comment':
      return ref.item.comment;
    case 'visible':
      return ref.item.visible;
    case 'type':
      return /^=(?:'[^']+'|[^!]+)!\$?[A-Z]+\$?\d+/.test(ref.item.formula) ? 'Range' : 'String';
    case 'scope':
      return ref.owner.scope ? 'Worksheet' : 'Workbook';
    default:
      return unknownProp('NamedItem', name);
  }
}

class FakeNamedItem extends Proxy<NameRef> {
  protected readonly scalarProps = ['name', 'formula', 'comment', 'visible', 'type', 'scope'] as const;
  protected override checkAlive(ref: NameRef): void {
    const list = ref.owner.scope ? ref.owner.scope.names : ref.owner.model.names;
    if (!list.includes(ref.item)) fail('ItemNotFound', `The requested resource doesn't exist: name "${ref.item.name}".`);
  }
  protected serverProp(ref: NameRef, name: string): unknown {
    return nameProp(ref, name);
  }
  get name(): string {
    return this.prop('name');
  }
  get formula(): string {
    return this.prop('formula');
  }
  set formula(v: string) {
    this.setProp('formula', v, (r) => (r.item.formula = String(v).startsWith('=') ? String(v) : `=${v}`));
  }
  get comment(): string {
    return this.prop('comment');
  }
  set comment(v: string) {
    this.setProp('comment', v, (r) => (r.item.comment = v));
  }
  get visible(): boolean {
    return this.prop('visible');
  }
  set visible(v: boolean) {
    this.setProp('visible', v, (r) => (r.item.visible = v));
  }
  delete(): void {
    this.call('delete', [], (r) => r.owner.model.deleteName(r.owner.scope, r.item));
  }
}

// ---- charts ----

type ChartRef = { sheet: ModelSheet; chart: ModelChart };

class FakeChartCollection extends Collection<ModelSheet, ChartRef, FakeChart> {
  protected list(sheet: ModelSheet): ChartRef[] {
    return sheet.charts.map((chart) => ({ sheet, chart }));
  }
  protected itemProxy(ref: ChartRef, values: [string, unknown][]): FakeChart {
    return deliverTo(new FakeChart(this.context, { now: ref }, `chart "${ref.chart.name}"`), values) as FakeChart;
  }
  protected itemProp(ref: ChartRef, name: string): unknown {
    return name === 'name' ? ref.chart.name : unknownProp('Chart', name);
  }
  add(type: string, source: FakeRange, seriesBy = 'Auto'): FakeChart {
    let created: ChartRef | undefined;
    this.call('add', [type, source.describe, seriesBy], (sheet) => {
      created = { sheet, chart: this.context.excel.model.addChart(sheet, type, source.target(), seriesBy) };
    });
    return new FakeChart(this.context, () => created ?? null, `new ${type} chart`);
  }
}

class FakeChart extends Proxy<ChartRef> {
  protected readonly scalarProps = ['name'] as const;
  protected override checkAlive(ref: ChartRef): void {
    if (!ref.sheet.charts.includes(ref.chart)) fail('ItemNotFound', 'chart deleted');
  }
  protected serverProp(ref: ChartRef, name: string): unknown {
    return name === 'name' ? ref.chart.name : unknownProp('Chart', name);
  }
  private setter(path: string, apply: (c: ModelChart, v: unknown) => void) {
    return (v: unknown) => this.context.enqueue({ describe: `${this.describe}.${path}`, write: true, bytes: OVERHEAD + bytesOf(v), run: () => apply(this.target().chart, v) });
  }
  get title() {
    const set = this.setter('title.text', (c, v) => (c.title = String(v)));
    return {
      set text(v: string) {
        set(v);
      },
    };
  }
  get legend() {
    const set = this.setter('legend.position', (c, v) => (c.legend = String(v)));
    return {
      set position(v: string) {
        set(v);
      },
    };
  }
  setPosition(start: string, end?: string): void {
    this.call('setPosition', [start, end], (ref) => {
      parseAddress(start);
      if (end) parseAddress(end);
      ref.chart.from = start;
      ref.chart.to = end;
    });
  }
  get series(): FakeChartSeriesCollection {
    return new FakeChartSeriesCollection(this.context, () => this.target(), `${this.describe}.series`);
  }
  delete(): void {
    this.call('delete', [], (ref) => (ref.sheet.charts = ref.sheet.charts.filter((c) => c !== ref.chart)));
  }
}

class FakeChartSeriesCollection extends Proxy<ChartRef> {
  protected readonly scalarProps = [] as const;
  protected serverProp(_r: ChartRef, name: string): unknown {
    return unknownProp('ChartSeriesCollection', name);
  }
  getItemAt(index: number): FakeChartSeries {
    return new FakeChartSeries(this.context, () => this.target().chart.series[index] ?? fail('InvalidArgument', `no series ${index}`), `series ${index}`);
  }
  add(name?: string): FakeChartSeries {
    let created: ModelChartSeries | undefined;
    this.call('add', [name], (ref) => {
      created = { name: name ?? `Series${ref.chart.series.length + 1}` };
      ref.chart.series.push(created);
    });
    return new FakeChartSeries(this.context, () => created ?? null, `new series ${name}`);
  }
}

class FakeChartSeries extends Proxy<ModelChartSeries> {
  protected readonly scalarProps = ['name', 'chartType'] as const;
  protected serverProp(s: ModelChartSeries, name: string): unknown {
    return name === 'name' ? s.name : name === 'chartType' ? s.chartType : unknownProp('ChartSeries', name);
  }
  get name(): string {
    return this.prop('name');
  }
  set name(v: string) {
    this.setProp('name', v, (s) => (s.name = v));
  }
  get chartType(): string {
    return this.prop('chartType');
  }
  set chartType(v: string) {
    this.setProp('chartType', v, (s) => (s.chartType = v));
  }
  set markerStyle(v: string) {
    this.setProp('markerStyle', v, (s) => (s.markerStyle = v));
  }
  setValues(range: FakeRange): void {
    this.call('setValues', [range.describe], (s) => (s.values = range.target()));
  }
  setXAxisValues(range: FakeRange): void {
    this.call('setXAxisValues', [range.describe], (s) => (s.xValues = range.target()));
  }
  get format() {
    const clear = () => this.call('format.fill.clear', [], (s) => (s.fillCleared = true));
    const setLine = (v: string) => this.context.enqueue({ describe: `${this.describe}.format.line.lineStyle`, write: true, bytes: OVERHEAD, run: () => void (this.target().lineStyle = v) });
    return {
      fill: { clear },
      line: {
        set lineStyle(v: string) {
          setLine(v);
        },
      },
    };
  }
}
