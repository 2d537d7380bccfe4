/** Output sheets of job evaluation and the structure options (the add-in owns and replaces them). */
export const STRUCTURE_SHEETS = {
  evaluation: 'Evaluation Results',
  broadbands: 'Broadbands',
  steps: 'Step Scale',
  locations: 'Location Ranges',
  employees: 'Employee Ranges',
} as const;

/** Table names (workbook-unique). */
export const STRUCTURE_TABLES = {
  factorPoints: 'tblFactorPoints',
  jobPoints: 'tblJobPoints',
  broadbands: 'tblBroadbands',
  steps: 'tblStepScale',
  locations: 'tblLocations',
  locationRanges: 'tblLocationRanges',
  employeeRanges: 'tblEmployeeRanges',
} as const;

/**
 * Columns of the core output sheets that these formulas read (see layouts/jobSlotting.ts and
 * layouts/marketAnalysis.ts; a test checks them against those layouts' headers). Both sheets list
 * the jobs in the same order, one per row from row 2.
 */
export const JOB_SLOTTING_COLUMNS = { code: 'A', grade: 'D', marketRate: 'E' } as const;
export const MARKET_ANALYSIS_COLUMNS = { benchmark: 'I' } as const;
