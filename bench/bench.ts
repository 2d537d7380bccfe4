/**
 * `npm run bench`: the benchmark of issue 7. For each size (default 1k, 10k and 100k employees; the
 * sample has about one job per 100 employees, 1,000 at 100k) it generates the sample workbook as
 * .xlsx and prints JSON with:
 *  - per stage, the median of several in-process runs: read, parse, "market and structure",
 *    "checks and equity regression", "merit calibration" (the three parts of the pipeline's
 *    `compute`, timed by `compute(parsed, timings)`), layout and write;
 *  - totals: compute from parsed inputs to sheet specs (compute + layout), and the whole run;
 *  - peak RSS of the size's process (generating the sample and the runs), input and output sizes;
 *  - the command line end to end (`salary-structure run in.xlsx -o out.xlsx`, a fresh process, its
 *    wall time and peak RSS from /usr/bin/time);
 *  - the Office host on the fake Excel API (bench/officeBench.ts): syncs, write chunks and the
 *    largest request payload, or `office: null` with the reason;
 *  - where soffice is installed, LibreOffice opening, recalculating (recalc on load forced) and
 *    saving our output workbook, and the ratio of our CLI run to that.
 * Then `targets`: each target of issue 7 with its figure and `met` (true, false, or null when the
 * figure is missing, with the reason).
 *
 * Each size runs in its own child process so peak RSS is that size's. Environment:
 *   BENCH_SIZES=1000,10000     sizes (employees), comma-separated
 *   BENCH_RUNS=5               runs per size (default 5: on a shared 2-core machine single runs of the
 *                              same code differ by a quarter; five make the median steady)
 *   BENCH_LO_TIMEOUT_S=480     how long LibreOffice may take per workbook (a timeout is reported)
 *   BENCH_SAVE=1               also write the JSON to bench/results/<yyyy-mm-dd>.json
 * The defaults are meant to finish within 15 minutes on the 2-core development machine; LibreOffice
 * at 100k is the slowest part, and its timeout bounds it. A size that fails is listed under
 * `failures` and the others still run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FileHost } from '../src/hosts/file/fileHost';
import { compute, layout, readWorkbook, type ComputeStage } from '../src/run/pipeline';
import { sampleUpdate } from '../src/sample/sampleWorkbook';
import type { Grid } from '../src/workbook/grid';
import type { WorkbookUpdate } from '../src/workbook/sheetSpec';
import { parseWorkbook } from '../src/workbook/readInputs';

const ROOT = path.resolve(__dirname, '..');
const MIB = 1024 * 1024;
const BIG = 100_000;
const MID = 10_000;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const message = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0];

/** The stages as issue 7 names them, in pipeline order. */
const STAGES = ['read', 'parse', 'market and structure', 'checks and equity regression', 'merit calibration', 'layout', 'write'] as const;
type StageName = (typeof STAGES)[number];
const COMPUTE_STAGE: Record<ComputeStage, StageName> = { structure: 'market and structure', checks: 'checks and equity regression', merit: 'merit calibration' };

/**
 * What bench/officeBench.ts reports for the run's read and write through the Office host on the fake
 * Excel API: `syncs` and `writeChunks` are the write's round trips, `readSyncs` the read's.
 */
interface OfficeFigures {
  syncs: number;
  writeChunks: number;
  largestRequestBytes: number;
  readSyncs?: number;
  [more: string]: unknown;
}
type OfficeResult = { figures: OfficeFigures } | { figures: null; reason: string };

/** officeBench.ts is written separately: loaded at run time, its answer checked rather than trusted. */
async function officeFigures(update: WorkbookUpdate, grids: ReadonlyMap<string, Grid>): Promise<OfficeResult> {
  const file = path.join(__dirname, 'officeBench.ts');
  if (!fs.existsSync(file)) return { figures: null, reason: 'bench/officeBench.ts does not exist' };
  let mod: { officeHostMetrics?: (u: WorkbookUpdate, g?: ReadonlyMap<string, Grid>) => unknown };
  try {
    // Through require: tsx compiles .ts files on require; a native import() would not know the extension.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require(file);
  } catch (e) {
    return { figures: null, reason: `bench/officeBench.ts did not load: ${message(e)}` };
  }
  if (typeof mod.officeHostMetrics !== 'function') return { figures: null, reason: 'bench/officeBench.ts exports no officeHostMetrics function' };
  let out: unknown;
  try {
    out = await mod.officeHostMetrics(update, grids);
  } catch (e) {
    return { figures: null, reason: `officeHostMetrics failed: ${message(e)}` };
  }
  const o = out as Partial<OfficeFigures> | null;
  const missing = (['syncs', 'writeChunks', 'largestRequestBytes'] as const).filter((k) => typeof o?.[k] !== 'number');
  if (!o || missing.length > 0) return { figures: null, reason: `officeHostMetrics returned no number for ${missing.join(', ')}: ${JSON.stringify(out)?.slice(0, 300)}` };
  return { figures: Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v])) as OfficeFigures };
}

type Times = Record<StageName | 'compute' | 'computeFromParsedToSpecs' | 'wholeRun', number[]>;

/** The sample workbook of `size` employees, written to `dir`; its in-memory workbook is let go on return. */
async function writeSample(size: number, dir: string): Promise<string> {
  const sample = FileHost.createEmpty();
  await sample.write(sampleUpdate({ employees: size, seed: 42 }));
  const input = path.join(dir, `sample-${size}.xlsx`);
  await sample.saveAs(input);
  return input;
}

/** One run from the input's bytes to the output's, each stage timed into `times`. */
async function timedRun(size: number, bytes: Uint8Array, times: Times) {
  const start = performance.now();
  let t = start;
  const host = FileHost.fromBytes(bytes);
  const { grids, sheetOf } = await readWorkbook(host);
  times.read.push(performance.now() - t);
  t = performance.now();
  const parsed = parseWorkbook(grids, sheetOf);
  times.parse.push(performance.now() - t);
  if (parsed.problems.some((p) => p.severity === 'error')) throw new Error(`the ${size}-employee sample does not parse: ${parsed.problems.find((p) => p.severity === 'error')!.message}`);
  const parts: Partial<Record<ComputeStage, number>> = {};
  t = performance.now();
  const computed = compute(parsed, parts);
  const computeMs = performance.now() - t;
  times.compute.push(computeMs);
  for (const [k, name] of Object.entries(COMPUTE_STAGE) as [ComputeStage, StageName][]) {
    if (parts[k] === undefined) throw new Error(`compute() reported no time for "${k}"`);
    times[name].push(parts[k]);
  }
  const t2 = performance.now();
  const update: WorkbookUpdate = layout(parsed, computed);
  times.layout.push(performance.now() - t2);
  times.computeFromParsedToSpecs.push(performance.now() - t);
  t = performance.now();
  await host.write(update);
  const outBytes = host.toBytes();
  times.write.push(performance.now() - t);
  times.wholeRun.push(performance.now() - start);
  const counts: Record<string, number> = {
    employees: parsed.inputs.employees.length,
    jobs: parsed.inputs.jobs.length,
    surveyRows: parsed.inputs.market.length,
    appraisalRows: parsed.inputs.appraisal.length,
    grades: computed.structure.grades.length,
    outputSheets: update.sheets.length,
    outputCells: update.sheets.reduce((n, s) => n + s.cells.reduce((m, r) => m + r.length, 0), 0),
  };
  return { update, grids: grids as Map<string, Grid>, outBytes, counts };
}

/** One size, in its own process: the in-process stage timings, then the Office host figures. */
async function child(size: number, runs: number, dir: string) {
  const input = await writeSample(size, dir);
  const bytes = new Uint8Array(fs.readFileSync(input));
  const times = Object.fromEntries([...STAGES, 'compute', 'computeFromParsedToSpecs', 'wholeRun'].map((k) => [k, [] as number[]])) as Times;
  let last: Awaited<ReturnType<typeof timedRun>> | undefined;
  for (let i = 0; i < runs; i++) {
    // The previous run's results are let go and its garbage is collected here, before the clock starts, so neither is
    // charged to this run's stages (a real run starts with neither). Each run is a function of its own: an async
    // function's locals stay reachable until it returns, so a loop body's would keep the previous run's workbook,
    // parsed inputs and results alive (about 570 MB at 100k) through the next run.
    last = undefined;
    (globalThis as { gc?: () => void }).gc?.();
    last = await timedRun(size, bytes, times);
  }
  const { update, grids: inputGrids, outBytes, counts } = last ?? { update: undefined, grids: undefined, outBytes: new Uint8Array(), counts: {} };
  // Peak RSS of the runs above, before the Office host's fake workbook adds its own.
  const peakRssMB = round(process.resourceUsage().maxRSS / 1024);
  const output = path.join(dir, `out-${size}.xlsx`);
  fs.writeFileSync(output, outBytes);
  const med = (k: keyof typeof times) => round(median(times[k]));
  const office = update && inputGrids ? await officeFigures(update, inputGrids) : { figures: null, reason: 'no run' };
  return {
    employees: size,
    counts,
    runs,
    stagesMs: Object.fromEntries(STAGES.map((s) => [s, med(s)])) as Record<StageName, number>,
    totalsMs: {
      compute: med('compute'),
      computeFromParsedToSpecs: med('computeFromParsedToSpecs'),
      // The first run in a fresh process, before the JIT has compiled the hot paths: what a one-off CLI run sees.
      computeFromParsedToSpecsFirstRun: round(times.computeFromParsedToSpecs[0]),
      wholeRun: med('wholeRun'),
    },
    peakRssMB,
    inputBytes: bytes.length,
    outputBytes: outBytes.length,
    office: office.figures,
    ...(office.figures ? {} : { officeNullReason: office.reason }),
    input,
    output,
  };
}

/** The command line end to end in a fresh process: wall time and peak RSS (median time, highest RSS). */
function cliRuns(input: string, dir: string, runs: number) {
  const out = path.join(dir, `cli-${path.basename(input)}`);
  const ms: number[] = [];
  let peakRssMB = 0;
  let pipelineMs: unknown;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, path.join(ROOT, 'bin/salary-structure.cjs'), 'run', input, '-o', out, '--json'], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    ms.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`salary-structure run ${input} exited with ${r.status}: ${r.stderr.slice(-2000)}`);
    peakRssMB = Math.max(peakRssMB, round(Number(r.stderr.trim().split('\n').pop()) / 1024));
    try {
      const t = (JSON.parse(r.stdout) as { timings?: Record<string, number> }).timings ?? {};
      pipelineMs = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, round(v)]));
    } catch {
      pipelineMs = undefined;
    }
  }
  return { runs, ms: round(median(ms)), peakRssMB, pipelineMs };
}

/** LibreOffice opening, recalculating (forced on load) and saving a workbook; undefined without soffice. */
function libreOffice(file: string, dir: string): { ms: number } | { timedOutAfterMs: number } | { failed: string } | undefined {
  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
  if (!soffice) return undefined;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-bench-'));
  fs.mkdirSync(path.join(profile, 'user'));
  // OOXMLRecalcMode 0 = always recalculate on load (1 = never, 2 = ask).
  fs.writeFileSync(
    path.join(profile, 'user', 'registrymodifications.xcu'),
    '<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>',
  );
  const outDir = fs.mkdtempSync(path.join(dir, 'lo-'));
  const timeout = Number(process.env.BENCH_LO_TIMEOUT_S ?? 480) * 1000;
  const t = performance.now();
  try {
    execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', outDir, file], { stdio: 'pipe', timeout, killSignal: 'SIGKILL' });
    const saved = path.join(outDir, path.basename(file));
    if (!fs.existsSync(saved)) return { failed: 'soffice wrote no file' };
    return { ms: round(performance.now() - t) };
  } catch (e) {
    const elapsed = performance.now() - t;
    return elapsed >= timeout ? { timedOutAfterMs: round(elapsed) } : { failed: message(e) };
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

type SizeResult = Awaited<ReturnType<typeof child>> & {
  cli: ReturnType<typeof cliRuns>;
  libreOffice?: ReturnType<typeof libreOffice>;
  ratioOursToLibreOffice?: number;
};

type Target = { target: string; measured: unknown; met: boolean | null; reason?: string };
const unmeasured = (target: string, reason: string): Target => ({ target, measured: null, met: null, reason });

/** Issue 7's targets, each beside its figure. */
function targets(results: SizeResult[]): Record<string, Target> {
  const big = results.find((r) => r.employees === BIG);
  const mid = results.find((r) => r.employees === MID);
  const noBig = `needs the ${BIG.toLocaleString('en')}-employee size`;
  const growth = (what: string, t10k?: number, t100k?: number): Target => {
    const target = `(${what} at 100k / at 10k) / 10 <= 1.2`;
    if (t10k === undefined || t100k === undefined) return unmeasured(target, 'needs the 10,000 and 100,000-employee sizes');
    const g = t100k / t10k / 10;
    return { target, measured: { t10kMs: t10k, t100kMs: t100k, growth: round(g, 2) }, met: g <= 1.2 };
  };
  const office = big?.office;
  const lo = big?.libreOffice;
  return {
    computeFromParsedToSpecs100k: big
      ? { target: 'median <= 2000 ms at 100k (compute + layout)', measured: big.totalsMs.computeFromParsedToSpecs, met: big.totalsMs.computeFromParsedToSpecs <= 2000 }
      : unmeasured('median <= 2000 ms at 100k', noBig),
    cliEndToEnd100k: big
      ? {
          target: '<= 30000 ms and peak RSS <= 2048 MB at 100k (salary-structure run on .xlsx)',
          measured: { ms: big.cli.ms, peakRssMB: big.cli.peakRssMB },
          met: big.cli.ms <= 30000 && big.cli.peakRssMB <= 2048,
        }
      : unmeasured('<= 30000 ms and <= 2048 MB at 100k', noBig),
    growthComputeFromParsedToSpecs: growth('compute from parsed inputs to sheet specs', mid?.totalsMs.computeFromParsedToSpecs, big?.totalsMs.computeFromParsedToSpecs),
    growthCliEndToEnd: growth('CLI end to end', mid?.cli.ms, big?.cli.ms),
    officeSyncs100k: office
      ? {
          target: "the write's syncs <= 3 + write chunks at 100k (the read's syncs shown beside)",
          measured: { syncs: office.syncs, writeChunks: office.writeChunks, limit: 3 + office.writeChunks, readSyncs: office.readSyncs },
          met: office.syncs <= 3 + office.writeChunks,
        }
      : unmeasured('syncs <= 3 + write chunks at 100k', big ? (big.officeNullReason ?? 'no figures') : noBig),
    officeLargestRequest100k: office
      ? { target: 'largest request <= 4 MiB (4194304 bytes) at 100k', measured: office.largestRequestBytes, met: office.largestRequestBytes <= 4 * MIB }
      : unmeasured('largest request <= 4 MiB at 100k', big ? (big.officeNullReason ?? 'no figures') : noBig),
    fasterThanLibreOffice100k: !big
      ? unmeasured('our CLI run / LibreOffice open+recalculate+save < 1 at 100k', noBig)
      : !lo
        ? unmeasured('our CLI run / LibreOffice open+recalculate+save < 1 at 100k', 'soffice is not installed')
        : 'ms' in lo
          ? { target: 'our CLI run / LibreOffice open+recalculate+save < 1 at 100k', measured: big.ratioOursToLibreOffice, met: big.cli.ms < lo.ms }
          : 'timedOutAfterMs' in lo
            ? { target: 'our CLI run / LibreOffice < 1 at 100k', measured: `LibreOffice did not finish in ${lo.timedOutAfterMs} ms`, met: big.cli.ms < lo.timedOutAfterMs }
            : unmeasured('our CLI run / LibreOffice < 1 at 100k', `LibreOffice failed: ${lo.failed}`),
  };
}

function gitCommit(): string | undefined {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
    return dirty ? `${head}+uncommitted` : head;
  } catch {
    return undefined;
  }
}

async function main() {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') {
    const res = await child(Number(argv[1]), Number(argv[2]), argv[3]);
    process.stdout.write(JSON.stringify(res));
    return;
  }
  const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`BENCH_SIZES must be whole numbers of employees, comma-separated: "${process.env.BENCH_SIZES}"`);
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`BENCH_RUNS must be a whole number of at least 1: "${process.env.BENCH_RUNS}"`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-bench-'));
  const started = new Date();
  const results: SizeResult[] = [];
  const failures: { employees: number; error: string }[] = [];
  try {
    for (const size of sizes) {
      process.stderr.write(`bench: ${size.toLocaleString('en')} employees, ${runs} run(s)…\n`);
      try {
        const r = spawnSync(process.execPath, ['--expose-gc', path.join(ROOT, 'bin/run-ts.cjs'), path.join(ROOT, 'bench/bench.ts'), '--child', String(size), String(runs), dir], {
          cwd: ROOT,
          encoding: 'utf8',
          maxBuffer: 1 << 26,
        });
        if (r.status !== 0) throw new Error(`the process for ${size} employees failed (exit ${r.status ?? r.signal}): ${r.stderr.slice(-4000)}`);
        const res = JSON.parse(r.stdout) as Awaited<ReturnType<typeof child>>;
        const cli = cliRuns(res.input, dir, runs);
        const lo = libreOffice(res.output, dir);
        results.push({ ...res, cli, libreOffice: lo, ratioOursToLibreOffice: lo && 'ms' in lo ? round(cli.ms / lo.ms, 3) : undefined });
      } catch (e) {
        process.stderr.write(`bench: ${size.toLocaleString('en')} employees failed: ${message(e)}\n`);
        failures.push({ employees: size, error: e instanceof Error ? e.message : String(e) });
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const report = {
    date: started.toISOString(),
    commit: gitCommit(),
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryMB: Math.round(os.totalmem() / MIB), node: process.version, loadavgAtEnd: os.loadavg().map((x) => round(x, 2)) },
    results: results.map(({ input: _input, output: _output, ...r }) => r),
    targets: targets(results),
    ...(failures.length > 0 ? { failures } : {}),
  };
  const json = JSON.stringify(report, null, 2);
  console.log(json);
  if (process.env.BENCH_SAVE === '1') {
    const file = path.join(ROOT, 'bench', 'results', `${started.toISOString().slice(0, 10)}.json`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${json}\n`);
    process.stderr.write(`bench: saved ${path.relative(ROOT, file)}\n`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
