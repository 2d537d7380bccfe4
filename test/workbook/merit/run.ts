import type { Problem } from '../../../src/engine/problem';
import type { WorkbookHost } from '../../../src/hosts/host';
import { compute, layout } from '../../../src/run/pipeline';
import { matchInputSheets, parseWorkbook } from '../../../src/workbook/readInputs';
import type { WorkbookUpdate } from '../../../src/workbook/sheetSpec';

/** The pipeline's stages, keeping the merit read and result for the assertions. */
export async function runWithMerit(host: WorkbookHost) {
  const sheets = await host.listSheets();
  const sheetOf = matchInputSheets(sheets);
  const grids = await host.readSheets([...new Set(sheetOf.values())]);
  const parsed = parseWorkbook(grids, sheetOf);
  const computed = compute(parsed);
  const read = parsed.merit!;
  const result = computed.merit!;
  const update: WorkbookUpdate = layout(parsed, computed);
  const problems: Problem[] = [...parsed.problems, ...computed.problems];
  return { parsed, computed, read, result, update, problems };
}
