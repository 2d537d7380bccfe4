import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { FileHost } from '../../src/hosts/file/fileHost';
import { MemoryHost } from '../../src/hosts/memory';
import { sixJobSheets } from '../support/smallWorkbook';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Write the six-job workbook (optionally broken) as a real .xlsx. */
async function sixJobFile(dir: string, breakIt = false): Promise<string> {
  const sheets = sixJobSheets();
  if (breakIt) sheets[0].rows[2][3] = 'lots';
  const mem = new MemoryHost(sheets);
  const host = FileHost.createEmpty();
  const specs = await Promise.all(
    (await mem.listSheets()).map(async (s) => ({ name: s.name, role: 'input' as const, cells: (await mem.readSheets([s.name])).get(s.name)!.rows.map((r) => r.map((v) => (typeof v === 'object' && v !== null ? null : v))) })),
  );
  await host.write({ sheets: specs, names: [] });
  const file = path.join(dir, breakIt ? 'broken.xlsx' : 'six.xlsx');
  await host.saveAs(file);
  return file;
}

describe('salary-structure command line', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-cli-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('documents every command in --help', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    for (const s of ['sample <out.xlsx>', '--employees N', '--seed S', 'run <in.xlsx>', '-o <out.xlsx>', 'Exit codes']) expect(r.out).toContain(s);
  });

  it('exits 2 on usage errors', async () => {
    expect((await cli([])).code).toBe(2);
    expect((await cli(['frobnicate'])).code).toBe(2);
    expect((await cli(['sample'])).code).toBe(2);
    expect((await cli(['sample', 'x.xlsx', '--employees', 'many'])).err).toContain('--employees must be a whole number');
    expect((await cli(['run', path.join(dir, 'missing.xlsx')])).code).toBe(2);
    const same = path.join(dir, 'a.xlsx');
    expect((await cli(['run', same, '-o', same])).code).toBe(2);
  });

  it('writes a sample and runs it, printing the grades and R²', async () => {
    const sample = path.join(dir, 'sample.xlsx');
    const out = path.join(dir, 'out.xlsx');
    expect((await cli(['sample', sample, '--employees', '120', '--seed', '7'])).code).toBe(0);
    const before = fs.readFileSync(sample);
    const r = await cli(['run', sample, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/R² = 0\.\d{4}/);
    expect(r.out).toMatch(/^1 +[\d,]+ +[\d,]+ +[\d,]+/m);
    expect(fs.readFileSync(sample).equals(before)).toBe(true);
    const sheets = (await (await FileHost.open(out)).listSheets()).map((s) => s.name);
    expect(sheets).toEqual(expect.arrayContaining(['Jobs', 'Market', 'Employees', 'Appraisal', 'Assumptions', 'Market Analysis', 'Pay Structure', 'Job Slotting']));
  });

  it('runs the six-job workbook to the expected midpoints', async () => {
    const file = await sixJobFile(dir);
    const r = await cli(['run', file, '-o', path.join(dir, 'six-out.xlsx'), '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.summary.grades.map((g: { midpoint: number }) => g.midpoint)).toEqual([64900, 108500, 152000]);
  });

  it('exits 1 with cell-addressed problems and writes no output when the data has errors', async () => {
    const file = await sixJobFile(dir, true);
    const out = path.join(dir, 'never.xlsx');
    const r = await cli(['run', file, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Jobs!D3: Points "lots" is not a number');
    expect(fs.existsSync(out)).toBe(false);
  });
});
