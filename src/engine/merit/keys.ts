/**
 * An ID as the sheets match it, ignoring case: id.toUpperCase(), without the call when there is nothing to
 * change (IDs are mostly upper-case letters and digits already). Any lower-case ASCII letter or any
 * character beyond ASCII goes through toUpperCase.
 */
export function upperKey(id: string): string {
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if ((c >= 97 && c <= 122) || c > 127) return id.toUpperCase();
  }
  return id;
}
