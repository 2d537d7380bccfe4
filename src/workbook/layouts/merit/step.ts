import { gradeOfJob, type MeritGuidelines, type MeritInputs, type MeritOptions } from '../../../engine/merit';
import type { PayStructure } from '../../../engine/payStructure';
import type { Problem } from '../../../engine/problem';
import type { Grid } from '../../grid';
import type { ParsedWorkbook } from '../../readInputs';
import { BONUS_MULTIPLIERS, BONUS_TARGETS, MERIT_GUIDELINES_SHEET, meritColumnsFromEmployees, parseBonusMultipliers, parseBonusTargets, parseMeritGuidelines, readMeritOptions, type MeritOptionsRead } from './inputs';
import type { MeritLayoutContext } from './context';

/** Everything the merit step reads from the workbook beyond ParsedWorkbook. */
export interface MeritRead {
  optionsRead: MeritOptionsRead;
  guidelines?: MeritGuidelines;
  bonusTargets?: Map<number, number>;
  bonusMultipliers?: Map<number, number>;
  overrides: Map<string, number>;
  eligibility: Map<string, boolean>;
  problems: Problem[];
}

/**
 * Parse the merit inputs: the merit parameters on the Assumptions sheet, `Merit Guidelines`, `Bonus Targets`,
 * `Bonus Multipliers` (sheet keys as matchMeritSheets gives them) and the Employees sheet's Merit Override %
 * and Merit Eligible columns. Never throws on bad data.
 */
export function readMerit(grids: ReadonlyMap<string, Grid>, sheetOf: ReadonlyMap<string, string>, parsed: ParsedWorkbook): MeritRead {
  const grid = (key: string) => {
    const name = sheetOf.get(key);
    return name === undefined ? undefined : grids.get(name);
  };
  const problems: Problem[] = [];
  const optionsRead = readMeritOptions(grid('assumptions'), parsed.inputs.assumptions);
  problems.push(...optionsRead.problems);
  const g = parseMeritGuidelines(grid(MERIT_GUIDELINES_SHEET.key));
  problems.push(...g.problems);
  const bonusTargets = parseBonusTargets(grid(BONUS_TARGETS.key), problems);
  const bonusMultipliers = parseBonusMultipliers(grid(BONUS_MULTIPLIERS.key), problems);
  const cols = meritColumnsFromEmployees(parsed.inputs.employees, parsed.tables.get('employees'));
  problems.push(...cols.problems);
  return { optionsRead, guidelines: g.guidelines, bonusTargets, bonusMultipliers, overrides: cols.overrides, eligibility: cols.eligibility, problems };
}

/** The engine's merit inputs from the parsed workbook, the merit read and the built structure. */
export function meritInputs(read: MeritRead, parsed: ParsedWorkbook, structure: PayStructure, gradeOfEmployee?: ReadonlyMap<string, number>): MeritInputs {
  const { inputs } = parsed;
  return {
    gradeOfEmployee,
    employees: inputs.employees,
    // The parser rejects a repeated Employee ID (ignoring case).
    uniqueIds: true,
    appraisal: inputs.appraisal,
    assumptions: inputs.assumptions,
    grades: structure.grades,
    gradeOfJob: gradeOfJob(structure),
    guidelines: read.guidelines,
    overrides: read.overrides,
    eligibility: read.eligibility,
    bonusTargets: read.bonusTargets,
    bonusMultipliers: read.bonusMultipliers,
    options: read.optionsRead.options as MeritOptions,
  };
}

/**
 * The layout context: grades from the structure; Grade a live lookup on Job Slotting, except in
 * person-based systems, where each person's own grade is written as a value.
 */
export function meritLayoutContext(read: MeritRead, parsed: ParsedWorkbook, structure: PayStructure): MeritLayoutContext {
  const personBased = parsed.inputs.assumptions.paySystem !== 'Post';
  return {
    assumptions: parsed.inputs.assumptions,
    options: read.optionsRead.options,
    grades: structure.grades.length,
    slottingLastRow: personBased ? undefined : Math.max(2, structure.slotting.length + 1),
  };
}
