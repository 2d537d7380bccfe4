import type { GradeSteps } from '../../../engine/structureOptions/steps';
import { OUTPUT_SHEETS } from '../../schema';
import { sheetRef } from '../../address';
import type { SheetSpec } from '../../sheetSpec';
import { PS } from '../payStructure';
import { FMT, formula, SheetBuilder, type LayoutColumn } from '../sheetBuilder';
import { STRUCTURE_SHEETS, STRUCTURE_TABLES } from './names';

/**
 * `Step Scale`: grade × step. Step k of N = the Pay Structure's minimum + (max − min)(k − 1)/(N − 1)
 * (Equal Amount) or min × (max/min)^((k − 1)/(N − 1)) (Equal Percentage, per StepMethod), rounded once.
 */
export function stepScaleSheet(rows: GradeSteps[], steps: number): SheetSpec {
  const b = new SheetBuilder(STRUCTURE_SHEETS.steps);
  const ps = (letter: string, grade: number) => sheetRef(OUTPUT_SHEETS.payStructure, `$${letter}$${grade + 1}`);
  const columns: LayoutColumn<GradeSteps>[] = [
    { header: 'Grade', format: FMT.integer, width: 7, cell: (g) => g.grade },
    { header: 'Minimum', format: FMT.money, width: 12, cell: (g) => formula(ps(PS.minimum, g.grade), g.minimum) },
    { header: 'Maximum', format: FMT.money, width: 12, cell: (g) => formula(ps(PS.maximum, g.grade), g.maximum) },
    ...Array.from({ length: steps }, (_, i): LayoutColumn<GradeSteps> => ({
      header: `Step ${i + 1}`,
      format: FMT.money,
      width: 11,
      cell: (g, r) =>
        formula(
          `ROUND((IF(StepMethod="Equal Percentage",$B${r}*($C${r}/$B${r})^(${i}/${steps - 1}),$B${r}+($C${r}-$B${r})*${i}/${steps - 1}))/RoundingMultiple,0)*RoundingMultiple`,
          g.steps[i],
        ),
    })),
  ];
  b.table(STRUCTURE_TABLES.steps, 1, 1, rows, columns);
  const note = Math.max(1, rows.length) + 3;
  b.set(note, 1, 'Notes');
  b.set(note + 1, 1, `Step 1 is the grade minimum and step ${steps} its maximum. Equal Amount: the same amount between steps; Equal Percentage: each step the same % above the last (StepMethod on Assumptions).`);
  return b.build();
}
