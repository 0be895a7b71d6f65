import { describe, expect, it } from 'vitest';

import { constantTimeEqual, constantTimeEqualHex, decodeBase64Strict, encodeParts } from './bytes';

describe('encodeParts', () => {
  it('prefixes each part with its 4-byte length so different splits never collide', () => {
    expect(encodeParts(['ab', 'c']).toString('hex')).toBe('00000002616200000001' + '63');
    expect(encodeParts(['ab', 'c']).equals(encodeParts(['a', 'bc']))).toBe(false);
    expect(encodeParts(['я']).toString('hex')).toBe('00000002d18f');
  });
});

describe('constant-time comparison', () => {
  it('compares bytes and hex, refusing different lengths and malformed hex', () => {
    expect(constantTimeEqual(Buffer.from('abc'), Buffer.from('abc'))).toBe(true);
    expect(constantTimeEqual(Buffer.from('abc'), Buffer.from('abd'))).toBe(false);
    expect(constantTimeEqual(Buffer.from('abc'), Buffer.from('ab'))).toBe(false);
    expect(constantTimeEqualHex('00ff', '00ff')).toBe(true);
    expect(constantTimeEqualHex('00ff', '00fe')).toBe(false);
    expect(constantTimeEqualHex('0zff', '0zff')).toBe(false);
    expect(constantTimeEqualHex('abc', 'abc')).toBe(false);
  });
});

describe('decodeBase64Strict', () => {
  it('reads standard and URL-safe base64 and refuses other characters', () => {
    expect(decodeBase64Strict('+/8=', 'x')).toEqual(Buffer.from([0xfb, 0xff]));
    expect(decodeBase64Strict('-_8', 'x')).toEqual(Buffer.from([0xfb, 0xff]));
    expect(() => decodeBase64Strict('a$b=', 'the key')).toThrow(/the key is not valid base64/);
  });
});
