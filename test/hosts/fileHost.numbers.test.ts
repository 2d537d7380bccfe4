/**
 * Numbers in a worksheet part read as JavaScript's shortest round trip (ECMA-262 Number::toString,
 * with `E` for the exponent as SpreadsheetML writes it, and no `-0`), whichever way the writer
 * produced the text (whole numbers go digit by digit, without a string).
 */
import fc from 'fast-check';
import { buildWorksheet } from '../../src/hosts/file/writeSheet';

const context = { styleOf: () => 0, dxfOf: () => 0, tableRelIds: [] };

/** The `<v>` texts of a one-column sheet of these numbers, plain and as formulas' cached values. */
function written(numbers: number[]): string[] {
  const cells = numbers.map((n, i) => [n, { formula: `=A${i + 1}`, value: n }]);
  const xml = new TextDecoder().decode(buildWorksheet({ name: 'N', role: 'output', cells }, context));
  return [...xml.matchAll(/<v>([^<]*)<\/v>/g)].map((m) => m[1]);
}

const expected = (numbers: number[]): string[] => numbers.flatMap((n) => [n, n].map((x) => (Object.is(x, -0) ? '0' : String(x).replace('e', 'E'))));

describe('numbers in a worksheet', () => {
  it('read as their shortest round trip: cents, whole numbers, fractions, tiny and huge values', () => {
    const samples = [0, -0, 1, -1, 0.5, 0.05, -0.05, 12.3, 12.34, -12.34, 1234567.89, 0.1 + 0.2, 1 / 3, 1e-7, -2.5e-8, 1e21, 123456789012.34, 9999999999999.99, 1e13 + 0.5, 2 ** 53, -(2 ** 53) - 2, 4.35, 1.005];
    expect(written(samples)).toEqual(expected(samples));
  });

  it('for any amount in cents, and any double', () => {
    const cents = fc.integer({ min: -(10 ** 15), max: 10 ** 15 }).map((c) => c / 100);
    const bigCents = fc.maxSafeInteger().map((c) => c / 100);
    const doubles = fc.double({ noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(fc.array(fc.oneof(cents, bigCents, doubles), { minLength: 1, maxLength: 50 }), (numbers) => {
        expect(written(numbers)).toEqual(expected(numbers));
      }),
      { numRuns: 300 },
    );
  });
});
