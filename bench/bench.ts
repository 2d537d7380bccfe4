/**
 * `npm run bench`: per-stage medians, peak memory and output size at 1k, 10k and 100k employees,
 * printed as JSON with each target beside its figure. Each size runs in its own process so peak RSS
 * is that size's. Set BENCH_SIZES=1000,10000 to choose sizes, BENCH_RUNS to change repetitions.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FileHost } from '../src/hosts/file/fileHost';
import { compute, layout, readWorkbook } from '../src/run/pipeline';
import { sampleUpdate } from '../src/sample/sampleWorkbook';
import { parseWorkbook } from '../src/workbook/readInputs';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

async function child(size: number, runs: number, dir: string) {
  const sample = FileHost.createEmpty();
  await sample.write(sampleUpdate({ employees: size, seed: 42 }));
  const input = path.join(dir, `sample-${size}.xlsx`);
  await sample.saveAs(input);
  const bytes = new Uint8Array(fs.readFileSync(input));
  const stages: Record<string, number[]> = { read: [], parse: [], compute: [], layout: [], write: [], computeTotal: [] };
  let outBytes: Uint8Array = new Uint8Array();
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    const host = FileHost.fromBytes(bytes);
    const { grids, sheetOf } = await readWorkbook(host);
    stages.read.push(performance.now() - t);
    t = performance.now();
    const parsed = parseWorkbook(grids, sheetOf);
    stages.parse.push(performance.now() - t);
    t = performance.now();
    const computed = compute(parsed);
    stages.compute.push(performance.now() - t);
    const t2 = performance.now();
    const update = layout(parsed, computed);
    stages.layout.push(performance.now() - t2);
    stages.computeTotal.push(performance.now() - t);
    t = performance.now();
    await host.write(update);
    outBytes = host.toBytes();
    stages.write.push(performance.now() - t);
  }
  const output = path.join(dir, `out-${size}.xlsx`);
  fs.writeFileSync(output, outBytes);
  const medians = Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, round(median(v))]));
  return { employees: size, runs, stagesMs: medians, inputBytes: bytes.length, outputBytes: outBytes.length, output, input, peakRssMB: round(process.resourceUsage().maxRSS / 1024) };
}

function cliRun(input: string, dir: string) {
  const out = path.join(dir, `cli-${path.basename(input)}`);
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, path.resolve('bin/salary-structure.cjs'), 'run', input, '-o', out, '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - t;
  const rssKb = Number(r.stderr.trim().split('\n').pop());
  return { ms: round(ms), peakRssMB: round(rssKb / 1024), exit: r.status };
}

function libreOfficeRecalc(file: string, dir: string): number | undefined {
  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
  if (!soffice) return undefined;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-bench-'));
  fs.mkdirSync(path.join(profile, 'user'));
  fs.writeFileSync(
    path.join(profile, 'user', 'registrymodifications.xcu'),
    '<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>',
  );
  const outDir = fs.mkdtempSync(path.join(dir, 'lo-'));
  const t = performance.now();
  execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', outDir, file], { stdio: 'pipe', timeout: 1_800_000 });
  return round(performance.now() - t);
}

async function main() {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') {
    const res = await child(Number(argv[1]), Number(argv[2]), argv[3]);
    process.stdout.write(JSON.stringify(res));
    return;
  }
  const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-bench-'));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const results: any[] = [];
  for (const size of sizes) {
    const runs = Number(process.env.BENCH_RUNS ?? (size >= 100000 ? 3 : 5));
    const r = spawnSync(process.execPath, [path.resolve('bin/run-ts.cjs'), 'bench/bench.ts', '--child', String(size), String(runs), dir], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`bench child ${size} failed: ${r.stderr}`);
    const res = JSON.parse(r.stdout);
    const cli = cliRun(res.input, dir);
    const lo = libreOfficeRecalc(res.output, dir);
    results.push({ ...res, cliEndToEnd: cli, libreOfficeRecalcMs: lo, ratioOursToLibreOffice: lo ? round(cli.ms / lo, 2) : undefined });
  }
  const at = (n: number) => results.find((r) => r.employees === n);
  const big = at(100000);
  const mid = at(10000);
  const targets = big
    ? {
        computeFromParsedToSpecs: { target: '<= 2000 ms median at 100k', measured: big.stagesMs.computeTotal, met: big.stagesMs.computeTotal <= 2000 },
        endToEndXlsx: { target: '<= 30000 ms and <= 2048 MB at 100k', measured: { ms: big.cliEndToEnd.ms, peakRssMB: big.cliEndToEnd.peakRssMB }, met: big.cliEndToEnd.ms <= 30000 && big.cliEndToEnd.peakRssMB <= 2048 },
        growth10kTo100k: mid
          ? { target: '<= 10 × 1.2 = 12× (linear)', measured: round(big.cliEndToEnd.ms / mid.cliEndToEnd.ms, 2), met: big.cliEndToEnd.ms / mid.cliEndToEnd.ms <= 12 }
          : undefined,
        fasterThanLibreOffice: big.libreOfficeRecalcMs ? { target: 'our run < LibreOffice recalculation', measured: big.ratioOursToLibreOffice, met: big.cliEndToEnd.ms < big.libreOfficeRecalcMs } : undefined,
      }
    : undefined;
  for (const r of results) {
    delete (r as { output?: string }).output;
    delete (r as { input?: string }).input;
  }
  console.log(JSON.stringify({ machine: { cpus: os.cpus().length, node: process.version, loadavg: os.loadavg().map((x) => round(x, 2)) }, results, targets }, null, 2));
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
