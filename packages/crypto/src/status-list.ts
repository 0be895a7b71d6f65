/**
 * Credential status as a W3C Bitstring Status List (Bitstring Status List v1.0, W3C
 * Recommendation 2025): one bit per issued credential, set when the credential is suspended or
 * revoked (one list per purpose). The list is published as `encodedList`, the multibase
 * base64url (prefix `u`, no padding) of the GZIP-compressed bitstring (section 2.1). Its
 * minimum size of 131,072 entries gives every holder group privacy when a verifier fetches it.
 */
import { gunzipSync, gzipSync } from 'node:zlib';

import { CryptoError } from './errors';

/** Minimum number of entries of a list (Bitstring Status List v1.0, 2.1). */
export const MIN_STATUS_LIST_SIZE = 131_072;

/** Largest list decoded, so that a hostile `encodedList` cannot exhaust memory (16 MiB). */
const MAX_STATUS_LIST_BYTES = 16 * 1024 * 1024;

/** A bitstring status list. Treat it as immutable; {@link setStatus} returns a new one. */
export interface StatusList {
  /** Number of entries. */
  readonly size: number;
  /** The bitstring; entry 0 is the most significant bit of byte 0. */
  readonly bits: Uint8Array;
}

/** What a status bit means for the list: the `statusPurpose` of the specification (3.1). */
export type StatusPurpose = 'revocation' | 'suspension';

function assertIndex(list: StatusList, index: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= list.size) {
    throw new CryptoError('out_of_range', `status index must be 0 to ${list.size - 1}`);
  }
}

/**
 * A list of `size` entries, all cleared. `size` must be a multiple of 8 and at least 131,072
 * (Bitstring Status List v1.0, 2.1).
 */
export function createStatusList(size = MIN_STATUS_LIST_SIZE): StatusList {
  if (!Number.isInteger(size) || size < MIN_STATUS_LIST_SIZE || size % 8 !== 0) {
    throw new CryptoError(
      'out_of_range',
      'a status list holds a multiple of 8 entries, at least 131072',
    );
  }

  return { size, bits: new Uint8Array(size / 8) };
}

/**
 * Reads entry `index`: `true` when set (the credential is revoked or suspended, by the list's
 * purpose). Index 0 is the left-most bit of the first byte (Bitstring Status List v1.0, 3.2).
 */
export function getStatus(list: StatusList, index: number): boolean {
  assertIndex(list, index);
  const byte = list.bits[Math.floor(index / 8)] ?? 0;

  return ((byte >> (7 - (index % 8))) & 1) === 1;
}

/** A copy of `list` with entry `index` set to `value`; the given list is left unchanged. */
export function setStatus(list: StatusList, index: number, value: boolean): StatusList {
  assertIndex(list, index);
  const bits = Uint8Array.from(list.bits);
  const mask = 1 << (7 - (index % 8));
  const position = Math.floor(index / 8);
  bits[position] = value ? (bits[position] ?? 0) | mask : (bits[position] ?? 0) & ~mask;

  return { size: list.size, bits };
}

/**
 * The `encodedList` value: `u` + base64url without padding of the GZIP of the bitstring
 * (Bitstring Status List v1.0, 2.1, multibase prefix `u`).
 */
export function encodeStatusList(list: StatusList): string {
  return `u${gzipSync(list.bits).toString('base64url')}`;
}

/**
 * Decodes an `encodedList` into a list. Accepts the `u`-prefixed form of v1.0 and, for lists
 * published by earlier drafts (Status List 2021), the same bytes without the prefix. Throws
 * `bad_format` for text that is not base64url GZIP, `out_of_range` for a list shorter than
 * 131,072 entries (3.2, STATUS_LIST_LENGTH_ERROR) or larger than 16 MiB.
 */
export function decodeStatusList(encodedList: string): StatusList {
  const body = encodedList.startsWith('u') ? encodedList.slice(1) : encodedList;
  if (!/^[A-Za-z0-9_-]+$/.test(body)) {
    throw new CryptoError('bad_format', 'an encoded status list is multibase base64url');
  }

  let bits: Buffer;
  try {
    bits = gunzipSync(Buffer.from(body, 'base64url'), { maxOutputLength: MAX_STATUS_LIST_BYTES });
  } catch (error) {
    const tooLarge = error instanceof RangeError;
    throw new CryptoError(
      tooLarge ? 'out_of_range' : 'bad_format',
      'the encoded status list does not decompress',
      {
        cause: error,
      },
    );
  }

  const size = bits.length * 8;
  if (size < MIN_STATUS_LIST_SIZE) {
    throw new CryptoError('out_of_range', 'the status list is shorter than 131072 entries');
  }

  return { size, bits: new Uint8Array(bits) };
}

/**
 * The `credentialSubject` of a BitstringStatusListCredential (Bitstring Status List v1.0, 2.2),
 * ready to be signed by the issuer and served at `id`.
 */
export function statusListCredentialSubject(
  id: string,
  statusPurpose: StatusPurpose,
  list: StatusList,
): { id: string; type: 'BitstringStatusList'; statusPurpose: StatusPurpose; encodedList: string } {
  return { id, type: 'BitstringStatusList', statusPurpose, encodedList: encodeStatusList(list) };
}
