/**
 * Pay compression against managers: employees paid at or above their manager, and those within a
 * margin below them. Base salaries are compared as full-time rates, so FTE does not distort the
 * comparison; in double precision, as the sheet's formula salary >= manager * (1 - margin) compares
 * them. Manager lookups go through a Map (O(n)).
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
 * is not converted again.
 */
export function payCompression(employees: readonly Employee[], margin: number, salaries?: ArrayLike<number>): CompressionResult {
  // IDs match case-insensitively (as Excel's MATCH); most match exactly, so the folded map is built only if needed.
  const exact = new Map<string, number>();
  employees.forEach((e, i) => exact.set(e.id, i));
  let folded: Map<string, number> | undefined;
  const find = (id: string): number | undefined => {
    const hit = exact.get(id);
    if (hit !== undefined) return hit;
    if (!folded) {
      folded = new Map();
      employees.forEach((e, i) => folded!.set(e.id.trim().toUpperCase(), i));
    }
    return folded.get(id.trim().toUpperCase());
  };
  const salary = salaries ?? employees.map((e) => toDouble(e.baseSalary));
  const floor = 1 - margin;
  const result: CompressionResult = { withManager: 0, atOrAbove: [], withinMargin: [], managerNotFound: [] };
  employees.forEach((employee, i) => {
    const id = employee.managerId;
    if (!id || !id.trim()) return;
    const m = find(id);
    if (m === undefined || m === i) {
      result.managerNotFound.push(employee);
      return;
    }
    result.withManager++;
    const manager = employees[m];
    if (salary[i] >= salary[m]) result.atOrAbove.push({ employee, manager, kind: 'At or above manager', ratio: salary[i] / salary[m] });
    else if (salary[i] >= salary[m] * floor) result.withinMargin.push({ employee, manager, kind: 'Within margin of manager', ratio: salary[i] / salary[m] });
  });
  return result;
}
