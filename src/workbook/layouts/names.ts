/** Defined names that output formulas cite, beyond the Assumptions parameters. */
export const PAY_LINE_A = 'PayLineA';
export const PAY_LINE_B = 'PayLineB';

/** Table names of the output sheets (workbook-unique). */
export const TABLES = {
  marketAnalysis: 'tblMarketAnalysis',
  surveyDetail: 'tblSurveyDetail',
  payStructure: 'tblPayStructure',
  jobSlotting: 'tblJobSlotting',
} as const;
