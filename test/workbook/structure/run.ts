import { MemoryHost, type MemorySheetInit } from '../../../src/hosts/memory';
import type { WorkbookHost } from '../../../src/hosts/host';
import { computeStructureStage, layoutStructureStage, parseStructureStage, structureInputSheets } from '../../../src/run/structureOptionsStage';
import { matchInputSheets, parseWorkbook } from '../../../src/workbook/readInputs';

/** The pipeline with the structure stages, as pipeline.ts is to run it: read → parse → compute → lay out → write. */
export async function runStructure(host: WorkbookHost) {
  const sheets = await host.listSheets();
  const sheetOf = matchInputSheets(sheets);
  const structureSheetOf = structureInputSheets(sheets);
  const grids = await host.readSheets([...new Set([...sheetOf.values(), ...structureSheetOf.values()])]);
  const parsed = parseWorkbook(grids, sheetOf);
  const stage = parseStructureStage(grids, structureSheetOf, sheetOf.get('assumptions'));
  const computed = computeStructureStage(parsed, stage);
  const update = layoutStructureStage(parsed, stage, computed);
  // Until `Assumptions` declares the new parameters, readAssumptions reports them as unknown (and `Custom` bands as bad).
  const pending = (p: { code: string; message: string }) => p.code === 'unknown-parameter' || (p.code === 'bad-parameter' && /Grade Bands "Custom"/.test(p.message));
  const problems = [...parsed.problems.filter((p) => !pending(p)), ...stage.problems, ...computed.problems];
  return { parsed, stage, computed, update, problems };
}

export async function runOn(sheets: MemorySheetInit[]) {
  const host = new MemoryHost(sheets);
  const run = await runStructure(host);
  const errors = run.problems.filter((p) => p.severity === 'error');
  if (errors.length === 0) await host.write(run.update);
  return { host, ...run, errors };
}
