const encoder = new TextEncoder();

/**
 * A growing UTF-8 buffer for big parts: writing straight into bytes avoids building (and
 * garbage-collecting) millions of intermediate strings for a 100k-row sheet.
 */
export class ByteSink {
  private chunks: Uint8Array[] = [];
  private buf: Uint8Array;
  private pos = 0;

  constructor(private readonly chunkSize = 1 << 20) {
    this.buf = new Uint8Array(chunkSize);
  }

  /** Text known to be ASCII (tags, references, numbers). */
  ascii(s: string): void {
    if (this.pos + s.length > this.buf.length) this.grow(s.length);
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < s.length; i++) buf[pos++] = s.charCodeAt(i);
    this.pos = pos;
  }

  /** Any text, encoded as UTF-8. */
  text(s: string): void {
    const worst = s.length * 3;
    if (this.pos + worst > this.buf.length) this.grow(worst);
    this.pos += encoder.encodeInto(s, this.buf.subarray(this.pos)).written;
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

  toBytes(): Uint8Array {
    const total = this.chunks.reduce((n, c) => n + c.length, 0) + this.pos;
    const out = new Uint8Array(total);
    let offset = 0;
    for (const c of this.chunks) {
      out.set(c, offset);
      offset += c.length;
    }
    out.set(this.buf.subarray(0, this.pos), offset);
    return out;
  }

  private grow(needed: number): void {
    this.chunks.push(this.buf.subarray(0, this.pos));
    this.buf = new Uint8Array(Math.max(this.chunkSize, needed));
    this.pos = 0;
  }
}
