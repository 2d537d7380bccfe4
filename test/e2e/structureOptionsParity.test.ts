import { FileHost } from '../../src/hosts/file/fileHost';
import type { MemorySheetInit } from '../../src/hosts/memory';
import type { SheetSpec, SpecCell } from '../../src/workbook/sheetSpec';
import { runStructure } from '../workbook/structure/run';
import { GRADE_BANDS_ROWS, LOCATIONS_ROWS, structureWorkbook } from '../workbook/structure/workbook';
import { recalculateWithLibreOffice, stripCachedValues } from './support/libreoffice';
import { compareFormulaCells } from './support/parity';

/** The input sheets as a file, the structure stages run on it, the output recalculated by LibreOffice. */
async function recalculated(inputs: MemorySheetInit[]) {
  const file = FileHost.createEmpty();
  await file.write({ sheets: inputs.map((s): SheetSpec => ({ name: s.name, role: 'input', cells: s.rows as SpecCell[][] })), names: [] });
  const host = FileHost.fromBytes(file.toBytes());
  const run = await runStructure(host);
  const errors = run.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((p) => p.message).join('\n'));
  await host.write(run.update);
  const out = FileHost.fromBytes(recalculateWithLibreOffice(stripCachedValues(host.toBytes()), 'structure.xlsx'));
  const outputs = run.update.sheets.filter((s) => s.role === 'output');
  return { run, outputs, grids: await out.readSheets(outputs.map((s) => s.name)) };
}

const SCENARIOS: [string, MemorySheetInit[]][] = [
  [
    'Post: evaluated points, 8%→14% progression, broadbands, equal-% steps, locations',
    structureWorkbook({
      assumptions: [['Midpoint Method', 'Progression'], ['Midpoint Progression', '8%-14%'], ['Grades', 4], ['Broadbands', 2], ['Steps', 5], ['Step Method', 'Equal Percentage']],
      sheets: [{ name: 'Locations', rows: LOCATIONS_ROWS }],
    }),
  ],
  [
    'Skill: given bands with overrides, a given grade 1 midpoint, equal-amount steps, broadbands 1;2',
    structureWorkbook({
      evaluation: false,
      assumptions: [['Pay System', 'Skill'], ['Grade Bands', 'Custom'], ['Midpoint Method', 'Progression'], ['Midpoint Progression', 0.12], ['Grade 1 Midpoint', 50050], ['Steps', 4], ['Broadbands', '1; 2'], ['Rounding', 1]],
      sheets: [{ name: 'Grade Bands', rows: GRADE_BANDS_ROWS }, { name: 'Locations', rows: LOCATIONS_ROWS }],
    }),
  ],
  [
    'Post: geometric levels, an exponential pay line, rising spread, rounding to the cent',
    structureWorkbook({ assumptions: [['Level Progression', 'Geometric'], ['Pay Line', 'Exponential'], ['Grades', 4], ['Range Spread', '40%-60%'], ['Rounding', 0.01]] }),
  ],
  [
    'Post: geometric levels with a 15% Level Step, given bands, pay line midpoints',
    structureWorkbook({
      assumptions: [['Level Progression', 'Geometric'], ['Level Step', 0.15], ['Grade Bands', 'Custom'], ['Steps', 3]],
      sheets: [{ name: 'Grade Bands', rows: GRADE_BANDS_ROWS }],
    }),
  ],
  [
    'Ability: graded by competency score, Level Step set but unused',
    structureWorkbook({ assumptions: [['Pay System', 'Ability'], ['Level Progression', 'Geometric'], ['Level Step', 0.15], ['Grades', 5]], sheets: [{ name: 'Locations', rows: LOCATIONS_ROWS }] }),
  ],
];

describe('structure options: formula parity with LibreOffice', () => {
  it.each(SCENARIOS)('%s', async (_name, inputs) => {
    const { outputs, grids } = await recalculated(inputs);
    const { checked, mismatches } = compareFormulaCells(outputs, grids);
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });
});
