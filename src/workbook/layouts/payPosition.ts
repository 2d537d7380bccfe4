// How a salary's position against its range is shown on the output sheets: compa-ratio colours and range-position icons.
import type { ConditionalFormatSpec } from '../sheetSpec';

/**
 * The compa-ratio colour scale of every output sheet: red at 0.80, white at 1.00, blue at 1.20.
 *
 * Why these points: a compa-ratio is pay over the grade midpoint, so 1.00 is pay at the policy
 * rate; 0.80 and 1.20 are the minimum and maximum of a range with the default 50% spread (minimum =
 * midpoint / 1.25, maximum = 1.5 × minimum), the band compensation reviews read compa-ratios
 * against. Fixed points, not the lowest and highest value on the sheet, so a colour means the same
 * compa-ratio on every sheet and every run; beyond 0.80 or 1.20 the colour stays at its end.
 * Why these colours (Excel's red–white–blue scale): being off the midpoint is a position, not a
 * verdict, so the scale diverges from white; red below, where pay under the range is the retention
 * and equal-pay risk a review looks at first; blue above, where it is a cost rather than a risk.
 */
export const COMPA_RATIO_SCALE = { low: 0.8, mid: 1, high: 1.2, lowColor: '#F8696B', midColor: '#FCFCFF', highColor: '#5A8AC6' } as const;

/** The compa-ratio colour scale over a column (text such as "" or "n<5" gets no colour). */
export function compaRatioScale(range: string): ConditionalFormatSpec {
  const s = COMPA_RATIO_SCALE;
  return { kind: 'colorScale', range, min: s.lowColor, mid: s.midColor, max: s.highColor, minValue: s.low, midValue: s.mid, maxValue: s.high };
}

/**
 * Where each salary sits in its range, from the range penetration ((salary − minimum) / (maximum −
 * minimum)): an arrow down below the minimum (under 0), across inside the range (0 to 1), up above
 * the maximum (over 1). Grey arrows: the Circle column and the costs already say which way is a
 * problem; the icon only shows the position at a glance.
 */
export function rangePositionIcons(range: string): ConditionalFormatSpec {
  return {
    kind: 'iconSet',
    range,
    icons: '3ArrowsGray',
    thresholds: [
      { type: 'number', value: 0 },
      { type: 'number', value: 1, inclusive: false },
    ],
  };
}
