import * as fs from 'node:fs';
import * as path from 'node:path';
import { HostError } from '../hosts/host';
import { FileHost } from '../hosts/file/fileHost';
import { runPipeline } from '../run/pipeline';
import { sampleUpdate } from '../sample/sampleWorkbook';
import { formatProblems, formatSummary } from './format';

const HELP = `salary-structure — design salary structures from an Excel workbook

Usage:
  salary-structure sample <out.xlsx> [--employees N] [--seed S]
      Write a realistic, seeded sample workbook (Jobs, Market, Employees, Appraisal,
      Assumptions). Default: 300 employees, seed 42.

  salary-structure run <in.xlsx> [-o <out.xlsx>] [--json]
      Read the workbook's Jobs, Market, Employees and Assumptions sheets, price the jobs,
      fit the pay line, build grades and ranges, slot the jobs, and write a copy of the
      workbook with the output sheets (Market Analysis, Pay Structure, Job Slotting) added
      or replaced. The input file is never written; everything else in it (formats,
      comments, pictures, charts, pivot tables, names, macros) is carried over as it was,
      and anything that could not be (such as a comment on the add-in's own previous output
      sheet, which is replaced whole) is named in the notes.
      Default output: <in>-structure.xlsx (<in>-structure.xlsm for a workbook with macros,
      which Excel only opens under .xlsm: -o must then end in .xlsm too).
      --json prints the summary, problems and timings as JSON.

  salary-structure --help | --version

Exit codes: 0 success; 1 the data has errors (problems printed, no output written);
2 usage or file errors.`;

interface Parsed {
  command?: string;
  positional: string[];
  flags: Map<string, string | true>;
}

class UsageError extends Error {}

const VALUE_FLAGS = new Set(['-o', '--output', '--employees', '--seed']);

function parseArgs(argv: string[]): Parsed {
  const out: Parsed = { positional: [], flags: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('-')) {
      const [flag, inline] = a.split('=', 2);
      if (VALUE_FLAGS.has(flag)) {
        const v = inline ?? argv[++i];
        if (v === undefined) throw new UsageError(`${flag} needs a value`);
        out.flags.set(flag === '--output' ? '-o' : flag, v);
      } else if (['--help', '-h', '--version', '--json'].includes(flag)) out.flags.set(flag, true);
      else throw new UsageError(`unknown option ${a}`);
    } else if (!out.command) out.command = a;
    else out.positional.push(a);
  }
  return out;
}

function positiveInt(v: string | true | undefined, name: string, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} must be a whole number above 0, not "${String(v)}"`);
  return n;
}

async function sample(args: Parsed, out: (s: string) => void): Promise<number> {
  const [file] = args.positional;
  if (!file || args.positional.length > 1) throw new UsageError('sample takes one output file: salary-structure sample <out.xlsx>');
  const employees = positiveInt(args.flags.get('--employees'), '--employees', 300);
  const seed = positiveInt(args.flags.get('--seed'), '--seed', 42);
  const host = FileHost.createEmpty();
  await host.write(sampleUpdate({ employees, seed }));
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  await host.saveAs(file);
  out(`Wrote ${file}: sample workbook with ${employees} employees (seed ${seed}).`);
  return 0;
}

async function run(args: Parsed, out: (s: string) => void): Promise<number> {
  const [input] = args.positional;
  if (!input || args.positional.length > 1) throw new UsageError('run takes one input workbook: salary-structure run <in.xlsx> -o <out.xlsx>');
  const given = args.flags.get('-o');
  if (typeof given === 'string' && path.resolve(given) === path.resolve(input)) throw new UsageError('the output must be a different file from the input (the input is never written)');
  const host = await FileHost.open(input);
  const output = typeof given === 'string' ? given : path.join(path.dirname(input), `${path.basename(input, path.extname(input))}-structure${host.expectedExtension()}`);
  // Refuse before the run, not after it: the input by another path or link, or a macro workbook named .xlsx.
  await host.checkSaveTarget(output);
  const result = await runPipeline(host);
  const json = args.flags.has('--json');
  if (!result.ok) {
    if (json) out(JSON.stringify({ ok: false, problems: result.problems, timings: result.timings }, null, 2));
    else out(`${input}: the data has errors; nothing was written.\n${formatProblems(result.problems)}`);
    return 1;
  }
  fs.mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
  await host.saveAs(output);
  if (json) {
    out(JSON.stringify({ ok: true, output, summary: result.summary, problems: result.problems, notes: result.report?.notes, timings: result.timings }, null, 2));
    return 0;
  }
  out(`Wrote ${output}\n`);
  out(formatSummary(result.summary!));
  if (result.report?.notes.length) out(`\nNotes:\n${result.report.notes.map((n) => `  ${n}`).join('\n')}`);
  if (result.problems.length > 0) out(`\nProblems (${result.problems.length}):\n${formatProblems(result.problems)}`);
  return 0;
}

/** Entry point; returns the exit code. */
export async function main(argv: string[], out: (s: string) => void = (s) => console.log(s), err: (s: string) => void = (s) => console.error(s)): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.flags.has('--help') || args.command === 'help') {
      out(HELP);
      return 0;
    }
    if (args.flags.has('--version')) {
      out('salary-structure 0.1.0');
      return 0;
    }
    switch (args.command) {
      case 'sample':
        return await sample(args, out);
      case 'run':
        return await run(args, out);
      case undefined:
        throw new UsageError('no command given');
      default:
        throw new UsageError(`unknown command "${args.command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      err(`salary-structure: ${e.message}\nRun salary-structure --help for usage.`);
      return 2;
    }
    if (e instanceof HostError || (e as NodeJS.ErrnoException).code === 'ENOENT') {
      err(`salary-structure: ${(e as Error).message}`);
      return 2;
    }
    throw e;
  }
}
