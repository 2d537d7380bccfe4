/**
 * The cost to close flagged gaps. In every category flagged for a joint pay assessment, each member
 * of the disadvantaged gender paid below a target is raised to it; the cost is Σ (target − base
 * salary) × FTE a year. Targets (the method is `Remediation Method`):
 * - Regression: the base salary the adjusted-gap model predicts for the person with the other gender,
 *   exp(x'b with the female indicator switched); a person outside the model (a missing control) falls
 *   back to the compa-ratio target;
 * - Compa-Ratio: the category's mean compa-ratio of the other gender × the person's grade midpoint.
 * Targets are rounded to the cent, half away from zero (as Excel's ROUND). Costs are summed exactly: in
 * whole cents (integers) where salary and target are whole cents and FTE is 1, in decimal otherwise.
 */
import type Decimal from 'decimal.js';
import { decimalCents } from '../exactSum';
import { fromDouble, money, roundExcel, sum, toDouble, ZERO } from '../money';
import type { AdjustedGap } from './adjustedGap';
import { equityColumns, fieldValues, type EquityColumns } from './columns';
import type { FieldValue } from './fields';
import { groupRows, sexCode } from './gaps';
import type { BinaryGender } from './gender';
import type { EquityRecord } from './records';
import type { CategoryGap } from './reporting';

export type RemediationMethod = 'Regression' | 'Compa-Ratio';

export interface RemediationRaise {
  record: EquityRecord;
  category: string | number;
  method: RemediationMethod;
  /** The target base salary, in whole cents. */
  target: number;
  /** (target − base salary) × FTE a year. */
  cost: number;
}

export interface CategoryRemediation {
  category: string | number;
  disadvantaged: BinaryGender;
  /** Members of the disadvantaged gender in the category. */
  members: number;
  raised: number;
  cost: Decimal;
  /** Members priced by the fallback compa-ratio target (outside the model). */
  fallback: number;
  /** Members with no target at all (no model prediction and no grade midpoint). */
  untargeted: number;
}

export interface Remediation {
  method: RemediationMethod;
  /** When Regression was asked for but no model is available, Compa-Ratio is used and this says why. */
  note?: string;
  categories: CategoryRemediation[];
  raises: RemediationRaise[];
  total: Decimal;
}

export function remediationCost(
  records: readonly EquityRecord[],
  categoryOf: (r: EquityRecord) => FieldValue,
  categories: readonly CategoryGap[],
  adjusted: AdjustedGap,
  requested: RemediationMethod,
): Remediation {
  return remediationOn(records, equityColumns(records), groupRows(fieldValues(records, categoryOf)), categories, adjusted, requested);
}

/** remediationCost on the records' columns, the records grouped by category (groupRows of the category's values). */
export function remediationOn(
  records: readonly EquityRecord[],
  c: EquityColumns,
  categoryRows: ReadonlyMap<string | number, Int32Array>,
  categories: readonly CategoryGap[],
  adjusted: AdjustedGap,
  requested: RemediationMethod,
): Remediation {
  let method = requested;
  let note: string | undefined;
  if (method === 'Regression' && adjusted.status !== 'ok') {
    method = 'Compa-Ratio';
    note = `the adjusted-gap model is not available (${adjusted.reason ?? adjusted.status}); targets are the other gender's mean compa-ratio`;
  }
  const flagged = new Map(categories.filter((g) => g.flagged && g.disadvantaged).map((g) => [g.category, g]));
  const raises: RemediationRaise[] = [];
  const out: CategoryRemediation[] = [];
  for (const [category, gap] of flagged) {
    const rows = categoryRows.get(category) ?? new Int32Array(0);
    const down = gap.disadvantaged!;
    const up: BinaryGender = down === 'F' ? 'M' : 'F';
    const downCode = sexCode(down);
    const upCode = sexCode(up);
    // The other gender's mean compa-ratio in the category, in record order.
    let compaSum = 0;
    let compaCount = 0;
    for (let j = 0; j < rows.length; j++) {
      const i = rows[j];
      if (c.sex[i] !== upCode || c.hasCompa[i] === 0) continue;
      compaSum += c.compaRatio[i];
      compaCount++;
    }
    const compaTarget = compaCount === 0 ? undefined : compaSum / compaCount;
    const summary: CategoryRemediation = { category, disadvantaged: down, members: 0, raised: 0, cost: ZERO, fallback: 0, untargeted: 0 };
    let wholeCents = 0;
    const partTime = new PartTimeCosts();
    for (let j = 0; j < rows.length; j++) {
      if (c.sex[rows[j]] !== downCode) continue;
      const r = records[rows[j]];
      summary.members++;
      let target: number | undefined;
      let used: RemediationMethod = method;
      if (method === 'Regression') {
        const ln = adjusted.predictLnPay(r, up);
        if (ln !== undefined) target = Math.exp(ln);
      }
      if (target === undefined && compaTarget !== undefined && r.placed.midpoint) {
        if (method === 'Regression') summary.fallback++;
        used = 'Compa-Ratio';
        target = compaTarget * toDouble(r.placed.midpoint);
      }
      if (target === undefined) {
        summary.untargeted++;
        continue;
      }
      if (target < r.base - 0.01) continue; // well below the salary: no raise (settled in doubles)
      const targetCents = roundToCents(target);
      const salaryCents = exactCents(r.base);
      let cost: number;
      if (salaryCents !== undefined && r.fte === 1) {
        if (targetCents <= salaryCents) continue;
        wholeCents += targetCents - salaryCents;
        cost = (targetCents - salaryCents) / 100;
      } else {
        const salary = r.placed.employee.baseSalary;
        const cents = decimalCents(salary);
        const exactCost = cents === undefined ? undefined : targetCents <= cents ? 0 : partTime.add(targetCents - cents, r.fte);
        if (exactCost === 0) continue;
        if (exactCost !== undefined) cost = exactCost;
        else {
          const exact = money(targetCents).div(100);
          if (exact.lte(salary)) continue;
          const d = exact.minus(salary).mul(r.fte);
          summary.cost = partTime.decimal(summary.cost).plus(d);
          cost = toDouble(d);
        }
      }
      raises.push({ record: r, category, method: used, target: targetCents / 100, cost });
      summary.raised++;
    }
    summary.cost = partTime.decimal(summary.cost).plus(money(wholeCents).div(100));
    out.push(summary);
  }
  return { method, note, categories: out, raises, total: sum(out.map((g) => g.cost)) };
}

/**
 * The costs (target − salary) × FTE of a category's members outside the whole-cents, full-time case,
 * when salary and target are whole cents and the FTE is a short decimal: the cost as the double nearest
 * the exact amount, and the sum as integer cents per FTE (exact), until a cost needs decimal arithmetic;
 * then the sum so far (exact) becomes the decimal running total and every later cost is added in
 * decimal, in order, as it always was.
 */
class PartTimeCosts {
  /** FTE → Σ (target − salary) in cents. */
  private readonly centsByFte = new Map<number, number>();
  private inDecimal = false;
  private readonly fractions = new Map<number, FteFraction | null>();

  /** The cost of `cents` (> 0) × fte, or undefined when it must be worked out in decimal. */
  add(cents: number, fte: number): number | undefined {
    if (this.inDecimal) return undefined;
    let f = this.fractions.get(fte);
    if (f === undefined) this.fractions.set(fte, (f = fteFraction(fte)));
    if (!f) return undefined;
    const units = cents * f.units;
    const sum = (this.centsByFte.get(fte) ?? 0) + cents;
    if (!Number.isSafeInteger(units) || !Number.isSafeInteger(sum)) return undefined;
    this.centsByFte.set(fte, sum);
    // An exact integer over an exact power of ten: one correctly rounded division, as the decimal's toNumber gives.
    return units / f.scale;
  }

  /** The running total in decimal: `total` plus the integer sums, which from now on are closed. */
  decimal(total: Decimal): Decimal {
    if (this.inDecimal) return total;
    this.inDecimal = true;
    let t = total;
    for (const [fte, cents] of this.centsByFte) t = t.plus(money(cents).mul(fte).div(100));
    return t;
  }
}

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

interface FteFraction {
  units: number;
  scale: number;
}

/**
 * An FTE as the decimal Decimal arithmetic multiplies by (its shortest decimal form, String(fte)):
 * its digits as an integer `units` (at most 15 digits, above 0) and scale = 10^(decimals + 2), so that
 * cents × FTE / 100 is cents × units / scale; null for a form with an exponent, a sign or more digits.
 */
function fteFraction(fte: number): FteFraction | null {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(String(fte));
  if (!m) return null;
  const digits = m[1] + (m[2] ?? '');
  const decimals = m[2]?.length ?? 0;
  return digits.length <= 15 && Number(digits) > 0 && decimals + 2 < POWERS_OF_TEN.length ? { units: Number(digits), scale: POWERS_OF_TEN[decimals + 2] } : null;
}

/** Excel's ROUND(x, 2) in cents, half away from zero on the 15 significant digits Excel keeps. */
function roundToCents(x: number): number {
  const scaled = x * 100;
  const whole = Math.round(scaled);
  // Near a half cent the double product may mislead: decide on the decimal, as Excel does.
  if (Math.abs(Math.abs(scaled - Math.trunc(scaled)) - 0.5) < 1e-6) return roundExcel(fromDouble(x), 2).mul(100).toNumber();
  return whole;
}

/** The amount in cents when it is a whole number of cents (exact for amounts below 2^53 cents). */
function exactCents(x: number): number | undefined {
  const c = Math.round(x * 100);
  return Math.abs(x * 100 - c) < 1e-6 && Number.isSafeInteger(c) ? c : undefined;
}
