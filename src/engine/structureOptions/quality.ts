import type Decimal from 'decimal.js';
import type { SlottedJob } from '../slotting';
import type { GradeRange } from '../structure';

/**
 * Structure quality per grade: how many benchmark jobs anchor it, the spread of their market rates
 * inside it (lowest, highest, highest/lowest − 1), and what rounding did to the midpoint.
 */
export interface GradeQuality {
  grade: number;
  /** Benchmark jobs (those in the pay line) slotted in the grade. */
  benchmarkJobs: number;
  marketLow?: Decimal;
  marketHigh?: Decimal;
  /** marketHigh / marketLow − 1. */
  marketSpread?: Decimal;
  /** Rounded midpoint − the value it was rounded from, in doubles as the sheet computes it. */
  roundingEffect: number;
  /** roundingEffect / the unrounded value. */
  roundingEffectPct: number;
}

/**
 * Quality measures of every grade. `unrounded[g − 1]` is what grade g's midpoint was rounded from
 * (the pay line at the band centre by default).
 */
export function structureQuality(grades: GradeRange[], slotting: SlottedJob[], benchmarkCodes: ReadonlySet<string>, unrounded?: number[]): GradeQuality[] {
  return grades.map((g, i) => {
    const rates = slotting
      .filter((s) => s.grade === g.grade && benchmarkCodes.has(s.job.code) && s.marketRate !== undefined)
      .map((s) => s.marketRate!);
    const benchmarkJobs = slotting.filter((s) => s.grade === g.grade && benchmarkCodes.has(s.job.code)).length;
    let marketLow: Decimal | undefined;
    let marketHigh: Decimal | undefined;
    for (const r of rates) {
      if (!marketLow || r.lt(marketLow)) marketLow = r;
      if (!marketHigh || r.gt(marketHigh)) marketHigh = r;
    }
    const base = unrounded?.[i] ?? g.payLineRate;
    const roundingEffect = g.midpoint.toNumber() - base;
    return {
      grade: g.grade,
      benchmarkJobs,
      marketLow,
      marketHigh,
      marketSpread: marketLow && marketHigh ? marketHigh.div(marketLow).minus(1) : undefined,
      roundingEffect,
      roundingEffectPct: base === 0 ? 0 : roundingEffect / base,
    };
  });
}
