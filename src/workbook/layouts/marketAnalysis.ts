import type { PricedSurvey } from '../../engine/market';
import type { PayStructure } from '../../engine/payStructure';
import type { Assumptions, Job } from '../../engine/types';
import { predictPayLine } from '../../engine/payLine';
import { absAddress, absRange, parseCell, sheetRef } from '../address';
import { dateToSerial } from '../dates';
import { OUTPUT_SHEETS } from '../schema';
import type { DefinedName, SheetSpec } from '../sheetSpec';
import { PAY_LINE_A, PAY_LINE_B, TABLES } from './names';
import { payLineEquation, payLineFormula } from './payLineFormula';
import { FMT, SheetBuilder, type LayoutColumn } from './sheetBuilder';

/** Where the survey detail table sits: columns N… (the pay line block is at K:L). */
const DETAIL_COL = 14; // N
const PAY_LINE_COL = 11; // K

interface DetailRow {
  survey: PricedSurvey;
}

/**
 * `Market Analysis`: one row per job (market, policy and pay line rates, deviation), the pay line's
 * coefficients (values: least squares is not a sheet formula), and the survey detail each market
 * rate blends, with months of aging and the aged rate as live formulas on the Assumptions names.
 */
export function marketAnalysisSheet(jobs: readonly Job[], result: PayStructure, a: Assumptions): { sheet: SheetSpec; names: DefinedName[] } {
  const name = OUTPUT_SHEETS.marketAnalysis;
  const b = new SheetBuilder(name);
  const fit = result.fit!;
  const details: DetailRow[] = [];
  for (const job of jobs) for (const survey of result.priced.get(job.code)?.surveys ?? []) details.push({ survey });
  const dFirst = 2;
  const dLast = Math.max(2, details.length + 1);
  const col = (offset: number) => absRange(dFirst, DETAIL_COL + offset, dLast, DETAIL_COL + offset);
  const dJob = col(0);
  const dAged = col(5);
  const dWeight = col(6);
  const benchmarkCodes = new Set(result.benchmarks.map((x) => x.job.code));

  const jobColumns: LayoutColumn<Job>[] = [
    { header: 'Job Code', width: 12, cell: (j) => j.code },
    { header: 'Job Title', width: 30, cell: (j) => j.title },
    { header: 'Points', format: FMT.points, width: 9, cell: (j) => j.points },
    {
      header: 'Market Rate',
      format: FMT.money,
      width: 13,
      fill: {
        formula: (r) => `IF(H${r}=0,"",SUMPRODUCT((${dJob}=A${r})*${dAged}*${dWeight})/SUMIF(${dJob},A${r},${dWeight}))`,
        value: (j) => result.priced.get(j.code)?.marketRate,
      },
    },
    { header: 'Policy Rate', format: FMT.money, width: 13, fill: { formula: (r) => `IF(D${r}="","",D${r}*(1+MarketPosition))`, value: (j) => result.priced.get(j.code)?.policyRate } },
    { header: 'Pay Line Rate', format: FMT.money, width: 13, fill: { formula: (r) => payLineFormula(fit.model, `C${r}`), value: (j) => predictPayLine(fit, j.points) } },
    {
      header: 'Deviation',
      format: FMT.percent,
      width: 10,
      fill: {
        formula: (r) => `IF(E${r}="","",E${r}/F${r}-1)`,
        value: (j) => {
          const policy = result.priced.get(j.code)?.policyRate;
          return policy ? policy.toNumber() / predictPayLine(fit, j.points) - 1 : undefined;
        },
      },
    },
    { header: 'Surveys', format: FMT.integer, width: 8, fill: { formula: (r) => `COUNTIF(${dJob},A${r})`, value: (j) => result.priced.get(j.code)?.surveys.length ?? 0 } },
    { header: 'Benchmark', width: 10, cell: (j) => (benchmarkCodes.has(j.code) ? 'Y' : 'N') },
  ];
  b.table(TABLES.marketAnalysis, 1, 1, jobs, jobColumns);

  const at = b.block(1, PAY_LINE_COL, [
    ['Pay Line', 'Value'],
    ['Model', fit.model],
    ['a (intercept)', fit.a, FMT.general],
    ['b (slope)', fit.b, FMT.general],
    ['R²', fit.r2, '0.0000'],
    ['Benchmark jobs', fit.n, FMT.integer],
    ['Equation', payLineEquation(fit.model, fit.a, fit.b)],
    ['Note', `Least squares on the benchmark jobs' policy rates${fit.model === 'Linear' ? '' : ' (fitted on ln rate)'}; values, not formulas.`],
  ]);
  b.width(PAY_LINE_COL, 16);
  b.width(PAY_LINE_COL + 1, 14);

  const detailColumns: LayoutColumn<DetailRow>[] = [
    { header: 'Job Code', width: 12, cell: (d) => d.survey.row.jobCode },
    { header: 'Survey', width: 24, cell: (d) => d.survey.row.survey },
    { header: 'Effective Date', format: FMT.date, width: 13, cell: (d) => dateToSerial(d.survey.row.effectiveDate) },
    {
      header: 'Months Aged',
      format: FMT.integer,
      width: 8,
      fill: { formula: (r) => `(YEAR(EffectiveDate)-YEAR(P${r}))*12+MONTH(EffectiveDate)-MONTH(P${r})`, value: (d) => d.survey.months },
    },
    { header: `P${a.marketPercentile} Rate`, format: FMT.money, width: 12, cell: (d) => d.survey.percentileRate.toNumber() },
    {
      header: 'Aged Rate',
      format: FMT.money2,
      width: 13,
      fill: { formula: (r) => `IF(AgingMethod="Compound",R${r}*(1+AgingRate)^(Q${r}/12),R${r}*(1+AgingRate*Q${r}/12))`, value: (d) => d.survey.agedRate },
    },
    { header: 'Weight', format: '0.00', width: 8, cell: (d) => d.survey.weight.toNumber() },
  ];
  b.table(TABLES.surveyDetail, 1, DETAIL_COL, details, detailColumns);

  const names: DefinedName[] = [
    { name: PAY_LINE_A, ref: sheetRef(name, toAbs(at.get('a (intercept)')!)) },
    { name: PAY_LINE_B, ref: sheetRef(name, toAbs(at.get('b (slope)')!)) },
  ];
  return { sheet: b.build(), names };
}

const toAbs = (a1: string): string => {
  const { row, col } = parseCell(a1);
  return absAddress(row, col);
};
