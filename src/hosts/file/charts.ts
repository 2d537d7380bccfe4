import { absRange, parseCell, parseRange, sheetRef } from '../../workbook/address';
import type { ChartSeriesSpec, ChartSpec, SheetSpec, SpecCell } from '../../workbook/sheetSpec';
import { isFormula } from '../../workbook/sheetSpec';
import { encodeUtf8, escapeAttr, escapeText, NS, XML_DECLARATION } from './xml';

const C = `xmlns:c="${NS.chart}" xmlns:a="${NS.dml}" xmlns:r="${NS.rel}"`;

/** The values of an on-sheet range of a spec, row-major, formulas by their cached value. */
function rangeValues(spec: SheetSpec, a1: string): (number | string | null)[] {
  const r = parseRange(a1);
  const out: (number | string | null)[] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    for (let col = r.left; col <= r.right; col++) {
      const cell: SpecCell | undefined = spec.cells[row - 1]?.[col - 1];
      const v = cell !== null && cell !== undefined && isFormula(cell) ? cell.value : cell;
      out.push(typeof v === 'number' || typeof v === 'string' ? v : typeof v === 'boolean' ? Number(v) : null);
    }
  }
  return out;
}

const points = (values: readonly (number | string | null)[]): string =>
  values.map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${escapeText(String(v))}</c:v></c:pt>`)).join('');

/**
 * Points beyond which a reference is written without its cache: Excel and LibreOffice read a chart's
 * data from the cells it cites (as charts written by openpyxl, which never caches, show), and
 * 100,000 employees' cached points would add megabytes to the package for nothing.
 */
export const MAX_CACHED_POINTS = 10_000;

/** A cell reference with its cached values (when small), so the chart draws before Excel recalculates. */
function dataRef(spec: SheetSpec, sheet: string, a1: string, as: 'num' | 'auto'): string {
  const r = parseRange(a1);
  const f = escapeText(sheetRef(sheet, absRange(r.top, r.left, r.bottom, r.right)));
  const values = rangeValues(spec, a1);
  // A formula's "" (e.g. an employee without a grade) is a gap, not text that would turn the axis into categories.
  const numeric = as === 'num' || values.every((v) => v === null || v === '' || typeof v === 'number');
  if (values.length > MAX_CACHED_POINTS) return numeric ? `<c:numRef><c:f>${f}</c:f></c:numRef>` : `<c:strRef><c:f>${f}</c:f></c:strRef>`;
  if (numeric) {
    const nums = values.map((v) => (typeof v === 'number' ? v : null));
    return `<c:numRef><c:f>${f}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${nums.length}"/>${points(nums)}</c:numCache></c:numRef>`;
  }
  return `<c:strRef><c:f>${f}</c:f><c:strCache><c:ptCount val="${values.length}"/>${points(values)}</c:strCache></c:strRef>`;
}

/**
 * Series colours, written out rather than left to the theme: LibreOffice draws a bar series without
 * an explicit fill as no fill at all in a package without a theme part. Office's default accents.
 */
export const SERIES_COLORS = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'] as const;

/** The range chart's band and its markers (the midpoint): a light bar with a darker edge, a dark dash. */
const BAND = { fill: 'B4C7E7', line: '4472C4', marker: '1F3864' } as const;

const solid = (rgb: string): string => `<a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>`;

/** A marker without a line: a circle (points) or a wide dash (a level, such as a midpoint or range end). */
function markerXml(kind: 'circle' | 'dash', rgb: string): string {
  const size = kind === 'dash' ? 20 : 5;
  return `<c:marker><c:symbol val="${kind}"/><c:size val="${size}"/><c:spPr>${solid(rgb)}<a:ln w="9525">${solid(rgb)}</a:ln></c:spPr></c:marker>`;
}

function seriesXml(chart: ChartSpec, s: ChartSeriesSpec, i: number, spec: SheetSpec, sheet: string): string {
  const head = `<c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeText(s.name)}</c:v></c:tx>`;
  const color = SERIES_COLORS[i % SERIES_COLORS.length];
  const noLine = '<c:spPr><a:ln w="19050"><a:noFill/></a:ln></c:spPr>';
  if (chart.kind === 'scatter') {
    const x = s.categories ? `<c:xVal>${dataRef(spec, sheet, s.categories, 'auto')}</c:xVal>` : '';
    return `<c:ser>${head}${noLine}${markerXml(s.marker ?? 'circle', color)}${x}<c:yVal>${dataRef(spec, sheet, s.values, 'num')}</c:yVal><c:smooth val="0"/></c:ser>`;
  }
  const cat = s.categories ? `<c:cat>${dataRef(spec, sheet, s.categories, 'auto')}</c:cat>` : '';
  const val = `<c:val>${dataRef(spec, sheet, s.values, 'num')}</c:val>`;
  if (chart.kind === 'line') {
    return `<c:ser>${head}<c:spPr><a:ln w="28575">${solid(color)}</a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>${cat}${val}<c:smooth val="0"/></c:ser>`;
  }
  if (chart.kind === 'rangeBar') {
    // Markers on the bars (the midpoint), no line between them: a line series drawn over the band.
    if (i >= 2) return `<c:ser>${head}${noLine}${markerXml(s.marker ?? 'dash', i === 2 ? BAND.marker : color)}${cat}${val}<c:smooth val="0"/></c:ser>`;
    // The bars float: the first series is the invisible base (each grade's minimum), the second the band on it.
    const fill = i === 0 ? '<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>' : `<c:spPr>${solid(BAND.fill)}<a:ln w="9525">${solid(BAND.line)}</a:ln></c:spPr>`;
    return `<c:ser>${head}${fill}<c:invertIfNegative val="0"/>${cat}${val}</c:ser>`;
  }
  return `<c:ser>${head}<c:spPr>${solid(color)}</c:spPr><c:invertIfNegative val="0"/>${cat}${val}</c:ser>`;
}

const AX_CAT = 500000001;
const AX_VAL = 500000002;

function axesXml(chart: ChartSpec): string {
  const scaling = '<c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>';
  const value = (id: number, pos: string, cross: number, grid: boolean): string =>
    `<c:valAx><c:axId val="${id}"/>${scaling}<c:axPos val="${pos}"/>${grid ? '<c:majorGridlines/>' : ''}<c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="${cross}"/><c:crosses val="autoZero"/><c:crossBetween val="${chart.kind === 'scatter' ? 'midCat' : 'between'}"/></c:valAx>`;
  if (chart.kind === 'scatter') return value(AX_CAT, 'b', AX_VAL, false) + value(AX_VAL, 'l', AX_CAT, true);
  return (
    `<c:catAx><c:axId val="${AX_CAT}"/>${scaling}<c:axPos val="b"/><c:tickLblPos val="nextTo"/><c:crossAx val="${AX_VAL}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
    value(AX_VAL, 'l', AX_CAT, true)
  );
}

/** A chart part (DrawingML chart) for one ChartSpec whose ranges lie on `sheet`. */
export function buildChartPart(chart: ChartSpec, spec: SheetSpec, sheet: string): Uint8Array {
  const all = chart.series.map((s, i) => seriesXml(chart, s, i, spec, sheet));
  const series = (chart.kind === 'rangeBar' ? all.slice(0, 2) : all).join('');
  const axIds = `<c:axId val="${AX_CAT}"/><c:axId val="${AX_VAL}"/>`;
  let plot: string;
  switch (chart.kind) {
    case 'scatter':
      plot = `<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>${series}${axIds}</c:scatterChart>`;
      break;
    case 'line':
      plot = `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axIds}</c:lineChart>`;
      break;
    case 'rangeBar': {
      // The band as stacked columns; the markers (the midpoint) as a line chart on the same axes, as Excel stores a combo chart.
      const markers = all.slice(2).join('');
      plot = `<c:barChart><c:barDir val="col"/><c:grouping val="stacked"/><c:varyColors val="0"/>${series}<c:gapWidth val="50"/><c:overlap val="100"/>${axIds}</c:barChart>`;
      if (markers) plot += `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${markers}<c:marker val="1"/>${axIds}</c:lineChart>`;
      break;
    }
    default:
      plot = `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="150"/>${axIds}</c:barChart>`;
  }
  // The range chart's invisible base has nothing to show in the legend.
  const legendEntries = chart.kind === 'rangeBar' ? '<c:legendEntry><c:idx val="0"/><c:delete val="1"/></c:legendEntry>' : '';
  const title = `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeText(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`;
  return encodeUtf8(
    `${XML_DECLARATION}<c:chartSpace ${C}><c:roundedCorners val="0"/><c:chart>${title}<c:plotArea><c:layout/>${plot}${axesXml(chart)}</c:plotArea>` +
      `<c:legend><c:legendPos val="b"/>${legendEntries}<c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
      // A white chart area with a light border, as Excel draws by default (LibreOffice would leave it transparent over the cells).
      `<c:spPr>${solid('FFFFFF')}<a:ln w="9525">${solid('D9D9D9')}</a:ln></c:spPr></c:chartSpace>`,
  );
}

/** A drawing part anchoring each chart (by relationship id) over its cells. */
export function buildDrawingPart(charts: readonly { chart: ChartSpec; relId: string }[]): Uint8Array {
  const anchors = charts.map(({ chart, relId }, i) => {
    const from = parseCell(chart.anchor);
    const marker = (tag: string, col: number, row: number): string =>
      `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    return (
      `<xdr:twoCellAnchor editAs="oneCell">${marker('from', from.col - 1, from.row - 1)}${marker('to', from.col - 1 + Math.ceil(chart.widthCells), from.row - 1 + Math.ceil(chart.heightCells))}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeAttr(`Chart ${i + 1}`)}" descr="${escapeAttr(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS.chart}"><c:chart xmlns:c="${NS.chart}" r:id="${relId}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return encodeUtf8(`${XML_DECLARATION}<xdr:wsDr xmlns:xdr="${NS.drawing}" xmlns:a="${NS.dml}" xmlns:r="${NS.rel}">${anchors.join('')}</xdr:wsDr>`);
}
