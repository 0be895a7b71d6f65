import { createHmac, randomBytes, webcrypto } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { generateCode, hashCode, verifyCode } from './codes';
import { isCryptoError } from './errors';
import { catchError } from './test-support/catch-error';

const key = randomBytes(32);

describe('generateCode', () => {
  it('gives six decimal digits by default', () => {
    for (let i = 0; i < 200; i += 1) {
      expect(generateCode()).toMatch(/^\d{6}$/);
    }
  });

  it('keeps leading zeros and spreads codes over the whole range', () => {
    const codes = Array.from({ length: 5000 }, () => generateCode());
    const firstDigits = new Set(codes.map((code) => code[0]));

    expect(firstDigits.size).toBe(10);
    expect(codes.some((code) => code.startsWith('0'))).toBe(true);
    expect(new Set(codes).size).toBeGreaterThan(4900);
  });

  it('honours another length', () => {
    expect(generateCode(8)).toMatch(/^\d{8}$/);
  });
});

describe('hashCode', () => {
  it('equals HMAC-SHA-256 of the code computed by WebCrypto', async () => {
    const hmacKey = await webcrypto.subtle.importKey(
      'raw',
      key,
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    const signature = await webcrypto.subtle.sign('HMAC', hmacKey, Buffer.from('042917'));

    expect(hashCode(key, '042917')).toBe(Buffer.from(signature).toString('hex'));
  });

  it('matches the RFC 4231 test case 2 construction for a plain message', () => {
    // RFC 4231, 4.3: key "Jefe" is too short for our policy, so check the primitive directly
    // and then that our hash is that primitive under a long key.
    expect(createHmac('sha256', 'Jefe').update('what do ya want for nothing?').digest('hex')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    expect(hashCode(key, '123456')).toBe(createHmac('sha256', key).update('123456').digest('hex'));
  });

  it('refuses a key shorter than 32 bytes', () => {
    const error = catchError(() => hashCode(randomBytes(16), '123456'));

    expect(isCryptoError(error, 'bad_key')).toBe(true);
  });
});

describe('verifyCode', () => {
  it('accepts the code that was hashed', () => {
    const code = generateCode();

    expect(verifyCode(key, code, hashCode(key, code))).toBe(true);
  });

  it('refuses another code, another key and a malformed hash', () => {
    const stored = hashCode(key, '111111');

    expect(verifyCode(key, '111112', stored)).toBe(false);
    expect(verifyCode(randomBytes(32), '111111', stored)).toBe(false);
    expect(verifyCode(key, '111111', stored.slice(2))).toBe(false);
    expect(verifyCode(key, '111111', stored.toUpperCase())).toBe(false);
  });

  it('refuses a code issued for another purpose', () => {
    const stored = hashCode(key, '555000', 'activation:card-1');

    expect(verifyCode(key, '555000', stored, 'activation:card-1')).toBe(true);
    expect(verifyCode(key, '555000', stored, 'activation:card-2')).toBe(false);
    expect(verifyCode(key, '555000', stored)).toBe(false);
  });
});
