import type { LocationDifferential, LocationRange } from '../../../engine/structureOptions/geography';
import { OUTPUT_SHEETS } from '../../schema';
import { sheetRef } from '../../address';
import type { SheetSpec } from '../../sheetSpec';
import { PS } from '../payStructure';
import { FMT, formula, SheetBuilder, type LayoutColumn } from '../sheetBuilder';
import { STRUCTURE_SHEETS, STRUCTURE_TABLES } from './names';

/**
 * `Location Ranges`: the differentials (citing the Locations sheet) and the location-adjusted copy of the
 * structure, one row per location and grade: the Pay Structure's minimum, midpoint and maximum × (1 +
 * differential), each rounded to RoundingMultiple.
 */
export function locationRangesSheet(locations: LocationDifferential[], ranges: LocationRange[]): SheetSpec {
  const b = new SheetBuilder(STRUCTURE_SHEETS.locations);
  const locRow = new Map(locations.map((l, i) => [l.name, i + 2]));
  b.table(STRUCTURE_TABLES.locations, 1, 1, locations, [
    { header: 'Location', width: 18, cell: (l) => l.name },
    { header: 'Differential', format: FMT.percent, width: 12, cell: (l) => (l.differentialCell ? formula(l.differentialCell, l.differential) : l.differential) },
  ]);
  const ps = (letter: string, grade: number) => sheetRef(OUTPUT_SHEETS.payStructure, `$${letter}$${grade + 1}`);
  const adjusted = (letter: string, r: number, grade: number) => `ROUND((${ps(letter, grade)}*(1+F${r}))/RoundingMultiple,0)*RoundingMultiple`;
  const columns: LayoutColumn<LocationRange>[] = [
    { header: 'Location', width: 18, cell: (x) => x.location },
    { header: 'Grade', format: FMT.integer, width: 7, cell: (x) => x.grade },
    { header: 'Differential', format: FMT.percent, width: 12, cell: (x) => formula(`$B$${locRow.get(x.location)}`, x.differential) },
    { header: 'Minimum', format: FMT.money, width: 12, cell: (x, r) => formula(adjusted(PS.minimum, r, x.grade), x.minimum) },
    { header: 'Midpoint', format: FMT.money, width: 12, cell: (x, r) => formula(adjusted(PS.midpoint, r, x.grade), x.midpoint) },
    { header: 'Maximum', format: FMT.money, width: 12, cell: (x, r) => formula(adjusted(PS.maximum, r, x.grade), x.maximum) },
  ];
  b.table(STRUCTURE_TABLES.locationRanges, 1, 4, ranges, columns);
  return b.build();
}
