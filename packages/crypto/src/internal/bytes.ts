import { timingSafeEqual } from 'node:crypto';

import { CryptoError } from '../errors';

/**
 * Joins parts with a 4-byte big-endian length before each, so that no two different lists of
 * parts give the same bytes (`['ab', 'c']` and `['a', 'bc']` differ). Used for MAC inputs and
 * associated data, where an ambiguous join would let one context pass for another.
 */
export function encodeParts(parts: readonly (string | Uint8Array)[]): Buffer {
  const chunks: Buffer[] = [];

  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    chunks.push(length, bytes);
  }

  return Buffer.concat(chunks);
}

/**
 * Compares two byte strings in time that depends only on their lengths, so an attacker who
 * measures response times learns nothing about where a guess first differs.
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) {
    return false;
  }

  return timingSafeEqual(a, b);
}

/** Compares two lowercase hex strings in constant time; malformed hex never matches. */
export function constantTimeEqualHex(a: string, b: string): boolean {
  const hexPattern = /^[0-9a-f]*$/;
  if (a.length !== b.length || a.length % 2 !== 0 || !hexPattern.test(a) || !hexPattern.test(b)) {
    return false;
  }

  return timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
}

/**
 * Checks that a secret key is bytes of at least `minBytes` and returns it as a Buffer view.
 * Throws `bad_key` otherwise; the message names the key's role, never its value.
 */
export function requireSecretKey(key: Uint8Array, minBytes: number, role: string): Buffer {
  if (!(key instanceof Uint8Array) || key.length < minBytes) {
    throw new CryptoError('bad_key', `${role} must be at least ${minBytes} bytes`);
  }

  return Buffer.from(key.buffer, key.byteOffset, key.byteLength);
}

/** Decodes standard or URL-safe base64, refusing any character outside the alphabet. */
export function decodeBase64Strict(text: string, what: string): Buffer {
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(text) || text.replace(/=+$/, '').length % 4 === 1) {
    throw new CryptoError('bad_format', `${what} is not valid base64`);
  }

  return Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}
