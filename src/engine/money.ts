import Decimal from 'decimal.js';

/**
 * Money is decimal. One configured Decimal class for the whole engine: 40 significant digits,
 * ties rounded half away from zero (ROUND_HALF_UP in decimal.js), as Excel's ROUND does.
 */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 30 });
export type Money = Decimal;
export type MoneyLike = Decimal.Value;

export const money = (v: MoneyLike): Decimal => new Money(v);
export const ZERO = new Money(0);
export const ONE = new Money(1);

/**
 * A double as Excel sees it: Excel keeps 15 significant digits, so 2.675 (stored as 2.67499999…)
 * is 2.675 to Excel and ROUND(2.675, 2) = 2.68. Converting through 15 significant digits makes our
 * rounding agree with Excel's.
 */
export function fromDouble(x: number): Decimal {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  return new Money(x.toPrecision(15));
}

/** Excel's ROUND(x, digits): half away from zero; negative digits round to tens, hundreds… */
export function roundExcel(x: MoneyLike, digits: number): Decimal {
  const d = typeof x === 'number' ? fromDouble(x) : new Money(x);
  if (digits >= 0) return d.toDecimalPlaces(digits, Decimal.ROUND_HALF_UP);
  const scale = new Money(10).pow(-digits);
  return d.div(scale).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).mul(scale);
}

/**
 * Round to a multiple (1 = whole units, 100 = hundreds, 0.01 = cents), half away from zero,
 * exactly as the sheet formula ROUND(x/m, 0)*m does.
 */
export function roundToMultiple(x: MoneyLike, multiple: MoneyLike): Decimal {
  const m = new Money(multiple);
  const d = typeof x === 'number' ? fromDouble(x) : new Money(x);
  if (m.isZero()) return d;
  return d.div(m).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).mul(m);
}

/**
 * ROUND(x/m, 0)*m for a value a sheet formula computes in double precision: the quotient as a double,
 * then Excel's ROUND. Near-ties then fall as they fall in the sheet (e.g. 965,582/(1 + 0.666666666666667/2)
 * is 724,186.5 to Excel, so 724,187), where exact decimal arithmetic on the same inputs would disagree.
 */
export function roundFormulaToMultiple(x: number, multiple: number): Decimal {
  if (multiple === 0) return fromDouble(x);
  return roundExcel(x / multiple, 0).mul(new Money(multiple));
}

/** Round a double to 15 significant digits: the value Excel will hold once it is written to a cell. */
export const excelDouble = (x: number): number => (Number.isFinite(x) && x !== 0 ? Number(x.toPrecision(15)) : x);

export const sum = (xs: Iterable<Decimal>): Decimal => {
  let s = ZERO;
  for (const x of xs) s = s.plus(x);
  return s;
};
