/**
 * LibreOffice opens the written workbook with its charts and conditional formats: after a headless
 * round trip (open, recalculate, save as .xlsx, with the profile formulaParity uses), Pay Structure
 * still has its range chart (stacked bars and a marker series) and Placement its employee scatter,
 * each series citing the cells the layout named, and Placement keeps its colour scales and icon set.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import { FileHost } from '../../src/hosts/file/fileHost';
import { compute, layout, readWorkbook } from '../../src/run/pipeline';
import { sampleUpdate } from '../../src/sample/sampleWorkbook';
import { parseRange, sheetRef, absRange } from '../../src/workbook/address';
import { parseWorkbook } from '../../src/workbook/readInputs';
import { specCell } from '../../src/workbook/sheetSpec';
import { recalculateWithLibreOffice, stripCachedValues } from './support/libreoffice';

const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CHART = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A package's parts as parsed XML, and the chart and conditional-format content of a sheet by name. */
function opened(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  const xml = (path: string) => new DOMParser().parseFromString(strFromU8(files[path]), 'text/xml');
  const els = (doc: { getElementsByTagNameNS(ns: string, n: string): ArrayLike<Element> }, ns: string, name: string) => Array.from(doc.getElementsByTagNameNS(ns, name));
  const resolve = (from: string, target: string) => {
    if (target.startsWith('/')) return target.slice(1);
    const parts = from.split('/').slice(0, -1);
    for (const seg of target.split('/')) {
      if (seg === '..') parts.pop();
      else parts.push(seg);
    }
    return parts.join('/');
  };
  const relsOf = (part: string) => {
    const path = part.replace(/([^/]+)$/, '_rels/$1.rels');
    return files[path] ? els(xml(path), RELS, 'Relationship').map((r) => ({ id: r.getAttribute('Id'), type: r.getAttribute('Type')!, target: resolve(part, r.getAttribute('Target')!) })) : [];
  };
  const sheetPart = (name: string) => {
    const sheet = els(xml('xl/workbook.xml'), MAIN, 'sheet').find((s) => s.getAttribute('name') === name)!;
    return relsOf('xl/workbook.xml').find((r) => r.id === sheet.getAttributeNS(R, 'id'))!.target;
  };
  return {
    charts(sheet: string) {
      const drawing = relsOf(sheetPart(sheet)).find((r) => r.type.endsWith('/drawing'));
      if (!drawing) return [];
      const targets = relsOf(drawing.target);
      return els(xml(drawing.target), CHART, 'chart').map((c) => {
        const doc = xml(targets.find((t) => t.id === c.getAttributeNS(R, 'id'))!.target);
        const plotTypes = ['barChart', 'lineChart', 'scatterChart'].filter((t) => els(doc, CHART, t).length > 0);
        const refs = els(doc, CHART, 'ser').map((s) => ['cat', 'xVal', 'val', 'yVal'].flatMap((tag) => els(s, CHART, tag).flatMap((h) => els(h, CHART, 'f').map((f) => f.textContent))));
        return { plotTypes, refs };
      });
    },
    conditionalFormats(sheet: string) {
      return els(xml(sheetPart(sheet)), MAIN, 'conditionalFormatting').map((cf) => ({
        sqref: cf.getAttribute('sqref'),
        types: els(cf, MAIN, 'cfRule').map((r) => r.getAttribute('type')),
        iconSet: els(cf, MAIN, 'iconSet')[0]?.getAttribute('iconSet') ?? undefined,
      }));
    },
  };
}

const absolute = (sheet: string, a1: string) => {
  const r = parseRange(a1);
  return sheetRef(sheet, absRange(r.top, r.left, r.bottom, r.right));
};

describe('charts in LibreOffice', () => {
  it('keeps the range chart, the employee chart and the Placement formats through a LibreOffice round trip', async () => {
    const sample = FileHost.createEmpty();
    await sample.write(sampleUpdate({ employees: 80, seed: 7 }));
    const host = FileHost.fromBytes(sample.toBytes());
    const { grids, sheetOf } = await readWorkbook(host);
    const parsed = parseWorkbook(grids, sheetOf);
    const computed = compute(parsed);
    const update = layout(parsed, computed);
    await host.write(update);

    // Cached values stripped, so the numbers read back are LibreOffice's.
    const saved = recalculateWithLibreOffice(stripCachedValues(host.toBytes()), 'charts.xlsx');
    const lo = opened(saved);
    const spec = (name: string) => update.sheets.find((s) => s.name === name)!;

    const [range] = lo.charts('Pay Structure');
    expect(range.plotTypes).toEqual(['barChart', 'lineChart']);
    const rangeSpec = spec('Pay Structure').charts![0];
    expect(range.refs).toEqual(rangeSpec.series.map((s) => [absolute('Pay Structure', s.categories!), absolute('Pay Structure', s.values)]));
    // The band's cells (Maximum − Minimum, under the notes) recalculate in LibreOffice to the values cached for the chart.
    const band = parseRange(rangeSpec.series[1].values);
    const recalculated = (await FileHost.fromBytes(saved).readSheets(['Pay Structure'])).get('Pay Structure')!;
    const widths = Array.from({ length: band.bottom - band.top + 1 }, (_, i) => recalculated.rows[band.top + i - recalculated.top][band.left - recalculated.left]);
    const cachedWidths = Array.from({ length: band.bottom - band.top + 1 }, (_, i) => (specCell(spec('Pay Structure'), band.top + i, band.left) as { value: number }).value);
    expect(widths).toEqual(cachedWidths);
    expect(cachedWidths.every((w) => typeof w === 'number' && w > 0)).toBe(true);

    const [employees] = lo.charts('Placement');
    expect(employees.plotTypes).toEqual(['scatterChart']);
    const employeesSpec = spec('Placement').charts![0];
    expect(employees.refs).toEqual(employeesSpec.series.map((s) => [absolute('Placement', s.categories!), absolute('Placement', s.values)]));

    const formats = lo.conditionalFormats('Placement');
    const wanted = spec('Placement').conditionalFormats!;
    expect(formats.map((f) => [f.sqref, f.types])).toEqual(wanted.map((w) => [w.range, [w.kind]]));
    expect(formats.find((f) => f.types[0] === 'iconSet')?.iconSet).toBe('3ArrowsGray');
  });
});
