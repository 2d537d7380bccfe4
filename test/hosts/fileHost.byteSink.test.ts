/** The byte buffer big sheets are written into: UTF-8 exactly as TextEncoder gives it, across chunk edges. */
import { ByteSink } from '../../src/hosts/file/byteSink';

describe('ByteSink', () => {
  it.each([
    ['plain ASCII', 'Employee <c r="A1">'],
    ['Latin-1 and CJK', 'Zoë Müller — 給与'],
    ['an astral character (a surrogate pair)', 'pay 😀 grade'],
    ['non-ASCII first', 'é'],
    ['empty', ''],
  ])('encodes %s as UTF-8, the same bytes TextEncoder gives', (_, text) => {
    const sink = new ByteSink(8); // tiny chunks: every text crosses chunk edges
    sink.ascii('<t>');
    sink.text(text);
    sink.int(0);
    sink.int(1048576);
    sink.text(text);
    expect(Array.from(sink.toBytes())).toEqual(Array.from(new TextEncoder().encode(`<t>${text}01048576${text}`)));
  });

  it('is reused from the start after reset, and hands out its bytes as a view without copying', () => {
    const sink = new ByteSink(4);
    sink.text('a long first sheet');
    sink.reset();
    sink.ascii('<x/>');
    const view = sink.view();
    expect(new TextDecoder().decode(view)).toBe('<x/>');
    expect(new TextDecoder().decode(sink.toBytes())).toBe('<x/>');
    sink.reset();
    sink.ascii('<y/>');
    // The view shares the buffer: the next sheet overwrites it (which is why writes pack a sheet at once).
    expect(new TextDecoder().decode(view)).toBe('<y/>');
  });
});
