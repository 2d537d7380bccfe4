import type { PayStructure } from '../../engine/payStructure';
import type { SlottedJob } from '../../engine/slotting';
import { absRange, sheetRef } from '../address';
import { OUTPUT_SHEETS } from '../schema';
import type { SheetSpec } from '../sheetSpec';
import type { LocatedTable } from '../sheetTable';
import { TABLES } from './names';
import { payStructureColumn, PS } from './payStructure';
import { FMT, SheetBuilder, type LayoutColumn } from './sheetBuilder';

/**
 * `Job Slotting`: every job with its grade (a MATCH of its points on the Pay Structure's band
 * edges), its market rate (from Market Analysis, same row order), its grade midpoint and the flag.
 * The Employees column counts the job's incumbents on the user's Employees sheet.
 */
export function jobSlottingSheet(result: PayStructure, employeesByJob: Map<string, number>, employees: LocatedTable | undefined): SheetSpec {
  const b = new SheetBuilder(OUTPUT_SHEETS.jobSlotting);
  const g = result.grades.length;
  const ps = (letter: string) => payStructureColumn(letter, g);
  const lowest = `${ps(PS.minPoints).split(':')[0]}`;
  const highest = sheetRef(OUTPUT_SHEETS.payStructure, `$${PS.maxPoints}$${g + 1}`);
  const ma = (col: string, r: number) => sheetRef(OUTPUT_SHEETS.marketAnalysis, `${col}${r}`);
  const employeeJobs = employees
    ? sheetRef(employees.sheet, absRange(employees.firstDataRow, employees.columns.get('jobCode')!, employees.lastDataRow, employees.columns.get('jobCode')!))
    : undefined;
  const columns: LayoutColumn<SlottedJob>[] = [
    { header: 'Job Code', width: 12, cell: (s) => s.job.code },
    { header: 'Job Title', width: 30, cell: (s) => s.job.title },
    { header: 'Points', format: FMT.points, width: 9, cell: (s) => s.job.points },
    {
      header: 'Grade',
      format: FMT.integer,
      width: 7,
      fill: { formula: (r) => `IF(OR(C${r}<${lowest},C${r}>${highest}),"",INDEX(${ps(PS.grade)},MATCH(C${r},${ps(PS.minPoints)},1)))`, value: (s) => s.grade },
    },
    { header: 'Market Rate', format: FMT.money, width: 13, fill: { formula: (r) => ma('D', r), value: (s) => s.marketRate } },
    { header: 'Midpoint', format: FMT.money, width: 12, fill: { formula: (r) => `IF(D${r}="","",INDEX(${ps(PS.midpoint)},D${r}))`, value: (s) => s.midpoint } },
    { header: 'Market vs Midpoint', format: FMT.percent, width: 12, fill: { formula: (r) => `IF(OR(E${r}="",F${r}=""),"",E${r}/F${r}-1)`, value: (s) => s.marketVsMidpoint } },
    {
      header: 'Flag',
      width: 16,
      fill: {
        formula: (r) =>
          `IF(D${r}="","Outside bands",IF(E${r}="","No market data",IF(E${r}>INDEX(${ps(PS.maximum)},D${r}),"Above maximum",` +
          `IF(E${r}<INDEX(${ps(PS.minimum)},D${r}),"Below minimum",IF(G${r}>SlottingTolerance,"Above midpoint",IF(G${r}<-SlottingTolerance,"Below midpoint",""))))))`,
        value: (s) => s.flag,
      },
    },
    employeeJobs
      ? { header: 'Employees', format: FMT.integer, width: 10, fill: { formula: (r) => `COUNTIF(${employeeJobs},A${r})`, value: (s) => employeesByJob.get(s.job.code) ?? 0 } }
      : { header: 'Employees', format: FMT.integer, width: 10, cell: () => 0 },
  ];
  b.table(TABLES.jobSlotting, 1, 1, result.slotting, columns);
  return b.build();
}

