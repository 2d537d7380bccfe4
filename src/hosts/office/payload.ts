/**
 * Excel on the web refuses a request or a response over 5 MB. The host sizes every round trip by
 * the UTF-8 bytes of the JSON it carries and stays well under that.
 */
export const EXCEL_WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** Bytes per round trip the host aims for: 2 MB leaves room for the request's own envelope. */
export const DEFAULT_PAYLOAD_BUDGET = 2 * 1024 * 1024;

/** What one queued operation costs besides its data (object path, property name, envelope). */
export const OPERATION_OVERHEAD = 64;

/** UTF-8 length of a string without allocating an encoded copy. */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 2; // a surrogate pair: 4 bytes for 2 UTF-16 units
      i++;
    } else n += 2;
  }
  return n;
}

/** Bytes of a value as JSON on the wire. */
export const jsonBytes = (value: unknown): number => utf8Length(JSON.stringify(value) ?? '');
