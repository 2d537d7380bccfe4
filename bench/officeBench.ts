/**
 * The Office host's figures for the benchmark: its read and write run against the fake Excel
 * (test/support/fakeExcel.ts), which meters every round trip as Excel on the web would receive it.
 * Targets (issue 7): at 100k employees, write syncs ≤ 3 + write chunks, and no request over 4 MB.
 */
import { readWorkbook } from '../src/run/pipeline';
import type { Grid, GridValue } from '../src/workbook/grid';
import type { WorkbookUpdate } from '../src/workbook/sheetSpec';
import { FakeExcel, type FakeSheetInit, type SyncRecord } from '../test/support/fakeExcel';
import { officeHostOn } from '../test/support/fakeExcelWorkbooks';

export interface OfficeHostMetrics {
  /** Round trips of the write (`Excel.run` of one run's output). */
  syncs: number;
  /** Round trips of the write that carried cell contents or number formats: the payload-sized chunks. */
  writeChunks: number;
  /** Largest request of the read and the write, in bytes of JSON. */
  largestRequestBytes: number;
  /** Bytes sent by the write. */
  totalRequestBytes: number;
  /** Milliseconds of the host's read and write on the fake (the fake's own work included). */
  ms: number;
  /** Round trips of the read (listing the sheets, then reading them); 0 without `grids`. */
  readSyncs: number;
  /** Largest response of the read and the write, in bytes. */
  largestResponseBytes: number;
  /** Bytes received by the read. */
  totalResponseBytes: number;
}

/** The input grids as user sheets of the fake, each at its place on the sheet. */
function sheetsFrom(grids: ReadonlyMap<string, Grid>): FakeSheetInit[] {
  return [...grids.values()].map((g) => {
    const rows: (GridValue | null)[][] = Array.from({ length: g.top - 1 }, () => []);
    const pad = new Array<null>(g.left - 1).fill(null);
    for (const row of g.rows) rows.push(g.left > 1 ? [...pad, ...row] : row);
    return { name: g.sheet, rows: rows as FakeSheetInit['rows'], tables: g.tables };
  });
}

const largest = (syncs: readonly SyncRecord[], key: 'requestBytes' | 'responseBytes'): number => syncs.reduce((m, s) => Math.max(m, s[key]), 0);
const total = (syncs: readonly SyncRecord[], key: 'requestBytes' | 'responseBytes'): number => syncs.reduce((n, s) => n + s[key], 0);

/**
 * Read `grids` (the run's input sheets, placed in a fake workbook) as a run does, then write
 * `update` into that workbook, metering every round trip.
 */
export async function officeHostMetrics(update: WorkbookUpdate, grids?: ReadonlyMap<string, Grid>): Promise<OfficeHostMetrics> {
  const fake = new FakeExcel(grids && grids.size > 0 ? sheetsFrom(grids) : [{ name: 'Sheet1', rows: [] }]);
  const host = officeHostOn(fake);
  const t0 = performance.now();
  if (grids && grids.size > 0) await readWorkbook(host);
  const read = fake.syncs.splice(0);
  await host.write(update);
  const ms = performance.now() - t0;
  const write = fake.syncs.splice(0);
  return {
    syncs: write.length,
    writeChunks: write.filter((s) => s.cellWrites > 0).length,
    largestRequestBytes: Math.max(largest(read, 'requestBytes'), largest(write, 'requestBytes')),
    totalRequestBytes: total(write, 'requestBytes'),
    ms,
    readSyncs: read.length,
    largestResponseBytes: Math.max(largest(read, 'responseBytes'), largest(write, 'responseBytes')),
    totalResponseBytes: total(read, 'responseBytes'),
  };
}
