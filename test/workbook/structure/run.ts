import { MemoryHost, type MemorySheetInit } from '../../../src/hosts/memory';
import type { WorkbookHost } from '../../../src/hosts/host';
import { compute, layout } from '../../../src/run/pipeline';
import { matchInputSheets, parseWorkbook } from '../../../src/workbook/readInputs';

/** The pipeline's stages: read → parse → compute → lay out → write. */
export async function runStructure(host: WorkbookHost) {
  const sheets = await host.listSheets();
  const sheetOf = matchInputSheets(sheets);
  const grids = await host.readSheets([...new Set(sheetOf.values())]);
  const parsed = parseWorkbook(grids, sheetOf);
  const stage = parsed.structure;
  const computed = compute(parsed);
  const update = layout(parsed, computed);
  // parsed.problems already holds the structure inputs' and settings' problems.
  const problems = [...parsed.problems, ...computed.problems];
  return { parsed, stage, computed, update, problems };
}

export async function runOn(sheets: MemorySheetInit[]) {
  const host = new MemoryHost(sheets);
  const run = await runStructure(host);
  const errors = run.problems.filter((p) => p.severity === 'error');
  if (errors.length === 0) await host.write(run.update);
  return { host, ...run, errors };
}
