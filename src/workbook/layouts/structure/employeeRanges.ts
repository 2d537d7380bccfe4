import type { EmployeeRange } from '../../../engine/structureOptions/employeeRanges';
import type { PaySystem } from '../../../engine/types';
import { absRange, sheetRef } from '../../address';
import { OUTPUT_SHEETS } from '../../schema';
import type { SheetSpec } from '../../sheetSpec';
import { compaRatioScale, rangePositionIcons } from '../payPosition';
import { payStructureColumn, PS } from '../payStructure';
import { FMT, remembered, SheetBuilder, type ColumnFill, type LayoutColumn } from '../sheetBuilder';
import { JOB_SLOTTING_COLUMNS, STRUCTURE_SHEETS, STRUCTURE_TABLES } from './names';

/** Column of the Grade on `Employee Ranges` (F), counted by `Pay Structure` under the Skill and Ability systems. */
export const EMPLOYEE_RANGES_GRADE_COLUMN = 6;

export interface EmployeeRangesInput {
  employees: EmployeeRange[];
  paySystem: PaySystem;
  grades: number;
  /** Last data row of Job Slotting (Post: the grade is the job's). */
  jobsLastRow: number;
  /** Rows of the locations table on `Location Ranges`, when there are locations. */
  locationCount?: number;
}

/**
 * `Employee Ranges`: every employee with the grade they are paid in (their job's under Post; their own
 * skill level or competency score, matched on the Pay Structure's Min Points, under Skill and Ability),
 * their location's differential, the range they are compared with (the Pay Structure's, moved by the
 * differential and rounded), compa-ratio, range penetration and status, all as formulas.
 */
export function employeeRangesSheet(input: EmployeeRangesInput): SheetSpec {
  const { paySystem, grades: n } = input;
  const b = new SheetBuilder(STRUCTURE_SHEETS.employees);
  const ps = remembered((letter: string) => payStructureColumn(letter, n));
  const js = remembered((col: string) => sheetRef(OUTPUT_SHEETS.jobSlotting, `$${col}$2:$${col}$${input.jobsLastRow}`));
  const lowest = ps(PS.minPoints).split(':')[0];
  const highest = sheetRef(OUTPUT_SHEETS.payStructure, `$${PS.maxPoints}$${n + 1}`);
  const located = input.locationCount !== undefined && input.locationCount > 0;
  const lr = (col: number) => sheetRef(STRUCTURE_SHEETS.locations, absRange(2, col, input.locationCount! + 1, col));
  const level = paySystem === 'Skill' ? 'Skill Level' : paySystem === 'Ability' ? 'Competency Score' : 'Job Points';
  const bound = (letter: string, value: (e: EmployeeRange) => EmployeeRange['minimum']): ColumnFill<EmployeeRange> => ({
    formula: (r) =>
      located
        ? `IF($F${r}="","",IF($H${r}=0,INDEX(${ps(letter)},$F${r}),ROUND(INDEX(${ps(letter)},$F${r})*(1+$H${r})/RoundingMultiple,0)*RoundingMultiple))`
        : `IF($F${r}="","",INDEX(${ps(letter)},$F${r}))`,
    value,
  });
  const columns: LayoutColumn<EmployeeRange>[] = [
    { header: 'Employee ID', width: 12, cell: (e) => e.employee.id },
    { header: 'Name', width: 22, cell: (e) => e.employee.name ?? null },
    { header: 'Job Code', width: 11, cell: (e) => e.employee.jobCode },
    { header: 'Graded By', width: 16, cell: (e) => e.basis },
    { header: level, format: '#,##0.##', width: 12, cell: (e) => e.value ?? null },
    {
      header: 'Grade',
      format: FMT.integer,
      width: 7,
      fill: {
        formula: (r) =>
          paySystem === 'Post'
            ? `IFERROR(INDEX(${js(JOB_SLOTTING_COLUMNS.grade)},MATCH(C${r},${js(JOB_SLOTTING_COLUMNS.code)},0)),"")`
            : `IF(E${r}="","",IF(OR(E${r}<${lowest},E${r}>${highest}),"",INDEX(${ps(PS.grade)},MATCH(E${r},${ps(PS.minPoints)},1))))`,
        value: (e) => e.grade,
      },
    },
    { header: 'Location', width: 14, cell: (e) => e.location ?? null },
    located
      ? {
          header: 'Differential',
          format: FMT.percent,
          width: 11,
          fill: { formula: (r) => `IF(G${r}="",0,IFERROR(INDEX(${lr(2)},MATCH(G${r},${lr(1)},0)),0))`, value: (e) => e.differential },
        }
      : { header: 'Differential', format: FMT.percent, width: 11, cell: () => 0 },
    { header: 'Minimum', format: FMT.money, width: 12, fill: bound(PS.minimum, (e) => e.minimum) },
    { header: 'Midpoint', format: FMT.money, width: 12, fill: bound(PS.midpoint, (e) => e.midpoint) },
    { header: 'Maximum', format: FMT.money, width: 12, fill: bound(PS.maximum, (e) => e.maximum) },
    { header: 'Base Salary', format: FMT.money, width: 12, cell: (e) => e.employee.baseSalary.toNumber() },
    { header: 'Compa-Ratio', format: FMT.ratio, width: 11, fill: { formula: (r) => `IF(J${r}="","",L${r}/J${r})`, value: (e) => e.compaRatio } },
    { header: 'Range Penetration', format: FMT.percent, width: 12, fill: { formula: (r) => `IF(OR(I${r}="",K${r}=I${r}),"",(L${r}-I${r})/(K${r}-I${r}))`, value: (e) => e.penetration } },
    {
      header: 'Status',
      width: 15,
      fill: { formula: (r) => `IF(F${r}="","No grade",IF(L${r}<I${r},"Below minimum",IF(L${r}>K${r},"Above maximum","")))`, value: (e) => e.status },
    },
  ];
  const t = b.table(STRUCTURE_TABLES.employeeRanges, 1, 1, input.employees, columns);
  return b.build({ conditionalFormats: [compaRatioScale(`M${t.first}:M${t.last}`), rangePositionIcons(`N${t.first}:N${t.last}`)] });
}
