/**
 * The file host's conditional formats and charts as SpreadsheetML and DrawingML (ECMA-376 Part 1:
 * §18.3.1.10 cfRule, §18.3.1.49 iconSet, §18.3.1.11 cfvo; §21.2 charts), read back with a real XML
 * parser: the rules on the right cells, the chart series citing the right cells.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import { FileHost } from '../../src/hosts/file';
import { MAX_CACHED_POINTS } from '../../src/hosts/file/charts';
import { HostError } from '../../src/hosts/host';
import type { ChartSeriesSpec, ChartSpec, ConditionalFormatSpec, SheetSpec } from '../../src/workbook/sheetSpec';
import { MemoryHost } from '../../src/hosts/memory';
import { runWithMerit } from '../workbook/merit/run';
import { meritWorkbook } from '../workbook/merit/workbook';
import { entriesOf, partText, sheetPartPath } from './xlsxKit';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const CHART = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const DML = 'http://schemas.openxmlformats.org/drawingml/2006/main';

const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml');
const children = (e: Element, ns: string, name: string): Element[] => Array.from(e.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === name);
const all = (e: { getElementsByTagNameNS(ns: string, n: string): ArrayLike<Element> }, ns: string, name: string): Element[] => Array.from(e.getElementsByTagNameNS(ns, name));
const attrs = (e: Element): Record<string, string> => Object.fromEntries(Array.from(e.attributes).map((a) => [a.name, a.value]));

/** Each `<conditionalFormatting>` as its sqref and its rule's parts. */
function conditionalFormats(sheetXml: string) {
  return all(parse(sheetXml), MAIN, 'conditionalFormatting').map((cf) => {
    const [rule] = children(cf, MAIN, 'cfRule');
    const [iconSet] = children(rule, MAIN, 'iconSet');
    const [colorScale] = children(rule, MAIN, 'colorScale');
    const body = iconSet ?? colorScale;
    return {
      sqref: cf.getAttribute('sqref'),
      rule: attrs(rule),
      set: iconSet ? attrs(iconSet) : undefined,
      cfvos: body ? children(body, MAIN, 'cfvo').map(attrs) : [],
      colors: colorScale ? children(colorScale, MAIN, 'color').map((c) => c.getAttribute('rgb')) : [],
    };
  });
}

/** The chart parts a sheet's drawing points at, in anchor order (sheet rels → drawing → drawing rels → charts). */
function chartPartsOf(bytes: Uint8Array, sheet: string): string[] {
  const sheetPath = sheetPartPath(bytes, sheet);
  const relsPath = sheetPath.replace(/([^/]+)$/, '_rels/$1.rels');
  const resolve = (from: string, target: string) => {
    const parts = from.split('/').slice(0, -1);
    for (const seg of target.split('/')) {
      if (seg === '..') parts.pop();
      else parts.push(seg);
    }
    return parts.join('/');
  };
  const rels = (path: string) => all(parse(partText(bytes, path)), 'http://schemas.openxmlformats.org/package/2006/relationships', 'Relationship');
  const drawingRel = rels(relsPath).find((r) => r.getAttribute('Type')!.endsWith('/drawing'));
  if (!drawingRel) return [];
  const drawing = resolve(sheetPath, drawingRel.getAttribute('Target')!);
  const drawingRels = new Map(rels(drawing.replace(/([^/]+)$/, '_rels/$1.rels')).map((r) => [r.getAttribute('Id'), resolve(drawing, r.getAttribute('Target')!)]));
  return all(parse(partText(bytes, drawing)), CHART, 'chart').map((c) => drawingRels.get(c.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id'))!);
}

/** A chart part's plot types and, per series, its name, references and whether they carry a cache. */
function chartOf(bytes: Uint8Array, path: string) {
  const doc = parse(partText(bytes, path));
  const [plotArea] = all(doc, CHART, 'plotArea');
  const plots = Array.from(plotArea.childNodes).filter((n): n is Element => n.nodeType === 1 && /Chart$/.test((n as Element).localName!));
  const ref = (ser: Element, tag: string) => {
    const [holder] = children(ser, CHART, tag);
    if (!holder) return undefined;
    const f = all(holder, CHART, 'f')[0]?.textContent;
    const cached = all(holder, CHART, 'pt').map((p) => all(p, CHART, 'v')[0].textContent);
    return { f, cached };
  };
  return {
    title: all(all(doc, CHART, 'title')[0], DML, 't').map((t) => t.textContent).join(''),
    plots: plots.map((p) => ({
      type: p.localName,
      grouping: children(p, CHART, 'grouping')[0]?.getAttribute('val'),
      axes: children(p, CHART, 'axId').map((a) => a.getAttribute('val')),
      series: children(p, CHART, 'ser').map((s) => ({
        idx: children(s, CHART, 'idx')[0].getAttribute('val'),
        name: all(children(s, CHART, 'tx')[0], CHART, 'v')[0]?.textContent,
        noFill: children(s, CHART, 'spPr').some((sp) => children(sp, DML, 'noFill').length > 0),
        solidFill: children(s, CHART, 'spPr').some((sp) => children(sp, DML, 'solidFill').length > 0),
        marker: all(s, CHART, 'symbol')[0]?.getAttribute('val'),
        cat: ref(s, 'cat') ?? ref(s, 'xVal'),
        val: ref(s, 'val') ?? ref(s, 'yVal'),
      })),
    })),
    hiddenLegendEntries: all(doc, CHART, 'legendEntry').map((e) => children(e, CHART, 'idx')[0].getAttribute('val')),
  };
}

const grid = (rows: number): SheetSpec['cells'] => [
  ['Grade', 'Minimum', 'Width', 'Midpoint', 'Penetration', 'Compa'],
  ...Array.from({ length: rows }, (_, i) => [(i % 3) + 1, 40000 + 1000 * i, 20000, 50000 + 1000 * i, i / 4 - 0.5, 0.75 + i / 20]),
];

async function written(sheets: SheetSpec[]): Promise<Uint8Array> {
  const host = FileHost.createEmpty();
  await host.write({ sheets, names: [] });
  return host.toBytes();
}

describe('file host: conditional formats', () => {
  it('writes an icon set with its thresholds, and a colour scale on fixed points', async () => {
    const formats: ConditionalFormatSpec[] = [
      { kind: 'colorScale', range: 'F2:F9', min: '#F8696B', mid: 'FCFCFF', max: '#5A8AC6', minValue: 0.8, midValue: 1, maxValue: 1.2 },
      { kind: 'iconSet', range: 'E2:E9', icons: '3ArrowsGray', thresholds: [{ type: 'number', value: 0 }, { type: 'number', value: 1, inclusive: false }] },
      { kind: 'iconSet', range: '$B$2:$B$9', icons: '4TrafficLights', thresholds: [{ type: 'percent', value: 25 }, { type: 'percentile', value: 50 }, { type: 'percentile', value: 90 }], reverse: true, showValue: false },
    ];
    const bytes = await written([{ name: 'Data', role: 'output', cells: grid(8), conditionalFormats: formats }]);
    const cfs = conditionalFormats(partText(bytes, sheetPartPath(bytes, 'Data')));
    expect(cfs).toEqual([
      {
        sqref: 'F2:F9',
        rule: { type: 'colorScale', priority: '1' },
        set: undefined,
        cfvos: [{ type: 'num', val: '0.8' }, { type: 'num', val: '1' }, { type: 'num', val: '1.2' }],
        colors: ['FFF8696B', 'FFFCFCFF', 'FF5A8AC6'],
      },
      {
        sqref: 'E2:E9',
        rule: { type: 'iconSet', priority: '2' },
        set: { iconSet: '3ArrowsGray' },
        // The first cfvo bounds the lowest icon, which Excel ignores; gte="0" makes the last icon start above 1, not at it.
        cfvos: [{ type: 'percent', val: '0' }, { type: 'num', val: '0' }, { type: 'num', val: '1', gte: '0' }],
        colors: [],
      },
      {
        sqref: 'B2:B9',
        rule: { type: 'iconSet', priority: '3' },
        set: { iconSet: '4TrafficLights', showValue: '0', reverse: '1' },
        cfvos: [{ type: 'percent', val: '0' }, { type: 'percent', val: '25' }, { type: 'percentile', val: '50' }, { type: 'percentile', val: '90' }],
        colors: [],
      },
    ]);
    // An icon set needs no differential format.
    expect(partText(bytes, 'xl/styles.xml')).not.toMatch(/<dxfs count="[1-9]/);
  });

  it('refuses a malformed icon set, colour scale or range chart before writing anything, naming the sheet and range', async () => {
    const host = FileHost.createEmpty();
    const before = host.toBytes();
    const bad: [ConditionalFormatSpec, RegExp][] = [
      [{ kind: 'iconSet', range: 'E2:E9', icons: '3Arrows', thresholds: [{ type: 'number', value: 0 }] }, /Data: icon set on E2:E9: 3Arrows needs 2 thresholds, not 1/],
      [{ kind: 'iconSet', range: 'E2:E9', icons: '3Arrows', thresholds: [{ type: 'number', value: 1 }, { type: 'number', value: 0 }] }, /Data: icon set on E2:E9: thresholds must rise/],
      [{ kind: 'iconSet', range: 'E2:E9', icons: '3Arrows', thresholds: [{ type: 'percent', value: 50 }, { type: 'percent', value: 150 }] }, /threshold 2 must be a percent from 0 to 100/],
      [{ kind: 'iconSet', range: 'E2:E9', icons: '3Stars' as never, thresholds: [] }, /"3Stars" is not one of Excel's icon sets/],
      [{ kind: 'colorScale', range: 'F2:F9', min: 'F8696B', max: '5A8AC6', minValue: 1.2, maxValue: 0.8 }, /Data: colour scale on F2:F9 must rise from minimum to maximum/],
    ];
    const chart = (series: ChartSeriesSpec[]): ChartSpec => ({ kind: 'rangeBar', title: 'Ranges', anchor: 'H2', widthCells: 8, heightCells: 15, series });
    const badCharts: [ChartSpec, RegExp][] = [
      [chart([{ name: 'Minimum', values: 'B2:B9' }]), /Data: range chart "Ranges" needs a base series and a band series/],
      [chart([{ name: 'Minimum', values: 'B2:B9' }, { name: 'Width', values: 'C2:C9', marker: 'star' as never }]), /Data: chart series Width marker must be circle or dash/],
    ];
    const attempts: [Partial<SheetSpec>, RegExp][] = [...bad.map(([cf, m]): [Partial<SheetSpec>, RegExp] => [{ conditionalFormats: [cf] }, m]), ...badCharts.map(([c, m]): [Partial<SheetSpec>, RegExp] => [{ charts: [c] }, m])];
    for (const [extra, message] of attempts) {
      const attempt = host.write({ sheets: [{ name: 'Data', role: 'output', cells: grid(8), ...extra }], names: [] });
      await expect(attempt).rejects.toThrow(HostError);
      await expect(attempt).rejects.toThrow(message);
      expect(host.toBytes()).toEqual(before);
    }
  });
});

describe('file host: charts', () => {
  const rangeBar = (rows: number): SheetSpec => ({
    name: 'Pay Structure',
    role: 'output',
    cells: grid(rows),
    charts: [
      {
        kind: 'rangeBar',
        title: 'Salary ranges by grade',
        anchor: 'H2',
        widthCells: 8,
        heightCells: 15,
        series: [
          { name: 'Minimum', values: 'B2:B4', categories: 'A2:A4' },
          { name: 'Minimum to Maximum', values: 'C2:C4', categories: 'A2:A4' },
          { name: 'Midpoint', values: 'D2:D4', categories: 'A2:A4' },
        ],
      },
    ],
  });

  it('draws the range chart as stacked bars on an invisible base, the midpoint as markers on the same axes', async () => {
    const bytes = await written([rangeBar(3)]);
    const [part] = chartPartsOf(bytes, 'Pay Structure');
    const chart = chartOf(bytes, part);
    expect(chart.title).toBe('Salary ranges by grade');
    expect(chart.plots.map((p) => [p.type, p.grouping])).toEqual([
      ['barChart', 'stacked'],
      ['lineChart', 'standard'],
    ]);
    expect(chart.plots[1].axes).toEqual(chart.plots[0].axes);
    const [base, band] = chart.plots[0].series;
    const [mid] = chart.plots[1].series;
    expect([base.idx, band.idx, mid.idx]).toEqual(['0', '1', '2']);
    expect([base.noFill, band.noFill, band.solidFill]).toEqual([true, false, true]);
    expect(mid.marker).toBe('dash');
    expect([base, band, mid].map((s) => [s.name, s.cat!.f, s.val!.f])).toEqual([
      ['Minimum', "'Pay Structure'!$A$2:$A$4", "'Pay Structure'!$B$2:$B$4"],
      ['Minimum to Maximum', "'Pay Structure'!$A$2:$A$4", "'Pay Structure'!$C$2:$C$4"],
      ['Midpoint', "'Pay Structure'!$A$2:$A$4", "'Pay Structure'!$D$2:$D$4"],
    ]);
    // Cached values are the cells', so the chart draws before Excel recalculates.
    expect(band.val!.cached).toEqual(['20000', '20000', '20000']);
    expect(mid.val!.cached).toEqual(['50000', '51000', '52000']);
    // The invisible base has no legend entry.
    expect(chart.hiddenLegendEntries).toEqual(['0']);
  });

  it('plots a scatter from two column references, and leaves the cache out of a large one', async () => {
    const rows = MAX_CACHED_POINTS + 5;
    const scatter = (n: number): SheetSpec => ({
      name: 'Placement',
      role: 'output',
      cells: grid(n),
      charts: [{ kind: 'scatter', title: 'Employees', anchor: 'H2', widthCells: 8, heightCells: 15, series: [{ name: 'Base Salary', values: `D2:D${n + 1}`, categories: `A2:A${n + 1}`, marker: 'circle' }] }],
    });
    const small = await written([scatter(6)]);
    const smallChart = chartOf(small, chartPartsOf(small, 'Placement')[0]);
    expect(smallChart.plots[0].type).toBe('scatterChart');
    expect(smallChart.plots[0].series[0]).toMatchObject({ marker: 'circle', cat: { f: 'Placement!$A$2:$A$7', cached: ['1', '2', '3', '1', '2', '3'] }, val: { f: 'Placement!$D$2:$D$7' } });

    const big = await written([scatter(rows)]);
    const part = chartPartsOf(big, 'Placement')[0];
    const bigChart = chartOf(big, part);
    expect(bigChart.plots[0].series[0]).toMatchObject({ cat: { f: `Placement!$A$2:$A$${rows + 1}`, cached: [] }, val: { f: `Placement!$D$2:$D$${rows + 1}`, cached: [] } });
    // Both references stay numeric (numRef), so Excel reads x as numbers, not categories.
    const xml = partText(big, part);
    expect(xml.match(/<c:numRef>/g)).toHaveLength(2);
    expect(xml.length).toBeLessThan(5000);
  });

  it('writes the pipeline\'s range chart and employee chart on their sheets, citing the cells the specs name', async () => {
    const memory = new MemoryHost(meritWorkbook());
    const run = await runWithMerit(memory);
    const host = FileHost.createEmpty();
    await host.write(run.update);
    const bytes = host.toBytes();
    const withCharts = run.update.sheets.filter((s) => (s.charts ?? []).length > 0);
    expect(withCharts.map((s) => s.name).sort()).toEqual(['Pay Structure', 'Placement']);
    const quote = (sheet: string) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet}'`);
    const abs = (sheet: string, a1: string) => `${quote(sheet)}!${a1.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`;
    for (const spec of withCharts) {
      const parts = chartPartsOf(bytes, spec.name);
      expect(parts).toHaveLength(spec.charts!.length);
      const chart = chartOf(bytes, parts[0]);
      const series = chart.plots.flatMap((p) => p.series);
      expect(series.map((s) => [s.name, s.cat?.f, s.val?.f])).toEqual(spec.charts![0].series.map((s) => [s.name, abs(spec.name, s.categories!), abs(spec.name, s.values)]));
    }
    // Every chart part is declared in [Content_Types].xml and nothing else is left over.
    const chartParts = Object.keys(entriesOf(bytes)).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(chartParts).toHaveLength(2);
    const types = partText(bytes, '[Content_Types].xml');
    for (const p of chartParts) expect(types).toContain(`PartName="/${p}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"`);

    // The Placement rules land on the Placement columns the layout named.
    const placement = run.update.sheets.find((s) => s.name === 'Placement')!;
    const written = conditionalFormats(partText(bytes, sheetPartPath(bytes, 'Placement')));
    expect(written.map((c) => [c.sqref, c.rule.type])).toEqual(placement.conditionalFormats!.map((c) => [c.range, c.kind]));
  });
});
