import type { Computed } from '../../run/pipeline';

/** The merit cycle's headline figures, when the merit engine ran. */
export interface MeritView {
  budget: number;
  eligiblePayroll: number;
  factor: number;
  status: string;
  headcount: number;
  eligible: number;
  meritCost: number;
  totalCost: number;
  distribution: { rating: number; count: number; share: number; target?: number }[];
}

export function meritView(computed: Computed): MeritView | undefined {
  const merit = computed.merit;
  if (!merit) return undefined;
  const { calibration, totals } = merit.plan;
  return {
    budget: calibration.budget.toNumber(),
    eligiblePayroll: calibration.eligiblePayroll.toNumber(),
    factor: calibration.factor.toNumber(),
    status: calibration.status,
    headcount: totals.headcount,
    eligible: totals.eligible,
    meritCost: totals.meritCost.toNumber(),
    totalCost: totals.totalCost.toNumber(),
    distribution: merit.distribution.map((d) => ({ rating: d.rating, count: d.count, share: d.share, target: d.target })),
  };
}
