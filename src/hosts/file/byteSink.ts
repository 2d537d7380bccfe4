const encoder = new TextEncoder();

/**
 * A growing UTF-8 buffer for big parts: writing straight into bytes avoids building (and
 * garbage-collecting) millions of intermediate strings for a 100k-row sheet. One sink is reused for
 * every sheet of a write (`reset`), and `view` hands out its bytes without a copy: allocating a fresh
 * buffer per sheet made V8 run a full collection over the whole heap every ~150 MB at 100k rows.
 */
export class ByteSink {
  private buf: Uint8Array;
  private pos = 0;

  constructor(initialSize = 1 << 20) {
    this.buf = new Uint8Array(initialSize);
  }

  /** Start over, keeping the buffer. */
  reset(): void {
    this.pos = 0;
  }

  /** Text known to be ASCII (tags, references, numbers). */
  ascii(s: string): void {
    if (this.pos + s.length > this.buf.length) this.grow(s.length);
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < s.length; i++) buf[pos++] = s.charCodeAt(i);
    this.pos = pos;
  }

  /** Any text, encoded as UTF-8. ASCII (most cell text) is copied directly, without a view per call. */
  text(s: string): void {
    const worst = s.length * 3;
    if (this.pos + worst > this.buf.length) this.grow(worst);
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        this.pos = pos + encoder.encodeInto(s.slice(i), buf.subarray(pos)).written;
        return;
      }
      buf[pos++] = c;
    }
    this.pos = pos;
  }

  /** A non-negative integer, without building a string. */
  int(n: number): void {
    if (this.pos + 16 > this.buf.length) this.grow(16);
    if (n === 0) {
      this.buf[this.pos++] = 48;
      return;
    }
    let digits = 0;
    for (let m = n; m > 0; m = Math.floor(m / 10)) digits++;
    let end = this.pos + digits;
    this.pos = end;
    for (let m = n; m > 0; m = Math.floor(m / 10)) this.buf[--end] = 48 + (m % 10);
  }

  /** The bytes written so far, without copying: valid until the next write or reset. */
  view(): Uint8Array {
    return this.buf.subarray(0, this.pos);
  }

  /** A copy of the bytes written so far. */
  toBytes(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }

  private grow(needed: number): void {
    let size = Math.max(64, this.buf.length * 2);
    while (size < this.pos + needed) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }
}
