/**
 * The workbook contract as data: canonical input sheets, their columns, the kind of each column and
 * the synonyms a header may use. Matching ignores case, spaces and punctuation (see `normalizeHeader`).
 */
export type ColumnKind = 'text' | 'code' | 'number' | 'integer' | 'money' | 'percent' | 'date' | 'flag';

export interface ColumnDef {
  key: string;
  /** Canonical header. */
  name: string;
  kind: ColumnKind;
  required?: boolean;
  synonyms?: string[];
  /** Numbers must be > 0 (salaries, points) or ≥ 0. */
  positive?: boolean;
  nonNegative?: boolean;
}

export interface SheetDef {
  key: string;
  /** Canonical sheet name. */
  name: string;
  synonyms?: string[];
  required: boolean;
  /** Columns beyond the declared ones are kept (as extras) rather than ignored. */
  keepExtraColumns?: boolean;
  columns: ColumnDef[];
}

export const JOBS: SheetDef = {
  key: 'jobs',
  name: 'Jobs',
  synonyms: ['Job List', 'Job Catalogue', 'Job Catalog', 'Positions'],
  required: true,
  columns: [
    { key: 'code', name: 'Job Code', kind: 'code', required: true, synonyms: ['Job ID', 'Code', 'Job No', 'Job Number', 'Position Code'] },
    { key: 'title', name: 'Job Title', kind: 'text', required: true, synonyms: ['Title', 'Job Name', 'Position', 'Position Title'] },
    { key: 'family', name: 'Job Family', kind: 'text', synonyms: ['Family', 'Function', 'Job Function'] },
    { key: 'points', name: 'Points', kind: 'number', required: true, positive: true, synonyms: ['Job Points', 'Evaluation Points', 'Total Points', 'Job Evaluation Points', 'Score'] },
    { key: 'benchmark', name: 'Benchmark', kind: 'flag', synonyms: ['Benchmark Job', 'Is Benchmark', 'Benchmark (Y/N)'] },
  ],
};

export const MARKET: SheetDef = {
  key: 'market',
  name: 'Market',
  synonyms: ['Market Data', 'Survey', 'Surveys', 'Survey Data', 'Market Survey'],
  required: true,
  columns: [
    { key: 'jobCode', name: 'Job Code', kind: 'code', required: true, synonyms: ['Job ID', 'Code', 'Benchmark Code'] },
    { key: 'survey', name: 'Survey', kind: 'text', required: true, synonyms: ['Survey Name', 'Source', 'Survey Source'] },
    { key: 'effectiveDate', name: 'Effective Date', kind: 'date', required: true, synonyms: ['Survey Date', 'Data Date', 'Date', 'As Of'] },
    { key: 'p10', name: 'P10', kind: 'money', positive: true, synonyms: ['10th', '10th Percentile', 'Percentile 10'] },
    { key: 'p25', name: 'P25', kind: 'money', positive: true, synonyms: ['25th', '25th Percentile', 'Percentile 25', 'Q1', 'Lower Quartile'] },
    { key: 'p50', name: 'P50', kind: 'money', positive: true, synonyms: ['50th', '50th Percentile', 'Percentile 50', 'Median'] },
    { key: 'p75', name: 'P75', kind: 'money', positive: true, synonyms: ['75th', '75th Percentile', 'Percentile 75', 'Q3', 'Upper Quartile'] },
    { key: 'p90', name: 'P90', kind: 'money', positive: true, synonyms: ['90th', '90th Percentile', 'Percentile 90'] },
    { key: 'weight', name: 'Weight', kind: 'number', nonNegative: true, synonyms: ['Survey Weight', 'Blend Weight'] },
    { key: 'incumbents', name: 'Incumbents', kind: 'integer', nonNegative: true, synonyms: ['N', 'Count', 'Incumbent Count', 'Employees'] },
  ],
};

export const EMPLOYEES: SheetDef = {
  key: 'employees',
  name: 'Employees',
  synonyms: ['Employee Data', 'Staff', 'People', 'Census', 'Payroll', 'Roster'],
  required: false,
  keepExtraColumns: true,
  columns: [
    { key: 'id', name: 'Employee ID', kind: 'code', required: true, synonyms: ['Emp ID', 'Employee Number', 'Employee No', 'Personnel Number', 'ID'] },
    { key: 'name', name: 'Name', kind: 'text', synonyms: ['Employee Name', 'Full Name'] },
    { key: 'jobCode', name: 'Job Code', kind: 'code', required: true, synonyms: ['Job ID', 'Position Code'] },
    { key: 'baseSalary', name: 'Base Salary', kind: 'money', required: true, positive: true, synonyms: ['Salary', 'Annual Base', 'Base Pay', 'Annual Salary', 'Base', 'Annual Base Salary'] },
    { key: 'fte', name: 'FTE', kind: 'number', synonyms: ['Full Time Equivalent', 'FTE %'] },
    { key: 'hireDate', name: 'Hire Date', kind: 'date', synonyms: ['Start Date', 'Date of Hire', 'Date Hired', 'Join Date'] },
    { key: 'gender', name: 'Gender', kind: 'text', synonyms: ['Sex'] },
    { key: 'department', name: 'Department', kind: 'text', synonyms: ['Dept', 'Division', 'Org Unit', 'Cost Centre', 'Cost Center'] },
    { key: 'location', name: 'Location', kind: 'text', synonyms: ['Site', 'Office', 'City', 'Work Location'] },
    { key: 'managerId', name: 'Manager ID', kind: 'code', synonyms: ['Manager', 'Supervisor ID', 'Reports To', 'Manager Employee ID'] },
    { key: 'rating', name: 'Rating', kind: 'number', synonyms: ['Performance Rating', 'Perf Rating', 'Appraisal Rating'] },
    { key: 'bonus', name: 'Bonus', kind: 'money', nonNegative: true, synonyms: ['Variable Pay', 'Bonus Paid', 'Incentive'] },
    { key: 'weeklyHours', name: 'Weekly Hours', kind: 'number', positive: true, synonyms: ['Hours', 'Hours per Week', 'Contract Hours'] },
    { key: 'skillLevel', name: 'Skill Level', kind: 'number', nonNegative: true, synonyms: ['Skill', 'Certified Skill Level', 'Skill Points'] },
    { key: 'competencyScore', name: 'Competency Score', kind: 'number', nonNegative: true, synonyms: ['Competency', 'Competency Points', 'Ability Score'] },
  ],
};

export const APPRAISAL: SheetDef = {
  key: 'appraisal',
  name: 'Appraisal',
  synonyms: ['Appraisals', 'Performance', 'Objectives', 'Performance Review'],
  required: false,
  columns: [
    { key: 'employeeId', name: 'Employee ID', kind: 'code', required: true, synonyms: ['Emp ID', 'Employee Number', 'ID'] },
    { key: 'objective', name: 'Objective', kind: 'text', synonyms: ['Goal', 'KPI'] },
    { key: 'weight', name: 'Weight', kind: 'percent', required: true, nonNegative: true, synonyms: ['Objective Weight'] },
    { key: 'score', name: 'Score', kind: 'number', required: true, synonyms: ['Rating', 'Objective Score'] },
  ],
};

export const ASSUMPTIONS_SHEET = 'Assumptions';

/** Input sheets in the order the pipeline reads them. */
export const INPUT_SHEETS: SheetDef[] = [JOBS, MARKET, EMPLOYEES, APPRAISAL];

/** Output sheet names the add-in owns (PRODUCT.md, "Outputs"). */
export const OUTPUT_SHEETS = {
  marketAnalysis: 'Market Analysis',
  payStructure: 'Pay Structure',
  jobSlotting: 'Job Slotting',
} as const;

/** Lower case, no spaces or punctuation: `Base-Salary (annual)` → `basesalaryannual`. */
export const normalizeHeader = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
