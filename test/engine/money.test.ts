import Decimal from 'decimal.js';
import fc from 'fast-check';
import { fromDouble, roundExcel, roundFormulaToMultiple, roundToMultiple } from '../../src/engine/money';

// Expected values are what Excel's ROUND returns (documented behaviour: half away from zero,
// on the 15-significant-digit value Excel holds).
describe('roundExcel matches Excel ROUND', () => {
  it.each([
    [2.675, 2, '2.68'], // the double is 2.67499999…, Excel shows and rounds 2.675
    [1.005, 2, '1.01'],
    [-1.005, 2, '-1.01'],
    [-2.5, 0, '-3'], // half away from zero, not banker's rounding
    [2.5, 0, '3'],
    [1234.5, 0, '1235'],
    [1235, -1, '1240'],
    [-1235, -1, '-1240'],
    [1234.4999, 0, '1234'],
    [0.1 + 0.2, 1, '0.3'],
  ])('ROUND(%p, %p) = %s', (x, digits, expected) => {
    expect(roundExcel(x, digits).toString()).toBe(expected);
  });
});

describe('roundToMultiple matches ROUND(x/m, 0)*m', () => {
  it.each([
    [44186.046, 0.01, '44186.05'],
    [44186.046, 1, '44186'],
    [44186.046, 100, '44200'],
    [44150, 100, '44200'],
    [-44150, 100, '-44200'],
    [44149.99, 100, '44100'],
    [44186.046, 1000, '44000'],
    [44186.046, 0, '44186.046'], // rounding 0 means no rounding
  ])('roundToMultiple(%p, %p) = %s', (x, m, expected) => {
    expect(roundToMultiple(x, m).toString()).toBe(expected);
  });
});

/** Independent reference: exact integer arithmetic on the 15-significant-digit decimal string. */
function referenceRound(x: number, digits: number): Decimal {
  let s = x.toPrecision(15);
  let negative = false;
  if (s.startsWith('-')) {
    negative = true;
    s = s.slice(1);
  }
  const [mantissa, exp = '0'] = s.split('e');
  const [whole, fraction = ''] = mantissa.split('.');
  const digitsInt = BigInt(whole + fraction);
  const shift = Number(exp) - fraction.length + digits; // value × 10^digits = digitsInt × 10^shift
  let k: bigint;
  if (shift >= 0) {
    k = digitsInt * 10n ** BigInt(shift);
  } else {
    const divisor = 10n ** BigInt(-shift);
    k = digitsInt / divisor;
    if (2n * (digitsInt % divisor) >= divisor) k += 1n;
  }
  return new Decimal(`${negative ? '-' : ''}${k}e${-digits}`);
}

describe('roundExcel properties', () => {
  it('agrees with an exact integer reference on arbitrary doubles', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: -5, max: 8 }), (x, digits) => {
        expect(roundExcel(x, digits).eq(referenceRound(x, digits))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with the reference on exact ties (…5 in the first dropped digit)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -99999999, max: 99999999 }), fc.integer({ min: 0, max: 5 }), (n, digits) => {
        const x = Number(`${n}5e-${digits + 1}`);
        expect(roundExcel(x, digits).eq(referenceRound(x, digits))).toBe(true);
        // and a tie always goes away from zero
        expect(roundExcel(x, digits).abs().gte(fromDouble(x).abs())).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('roundFormulaToMultiple: ROUND(x/m, 0)*m on a double a formula computed', () => {
  it('rounds the double quotient as Excel does', () => {
    expect(roundFormulaToMultiple(44186.046, 0.01).toString()).toBe('44186.05');
    expect(roundFormulaToMultiple(52650, 1000).toString()).toBe('53000');
    expect(roundFormulaToMultiple(-52500, 1000).toString()).toBe('-53000');
    expect(roundFormulaToMultiple(1234.5678, 0).toString()).toBe('1234.5678');
    // 965,582 / (1 + 0.666666666666667/2) is 724,186.4999999999 as a double, 724,186.5 to Excel.
    expect(roundFormulaToMultiple(965582 / (1 + 0.666666666666667 / 2), 1).toString()).toBe('724187');
  });
});
