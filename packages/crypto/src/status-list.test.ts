import { gunzipSync, gzipSync } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import { isCryptoError } from './errors';
import {
  createStatusList,
  decodeStatusList,
  encodeStatusList,
  getStatus,
  setStatus,
  statusListCredentialSubject,
} from './status-list';
import { catchError } from './test-support/catch-error';

/** The list as a string of '0' and '1', written from the bytes independently of getStatus. */
function bitString(bytes: Uint8Array): string {
  return [...bytes].map((byte) => byte.toString(2).padStart(8, '0')).join('');
}

describe('status list entries', () => {
  it('starts with 131,072 cleared entries', () => {
    const list = createStatusList();

    expect(list.size).toBe(131_072);
    expect(list.bits.length).toBe(16_384);
    expect(getStatus(list, 0)).toBe(false);
    expect(getStatus(list, 131_071)).toBe(false);
  });

  it('stores index 0 in the left-most bit of the first byte', () => {
    const list = setStatus(setStatus(createStatusList(), 0, true), 9, true);

    expect(list.bits[0]).toBe(0b1000_0000);
    expect(list.bits[1]).toBe(0b0100_0000);
  });

  it('sets and clears entries without touching their neighbours', () => {
    let list = createStatusList();
    for (const index of [1, 7, 8, 100_000, 131_071]) {
      list = setStatus(list, index, true);
    }
    list = setStatus(list, 8, false);
    const bits = bitString(list.bits);

    expect([...bits].flatMap((bit, index) => (bit === '1' ? [index] : []))).toEqual([
      1, 7, 100_000, 131_071,
    ]);
    expect(getStatus(list, 7)).toBe(true);
    expect(getStatus(list, 8)).toBe(false);
  });

  it('leaves the original list unchanged', () => {
    const original = createStatusList();
    setStatus(original, 5, true);

    expect(getStatus(original, 5)).toBe(false);
  });

  it('refuses indexes outside the list and lists below the minimum size', () => {
    expect(
      isCryptoError(
        catchError(() => getStatus(createStatusList(), 131_072)),
        'out_of_range',
      ),
    ).toBe(true);
    expect(
      isCryptoError(
        catchError(() => setStatus(createStatusList(), -1, true)),
        'out_of_range',
      ),
    ).toBe(true);
    expect(
      isCryptoError(
        catchError(() => createStatusList(1024)),
        'out_of_range',
      ),
    ).toBe(true);
  });
});

describe('encodedList', () => {
  it('is u + base64url of the GZIP of the bitstring', () => {
    const list = setStatus(createStatusList(), 42, true);
    const encoded = encodeStatusList(list);

    expect(encoded).toMatch(/^u[A-Za-z0-9_-]+$/);
    expect(
      gunzipSync(Buffer.from(encoded.slice(1), 'base64url')).equals(Buffer.from(list.bits)),
    ).toBe(true);
  });

  it('round-trips a list with entries set', () => {
    let list = createStatusList(262_144);
    for (const index of [0, 3, 65_535, 262_143]) {
      list = setStatus(list, index, true);
    }
    const decoded = decodeStatusList(encodeStatusList(list));

    expect(decoded.size).toBe(262_144);
    expect(Buffer.from(decoded.bits).equals(Buffer.from(list.bits))).toBe(true);
  });

  it('decodes the empty list of the specification example', () => {
    // The encodedList of the examples in Bitstring Status List v1.0 and Status List 2021.
    const example = 'uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA';
    const list = decodeStatusList(example);

    expect(list.size).toBe(131_072);
    expect(list.bits.every((byte) => byte === 0)).toBe(true);
  });

  it('refuses a list shorter than the minimum and text that is not GZIP', () => {
    const short = `u${gzipSync(Buffer.alloc(1024)).toString('base64url')}`;

    expect(
      isCryptoError(
        catchError(() => decodeStatusList(short)),
        'out_of_range',
      ),
    ).toBe(true);
    expect(
      isCryptoError(
        catchError(() => decodeStatusList('uAAAA')),
        'bad_format',
      ),
    ).toBe(true);
    expect(
      isCryptoError(
        catchError(() => decodeStatusList('u+/=')),
        'bad_format',
      ),
    ).toBe(true);
  });

  it('refuses a compressed bomb larger than 16 MiB', () => {
    const bomb = `u${gzipSync(Buffer.alloc(17 * 1024 * 1024)).toString('base64url')}`;

    expect(
      isCryptoError(
        catchError(() => decodeStatusList(bomb)),
        'out_of_range',
      ),
    ).toBe(true);
  });

  it('builds the credential subject of a status list credential', () => {
    const subject = statusListCredentialSubject(
      'https://orgcard.example/status/1#list',
      'revocation',
      createStatusList(),
    );

    expect(subject).toMatchObject({ type: 'BitstringStatusList', statusPurpose: 'revocation' });
    expect(decodeStatusList(subject.encodedList).size).toBe(131_072);
  });
});
