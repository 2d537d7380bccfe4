import type { Element } from '@xmldom/xmldom';
import { childElements, encodeUtf8, escapeAttr, NS, parseXml, XML_DECLARATION } from './xml';

export const CONTENT_TYPES_PATH = '[Content_Types].xml';

export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  macroWorkbook: 'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  relationships: 'application/vnd.openxmlformats-package.relationships+xml',
} as const;

/** `[Content_Types].xml`: defaults by extension and overrides by part name. */
export class ContentTypes {
  private constructor(
    private readonly defaults: { extension: string; type: string }[],
    private readonly overrides: Map<string, { partName: string; type: string }>,
  ) {}

  static parse(text: string): ContentTypes {
    const root = parseXml(text, CONTENT_TYPES_PATH).documentElement as unknown as Element;
    const defaults = childElements(root, 'Default').map((el) => ({ extension: el.getAttribute('Extension') ?? '', type: el.getAttribute('ContentType') ?? '' }));
    const overrides = new Map<string, { partName: string; type: string }>();
    for (const el of childElements(root, 'Override')) {
      const partName = el.getAttribute('PartName') ?? '';
      overrides.set(partName.toLowerCase(), { partName, type: el.getAttribute('ContentType') ?? '' });
    }
    return new ContentTypes(defaults, overrides);
  }

  /** The content type of a package path (no leading slash). */
  typeOf(path: string): string | undefined {
    const override = this.overrides.get(`/${path}`.toLowerCase());
    if (override) return override.type;
    const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
    return this.defaults.find((d) => d.extension.toLowerCase() === ext)?.type;
  }

  setOverride(path: string, type: string): void {
    this.overrides.set(`/${path}`.toLowerCase(), { partName: `/${path}`, type });
  }

  removeOverride(path: string): void {
    this.overrides.delete(`/${path}`.toLowerCase());
  }

  ensureDefault(extension: string, type: string): void {
    if (!this.defaults.some((d) => d.extension.toLowerCase() === extension)) this.defaults.push({ extension, type });
  }

  serialize(): Uint8Array {
    const defaults = this.defaults.map((d) => `<Default Extension="${escapeAttr(d.extension)}" ContentType="${escapeAttr(d.type)}"/>`);
    const overrides = [...this.overrides.values()].map((o) => `<Override PartName="${escapeAttr(o.partName)}" ContentType="${escapeAttr(o.type)}"/>`);
    return encodeUtf8(`${XML_DECLARATION}<Types xmlns="${NS.contentTypes}">${defaults.join('')}${overrides.join('')}</Types>`);
  }
}
