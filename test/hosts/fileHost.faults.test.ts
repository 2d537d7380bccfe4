/**
 * Issue 8 item 3 for the file host: with a failure injected at every step of a write and of a save,
 * the workbook afterwards equals the workbook before, byte for byte — every user sheet, every
 * previous output — the file on disk is as it was (or still absent), no temporary file is left,
 * and a later write still works. Also: re-running gives the same workbook, and a user sheet that
 * carries an output sheet's name is never touched.
 *
 * The steps are counted, not listed by hand: a clean run records them through the host's
 * `beforeStep` seam, then the run is repeated failing at step 1, 2, … N.
 */
import { strFromU8, unzipSync } from 'fflate';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FileHost, type FileHostOptions } from '../../src/hosts/file/fileHost';
import { readZip } from '../../src/hosts/file/zipFormat';
import { compute, layout, readWorkbook, runPipeline } from '../../src/run/pipeline';
import { parseWorkbook } from '../../src/workbook/readInputs';
import type { WorkbookUpdate } from '../../src/workbook/sheetSpec';
import { buildUserWorkbook } from '../fixtures/userWorkbook';
import { addSheet, sheetPath, userWorkbook, zipParts } from './fileHostUserParts';
import { fullUpdate } from './xlsxKit';

class InjectedFault extends Error {
  constructor(readonly step: string) {
    super(`injected failure at step "${step}"`);
  }
}

type Hook = (step: string) => void;

/** Options whose step hook the test swaps between runs. */
function seam(): { options: FileHostOptions; set(hook: Hook | undefined): void } {
  let hook: Hook | undefined;
  return { options: { beforeStep: (step) => hook?.(step) }, set: (h) => (hook = h) };
}

/** Fails at the k-th step (1-based) it is called for. */
function failAt(k: number): Hook {
  let n = 0;
  return (step) => {
    if (++n === k) throw new InjectedFault(step);
  };
}

const read = (file: string): Uint8Array => new Uint8Array(fs.readFileSync(file));
const same = (a: Uint8Array | undefined, b: Uint8Array | undefined): boolean => !!a && !!b && Buffer.from(a).equals(Buffer.from(b));

/** Each zip entry as stored (compressed bytes and CRC), by name: equal maps mean equal parts, down to the zip. */
const zipEntries = (bytes: Uint8Array): Record<string, string> =>
  Object.fromEntries(readZip(bytes).map((e) => [e.name, `${e.method}:${e.crc}:${e.size}:${Buffer.from(e.data).toString('base64')}`]));

/** The update the pipeline lays out for a workbook, computed once so each faulty write repeats the same one. */
async function pipelineUpdate(bytes: Uint8Array): Promise<WorkbookUpdate> {
  const { grids, sheetOf } = await readWorkbook(FileHost.fromBytes(bytes));
  const parsed = parseWorkbook(grids, sheetOf);
  return layout(parsed, compute(parsed));
}

describe('FileHost: a failure at any step of a write leaves the workbook as it was', () => {
  let dir: string;
  let input: string;
  const inputBytes = buildUserWorkbook();
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'filehost-faults-'));
    input = path.join(dir, 'client.xlsx');
    fs.writeFileSync(input, inputBytes);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('has a step for every part it produces, the workbook-level parts, each zip entry and each step on disk', async () => {
    const s = seam();
    const host = await FileHost.open(input, s.options);
    const steps: string[] = [];
    s.set((step) => steps.push(step));
    await host.write(fullUpdate());
    const writeSteps = steps.splice(0);
    const output = path.join(dir, 'out.xlsx');
    await host.saveAs(output);
    const saveSteps = steps.splice(0);

    // Every part the write produced (new, or changed from the input) had its own step.
    const before = unzipSync(inputBytes);
    const after = unzipSync(read(output));
    const produced = Object.keys(after).filter((p) => !same(after[p], before[p]));
    expect(produced).toEqual(expect.arrayContaining(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml']));
    expect(produced.length).toBeGreaterThan(12);
    for (const part of produced) expect(writeSteps).toContain(`part ${part}`);
    for (const step of ['validate', 'read workbook', 'plan', 'drop unreachable parts', 'styles', 'workbook', 'assemble package']) expect(writeSteps).toContain(step);
    expect(writeSteps[writeSteps.length - 1]).toBe('assemble package');

    // The save: one step per zip entry in the file's order, the directory, then the disk.
    expect(saveSteps).toEqual([
      ...readZip(read(output)).map((e) => `zip ${e.name}`),
      'zip directory',
      'create temporary file',
      'write temporary file',
      'fsync temporary file',
      'close temporary file',
      'rename over the target',
    ]);
  });

  it('fails at each write step in turn and leaves the package byte for byte as before; then writes as if nothing had failed', async () => {
    const count = seam();
    const counter = await FileHost.open(input, count.options);
    let steps = 0;
    count.set(() => steps++);
    await counter.write(fullUpdate());
    const clean = counter.toBytes();
    expect(steps).toBeGreaterThan(20);

    const s = seam();
    const host = await FileHost.open(input, s.options);
    const before = host.toBytes();
    // Nothing written yet: every part is the very zip entry the user's file holds.
    expect(zipEntries(before)).toEqual(zipEntries(inputBytes));
    const sheetsBefore = await host.listSheets();
    const gridsBefore = await host.readSheets(sheetsBefore.map((x) => x.name));
    const failedAt: string[] = [];
    for (let k = 1; k <= steps; k++) {
      s.set(failAt(k));
      const error = await host.write(fullUpdate()).then(() => undefined, (e: unknown) => e);
      s.set(undefined);
      expect(error).toBeInstanceOf(InjectedFault);
      failedAt.push((error as InjectedFault).step);
      expect({ k, same: same(host.toBytes(), before) }).toEqual({ k, same: true });
    }
    expect(failedAt).toHaveLength(steps);
    expect(await host.listSheets()).toEqual(sheetsBefore);
    expect(await host.readSheets(sheetsBefore.map((x) => x.name))).toEqual(gridsBefore);
    expect(same(read(input), inputBytes)).toBe(true);
    // After all those failures, the write gives exactly what a clean run gives.
    await host.write(fullUpdate());
    expect(same(host.toBytes(), clean)).toBe(true);
  });

  it.each([
    ['a new output file', false],
    ['an existing output file', true],
  ])('fails at each save step in turn, over %s: the file is as it was, no temporary file is left; a later save works', async (_, exists) => {
    const s = seam();
    const host = await FileHost.open(input, s.options);
    await host.write(fullUpdate());
    const expected = host.toBytes();
    const output = path.join(dir, 'out.xlsx');
    const previous = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]); // an empty zip, standing for an older output
    if (exists) fs.writeFileSync(output, previous);
    const listing = fs.readdirSync(dir).sort();

    let steps = 0;
    s.set(() => steps++);
    const probe = path.join(dir, 'probe.xlsx');
    await host.saveAs(probe);
    s.set(undefined);
    fs.rmSync(probe);
    expect(steps).toBeGreaterThan(20);

    for (let k = 1; k <= steps; k++) {
      s.set(failAt(k));
      await expect(host.saveAs(output)).rejects.toThrow(/injected failure/);
      s.set(undefined);
      expect({ k, listing: fs.readdirSync(dir).sort() }).toEqual({ k, listing });
      if (exists) expect({ k, same: same(read(output), previous) }).toEqual({ k, same: true });
      expect({ k, same: same(host.toBytes(), expected) }).toEqual({ k, same: true });
    }
    expect(same(read(input), inputBytes)).toBe(true);
    await host.saveAs(output);
    expect(same(read(output), expected)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(exists ? listing : [...listing, 'out.xlsx'].sort());
  });
});

describe('FileHost: faults and re-runs on the real pipeline output over a workbook full of user-made parts', () => {
  let firstRun: Uint8Array;
  let update: WorkbookUpdate;
  beforeAll(async () => {
    const host = FileHost.fromBytes((await userWorkbook()).bytes);
    expect((await runPipeline(host)).ok).toBe(true);
    firstRun = host.toBytes();
    update = await pipelineUpdate(firstRun);
  });

  it('fails at each write step of a re-run and keeps every user sheet and every previous output byte for byte', async () => {
    const count = seam();
    let steps = 0;
    const counter = FileHost.fromBytes(firstRun, count.options);
    count.set(() => steps++);
    await counter.write(update);
    count.set(undefined);
    const clean = counter.toBytes();
    expect(steps).toBeGreaterThan(40);

    const s = seam();
    const host = FileHost.fromBytes(firstRun, s.options);
    const before = zipEntries(host.toBytes());
    expect(before).toEqual(zipEntries(firstRun));
    for (let k = 1; k <= steps; k++) {
      s.set(failAt(k));
      await expect(host.write(update)).rejects.toBeInstanceOf(InjectedFault);
      s.set(undefined);
      // The file host wrote firstRun itself, so even the zip headers come out identical.
      expect({ k, same: same(host.toBytes(), firstRun) }).toEqual({ k, same: true });
    }
    expect(zipEntries(host.toBytes())).toEqual(before);
    await host.write(update);
    expect(same(host.toBytes(), clean)).toBe(true);
  });

  it('gives the same workbook when run again: same sheets, names and tables once each, no growing parts — the same bytes', async () => {
    // Run again in the same session, and again from the saved file.
    const again = FileHost.fromBytes(firstRun);
    expect((await runPipeline(again)).ok).toBe(true);
    const second = again.toBytes();
    expect((await runPipeline(again)).ok).toBe(true);
    const third = again.toBytes();
    const parts = (b: Uint8Array) => unzipSync(b);
    const workbook = (b: Uint8Array) => strFromU8(parts(b)['xl/workbook.xml']);
    const sheetNames = (b: Uint8Array) => [...workbook(b).matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    const names = (b: Uint8Array) => [...workbook(b).matchAll(/<definedName name="([^"]+)"(?: localSheetId="(\d+)")?/g)].map((m) => `${m[1]}@${m[2] ?? ''}`);
    const tables = (b: Uint8Array) =>
      Object.entries(parts(b))
        .filter(([p]) => p.startsWith('xl/tables/'))
        .map(([, x]) => /displayName="([^"]+)"/.exec(strFromU8(x))?.[1]);
    for (const b of [firstRun, second, third]) {
      expect(new Set(sheetNames(b)).size).toBe(sheetNames(b).length);
      expect(new Set(names(b)).size).toBe(names(b).length);
      expect(new Set(tables(b)).size).toBe(tables(b).length);
    }
    expect(sheetNames(second)).toEqual(sheetNames(firstRun));
    expect(names(second)).toEqual(names(firstRun));
    expect(Object.keys(parts(second))).toEqual(Object.keys(parts(firstRun)));
    // No timestamp is written anywhere (new zip entries carry a fixed 1980-01-02 time; docProps are the user's), so the bytes repeat.
    expect(same(second, firstRun)).toBe(true);
    expect(same(third, firstRun)).toBe(true);
  });

  it('never touches a user sheet that carries an output sheet’s name: the output goes beside it and the report says so', async () => {
    const parts = unzipSync((await userWorkbook()).bytes);
    const mine = addSheet(
      parts,
      'Pay Structure',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Our current bands (do not overwrite)</t></is></c><c r="B1"><v>42</v></c></row></sheetData></worksheet>',
    );
    const bytes = zipParts(parts);
    const host = FileHost.fromBytes(bytes);
    const result = await runPipeline(host);
    expect(result.ok).toBe(true);
    expect(result.report?.written).toContainEqual({ spec: 'Pay Structure', sheet: 'Pay Structure (2)' });
    expect(result.report?.notes).toContain('A sheet of yours is already called "Pay Structure"; the add-in wrote its output to "Pay Structure (2)" and left yours untouched.');
    const out = host.toBytes();
    expect(zipEntries(out)[mine]).toBe(zipEntries(bytes)[mine]);
    const sheets = await FileHost.fromBytes(out).listSheets();
    expect(sheets.filter((x) => x.name.startsWith('Pay Structure'))).toEqual([
      { name: 'Pay Structure', owned: false },
      { name: 'Pay Structure (2)', owned: true },
    ]);
    // No output formula reads the user's sheet; they read the add-in's.
    const outputs = sheets.filter((x) => x.owned).map((x) => strFromU8(unzipSync(out)[sheetPath(unzipSync(out), x.name)]));
    expect(outputs.some((xml) => xml.includes("'Pay Structure (2)'!"))).toBe(true);
    expect(outputs.filter((xml) => xml.includes("'Pay Structure'!"))).toEqual([]);

    // Run again on the result: the output stays "Pay Structure (2)" and the user's sheet is still untouched.
    const rerun = FileHost.fromBytes(out);
    const second = await runPipeline(rerun);
    expect(second.report?.written).toContainEqual({ spec: 'Pay Structure', sheet: 'Pay Structure (2)' });
    expect(zipEntries(rerun.toBytes())[mine]).toBe(zipEntries(bytes)[mine]);
    expect((await rerun.listSheets()).map((x) => x.name).filter((n) => n.startsWith('Pay Structure'))).toEqual(['Pay Structure', 'Pay Structure (2)']);
  });
});
