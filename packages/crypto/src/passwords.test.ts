import { describe, expect, it } from 'vitest';

import { isCryptoError } from './errors';
import {
  DEFAULT_SCRYPT_PARAMS,
  checkPasswordPolicy,
  hashPassword,
  needsRehash,
  verifyPassword,
} from './passwords';

const FAST = { logN: 10, r: 8, p: 1 };

// RFC 7914, 12: scrypt(P="password", S="NaCl", N=1024, r=8, p=16, dkLen=64).
const RFC7914_HASH_HEX =
  'fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162' +
  '2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640';

function phc(logN: number, r: number, p: number, salt: Buffer, hash: Buffer): string {
  const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');

  return `$scrypt$ln=${logN},r=${r},p=${p}$${b64(salt)}$${b64(hash)}`;
}

describe('hashPassword and verifyPassword', () => {
  it('verifies the RFC 7914 test vector written as a stored hash', async () => {
    const stored = phc(10, 8, 16, Buffer.from('NaCl'), Buffer.from(RFC7914_HASH_HEX, 'hex'));

    expect(await verifyPassword('password', stored)).toBe(true);
    expect(await verifyPassword('passwore', stored)).toBe(false);
  });

  it('accepts the right password with the default cost and refuses one changed character', async () => {
    const stored = await hashPassword('Correct-Horse-42');

    expect(stored).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await verifyPassword('Correct-Horse-42', stored)).toBe(true);
    expect(await verifyPassword('Correct-Horse-43', stored)).toBe(false);
  });

  it('salts every hash, so one password never gives the same string twice', async () => {
    const first = await hashPassword('Same-password-1', FAST);
    const second = await hashPassword('Same-password-1', FAST);

    expect(first).not.toBe(second);
    expect(await verifyPassword('Same-password-1', second)).toBe(true);
  });

  it('verifies a password typed in another Unicode normal form', async () => {
    const composed = 'Пароль-ёлка-2024'.normalize('NFC');
    const decomposed = composed.normalize('NFD');
    const stored = await hashPassword(composed, FAST);

    expect(decomposed).not.toBe(composed);
    expect(await verifyPassword(decomposed, stored)).toBe(true);
  });

  it('refuses a stored value that is not a scrypt PHC string', async () => {
    const failure = await verifyPassword('x', '$argon2id$v=19$abc').catch(
      (error: unknown) => error,
    );

    expect(isCryptoError(failure, 'bad_format')).toBe(true);
  });

  it('refuses stored parameters that would exhaust memory', async () => {
    const stored = phc(30, 8, 1, Buffer.alloc(16), Buffer.alloc(32));
    const failure = await verifyPassword('x', stored).catch((error: unknown) => error);

    expect(isCryptoError(failure, 'out_of_range')).toBe(true);
  });

  it('returns false for a password longer than the limit instead of hashing it', async () => {
    const stored = await hashPassword('Short-enough-1', FAST);

    expect(await verifyPassword('a'.repeat(2000), stored)).toBe(false);
  });
});

describe('needsRehash', () => {
  it('asks for a re-hash when the stored cost is below the current one', async () => {
    const weak = await hashPassword('Old-password-11', FAST);

    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(weak, FAST)).toBe(false);
  });

  it('leaves a hash made with the current parameters alone', () => {
    const current = phc(15, 8, 1, Buffer.alloc(16), Buffer.alloc(32));

    expect(needsRehash(current, DEFAULT_SCRYPT_PARAMS)).toBe(false);
    expect(needsRehash(current, { ...DEFAULT_SCRYPT_PARAMS, logN: 16 })).toBe(true);
  });

  it('asks for a re-hash when the salt is shorter than today', () => {
    const shortSalt = phc(15, 8, 1, Buffer.from('NaCl'), Buffer.alloc(32));

    expect(needsRehash(shortSalt)).toBe(true);
  });
});

describe('checkPasswordPolicy', () => {
  it('passes a long password with every kind of character', () => {
    expect(checkPasswordPolicy('Kefir-и-Булка-2025', 'anna@example.ru')).toEqual([]);
  });

  it('names every rule a weak password breaks', () => {
    expect(checkPasswordPolicy('short')).toEqual(['length', 'upper', 'digit', 'symbol']);
    expect(checkPasswordPolicy('ALLCAPSANDDIGITS123')).toEqual(['lower', 'symbol']);
  });

  it('counts Cyrillic letters as upper and lower case', () => {
    expect(checkPasswordPolicy('ПАРОЛЬпароль1!')).toEqual([]);
  });

  it('refuses a password that contains the email or its local part', () => {
    expect(checkPasswordPolicy('Anna.Petrova@Example.ru1', 'anna.petrova@example.ru')).toEqual([
      'email',
    ]);
    expect(checkPasswordPolicy('My-anna.petrova-99', 'anna.petrova@example.ru')).toEqual(['email']);
  });
});
