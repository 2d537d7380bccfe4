import { streamXml } from './streamXml';
import { decodeOoxmlEscapes } from './xml';

/**
 * The shared string table (`xl/sharedStrings.xml`): plain `<t>` and rich-text runs concatenated,
 * phonetic guides (`<rPh>`) left out as Excel shows them.
 */
export function readSharedStrings(bytes: Uint8Array | undefined, partName = 'xl/sharedStrings.xml'): string[] {
  if (!bytes) return [];
  const strings: string[] = [];
  let current: string[] | undefined;
  let inText = false;
  let phoneticDepth = 0;
  streamXml(bytes, partName, {
    open(name) {
      if (name === 'si') current = [];
      else if (name === 'rPh') phoneticDepth++;
      else if (name === 't' && current && phoneticDepth === 0) inText = true;
    },
    close(name) {
      if (name === 'si') {
        strings.push(decodeOoxmlEscapes((current ?? []).join('')));
        current = undefined;
      } else if (name === 'rPh') phoneticDepth--;
      else if (name === 't') inText = false;
    },
    text(text) {
      if (inText && current) current.push(text);
    },
  });
  return strings;
}
