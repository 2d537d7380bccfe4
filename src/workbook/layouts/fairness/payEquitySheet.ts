import type { AdjustedTerm } from '../../../engine/equity/adjustedGap';
import { FEMALE_TERM } from '../../../engine/equity/adjustedGap';
import type { GroupGap } from '../../../engine/equity/gaps';
import { BLANK_GENDER } from '../../../engine/equity/gender';
import type { GenderHeadcount, PayEquity } from '../../../engine/equity/payEquity';
import type { BandShares, BonusFigures, CategoryGap } from '../../../engine/equity/reporting';
import type { CategoryRemediation } from '../../../engine/equity/remediation';
import type { SheetSpec, SpecCell } from '../../sheetSpec';
import { compaRatioScale } from '../payPosition';
import { FMT, formula, SheetBuilder, type Cached, type LayoutColumn } from '../sheetBuilder';
import { FAIRNESS_SHEETS, FAIRNESS_TABLES, PL, placementColumn, placementLastRow } from './names';

const SUPPRESSED = 'Suppressed';
const FLAG = 'Joint pay assessment';
const K = 'MAX(1,MinGroupSize)';

/** A pay measure as a Placement column. */
type Pay = 'salary' | 'hourlyPay' | 'hourlyTotalPay' | 'bonus' | 'compaRatio';

/**
 * `Pay Equity`: headcounts by gender; unadjusted mean and median gaps in base salary, overall and by
 * grade, job family and department; compa-ratio by grade and gender; the regression-adjusted gap; the
 * EU Pay Transparency Directive (2023/970) Article 9 metrics (a)–(g) with the Article 10 flag; the UK
 * gender pay gap figures (SI 2017/172); the cost to close the flagged gaps.
 *
 * Counts, means, medians, gaps, shares and flags are live formulas over the Placement table
 * (COUNTIFS, AVERAGEIFS; a conditional median as SMALL inside SUMPRODUCT, see `conditionalMedian`, which
 * Excel 2016 and LibreOffice both evaluate without array entry), with the suppression rule and the
 * threshold on the Assumptions names MinGroupSize and PayGapThreshold. The regression, the quartile bands (ranking with
 * shared ties) and the remediation are computed by the add-in and written as labelled values.
 */
export function payEquitySheet(equity: PayEquity, employees: number): SheetSpec {
  const b = new SheetBuilder(FAIRNESS_SHEETS.payEquity);
  const last = placementLastRow(employees);
  const pl = (letter: string) => placementColumn(letter, last);
  const gender = pl(PL.gender);
  const payCol: Record<Pay, string> = { salary: pl(PL.salary), hourlyPay: pl(PL.hourlyPay), hourlyTotalPay: pl(PL.hourlyTotalPay), bonus: pl(PL.bonus), compaRatio: pl(PL.compaRatio) };
  const k = equity.options.minimumGroupSize;
  const other = equity.excludedFromBinary;

  b.set(1, 1, 'Pay equity. Gap = (men − women) / men, for means and medians (positive: women paid less). Statistics in double precision.');
  b.set(2, 1, `Gender values other than F and M (${other} employee${other === 1 ? '' : 's'}) are counted in the headcount and left out of every binary gap metric and of the regression.`);
  b.set(3, 1, `A figure over fewer than MinGroupSize (${k}) women or men is shown as "${SUPPRESSED}", not computed, to protect the privacy of the people it would describe.`);
  let row = 5;
  const title = (text: string) => {
    b.set(row, 1, text);
    row++;
  };
  const after = (t: { last: number }) => {
    row = t.last + 2;
  };

  // Headcount by gender.
  title('Headcount by gender');
  after(
    b.table(FAIRNESS_TABLES.headcount, row, 1, equity.headcount, [
      { header: 'Gender', width: 30, cell: (h: GenderHeadcount) => h.gender },
      { header: 'Headcount', format: FMT.integer, width: 11, cell: (h, r) => formula(`COUNTIF(${gender},A${r})`, h.count) },
      { header: 'In Binary Metrics', width: 11, cell: (h) => (h.binary ? 'Yes' : h.gender === BLANK_GENDER ? 'No (blank)' : 'No') },
    ]),
  );

  // Unadjusted gaps in base salary.
  title('Unadjusted gaps in base salary (the annual full-time rate)');
  type Unadjusted = { dimension: string; gap: GroupGap };
  const dimensionColumn: Record<string, string | undefined> = { All: undefined, Grade: PL.grade, 'Job Family': PL.family, Department: PL.department };
  const unadjusted: Unadjusted[] = [
    { dimension: 'All', gap: equity.unadjusted.overall },
    ...equity.unadjusted.byGrade.map((gap) => ({ dimension: 'Grade', gap })),
    ...equity.unadjusted.byFamily.map((gap) => ({ dimension: 'Job Family', gap })),
    ...equity.unadjusted.byDepartment.map((gap) => ({ dimension: 'Department', gap })),
  ];
  after(
    b.table(FAIRNESS_TABLES.unadjusted, row, 1, unadjusted, [
      { header: 'Dimension', width: 30, cell: (u) => u.dimension },
      { header: 'Group', width: 14, cell: (u) => u.gap.group },
      ...gapColumns<Unadjusted>(
        (u) => u.gap,
        (u, r) => {
          const col = dimensionColumn[u.dimension];
          return col ? { range: pl(col), value: `$B${r}` } : undefined;
        },
        payCol.salary,
        'C',
        pl,
      ),
    ]),
  );

  // Compa-ratio by grade and gender.
  title('Compa-ratio by grade and gender (mean of base salary / midpoint)');
  const compaRows = [equity.compaRatio.overall, ...equity.compaRatio.byGrade];
  const compaTop = row + 1;
  after(
    b.table(FAIRNESS_TABLES.compaRatio, row, 1, compaRows, [
      { header: 'Grade', width: 30, cell: (c) => c.group },
      {
        header: 'Women',
        format: FMT.integer,
        width: 14,
        cell: (c, r) => formula(`COUNTIFS(${gender},"F",${payCol.compaRatio},">0"${c.group === 'All' ? '' : `,${pl(PL.grade)},$A${r}`})`, c.nFemale),
      },
      {
        header: 'Men',
        format: FMT.integer,
        width: 9,
        cell: (c, r) => formula(`COUNTIFS(${gender},"M",${payCol.compaRatio},">0"${c.group === 'All' ? '' : `,${pl(PL.grade)},$A${r}`})`, c.nMale),
      },
      ...(['F', 'M'] as const).map(
        (g): LayoutColumn<(typeof compaRows)[number]> => ({
          header: g === 'F' ? 'Mean Women' : 'Mean Men',
          format: FMT.ratio,
          width: 11,
          cell: (c, r) =>
            formula(
              `IF(OR(B${r}<${K},C${r}<${K}),"${SUPPRESSED}",AVERAGEIFS(${payCol.compaRatio},${gender},"${g}",${payCol.compaRatio},">0"${c.group === 'All' ? '' : `,${pl(PL.grade)},$A${r}`}))`,
              c.suppressed ? SUPPRESSED : g === 'F' ? c.meanFemale : c.meanMale,
            ),
        }),
      ),
      { header: 'Gap', format: FMT.percent, width: 9, cell: (c, r) => formula(`IF(ISNUMBER(E${r}),(E${r}-D${r})/E${r},"${SUPPRESSED}")`, c.suppressed ? SUPPRESSED : c.gap) },
    ]),
  );

  // The adjusted gap.
  row = adjustedGapBlock(b, equity, row);

  // EU Pay Transparency Directive, Article 9.
  title('EU Pay Transparency Directive (2023/970), Article 9 — pay: hourly total pay = (base salary × FTE + Bonus) / 52 / weekly hours');
  const eu = equity.eu;
  after(metricTable(b, FAIRNESS_TABLES.euMetrics, row, 'Art. 9(1)', eu.pay, eu.variable, payCol.hourlyTotalPay, payCol.bonus, gender, ['(a) gender pay gap (mean)', '(b) gap in variable pay (mean)', '(c) gender pay gap (median)', '(d) gap in variable pay (median)', '(e) share receiving variable pay']));
  title('(f) Quartile pay bands (hourly total pay; ranking with ties shared, as UK reg. 13(2); computed by the add-in)');
  after(quartileTable(b, FAIRNESS_TABLES.euQuartiles, row, eu.quartiles));
  title(`(g) Gap by category of workers (${eu.categoryField}); "${FLAG}": mean gap in total pay at or above PayGapThreshold either way (Art. 10)`);
  after(categoryTable(b, row, eu.categories, pl, payCol));

  // UK gender pay gap.
  title('UK gender pay gap (The Equality Act 2010 (Gender Pay Gap Information) Regulations 2017) — hourly pay = base salary × FTE / 52 / weekly hours');
  const uk = equity.uk;
  after(metricTable(b, FAIRNESS_TABLES.ukMetrics, row, 'Reg. 2(1)', uk.hourly, uk.bonus, payCol.hourlyPay, payCol.bonus, gender, ['(a) mean gender pay gap in hourly pay', '(c) mean bonus gap', '(b) median gender pay gap in hourly pay', '(d) median bonus gap', '(e) proportion paid a bonus']));
  title('(f) Quartile pay bands (hourly pay; reg. 13: four equal sections, ties at a boundary shared so each band has the same proportion of men and women at that rate; computed by the add-in)');
  after(quartileTable(b, FAIRNESS_TABLES.ukQuartiles, row, uk.quartiles));

  // Remediation.
  const rem = equity.remediation;
  title(
    rem.method === 'Regression'
      ? 'Cost to close the flagged gaps: each member of the disadvantaged gender raised to the pay the model predicts for them as the other gender (computed by the add-in)'
      : "Cost to close the flagged gaps: each member of the disadvantaged gender raised to the other gender's mean compa-ratio in the category × their midpoint (computed by the add-in)",
  );
  if (rem.note) title(`Note: ${rem.note}.`);
  const t = b.table(FAIRNESS_TABLES.remediation, row, 1, rem.categories, [
    { header: eu.categoryField, width: 30, cell: (c: CategoryRemediation) => c.category },
    { header: 'Disadvantaged', width: 14, cell: (c) => (c.disadvantaged === 'F' ? 'Women' : 'Men') },
    { header: 'Members', format: FMT.integer, width: 9, cell: (c) => c.members },
    { header: 'Raised', format: FMT.integer, width: 11, cell: (c) => c.raised },
    { header: 'By Compa-Ratio Fallback', format: FMT.integer, width: 11, cell: (c) => c.fallback },
    { header: 'Annual Cost', format: FMT.money, width: 11, cell: (c) => c.cost.toNumber() },
  ]);
  b.set(t.last + 1, 1, 'Total');
  b.set(t.last + 1, 6, rem.categories.length > 0 ? formula(`SUM(F${t.first}:F${t.last})`, rem.total) : 0);
  b.format(`F${t.last + 1}`, FMT.money);
  const compaBottom = compaTop + Math.max(1, compaRows.length) - 1;
  return b.build({ freeze: { rows: 0, columns: 0 }, conditionalFormats: [compaRatioScale(`D${compaTop}:E${compaBottom}`)] });
}

/** Women, Men, Other, Mean Women, Mean Men, Mean Gap, Median Women, Median Men, Median Gap — from column `start`. */
/**
 * The median of `pay` over the rows where `mask` (a product of comparisons) is 1, of which there are
 * `n` ≥ 1: the ⌊(n+1)/2⌋-th and the (⌊n/2⌋+1)-th smallest of pay + (1 − mask)·10³⁰⁰ averaged (the same
 * element twice when n is odd), as Excel's MEDIAN. SUMPRODUCT makes both Excel and LibreOffice evaluate
 * the arrays without array entry; no function newer than Excel 2007 is needed.
 */
export function conditionalMedian(pay: string, mask: string, n: string): string {
  const shifted = `${pay}+(1-${mask})*1E+300`;
  return `((SUMPRODUCT(SMALL(${shifted},INT((${n}+1)/2)))+SUMPRODUCT(SMALL(${shifted},INT(${n}/2)+1)))/2)`;
}

function gapColumns<T>(
  gapOf: (item: T) => GroupGap,
  condition: (item: T, r: number) => { range: string; value: string } | undefined,
  pay: string,
  start: string,
  pl: (letter: string) => string,
): LayoutColumn<T>[] {
  const c = (offset: number, r: number) => `${String.fromCharCode(start.charCodeAt(0) + offset)}${r}`;
  const gender = pl(PL.gender);
  const cond = (item: T, r: number) => {
    const x = condition(item, r);
    return x ? { countifs: `,${x.range},${x.value}`, mask: `*(${x.range}=${x.value})`, count: `COUNTIF(${x.range},${x.value})` } : { countifs: '', mask: '', count: `COUNTA(${pl(PL.id)})` };
  };
  const suppressed = (r: number) => `OR(${c(0, r)}<${K},${c(1, r)}<${K})`;
  const value = (g: GroupGap, x: Cached): Cached => (g.suppressed ? SUPPRESSED : x);
  return [
    { header: 'Women', format: FMT.integer, width: 14, cell: (item, r) => formula(`COUNTIFS(${gender},"F"${cond(item, r).countifs})`, gapOf(item).nFemale) },
    { header: 'Men', format: FMT.integer, width: 9, cell: (item, r) => formula(`COUNTIFS(${gender},"M"${cond(item, r).countifs})`, gapOf(item).nMale) },
    { header: 'Other', format: FMT.integer, width: 7, cell: (item, r) => formula(`${cond(item, r).count}-${c(0, r)}-${c(1, r)}`, gapOf(item).nOther) },
    ...(['F', 'M'] as const).map(
      (g): LayoutColumn<T> => ({
        header: g === 'F' ? 'Mean Women' : 'Mean Men',
        format: FMT.money2,
        width: 12,
        cell: (item, r) =>
          formula(`IF(${suppressed(r)},"${SUPPRESSED}",AVERAGEIFS(${pay},${gender},"${g}"${cond(item, r).countifs}))`, value(gapOf(item), g === 'F' ? gapOf(item).meanFemale : gapOf(item).meanMale)),
      }),
    ),
    { header: 'Mean Gap', format: FMT.percent, width: 9, cell: (item, r) => formula(`IF(ISNUMBER(${c(4, r)}),(${c(4, r)}-${c(3, r)})/${c(4, r)},"${SUPPRESSED}")`, value(gapOf(item), gapOf(item).meanGap)) },
    ...(['F', 'M'] as const).map(
      (g): LayoutColumn<T> => ({
        header: g === 'F' ? 'Median Women' : 'Median Men',
        format: FMT.money2,
        width: 12,
        cell: (item, r) =>
          formula(
            `IF(ISNUMBER(${c(g === 'F' ? 3 : 4, r)}),${conditionalMedian(pay, `((${gender}="${g}")${cond(item, r).mask})`, c(g === 'F' ? 0 : 1, r))},"${SUPPRESSED}")`,
            value(gapOf(item), g === 'F' ? gapOf(item).medianFemale : gapOf(item).medianMale),
          ),
      }),
    ),
    { header: 'Median Gap', format: FMT.percent, width: 9, cell: (item, r) => formula(`IF(ISNUMBER(${c(7, r)}),(${c(7, r)}-${c(6, r)})/${c(7, r)},"${SUPPRESSED}")`, value(gapOf(item), gapOf(item).medianGap)) },
  ];
}

interface Metric {
  label: string;
  women: SpecCell;
  men: SpecCell;
  figure: SpecCell;
  format: string;
}

/** Mean and median gaps in pay and in variable pay, and the shares receiving variable pay. */
function metricTable(
  b: SheetBuilder,
  name: string,
  row: number,
  basis: string,
  pay: GroupGap,
  variable: BonusFigures,
  payRange: string,
  bonusRange: string,
  gender: string,
  labels: [string, string, string, string, string],
): { first: number; last: number } {
  const first = row + 1;
  // Rows: pay mean, variable mean, pay median, variable median, shares.
  const n = (offset: number) => first + offset;
  const supp = (g: GroupGap, x: Cached): Cached => (g.suppressed ? SUPPRESSED : x);
  const count = (sex: string, recipients: boolean) => `COUNTIFS(${gender},"${sex}"${recipients ? `,${bonusRange},">0"` : ''})`;
  const suppressed = (recipients: boolean) => `OR(${count('F', recipients)}<${K},${count('M', recipients)}<${K})`;
  const mean = (sex: string, range: string, recipients: boolean) => `AVERAGEIFS(${range},${gender},"${sex}"${recipients ? `,${bonusRange},">0"` : ''})`;
  const median = (sex: string, range: string, recipients: boolean) => conditionalMedian(range, `((${gender}="${sex}")${recipients ? `*(${bonusRange}>0)` : ''})`, count(sex, recipients));
  const pair = (r: number, label: string, g: GroupGap, range: string, recipients: boolean, which: 'mean' | 'median'): Metric => {
    const f = which === 'mean' ? mean : median;
    return {
      label,
      women: formula(`IF(${suppressed(recipients)},"${SUPPRESSED}",${f('F', range, recipients)})`, supp(g, which === 'mean' ? g.meanFemale : g.medianFemale)),
      men: formula(`IF(${suppressed(recipients)},"${SUPPRESSED}",${f('M', range, recipients)})`, supp(g, which === 'mean' ? g.meanMale : g.medianMale)),
      figure: formula(`IF(ISNUMBER(C${r}),(C${r}-B${r})/C${r},"${SUPPRESSED}")`, supp(g, which === 'mean' ? g.meanGap : g.medianGap)),
      format: FMT.money2,
    };
  };
  const share = (sex: 'F' | 'M'): SpecCell => {
    const fig = sex === 'F' ? variable.female : variable.male;
    return formula(`IF(COUNTIF(${gender},"${sex}")<${K},"${SUPPRESSED}",${count(sex, true)}/COUNTIF(${gender},"${sex}"))`, fig.suppressed || fig.share === undefined ? SUPPRESSED : fig.share);
  };
  const metrics: Metric[] = [
    pair(n(0), labels[0], pay, payRange, false, 'mean'),
    pair(n(1), labels[1], variable.gap, bonusRange, true, 'mean'),
    pair(n(2), labels[2], pay, payRange, false, 'median'),
    pair(n(3), labels[3], variable.gap, bonusRange, true, 'median'),
    { label: labels[4], women: share('F'), men: share('M'), figure: variable.hasData ? null : 'no Bonus data', format: FMT.percent },
  ];
  const t = b.table(name, row, 1, metrics, [
    { header: basis, width: 30, cell: (m) => m.label },
    { header: 'Women', width: 14, cell: (m) => m.women },
    { header: 'Men', width: 9, cell: (m) => m.men },
    { header: 'Gap', format: FMT.percent, width: 9, cell: (m) => m.figure },
  ]);
  metrics.forEach((m, i) => b.format(`B${t.first + i}:C${t.first + i}`, m.format));
  return t;
}

function quartileTable(b: SheetBuilder, name: string, row: number, bands: BandShares[]): { first: number; last: number } {
  return b.table(name, row, 1, bands, [
    { header: 'Quartile Band', width: 30, cell: (q) => q.band },
    { header: 'Employees', format: FMT.integer, width: 14, cell: (q) => q.size },
    { header: 'Women', format: FMT.integer, width: 9, cell: (q) => q.female },
    { header: 'Men', format: FMT.integer, width: 7, cell: (q) => q.male },
    { header: 'Women %', format: FMT.percent, width: 12, cell: (q, r) => formula(`IF(B${r}<${K},"${SUPPRESSED}",C${r}/B${r})`, q.suppressed ? SUPPRESSED : q.femaleShare) },
    { header: 'Men %', format: FMT.percent, width: 12, cell: (q, r) => formula(`IF(B${r}<${K},"${SUPPRESSED}",D${r}/B${r})`, q.suppressed ? SUPPRESSED : q.maleShare) },
    { header: 'Lowest', format: FMT.money2, width: 9, cell: (q) => (q.suppressed ? null : q.lowest ?? null) },
    { header: 'Highest', format: FMT.money2, width: 12, cell: (q) => (q.suppressed ? null : q.highest ?? null) },
  ]);
}

/** Art. 9(1)(g): the gap by category in basic, variable and total pay, and the Art. 10 flag. */
function categoryTable(b: SheetBuilder, row: number, categories: CategoryGap[], pl: (letter: string) => string, pay: Record<Pay, string>): { first: number; last: number } {
  const gender = pl(PL.gender);
  const category = pl(PL.category);
  const bonus = pay.bonus;
  const where = (r: number, recipients: boolean) => `,${category},$A${r}${recipients ? `,${bonus},">0"` : ''}`;
  const mask = (r: number, recipients: boolean) => `*(${category}=$A${r})${recipients ? `*(${bonus}>0)` : ''}`;
  const suppressed = (r: number, recipients: boolean) => `OR(COUNTIFS(${gender},"F"${where(r, recipients)})<${K},COUNTIFS(${gender},"M"${where(r, recipients)})<${K})`;
  const meanGap = (r: number, range: string, recipients: boolean) => {
    const m = (sex: string) => `AVERAGEIFS(${range},${gender},"${sex}"${where(r, recipients)})`;
    return `IF(${suppressed(r, recipients)},"${SUPPRESSED}",(${m('M')}-${m('F')})/${m('M')})`;
  };
  const medianGap = (r: number, range: string, recipients: boolean) => {
    const m = (sex: string) => conditionalMedian(range, `((${gender}="${sex}")${mask(r, recipients)})`, `COUNTIFS(${gender},"${sex}"${where(r, recipients)})`);
    return `IF(${suppressed(r, recipients)},"${SUPPRESSED}",(${m('M')}-${m('F')})/${m('M')})`;
  };
  const cached = (g: GroupGap, x: number | undefined): Cached => (g.suppressed ? SUPPRESSED : x);
  const gapPair = (header: string, range: string, recipients: boolean, pick: (c: CategoryGap) => GroupGap): LayoutColumn<CategoryGap>[] => [
    { header: `${header} Mean Gap`, format: FMT.percent, width: 11, cell: (c, r) => formula(meanGap(r, range, recipients), cached(pick(c), pick(c).meanGap)) },
    { header: `${header} Median Gap`, format: FMT.percent, width: 11, cell: (c, r) => formula(medianGap(r, range, recipients), cached(pick(c), pick(c).medianGap)) },
  ];
  return b.table(FAIRNESS_TABLES.euCategories, row, 1, categories, [
    { header: 'Category', width: 30, cell: (c) => c.category },
    { header: 'Women', format: FMT.integer, width: 14, cell: (c, r) => formula(`COUNTIFS(${gender},"F"${where(r, false)})`, c.total.nFemale) },
    { header: 'Men', format: FMT.integer, width: 9, cell: (c, r) => formula(`COUNTIFS(${gender},"M"${where(r, false)})`, c.total.nMale) },
    { header: 'Other', format: FMT.integer, width: 7, cell: (c, r) => formula(`COUNTIF(${category},$A${r})-B${r}-C${r}`, c.total.nOther) },
    ...gapPair('Basic', pay.hourlyPay, false, (c) => c.basic),
    ...gapPair('Variable', bonus, true, (c) => c.variable),
    ...gapPair('Total', pay.hourlyTotalPay, false, (c) => c.total),
    {
      header: 'Flag',
      width: 20,
      cell: (c, r) => formula(`IF(ISNUMBER(I${r}),IF(ROUND(ABS(I${r}),10)>=PayGapThreshold,"${FLAG}",""),"")`, c.flagged ? FLAG : ''),
    },
  ]);
}

/** The regression: a summary block and the term table, values (least squares is not a sheet formula). */
function adjustedGapBlock(b: SheetBuilder, equity: PayEquity, row: number): number {
  const a = equity.adjusted;
  b.set(row++, 1, 'Adjusted gap: least squares of ln(base salary) on Female (1 for women) and the Equity Controls; computed by the add-in in double precision, not formulas');
  const fit = a.fit;
  const pct = (x: number | undefined) => (x === undefined ? null : x);
  const lines: [string, SpecCell, string?][] = [
    ['Status', a.status === 'ok' ? 'Estimated' : a.status === 'suppressed' ? `${SUPPRESSED}: ${a.reason}` : `Not available: ${a.reason}`],
    ['Observations (n)', a.n, FMT.integer],
    ['Women', a.nFemale, FMT.integer],
    ['Men', a.nMale, FMT.integer],
    ['Left out: gender not F or M', a.excludedOtherGender, FMT.integer],
    ['Left out: a control missing', a.excludedMissing, FMT.integer],
    ['Controls', a.controls.map((c) => `${c.name}${c.squared ? '^2' : ''}${c.reference !== undefined ? ` (reference ${c.reference})` : ''}`).join('; ') || '(none)'],
  ];
  if (fit && a.female) {
    lines.push(
      ['R²', fit.rSquared, '0.0000'],
      ['Adjusted R²', fit.adjustedRSquared, '0.0000'],
      ['Residual standard error', fit.sigma, '0.0000'],
      ['F statistic', fit.fStatistic ?? null, '0.00'],
      ['p (F)', fit.fP ?? null, '0.0000'],
      ['Female coefficient b', a.female.estimate, '0.0000'],
      ['Gap exp(b) − 1 (women vs men)', pct(a.gap), FMT.percent2],
      [`${Math.round(fit.confidenceLevel * 100)}% interval (classical)`, `${fmtPct(a.gapLower)} to ${fmtPct(a.gapUpper)}`],
      [`${Math.round(fit.confidenceLevel * 100)}% interval (HC1 robust)`, `${fmtPct(a.robustGapLower)} to ${fmtPct(a.robustGapUpper)}`],
      ['Gap as (men − women) / men, 1 − exp(b)', pct(a.menMinusWomen), FMT.percent2],
    );
  }
  b.block(row, 1, lines);
  row += lines.length;
  for (const note of a.notes) b.set(row++, 1, `Note: ${note}`);
  row++;
  if (!fit) return row + 1;
  const t = b.table(FAIRNESS_TABLES.regression, row, 1, a.terms, [
    { header: 'Term', width: 30, cell: (t: AdjustedTerm) => t.name },
    { header: 'Coefficient', format: '0.000000', width: 14, cell: (t) => t.estimate },
    { header: 'Std Error', format: '0.000000', width: 11, cell: (t) => t.stdError },
    { header: 't', format: '0.000', width: 9, cell: (t) => t.t },
    { header: 'p', format: '0.0000', width: 9, cell: (t) => t.p },
    { header: 'Lower 95%', format: '0.000000', width: 11, cell: (t) => t.lower },
    { header: 'Upper 95%', format: '0.000000', width: 11, cell: (t) => t.upper },
    { header: 'Robust SE (HC1)', format: '0.000000', width: 11, cell: (t) => t.robustStdError },
    { header: 'Robust t', format: '0.000', width: 9, cell: (t) => t.robustT },
    { header: 'Robust p', format: '0.0000', width: 9, cell: (t) => t.robustP },
    { header: 'Gap %', format: FMT.percent2, width: 9, cell: (t) => (t.name === FEMALE_TERM ? Math.expm1(t.estimate) : null) },
  ]);
  return t.last + 2;
}

const fmtPct = (x: number | undefined): string => (x === undefined ? '—' : `${(x * 100).toFixed(2)}%`);
