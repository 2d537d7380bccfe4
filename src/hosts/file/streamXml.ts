import { SaxesParser } from 'saxes';
import { HostError } from '../host';

/** Decode in slices so a large part never exists as one giant string. */
const SLICE_BYTES = 4 * 1024 * 1024;

export interface StreamHandlers {
  open(name: string, attributes: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
}

/**
 * Stream a part's XML through saxes, reporting local element names (prefixes dropped, as some
 * writers use `x:` prefixes) so readers of big sheets never build a DOM.
 */
export function streamXml(bytes: Uint8Array, partName: string, handlers: StreamHandlers): void {
  const parser = new SaxesParser({ position: false });
  const local = (name: string): string => {
    const colon = name.indexOf(':');
    return colon < 0 ? name : name.slice(colon + 1);
  };
  parser.on('opentag', (tag) => handlers.open(local(tag.name), tag.attributes as Record<string, string>));
  parser.on('closetag', (tag) => handlers.close(local(tag.name)));
  parser.on('text', handlers.text);
  parser.on('cdata', handlers.text);
  let failure: Error | undefined;
  parser.on('error', (e: Error) => {
    failure ??= e;
  });
  const decoder = new TextDecoder('utf-8');
  for (let start = 0; start < bytes.length && !failure; start += SLICE_BYTES) {
    parser.write(decoder.decode(bytes.subarray(start, start + SLICE_BYTES), { stream: true }));
  }
  if (!failure) parser.write(decoder.decode()).close();
  if (failure) throw new HostError(`The workbook part ${partName} is not valid XML: ${failure.message}`, 'corrupt-package');
}
