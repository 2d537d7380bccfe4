import type { DesignedStructure } from '../../../engine/structureOptions/apply';
import type { EmployeeRange } from '../../../engine/structureOptions/employeeRanges';
import type { PaySystem } from '../../../engine/types';
import type { SheetSpec } from '../../sheetSpec';
import { broadbandsSheet } from './broadbands';
import { employeeRangesSheet } from './employeeRanges';
import { locationRangesSheet } from './locationRanges';
import { stepScaleSheet } from './stepScale';

export { evaluationResultsSheet, evaluationTotalCell } from './evaluationResults';
export { withStructureOptions } from './payStructureOptions';
export { STRUCTURE_SHEETS, STRUCTURE_TABLES } from './names';

/**
 * The option sheets a designed structure calls for, in workbook order: Broadbands, Step Scale,
 * Location Ranges (each only when its option is set) and Employee Ranges, when there are employees and
 * either they are graded by their own skill or competency or their location moves their range.
 */
export function structureOptionSheets(
  structure: DesignedStructure,
  people: { employees: EmployeeRange[]; paySystem: PaySystem; jobsLastRow: number } | undefined,
): SheetSpec[] {
  const sheets: SheetSpec[] = [];
  const n = structure.grades.length;
  if (structure.broadbands) sheets.push(broadbandsSheet(structure.broadbands, n));
  if (structure.steps && structure.options.steps) sheets.push(stepScaleSheet(structure.steps, structure.options.steps));
  const locations = structure.options.locations ?? [];
  if (structure.locationRanges && locations.length > 0) sheets.push(locationRangesSheet(locations, structure.locationRanges));
  if (people && people.employees.length > 0 && (people.paySystem !== 'Post' || locations.length > 0)) {
    sheets.push(employeeRangesSheet({ ...people, grades: n, locationCount: structure.locationRanges ? locations.length : undefined }));
  }
  return sheets;
}
