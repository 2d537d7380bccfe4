import { PARAMETERS, parseParameter, type ParamDef } from '../../../src/workbook/assumptions';
import type { Grid, GridValue } from '../../../src/workbook/grid';
import {
  defaultStructureSettings,
  factorPlanOf,
  parseBroadbands,
  readStructureSettings,
  STRUCTURE_PARAMETERS,
  structureOptionsOf,
  structureSettingNames,
} from '../../../src/workbook/structureInputs/parameters';

const grid = (rows: GridValue[][]): Grid => ({ sheet: 'Assumptions', top: 1, left: 1, rows: [['Parameter', 'Value'], ...rows] });

describe('the new Assumptions parameters', () => {
  it('are declared like the others, with valid defaults, and clash with none of them', () => {
    for (const p of STRUCTURE_PARAMETERS) {
      if (p.defaultValue !== null) expect(parseParameter(p as unknown as ParamDef, p.defaultValue)).toMatchObject({ ok: true });
    }
    const taken = new Set(PARAMETERS.flatMap((p) => [p.name, p.definedName, ...(p.synonyms ?? [])].map((n) => n.toLowerCase())));
    for (const p of STRUCTURE_PARAMETERS) for (const n of [p.name, p.definedName, ...(p.synonyms ?? [])]) expect(taken.has(n.toLowerCase())).toBe(false);
  });

  it('default to a 1,000-point arithmetic plan, pay line midpoints, 10% progression, equal-amount steps', () => {
    expect(defaultStructureSettings()).toEqual({
      totalPoints: 1000,
      levelProgression: 'Arithmetic',
      midpointMethod: 'Pay Line',
      midpointProgression: { low: 0.1, high: 0.1 },
      stepMethod: 'Equal Amount',
    });
  });

  it('read values as the user types them, with the cells formulas may cite', () => {
    const read = readStructureSettings(
      grid([
        ['Total Points', 1200],
        ['level progression', 'geometric'],
        ['Level Step', '15%'],
        ['Midpoint Method', 'Progression'],
        ['Target Progression', '8%-14%'],
        ['Grade 1 Midpoint', 40000],
        ['Broadbands', '3; 3; 4'],
        ['Steps per Grade', 10],
        ['Step Method', 'Equal-Percentage'],
        ['Grade Bands', 'Custom'],
      ]),
    );
    expect(read.problems).toEqual([]);
    expect(read.customBands).toBe(true);
    expect({ ...read.settings, firstMidpoint: read.settings.firstMidpoint?.toNumber() }).toEqual({
      totalPoints: 1200,
      levelProgression: 'Geometric',
      levelStep: 0.15,
      midpointMethod: 'Progression',
      midpointProgression: { low: 0.08, high: 0.14 },
      firstMidpoint: 40000,
      broadbands: '3; 3; 4',
      steps: 10,
      stepMethod: 'Equal Percentage',
    });
    // Cited: the numbers as typed and choices spelled as the formulas compare them; not "15%" (text),
    // "8%-14%" (two values) or "Equal-Percentage" (a formula comparing with "Equal Percentage" would not match).
    expect([...read.cells.keys()]).toEqual(['totalPoints', 'levelProgression', 'midpointMethod', 'firstMidpoint', 'broadbands', 'steps']);
    expect(structureSettingNames(read)).toEqual([
      { name: 'TotalPoints', ref: 'Assumptions!$B$2' },
      { name: 'LevelProgression', ref: 'Assumptions!$B$3' },
      { name: 'LevelStep', ref: '0.15' },
      { name: 'MidpointMethod', ref: 'Assumptions!$B$5' },
      { name: 'ProgressionLow', ref: '0.08' },
      { name: 'ProgressionHigh', ref: '0.14' },
      { name: 'FirstMidpoint', ref: 'Assumptions!$B$7' },
      { name: 'Broadbands', ref: 'Assumptions!$B$8' },
      { name: 'StepCount', ref: 'Assumptions!$B$9' },
      { name: 'StepMethod', ref: '"Equal Percentage"' },
    ]);
  });

  it('a single progression typed as a fraction is one cell for both ends; 10 typed for 10% is a constant', () => {
    const single = readStructureSettings(grid([['Midpoint Progression', 0.12]]));
    expect(structureSettingNames(single).filter((n) => n.name.startsWith('Progression'))).toEqual([
      { name: 'ProgressionLow', ref: 'Assumptions!$B$2' },
      { name: 'ProgressionHigh', ref: 'Assumptions!$B$2' },
    ]);
    const typed = readStructureSettings(grid([['Midpoint Progression', 10]]));
    expect(typed.settings.midpointProgression).toEqual({ low: 0.1, high: 0.1 });
    expect(structureSettingNames(typed).find((n) => n.name === 'ProgressionLow')).toEqual({ name: 'ProgressionLow', ref: '0.1' });
  });

  it('a bad value is an error at its cell and the default stays', () => {
    const read = readStructureSettings(grid([['Level Progression', 'Logarithmic'], ['Steps', 1], ['Broadbands', 'three']]));
    expect(read.problems.map((p) => p.message)).toEqual([
      'Assumptions!B2: Level Progression "Logarithmic" is not one of Arithmetic, Geometric',
      'Assumptions!B3: Steps 1 is outside 2…50',
      'Assumptions!B4: Broadbands "three" is not a number of bands (e.g. 3) or the grades in each band (e.g. 3; 3; 4)',
    ]);
    expect(read.settings.levelProgression).toBe('Arithmetic');
    expect(read.settings.steps).toBeUndefined();
  });

  it('only the first Grade Bands value counts, as readAssumptions takes it', () => {
    expect(readStructureSettings(grid([['Grade Bands', 'Equal'], ['Grade Bands', 'Custom']])).customBands).toBe(false);
    expect(readStructureSettings(grid([['Grade Bands', 'custom']])).customBands).toBe(true);
  });
});

describe('Broadbands and the engine options', () => {
  it('a number of bands, or the grades in each', () => {
    expect(parseBroadbands('3')).toEqual({ bands: 3 });
    expect(parseBroadbands('3; 3; 4')).toEqual({ sizes: [3, 3, 4] });
    expect(parseBroadbands('2,2')).toEqual({ sizes: [2, 2] });
    expect(parseBroadbands('0')).toHaveProperty('error');
  });

  it('settings and parsed sheets make the engine\'s factor plan and structure options', () => {
    const read = readStructureSettings(grid([['Grade Bands', 'Custom'], ['Broadbands', 2], ['Steps', 4]]));
    const bands = [{ grade: 1, minPoints: 0, maxPoints: 10 }];
    expect(structureOptionsOf(read, { bands, locations: [] })).toEqual({
      midpointMethod: 'Pay Line',
      progression: { low: 0.1, high: 0.1 },
      firstMidpoint: undefined,
      givenBands: bands,
      broadbands: { bands: 2 },
      steps: 4,
      stepMethod: 'Equal Amount',
      locations: undefined,
    });
    expect(factorPlanOf(read.settings, [])).toEqual({ factors: [], totalPoints: 1000, progression: 'Arithmetic', levelStep: undefined });
  });
});
