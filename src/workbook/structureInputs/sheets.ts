import type { SheetDef } from '../schema';

/**
 * The input sheets of job evaluation and of the structure options, declared as data like the core
 * sheets in `schema.ts`. All are optional: each feature reads its sheet only when it is in use.
 */
export const FACTOR_PLAN: SheetDef = {
  key: 'factorPlan',
  name: 'Factor Plan',
  synonyms: ['Factors', 'Evaluation Factors', 'Compensable Factors', 'Point Factor Plan', 'Point Plan'],
  required: false,
  columns: [
    { key: 'factor', name: 'Factor', kind: 'text', required: true, synonyms: ['Factor Name', 'Compensable Factor', 'Name'] },
    { key: 'weight', name: 'Weight', kind: 'percent', required: true, synonyms: ['Weight %', 'Factor Weight', 'Weighting', 'Weight (%)'] },
    { key: 'levels', name: 'Levels', kind: 'number', required: true, synonyms: ['Number of Levels', 'Levels Count', 'Degrees', 'Number of Degrees'] },
    { key: 'description', name: 'Description', kind: 'text', synonyms: ['Definition', 'Notes'] },
  ],
};

/** Job Code plus one column per factor holding the job's level; the declared columns below are not factors. */
export const JOB_EVALUATION: SheetDef = {
  key: 'jobEvaluation',
  name: 'Job Evaluation',
  synonyms: ['Job Evaluations', 'Evaluation', 'Evaluations', 'Factor Levels', 'Job Levels'],
  required: false,
  keepExtraColumns: true,
  columns: [
    { key: 'jobCode', name: 'Job Code', kind: 'code', required: true, synonyms: ['Job ID', 'Code', 'Job No', 'Job Number', 'Position Code'] },
    { key: 'title', name: 'Job Title', kind: 'text', synonyms: ['Title', 'Job Name', 'Position', 'Position Title'] },
    { key: 'total', name: 'Total Points', kind: 'number', synonyms: ['Total', 'Points', 'Job Points', 'Evaluation Points', 'Score'] },
    { key: 'notes', name: 'Notes', kind: 'text', synonyms: ['Comments', 'Comment', 'Rationale', 'Remarks'] },
    { key: 'evaluator', name: 'Evaluator', kind: 'text', synonyms: ['Evaluated By', 'Panel', 'Committee'] },
    { key: 'date', name: 'Evaluation Date', kind: 'date', synonyms: ['Date', 'Evaluated On'] },
  ],
};

export const GRADE_BANDS: SheetDef = {
  key: 'gradeBands',
  name: 'Grade Bands',
  synonyms: ['Grade Table', 'Point Bands', 'Grade Definitions', 'Grade Points'],
  required: false,
  columns: [
    { key: 'grade', name: 'Grade', kind: 'integer', required: true, positive: true, synonyms: ['Pay Grade', 'Grade Number', 'Grade No'] },
    { key: 'minPoints', name: 'Min Points', kind: 'number', required: true, nonNegative: true, synonyms: ['Minimum Points', 'From Points', 'Points From', 'Lower Points', 'Min'] },
    { key: 'maxPoints', name: 'Max Points', kind: 'number', required: true, nonNegative: true, synonyms: ['Maximum Points', 'To Points', 'Points To', 'Upper Points', 'Max'] },
    { key: 'midpoint', name: 'Midpoint', kind: 'money', positive: true, synonyms: ['Midpoint Override', 'Mid', 'Target Midpoint'] },
    { key: 'spread', name: 'Spread', kind: 'percent', positive: true, synonyms: ['Range Spread', 'Spread Override', 'Spread %'] },
  ],
};

export const LOCATIONS: SheetDef = {
  key: 'locations',
  name: 'Locations',
  synonyms: ['Location Differentials', 'Geographic Differentials', 'Geo Differentials', 'Locality Pay', 'Localities'],
  required: false,
  columns: [
    { key: 'location', name: 'Location', kind: 'text', required: true, synonyms: ['Site', 'City', 'Office', 'Work Location', 'Area', 'Locality'] },
    { key: 'differential', name: 'Differential %', kind: 'percent', required: true, synonyms: ['Differential', 'Geographic Differential', 'Location Differential', 'Locality Differential', 'Premium', 'Adjustment'] },
  ],
};

/** The new input sheets, in the order they are read (to append to `INPUT_SHEETS`). */
export const STRUCTURE_INPUT_SHEETS: SheetDef[] = [FACTOR_PLAN, JOB_EVALUATION, GRADE_BANDS, LOCATIONS];
