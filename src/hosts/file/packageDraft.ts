import { CONTENT_TYPES_PATH, type ContentTypes } from './contentTypes';
import { reachableParts, relsPathFor, serializeRelationships, type Relationship } from './relationships';
import type { PartContent, StepHook, ZipPackage } from './zipPackage';

/**
 * The changes of one write, gathered before anything is applied: parts to add, replace or delete,
 * and the content types that go with them. `commit` yields a new package; the base is never touched.
 */
export class PackageDraft {
  private readonly changes = new Map<string, PartContent | null>();
  private used: Set<string>;

  constructor(
    readonly base: ZipPackage,
    readonly types: ContentTypes,
    private readonly step?: StepHook,
  ) {
    this.used = new Set(base.paths().map((p) => p.toLowerCase()));
  }

  /** The package as it would be with the changes so far. */
  get current(): ZipPackage {
    return this.base.with(this.changes);
  }

  put(path: string, bytes: PartContent, contentType?: string): void {
    this.step?.(`part ${path}`);
    this.changes.set(path, bytes);
    this.used.add(path.toLowerCase());
    if (contentType) this.types.setOverride(path, contentType);
  }

  putRelationships(sourcePart: string, rels: readonly Relationship[]): void {
    if (rels.length > 0) this.put(relsPathFor(sourcePart), serializeRelationships(rels));
  }

  /**
   * Delete every part that only the parts dropped so far could reach, with its rels and content
   * type; returns those parts with the content type each had.
   */
  dropUnreachable(): { part: string; type: string | undefined }[] {
    this.step?.('drop unreachable parts');
    const before = reachableParts(this.base);
    const after = reachableParts(this.current);
    const dropped: { part: string; type: string | undefined }[] = [];
    for (const part of before) {
      if (after.has(part)) continue;
      dropped.push({ part, type: this.types.typeOf(part) });
      this.changes.set(part, null);
      if (this.base.has(relsPathFor(part))) this.changes.set(relsPathFor(part), null);
      this.types.removeOverride(part);
    }
    this.used = new Set(this.current.paths().map((p) => p.toLowerCase()));
    return dropped;
  }

  /** A part name no part uses: `xl/worksheets/sheet7.xml`. Freed names are reused. */
  freePath(prefix: string, extension = '.xml'): string {
    for (let n = 1; ; n++) {
      const path = `${prefix}${n}${extension}`;
      if (!this.used.has(path.toLowerCase())) {
        this.used.add(path.toLowerCase());
        return path;
      }
    }
  }

  commit(): ZipPackage {
    this.step?.(`part ${CONTENT_TYPES_PATH}`);
    this.changes.set(CONTENT_TYPES_PATH, this.types.serialize());
    this.step?.('assemble package');
    return this.base.with(this.changes);
  }
}
