/** The realistic sample workbook (task pane "Load sample", `salary-structure sample`, the browser preview). */
export {
  generateSample,
  defaultJobCount,
  SAMPLE_EFFECTIVE_DATE,
  DEFAULT_SAMPLE_SEED,
  DEFAULT_SAMPLE_EMPLOYEES,
  MAX_SAMPLE_EMPLOYEES,
  MAX_SAMPLE_JOBS,
} from './generate';
export type { SampleOptions, SampleWorkbook } from './generate';
export { Random, cumulative, mixSeed } from './random';
