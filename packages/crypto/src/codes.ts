/**
 * One-time codes sent by SMS or email (activation, confirmation). A code is random, short and
 * lives minutes; it is stored only as an HMAC-SHA-256 (RFC 2104) under a server key, so a
 * database dump alone does not reveal codes and six digits cannot be brute-forced offline
 * without that key. Expiry and attempt limits belong to the caller.
 */
import { createHmac, randomInt } from 'node:crypto';

import { CryptoError } from './errors';
import { constantTimeEqualHex, encodeParts, requireSecretKey } from './internal/bytes';

/** Minimum size of the server key that hashes codes: the HMAC-SHA-256 output size. */
export const CODE_KEY_MIN_BYTES = 32;

/**
 * A uniformly random code of `digits` decimal digits (default 6), leading zeros kept. Uses
 * `crypto.randomInt`, which draws from the CSPRNG without modulo bias.
 */
export function generateCode(digits = 6): string {
  if (!Number.isInteger(digits) || digits < 4 || digits > 10) {
    throw new CryptoError('out_of_range', 'a one-time code has 4 to 10 digits');
  }

  return String(randomInt(0, 10 ** digits)).padStart(digits, '0');
}

/**
 * The keyed hash to store for a code: lowercase hex HMAC-SHA-256 over the code and an optional
 * context (for example `activation:card-42`). The context binds a code to its purpose, so a
 * code issued for one action does not verify for another.
 */
export function hashCode(key: Uint8Array, code: string, context = ''): string {
  const secret = requireSecretKey(key, CODE_KEY_MIN_BYTES, 'the one-time code key');
  const message = context === '' ? Buffer.from(code, 'utf8') : encodeParts(['code', context, code]);

  return createHmac('sha256', secret).update(message).digest('hex');
}

/** Checks a code against its stored hash in constant time; `context` must match the one hashed. */
export function verifyCode(
  key: Uint8Array,
  code: string,
  storedHash: string,
  context = '',
): boolean {
  return constantTimeEqualHex(hashCode(key, code, context), storedHash);
}
