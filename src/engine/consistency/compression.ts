/**
 * Pay compression against managers: employees paid at or above their manager, and those within a
 * margin below them. Base salaries are compared as full-time rates, so FTE does not distort the
 * comparison; in double precision, as the sheet's formula salary >= manager * (1 - margin) compares
 * them. Manager lookups go through a Map (O(n)), or an index the caller resolved once.
 */
import { toDouble } from '../money';
import type { Employee } from '../types';

export type CompressionKind = 'At or above manager' | 'Within margin of manager';

export interface CompressedPair {
  employee: Employee;
  manager: Employee;
  kind: CompressionKind;
  /** Employee's base salary / manager's base salary. */
  ratio: number;
  /** The employee's position in the employees compared. */
  index: number;
}

export interface CompressionResult {
  /** Employees whose Manager ID names someone on the sheet. */
  withManager: number;
  atOrAbove: CompressedPair[];
  withinMargin: CompressedPair[];
  /** Employees whose Manager ID is not an Employee ID (or is their own). */
  managerNotFound: Employee[];
}

/**
 * `margin` as a fraction: 0.05 flags employees paid ≥ 95% of their manager (and below them).
 * `salaries`, when given, holds each employee's base salary as a double (e.g. the placement's), so it
 * is not converted again. `managers`, when given, holds each employee's manager as an index into
 * `employees` (-1: none or not found), resolved as `find` below resolves them (e.g. by the parser, whose
 * IDs are trimmed and unique case-insensitively): then no ID is looked up here.
 */
export function payCompression(employees: readonly Employee[], margin: number, salaries?: ArrayLike<number>, managers?: ArrayLike<number>): CompressionResult {
  const salary = salaries ?? employees.map((e) => toDouble(e.baseSalary));
  const floor = 1 - margin;
  const result: CompressionResult = { withManager: 0, atOrAbove: [], withinMargin: [], managerNotFound: [] };
  const find = managers && managers.length === employees.length ? undefined : managerFinder(employees);
  for (let i = 0; i < employees.length; i++) {
    const employee = employees[i];
    const id = employee.managerId;
    if (!id || !id.trim()) continue;
    const m = find ? find(id) : managers![i];
    if (m === undefined || m < 0 || m === i) {
      result.managerNotFound.push(employee);
      continue;
    }
    result.withManager++;
    const manager = employees[m];
    if (salary[i] >= salary[m]) result.atOrAbove.push({ employee, manager, kind: 'At or above manager', ratio: salary[i] / salary[m], index: i });
    else if (salary[i] >= salary[m] * floor) result.withinMargin.push({ employee, manager, kind: 'Within margin of manager', ratio: salary[i] / salary[m], index: i });
  }
  return result;
}

/** A Manager ID's employee index: IDs match case-insensitively (as Excel's MATCH); most match exactly, so the folded map is built only if needed. */
function managerFinder(employees: readonly Employee[]): (id: string) => number | undefined {
  const exact = new Map<string, number>();
  employees.forEach((e, i) => exact.set(e.id, i));
  let folded: Map<string, number> | undefined;
  return (id: string): number | undefined => {
    const hit = exact.get(id);
    if (hit !== undefined) return hit;
    if (!folded) {
      folded = new Map();
      employees.forEach((e, i) => folded!.set(e.id.trim().toUpperCase(), i));
    }
    return folded.get(id.trim().toUpperCase());
  };
}
