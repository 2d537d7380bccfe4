import type { Broadband } from '../../../engine/structureOptions/broadbands';
import type { SheetSpec } from '../../sheetSpec';
import { payStructureColumn, PS } from '../payStructure';
import { FMT, formula, SheetBuilder, type LayoutColumn } from '../sheetBuilder';
import { STRUCTURE_SHEETS, STRUCTURE_TABLES } from './names';

/**
 * `Broadbands`: each band's grades, its points, and its range read off the Pay Structure: the lowest
 * grade's minimum, the highest grade's maximum, the midpoint between them (rounded) and the spread.
 */
export function broadbandsSheet(bands: Broadband[], grades: number): SheetSpec {
  const b = new SheetBuilder(STRUCTURE_SHEETS.broadbands);
  const ps = (letter: string) => payStructureColumn(letter, grades);
  const columns: LayoutColumn<Broadband>[] = [
    { header: 'Band', format: FMT.integer, width: 7, cell: (x) => x.band },
    { header: 'First Grade', format: FMT.integer, width: 11, cell: (x) => x.firstGrade },
    { header: 'Last Grade', format: FMT.integer, width: 11, cell: (x) => x.lastGrade },
    { header: 'Grades', format: FMT.integer, width: 8, cell: (x, r) => formula(`C${r}-B${r}+1`, x.lastGrade - x.firstGrade + 1) },
    { header: 'Min Points', format: FMT.points, width: 11, cell: (x, r) => formula(`INDEX(${ps(PS.minPoints)},B${r})`, x.minPoints) },
    { header: 'Max Points', format: FMT.points, width: 11, cell: (x, r) => formula(`INDEX(${ps(PS.maxPoints)},C${r})`, x.maxPoints) },
    { header: 'Minimum', format: FMT.money, width: 12, cell: (x, r) => formula(`INDEX(${ps(PS.minimum)},B${r})`, x.minimum) },
    { header: 'Midpoint', format: FMT.money, width: 12, cell: (x, r) => formula(`ROUND(((G${r}+I${r})/2)/RoundingMultiple,0)*RoundingMultiple`, x.midpoint) },
    { header: 'Maximum', format: FMT.money, width: 12, cell: (x, r) => formula(`INDEX(${ps(PS.maximum)},C${r})`, x.maximum) },
    { header: 'Spread', format: FMT.percent, width: 9, cell: (x, r) => formula(`(I${r}-G${r})/G${r}`, x.spread) },
  ];
  b.table(STRUCTURE_TABLES.broadbands, 1, 1, bands, columns);
  const note = Math.max(1, bands.length) + 3;
  b.set(note, 1, 'Notes');
  b.set(note + 1, 1, 'A band runs from its lowest grade\'s minimum to its highest grade\'s maximum (Pay Structure); its midpoint is halfway, rounded to RoundingMultiple.');
  return b.build();
}
