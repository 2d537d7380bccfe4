/**
 * Timing of the file host at scale (a measurement, not a test):
 *   node bin/run-ts.cjs test/hosts/fileHostPerf.ts [rows=100000] [columns=15]
 * Writes a rows × columns sheet (a third text, a third numbers, a third formulas) into a new
 * workbook, saves it, reads it back, then re-runs a small write into that workbook.
 */
import { unzipSync } from 'fflate';
import { columnLetter } from '../../src/workbook/address';
import type { SpecCell } from '../../src/workbook/sheetSpec';
import { FileHost } from '../../src/hosts/file';
import { fullUpdate } from './xlsxKit';

const rows = Number(process.argv[2] ?? 100_000);
const columns = Number(process.argv[3] ?? 15);

function timed<T>(run: () => T): { result: T; ms: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = run();
  const used = process.cpuUsage(cpu);
  return { result, ms: Math.round(performance.now() - start), cpuMs: Math.round((used.user + used.system) / 1000) };
}

async function main(): Promise<void> {
  const cells: SpecCell[][] = [Array.from({ length: columns }, (_, c) => `Column ${c + 1}`)];
  for (let r = 2; r <= rows + 1; r++) {
    cells.push(Array.from({ length: columns }, (_, c): SpecCell => (c % 3 === 0 ? `Employee ${r}-${c}` : c % 3 === 1 ? r * 1.5 + c : { formula: `=B${r}*2`, value: r * 3 + 2 })));
  }
  const host = FileHost.createEmpty();
  const spec = { name: 'Employees', role: 'input' as const, cells, tables: [{ name: 'Staff', range: `A1:${columnLetter(columns)}${rows + 1}` }], formats: [{ range: `B2:B${rows + 1}`, format: '#,##0.00' }] };
  const write = timed(() => host.write({ sheets: [spec], names: [] }));
  await write.result;
  const save = timed(() => host.toBytes());
  const open = timed(() => FileHost.fromBytes(save.result));
  const read = timed(() => open.result.readSheets(['Employees']));
  const grid = (await read.result).get('Employees');
  const rerun = timed(() => open.result.write(fullUpdate()));
  await rerun.result;
  const resave = timed(() => open.result.toBytes());
  console.log(
    JSON.stringify(
      {
        rows,
        columns,
        sheetXmlMB: +(unzipSync(save.result)['xl/worksheets/sheet1.xml'].length / 1e6).toFixed(1),
        fileMB: +(save.result.length / 1e6).toFixed(1),
        write: { ms: write.ms, cpuMs: write.cpuMs },
        toBytes: { ms: save.ms, cpuMs: save.cpuMs },
        openAndRead: { ms: open.ms + read.ms, cpuMs: open.cpuMs + read.cpuMs, rowsRead: grid?.rows.length },
        rerunWriteIntoBigWorkbook: { ms: rerun.ms, cpuMs: rerun.cpuMs },
        rerunToBytes: { ms: resave.ms, cpuMs: resave.cpuMs },
        peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      },
      null,
      1,
    ),
  );
}

void main();
