import type { Element } from '@xmldom/xmldom';
import { childElements, encodeUtf8, escapeAttr, NS, parseXml, XML_DECLARATION } from './xml';
import type { ZipPackage } from './zipPackage';

/** Relationship types, matched by their last segment so Strict OOXML reads too. */
export const REL = {
  officeDocument: `${NS.rel}/officeDocument`,
  worksheet: `${NS.rel}/worksheet`,
  chartsheet: `${NS.rel}/chartsheet`,
  sharedStrings: `${NS.rel}/sharedStrings`,
  styles: `${NS.rel}/styles`,
  calcChain: `${NS.rel}/calcChain`,
  table: `${NS.rel}/table`,
  drawing: `${NS.rel}/drawing`,
  chart: `${NS.rel}/chart`,
} as const;

export const isRelType = (type: string, wanted: string): boolean => type.endsWith(wanted.slice(wanted.lastIndexOf('/')));

export interface Relationship {
  id: string;
  type: string;
  /** As written in the rels part (relative to the source part, or absolute with a leading `/`). */
  target: string;
  external: boolean;
}

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; the package root ('') → `_rels/.rels`. */
export function relsPathFor(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

/** The part a relationship of `sourcePart` points at, as a package path without leading slash. */
export function resolveTarget(sourcePart: string, target: string): string {
  const base = target.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const segment of target.replace(/^\//, '').split('/')) {
    if (segment === '..') base.pop();
    else if (segment !== '.' && segment !== '') base.push(segment);
  }
  return base.join('/');
}

/** The relative target from `sourcePart` to `targetPart`, as Excel writes it. */
export function relativeTarget(sourcePart: string, targetPart: string): string {
  const from = sourcePart.split('/').slice(0, -1);
  const to = targetPart.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

export function parseRelationships(text: string | undefined, partName: string): Relationship[] {
  if (!text) return [];
  const root = parseXml(text, partName).documentElement as unknown as Element;
  return childElements(root, 'Relationship').map((el) => ({
    id: el.getAttribute('Id') ?? '',
    type: el.getAttribute('Type') ?? '',
    target: el.getAttribute('Target') ?? '',
    external: el.getAttribute('TargetMode') === 'External',
  }));
}

export function serializeRelationships(rels: readonly Relationship[]): Uint8Array {
  const body = rels
    .map((r) => `<Relationship Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`)
    .join('');
  return encodeUtf8(`${XML_DECLARATION}<Relationships xmlns="${NS.packageRel}">${body}</Relationships>`);
}

/** The relationships of a part, read from the package. */
export function relationshipsOf(pkg: ZipPackage, partPath: string): Relationship[] {
  const relsPath = relsPathFor(partPath);
  return parseRelationships(pkg.text(relsPath), relsPath);
}

/** The internal parts a part points at. */
export function targetsOf(pkg: ZipPackage, partPath: string): { rel: Relationship; part: string }[] {
  return relationshipsOf(pkg, partPath)
    .filter((r) => !r.external)
    .map((rel) => ({ rel, part: pkg.resolve(resolveTarget(partPath, rel.target)) ?? resolveTarget(partPath, rel.target) }));
}

/** A fresh id not used by `rels`: rId1, rId2… */
export function nextRelationshipId(rels: readonly Relationship[]): string {
  const used = new Set(rels.map((r) => r.id));
  let n = rels.length + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/** Every part reachable from the package root through relationships. */
export function reachableParts(pkg: ZipPackage): Set<string> {
  const seen = new Set<string>();
  const queue = [''];
  while (queue.length > 0) {
    const source = queue.pop() as string;
    for (const { part } of targetsOf(pkg, source)) {
      if (!seen.has(part) && pkg.has(part)) {
        seen.add(part);
        queue.push(part);
      }
    }
  }
  return seen;
}
