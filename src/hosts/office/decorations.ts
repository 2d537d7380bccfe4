import { cellAddress, columnLetter, parseCell } from '../../workbook/address';
import { iconCount, type ChartSeriesSpec, type ChartSpec, type ConditionalFormatSpec, type IconSetName, type IconThreshold, type SheetSpec } from '../../workbook/sheetSpec';
import { jsonBytes, OPERATION_OVERHEAD } from './payload';
import type { SyncBatcher } from './syncBatcher';

/** Excel's default table style, as the file host writes it. */
export const DEFAULT_TABLE_STYLE = 'TableStyleMedium2';

/** Column width in characters (as the spec and the file format give it) to points (as Office.js takes it). */
export const widthInPoints = (characters: number): number => Math.round((characters * 7 + 5) * 0.75 * 100) / 100;

/** `#RRGGBB` from the spec's RRGGBB, #RRGGBB or AARRGGBB. */
export function hexColor(color: string): string {
  const bare = color.replace(/^#/, '');
  return `#${bare.length === 8 ? bare.slice(2) : bare}`.toUpperCase();
}

/**
 * Number formats, column widths, tables (under the temporary names the swap renames) and frozen
 * panes: what ExcelApi 1.7 always supports.
 */
export async function queueLayout(sheet: Excel.Worksheet, spec: SheetSpec, tableNames: readonly string[], batcher: SyncBatcher): Promise<Excel.Table[]> {
  for (const f of spec.formats ?? []) {
    await batcher.reserve(OPERATION_OVERHEAD + jsonBytes(f));
    // A single value applies to every cell of the range (Range.numberFormat accepts a scalar).
    sheet.getRange(f.range).numberFormat = f.format as unknown as string[][];
  }
  for (const [i, column] of (spec.columns ?? []).entries()) {
    if (column.width === undefined && !column.hidden) continue;
    await batcher.reserve(2 * OPERATION_OVERHEAD);
    const range = sheet.getRange(`${columnLetter(i + 1)}:${columnLetter(i + 1)}`);
    if (column.width !== undefined) range.format.columnWidth = widthInPoints(column.width);
    if (column.hidden) range.columnHidden = true;
  }
  const tables: Excel.Table[] = [];
  for (const [i, t] of (spec.tables ?? []).entries()) {
    await batcher.reserve(3 * OPERATION_OVERHEAD + jsonBytes(t));
    // A Range, not an address: a bare address would mean the active sheet to Excel.
    const table = sheet.tables.add(sheet.getRange(t.range), true);
    table.name = tableNames[i];
    table.style = t.style ?? DEFAULT_TABLE_STYLE;
    tables.push(table);
  }
  if (spec.freeze && (spec.freeze.rows > 0 || spec.freeze.columns > 0)) {
    await batcher.reserve(OPERATION_OVERHEAD);
    const { rows, columns } = spec.freeze;
    if (rows > 0 && columns > 0) sheet.freezePanes.freezeAt(sheet.getRange(`A1:${cellAddress(rows, columns)}`));
    else if (rows > 0) sheet.freezePanes.freezeRows(rows);
    else sheet.freezePanes.freezeColumns(columns);
  }
  return tables;
}

const OPERATORS = { lessThan: 'LessThan', greaterThan: 'GreaterThan', equal: 'EqualTo' } as const;

/** A value as a conditional-format formula: numbers as they are, text quoted. */
const criterionFormula = (v: number | string): string => (typeof v === 'number' ? String(v) : `="${v.replace(/"/g, '""')}"`);

/** A colour-scale end: the range's lowest / highest value, or a fixed number. */
const scaleEnd = (value: number | undefined, extreme: 'LowestValue' | 'HighestValue', color: string): Excel.ConditionalColorScaleCriterion =>
  value !== undefined ? { type: 'Number', formula: String(value), color: hexColor(color) } : { type: extreme, color: hexColor(color) };

/** `3TrafficLights1` → `ThreeTrafficLights1`, as Office.js names the sets. */
const iconStyle = (icons: IconSetName): Excel.IconSet => `${['Three', 'Four', 'Five'][iconCount(icons) - 3]}${icons.slice(1)}` as Excel.IconSet;

const ICON_RULE_TYPES = { number: 'Number', percent: 'Percent', percentile: 'Percentile' } as const;

/**
 * Criteria for each icon. Excel ignores the first criterion's type, formula and operator (the lowest
 * icon has no lower bound), so it is left empty, as in Microsoft's sample.
 */
export function iconCriteria(thresholds: readonly IconThreshold[]): Excel.ConditionalIconCriterion[] {
  return [
    {} as Excel.ConditionalIconCriterion,
    ...thresholds.map((t) => ({ type: ICON_RULE_TYPES[t.type], formula: `=${t.value}`, operator: t.inclusive === false ? ('GreaterThan' as const) : ('GreaterThanOrEqual' as const) })),
  ];
}

/** Colour scales (the compa-ratio scale), icon sets (range position), cell-value and text rules (status colours). */
export async function queueConditionalFormats(sheet: Excel.Worksheet, formats: readonly ConditionalFormatSpec[], batcher: SyncBatcher): Promise<void> {
  for (const cf of formats) {
    await batcher.reserve(4 * OPERATION_OVERHEAD + jsonBytes(cf));
    const range = sheet.getRange(cf.range);
    if (cf.kind === 'colorScale') {
      const format = range.conditionalFormats.add('ColorScale');
      const criteria: Excel.ConditionalColorScaleCriteria = {
        minimum: scaleEnd(cf.minValue, 'LowestValue', cf.min),
        maximum: scaleEnd(cf.maxValue, 'HighestValue', cf.max),
      };
      if (cf.mid) {
        criteria.midpoint =
          cf.midValue !== undefined ? { type: 'Number', formula: String(cf.midValue), color: hexColor(cf.mid) } : { type: 'Percentile', formula: '50', color: hexColor(cf.mid) };
      }
      format.colorScale.criteria = criteria;
    } else if (cf.kind === 'iconSet') {
      const format = range.conditionalFormats.add('IconSet');
      format.iconSet.style = iconStyle(cf.icons);
      if (cf.reverse) format.iconSet.reverseIconOrder = true;
      if (cf.showValue === false) format.iconSet.showIconOnly = true;
      format.iconSet.criteria = iconCriteria(cf.thresholds);
    } else if (cf.kind === 'cellValue') {
      const format = range.conditionalFormats.add('CellValue');
      format.cellValue.format.fill.color = hexColor(cf.fill);
      if (cf.font) format.cellValue.format.font.color = hexColor(cf.font);
      format.cellValue.rule = { formula1: criterionFormula(cf.value), operator: OPERATORS[cf.operator] };
    } else {
      const format = range.conditionalFormats.add('ContainsText');
      format.textComparison.format.fill.color = hexColor(cf.fill);
      if (cf.font) format.textComparison.format.font.color = hexColor(cf.font);
      format.textComparison.rule = { operator: 'Contains', text: cf.text };
    }
  }
}

const CHART_TYPES = { rangeBar: 'ColumnStacked', scatter: 'XYScatter', line: 'Line', column: 'ColumnClustered' } as const;

function configureSeries(sheet: Excel.Worksheet, chart: ChartSpec, series: Excel.ChartSeries, spec: ChartSeriesSpec, index: number): void {
  series.name = spec.name;
  if (spec.categories) series.setXAxisValues(sheet.getRange(spec.categories));
  const markers = chart.kind === 'scatter' || (chart.kind === 'rangeBar' && index >= 2);
  const marker = spec.marker ?? (chart.kind === 'rangeBar' ? 'dash' : undefined);
  if (markers && marker) series.markerStyle = marker === 'dash' ? 'Dash' : 'Circle';
  if (chart.kind !== 'rangeBar') return;
  // The range chart floats its bars on an invisible base (each grade's minimum); series beyond the
  // band (midpoint, employees) are markers on the grade, not more stacked bars.
  if (index === 0) {
    series.format.fill.clear();
    series.format.line.lineStyle = 'None';
  } else if (index >= 2) {
    series.chartType = 'LineMarkers';
    series.format.line.lineStyle = 'None';
  }
}

/** Charts anchored over their cells, series by series (ExcelApi 1.7). */
export async function queueCharts(sheet: Excel.Worksheet, charts: readonly ChartSpec[], batcher: SyncBatcher): Promise<void> {
  for (const spec of charts) {
    await batcher.reserve((6 + 4 * spec.series.length) * OPERATION_OVERHEAD + jsonBytes(spec));
    const [first, ...others] = spec.series;
    const chart = sheet.charts.add(CHART_TYPES[spec.kind], sheet.getRange(first.values), 'Columns');
    chart.title.text = spec.title;
    chart.legend.position = 'Bottom';
    const from = parseCell(spec.anchor);
    chart.setPosition(spec.anchor, cellAddress(from.row + Math.ceil(spec.heightCells) - 1, from.col + Math.ceil(spec.widthCells) - 1));
    configureSeries(sheet, spec, chart.series.getItemAt(0), first, 0);
    others.forEach((s, i) => {
      const series = chart.series.add(s.name);
      series.setValues(sheet.getRange(s.values));
      configureSeries(sheet, spec, series, s, i + 1);
    });
  }
}
