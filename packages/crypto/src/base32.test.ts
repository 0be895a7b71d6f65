import { randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { base32Decode, base32Encode } from './base32';
import { isCryptoError } from './errors';
import { catchError } from './test-support/catch-error';

// RFC 4648, 10: test vectors for BASE32.
const RFC4648_VECTORS: [string, string][] = [
  ['', ''],
  ['f', 'MY======'],
  ['fo', 'MZXQ===='],
  ['foo', 'MZXW6==='],
  ['foob', 'MZXW6YQ='],
  ['fooba', 'MZXW6YTB'],
  ['foobar', 'MZXW6YTBOI======'],
];

describe('base32', () => {
  it.each(RFC4648_VECTORS)('encodes %j as the RFC 4648 vector %s', (input, expected) => {
    expect(base32Encode(Buffer.from(input))).toBe(expected);
  });

  it.each(RFC4648_VECTORS)('decodes back to %j', (expected, encoded) => {
    expect(base32Decode(encoded).toString()).toBe(expected);
  });

  it('omits padding on request and still decodes', () => {
    expect(base32Encode(Buffer.from('foobar'), { padding: false })).toBe('MZXW6YTBOI');
    expect(base32Decode('mzxw6ytboi').toString()).toBe('foobar');
  });

  it('round-trips random bytes of every length up to 40', () => {
    for (let length = 0; length <= 40; length += 1) {
      const bytes = randomBytes(length);

      expect(base32Decode(base32Encode(bytes)).equals(bytes)).toBe(true);
    }
  });

  it('refuses characters outside the alphabet', () => {
    expect(() => base32Decode('MZXW1===')).toThrow(/outside/);
    expect(
      isCryptoError(
        catchError(() => base32Decode('MZXW0===')),
        'bad_format',
      ),
    ).toBe(true);
  });

  it('refuses impossible lengths and non-canonical trailing bits', () => {
    expect(() => base32Decode('MZX')).toThrow(/length/);
    expect(() => base32Decode('MZ======')).toThrow(/padding bits/);
  });
});
