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

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * d.toNumber() without the string: a Decimal of at most 15 digits is an exact integer times an exact
 * power of ten, and one IEEE multiply or divide rounds that correctly, as parsing its digits would
 * (Clinger's fast path). Anything longer goes through toNumber.
 */
export function toDouble(d: Decimal): number {
  const words = d.d;
  if (!words || words.length > 3) return d.toNumber();
  let mantissa = words[0];
  let digits = digitCount(mantissa);
  for (let i = 1; i < words.length; i++) {
    mantissa = mantissa * 1e7 + words[i];
    digits += 7;
  }
  if (mantissa === 0) return d.s < 0 ? -0 : 0;
  if (digits > 15 && mantissa >= 2 ** 53) return d.toNumber();
  const exponent = d.e - (digits - 1);
  if (exponent < -22 || exponent > 22) return d.toNumber();
  const magnitude = exponent >= 0 ? mantissa * POWERS_OF_TEN[exponent] : mantissa / POWERS_OF_TEN[-exponent];
  return d.s < 0 ? -magnitude : magnitude;
}

/** The number of decimal digits of a word of a Decimal's digits (an integer below 10^7), without a string. */
const digitCount = (w: number): number => (w < 1e3 ? (w < 10 ? 1 : w < 100 ? 2 : 3) : w < 1e5 ? (w < 1e4 ? 4 : 5) : w < 1e6 ? 6 : 7);

/** Excel's ROUND(x, digits): half away from zero; negative digits round to tens, hundreds… */
export function roundExcel(x: MoneyLike, digits: number): Decimal {
  if (typeof x === 'number' && digits >= 0) {
    // The hot path (every employee's amounts): round the 15-digit string, then parse one Decimal.
    const rounded = roundFifteenDigits(x, digits);
    if (rounded !== undefined) return rounded;
  }
  const d = typeof x === 'number' ? fromDouble(x) : new Money(x);
  if (digits >= 0) return d.toDecimalPlaces(digits, Decimal.ROUND_HALF_UP);
  const scale = new Money(10).pow(-digits);
  return d.div(scale).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).mul(scale);
}

/**
 * ROUND(x, digits) on x's 15-significant-digit form, half away from zero, done on its digits: the same
 * value as fromDouble(x).toDecimalPlaces(digits, ROUND_HALF_UP) without the intermediate Decimal.
 * Undefined when the form has an exponent or too many digits to count exactly in a double.
 */
function roundFifteenDigits(x: number, digits: number): Decimal | undefined {
  const rounded = fifteenDigitUnits(x, digits);
  if (rounded === undefined) return undefined;
  const unitText = String(rounded.units).padStart(digits + 1, '0');
  const cut = unitText.length - digits;
  return new Money(`${rounded.negative ? '-' : ''}${unitText.slice(0, cut)}${digits > 0 ? '.' + unitText.slice(cut) : ''}`);
}

/**
 * ROUND(x, digits) on x's 15-significant-digit form, half away from zero, as a whole number of units of
 * 10^-digits and a sign (the units are exact: at most 15 digits). Undefined when the form has an exponent or
 * too many digits.
 */
export function fifteenDigitUnits(x: number, digits: number): { units: number; negative: boolean } | undefined {
  if (!Number.isFinite(x)) return undefined;
  const text = x.toPrecision(15);
  if (text.includes('e')) return undefined;
  const negative = text.charCodeAt(0) === 45;
  const unsigned = negative ? text.slice(1) : text;
  const point = unsigned.indexOf('.');
  const whole = point < 0 ? unsigned : unsigned.slice(0, point);
  const fraction = point < 0 ? '' : unsigned.slice(point + 1);
  if (whole.length + digits > 15) return undefined;
  const kept = fraction.length > digits ? fraction.slice(0, digits) : fraction.padEnd(digits, '0');
  let units = Number(whole + kept);
  if (fraction.length > digits && fraction.charCodeAt(digits) >= 53) units += 1;
  return { units, negative };
}

/** A Money as it is (Decimals are immutable); anything else converted. Arithmetic then runs at Money's precision. */
const asMoney = (x: MoneyLike): Decimal => (x instanceof Decimal && x.constructor === Money ? x : new Money(x));

/**
 * Round to a multiple (1 = whole units, 100 = hundreds, 0.01 = cents), half away from zero,
 * exactly as the sheet formula ROUND(x/m, 0)*m does.
 */
export function roundToMultiple(x: MoneyLike, multiple: MoneyLike): Decimal {
  const m = asMoney(multiple);
  const d = typeof x === 'number' ? fromDouble(x) : asMoney(x);
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
