import { randomBytes, webcrypto } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import {
  createKeyring,
  needsRewrap,
  open,
  parseMasterKeys,
  rewrap,
  seal,
  sealedKeyId,
} from './envelope';
import { CryptoError, isCryptoError } from './errors';
import { catchError } from './test-support/catch-error';

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const keyringV1 = createKeyring({ current: 'k1', keys: { k1 } });
const keyringV2 = createKeyring({ current: 'k2', keys: { k1, k2 } });
const ROW = 'documents:7f3a:content';

describe('seal and open', () => {
  it('round-trips a record and never leaves the plaintext visible', () => {
    const plaintext = Buffer.from('паспорт 4509 123456, выдан ОВД Тверского района');
    const sealed = seal(keyringV1, plaintext, ROW);

    expect(open(keyringV1, sealed, ROW).equals(plaintext)).toBe(true);
    expect(sealed.includes(plaintext.subarray(0, 16))).toBe(false);
  });

  it('uses a fresh data key and nonce, so the same plaintext seals differently', () => {
    const plaintext = Buffer.from('same');

    expect(seal(keyringV1, plaintext, ROW).equals(seal(keyringV1, plaintext, ROW))).toBe(false);
  });

  it('seals an empty plaintext', () => {
    expect(open(keyringV1, seal(keyringV1, Buffer.alloc(0), ROW), ROW).length).toBe(0);
  });

  it('rejects a ciphertext copied to another row', () => {
    const sealed = seal(keyringV1, Buffer.from('4276 1600 1234 5678'), 'cards:1:number');
    const error = catchError(() => open(keyringV1, sealed, 'cards:2:number'));

    expect(isCryptoError(error, 'tampered')).toBe(true);
  });

  it('rejects a change to any single byte', () => {
    const sealed = seal(keyringV1, Buffer.from('secret signing key bytes'), ROW);

    for (let index = 0; index < sealed.length; index += 1) {
      const changed = Buffer.from(sealed);
      changed[index] = (changed[index] ?? 0) ^ 0x01;
      const error = catchError(() => open(keyringV1, changed, ROW));

      expect(error, `byte ${index}`).toBeInstanceOf(CryptoError);
    }
  });

  it('rejects a truncated record and input that is not a sealed record', () => {
    const sealed = seal(keyringV1, Buffer.from('abc'), ROW);

    expect(
      isCryptoError(
        catchError(() => open(keyringV1, sealed.subarray(0, 60), ROW)),
        'bad_format',
      ),
    ).toBe(true);
    expect(
      isCryptoError(
        catchError(() => open(keyringV1, sealed.subarray(0, -1), ROW)),
        'tampered',
      ),
    ).toBe(true);
    expect(
      isCryptoError(
        catchError(() => open(keyringV1, Buffer.from('plain'), ROW)),
        'unsupported',
      ),
    ).toBe(true);
  });

  it('refuses to seal without associated data', () => {
    expect(
      isCryptoError(
        catchError(() => seal(keyringV1, Buffer.from('x'), '')),
        'bad_format',
      ),
    ).toBe(true);
  });

  it('opens with an independent AES-GCM implementation following the documented layout', async () => {
    const plaintext = Buffer.from('независимая проверка формата');
    const sealed = seal(keyringV1, plaintext, ROW);

    expect(await openWithWebCrypto(k1, sealed, ROW)).toEqual(plaintext);
  });
});

describe('master key rotation', () => {
  it('opens old records after a new key becomes current, and names the key of each', () => {
    const old = seal(keyringV1, Buffer.from('old'), ROW);
    const fresh = seal(keyringV2, Buffer.from('new'), ROW);

    expect(open(keyringV2, old, ROW).toString()).toBe('old');
    expect(sealedKeyId(old)).toBe('k1');
    expect(sealedKeyId(fresh)).toBe('k2');
    expect(needsRewrap(keyringV2, old)).toBe(true);
    expect(needsRewrap(keyringV2, fresh)).toBe(false);
  });

  it('re-wraps to the current key without touching the encrypted data', () => {
    const old = seal(keyringV1, Buffer.from('to be rotated'), ROW);
    const rewrapped = rewrap(keyringV2, old, ROW);
    const onlyK2 = createKeyring({ current: 'k2', keys: { k2 } });

    expect(sealedKeyId(rewrapped)).toBe('k2');
    expect(rewrapped.subarray(-41).equals(old.subarray(-41))).toBe(true);
    expect(open(onlyK2, rewrapped, ROW).toString()).toBe('to be rotated');
  });

  it('reports a record whose master key was removed as unknown_key', () => {
    const old = seal(keyringV1, Buffer.from('orphan'), ROW);
    const onlyK2 = createKeyring({ current: 'k2', keys: { k2 } });

    expect(
      isCryptoError(
        catchError(() => open(onlyK2, old, ROW)),
        'unknown_key',
      ),
    ).toBe(true);
  });

  it('refuses to re-wrap a record under the wrong associated data', () => {
    const old = seal(keyringV1, Buffer.from('x'), 'cards:1:number');

    expect(
      isCryptoError(
        catchError(() => rewrap(keyringV2, old, 'cards:2:number')),
        'tampered',
      ),
    ).toBe(true);
  });

  it('detects a key id swapped in the header even when both keys are known', () => {
    const sealed = seal(keyringV2, Buffer.from('x'), ROW);
    const swapped = Buffer.from(sealed);
    swapped.write('k1', 2, 'ascii');

    expect(
      isCryptoError(
        catchError(() => open(keyringV2, swapped, ROW)),
        'tampered',
      ),
    ).toBe(true);
  });
});

describe('createKeyring and parseMasterKeys', () => {
  it('parses ids and 32-byte base64 keys from configuration text', () => {
    const text = ` k1:${k1.toString('base64')}, k2:${k2.toString('base64url')} `;
    const keys = parseMasterKeys(text);

    expect(Object.keys(keys)).toEqual(['k1', 'k2']);
    expect(keys.k1?.equals(k1)).toBe(true);
    expect(keys.k2?.equals(k2)).toBe(true);
  });

  it('refuses keys of the wrong length, repeated ids and garbage', () => {
    const short = randomBytes(16).toString('base64');

    expect(
      isCryptoError(
        catchError(() => parseMasterKeys(`k1:${short}`)),
        'bad_key',
      ),
    ).toBe(true);
    expect(
      catchError(() => parseMasterKeys(`k1:${k1.toString('base64')},k1:${k2.toString('base64')}`)),
    ).toMatchObject({ code: 'bad_format' });
    expect(catchError(() => parseMasterKeys('k1=abc'))).toMatchObject({ code: 'bad_format' });
    expect(catchError(() => parseMasterKeys('k1:***'))).toMatchObject({ code: 'bad_format' });
    expect(catchError(() => parseMasterKeys(''))).toMatchObject({ code: 'bad_format' });
  });

  it('never puts key material in its error messages', () => {
    const wrong = randomBytes(31).toString('base64');
    const error = catchError(() => parseMasterKeys(`k1:${wrong}`)) as Error;

    expect(error.message).not.toContain(wrong);
  });

  it('refuses a current key that is not configured and keys of the wrong size', () => {
    expect(catchError(() => createKeyring({ current: 'k3', keys: { k1 } }))).toMatchObject({
      code: 'unknown_key',
    });
    expect(
      catchError(() => createKeyring({ current: 'k1', keys: { k1: randomBytes(16) } })),
    ).toMatchObject({ code: 'bad_key' });
    expect(catchError(() => createKeyring({ current: 'k 1', keys: { 'k 1': k1 } }))).toMatchObject({
      code: 'bad_format',
    });
  });
});

/** Opens a sealed record from the layout in envelope.ts, using WebCrypto instead of our code. */
async function openWithWebCrypto(masterKey: Buffer, sealed: Buffer, aad: string): Promise<Buffer> {
  const lengthPrefixed = (...parts: string[]) =>
    Buffer.concat(
      parts.flatMap((part) => {
        const bytes = Buffer.from(part);
        const length = Buffer.alloc(4);
        length.writeUInt32BE(bytes.length);
        return [length, bytes];
      }),
    );
  const keyIdLength = sealed[1] ?? 0;
  const keyId = sealed.subarray(2, 2 + keyIdLength).toString();
  let offset = 2 + keyIdLength;
  const take = (length: number) => sealed.subarray(offset, (offset += length));
  const wrapNonce = take(12);
  const wrapped = Buffer.concat([take(32), take(16)]);
  const dataNonce = take(12);
  const dataTag = take(16);
  const ciphertext = Buffer.concat([sealed.subarray(offset), dataTag]);

  const decrypt = async (key: Buffer, iv: Buffer, data: Buffer, additionalData: Buffer) => {
    const cryptoKey = await webcrypto.subtle.importKey('raw', key, 'AES-GCM', false, ['decrypt']);
    return Buffer.from(
      await webcrypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData }, cryptoKey, data),
    );
  };
  const dataKey = await decrypt(
    masterKey,
    wrapNonce,
    wrapped,
    lengthPrefixed('orgcard/envelope/key', '1', keyId, aad),
  );

  return decrypt(dataKey, dataNonce, ciphertext, lengthPrefixed('orgcard/envelope/data', '1', aad));
}
