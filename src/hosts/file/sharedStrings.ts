import { decodeOoxmlEscapes } from './xml';
import { detached, scanXml, type XmlSink } from './xmlScanner';

class SharedStringsSink implements XmlSink {
  wantText = false;
  readonly strings: string[] = [];
  private inItem = false;
  private current = '';
  private inText = false;
  private phoneticDepth = 0;

  open(name: string): void {
    if (name === 'si') {
      this.inItem = true;
      this.current = '';
    } else if (name === 'rPh') this.phoneticDepth++;
    else if (name === 't' && this.inItem && this.phoneticDepth === 0) this.inText = true;
    this.wantText = this.inText && this.inItem;
  }

  close(name: string): void {
    if (name === 'si') {
      this.strings.push(detached(decodeOoxmlEscapes(this.current)));
      this.inItem = false;
      this.current = '';
    } else if (name === 'rPh') this.phoneticDepth--;
    else if (name === 't') this.inText = false;
    this.wantText = this.inText && this.inItem;
  }

  text(source: string, start: number, end: number): void {
    this.current += source.slice(start, end);
  }
}

/**
 * The shared string table (`xl/sharedStrings.xml`): plain `<t>` and rich-text runs concatenated,
 * phonetic guides (`<rPh>`) left out as Excel shows them.
 */
export function readSharedStrings(bytes: Uint8Array | undefined, partName = 'xl/sharedStrings.xml', sliceBytes?: number): string[] {
  if (!bytes) return [];
  const sink = new SharedStringsSink();
  scanXml(bytes, partName, sink, sliceBytes);
  return sink.strings;
}
