import { readFileSync } from 'fs';
import { join } from 'path';
import { money } from '../../../src/engine/money';
import { buildPayStructure, type PayStructure } from '../../../src/engine/payStructure';
import { placeEmployees, type Placement, type PlacedEmployee } from '../../../src/engine/placement';
import type { Employee, Inputs } from '../../../src/engine/types';
import { MemoryHost, type MemorySheetInit } from '../../../src/hosts/memory';
import { readWorkbook } from '../../../src/run/pipeline';
import { parseWorkbook } from '../../../src/workbook/readInputs';

export const FIXTURES = join(__dirname, '../../fixtures/equity');

/** A plain CSV (no quoted commas) as header + rows of numbers or strings. */
export function readCsv(file: string): { header: string[]; rows: (number | string)[][] } {
  const lines = readFileSync(join(FIXTURES, file), 'utf8').trim().split(/\r?\n/);
  const header = lines[0].split(',');
  const rows = lines.slice(1).map((l) => l.split(',').map((v) => (v !== '' && !Number.isNaN(Number(v)) ? Number(v) : v)));
  return { header, rows };
}

export const readJson = <T>(file: string): T => JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as T;

/** Reads and parses a workbook held in memory, as the pipeline does. */
export async function parseSheets(sheets: MemorySheetInit[]): Promise<Inputs> {
  const host = new MemoryHost(sheets);
  const { grids, sheetOf } = await readWorkbook(host);
  const parsed = parseWorkbook(grids, sheetOf);
  const errors = parsed.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((p) => p.message).join('\n'));
  return parsed.inputs;
}

export function structureAndPlacement(inputs: Inputs): { structure: PayStructure; placement: Placement } {
  const structure = buildPayStructure(inputs);
  const errors = structure.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((p) => p.message).join('\n'));
  return { structure, placement: placeEmployees({ employees: inputs.employees, jobs: inputs.jobs, structure, assumptions: inputs.assumptions }) };
}

let nextId = 0;
/** A placed employee for unit tests of the equity metrics (grade, midpoint and compa-ratio as given). */
export function placed(over: Partial<Employee> & { grade?: number; midpoint?: number; family?: string; points?: number } = {}): PlacedEmployee {
  const { grade, midpoint, family, points, ...e } = over;
  const employee: Employee = { id: `E${++nextId}`, jobCode: 'J1', baseSalary: money(50000), fte: 1, ...e };
  const mid = midpoint === undefined ? undefined : money(midpoint);
  return {
    employee,
    salary: employee.baseSalary.toNumber(),
    job: { code: employee.jobCode, title: employee.jobCode, family, points: points ?? 100, benchmark: true },
    gradingValue: points ?? 100,
    grade,
    midpoint: mid,
    compaRatio: mid ? employee.baseSalary.toNumber() / mid.toNumber() : undefined,
    circle: '',
    costToMinimum: 0,
    costToMidpoint: 0,
    costToMarket: 0,
    excessOverMaximum: 0,
  };
}

/** A Placement over the given placed employees (no grade totals: the equity metrics do not read them). */
export const placementOf = (employees: PlacedEmployee[]): Placement => ({
  employees,
  byGrade: [],
  byDepartment: [],
  total: {
    key: 'All',
    headcount: employees.length,
    fte: 0,
    compaRatioCount: 0,
    red: 0,
    green: 0,
    costToMinimum: money(0),
    costToMidpoint: money(0),
    costToMarket: money(0),
    excessOverMaximum: money(0),
  },
  problems: [],
});
