/**
 * The simulator's payload sizes (src/simulator/context.ts): counted without encoding, they equal
 * the UTF-8 length TextEncoder gives, for any text (lone surrogates included).
 */
import fc from 'fast-check';
import { jsonBytes, utf8Length } from '../../src/simulator/context';

const encoder = new TextEncoder();

describe('utf8Length', () => {
  it('equals the encoded length of any string', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (text) => {
      expect(utf8Length(text)).toBe(encoder.encode(text).length);
    }));
  });

  it('counts ASCII, 2-, 3- and 4-byte characters and lone surrogates', () => {
    for (const text of ['', 'abc', 'é', 'سلام', '€', '😀', '\uD800', '\uDC00x', 'a\uD83D']) expect(utf8Length(text)).toBe(encoder.encode(text).length);
    expect(jsonBytes([['C1', 45292, 'é']])).toBe(encoder.encode(JSON.stringify([['C1', 45292, 'é']])).length);
  });
});
