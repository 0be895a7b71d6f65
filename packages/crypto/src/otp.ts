/**
 * HOTP (RFC 4226) and TOTP (RFC 6238) for second-factor login with an authenticator app, and
 * the `otpauth://` enrolment URI those apps scan. Written here rather than taken from a
 * package because the algorithm is a dozen lines over `node:crypto` and is checked against
 * the RFCs' own test vectors.
 */
import { createHmac, randomBytes } from 'node:crypto';

import { base32Encode } from './base32';
import { CryptoError } from './errors';
import { constantTimeEqual } from './internal/bytes';

/** HMAC hash functions allowed by RFC 6238, 1.2. */
export type OtpAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';

/** Options shared by HOTP and TOTP. */
export interface HotpOptions {
  /** Number of digits, 6 to 8 (RFC 4226, 5.3). Default 6. */
  digits?: number;
  /** Default `SHA1`, the only one every authenticator app supports. */
  algorithm?: OtpAlgorithm;
}

/** Options of TOTP. */
export interface TotpOptions extends HotpOptions {
  /** Time step X in seconds (RFC 6238, 4.1). Default 30. */
  period?: number;
}

/**
 * Computes an HOTP value (RFC 4226, 5.3): HMAC over the 8-byte big-endian counter, dynamic
 * truncation to 31 bits, then the last `digits` decimal digits, zero-padded.
 */
export function hotp(
  secret: Uint8Array,
  counter: number | bigint,
  options: HotpOptions = {},
): string {
  const digits = options.digits ?? 6;
  if (!Number.isInteger(digits) || digits < 6 || digits > 8) {
    throw new CryptoError('out_of_range', 'an OTP has 6 to 8 digits');
  }

  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(options.algorithm ?? 'SHA1', secret)
    .update(message)
    .digest();

  // RFC 4226, 5.3: the low 4 bits of the last byte choose where the 31-bit value starts.
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;

  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The RFC 6238, 4.2 time step counter T = floor(unixSeconds / period) for a moment. */
export function totpTimeStep(at: Date | number, period = 30): number {
  const milliseconds = typeof at === 'number' ? at : at.getTime();

  return Math.floor(milliseconds / 1000 / period);
}

/** Computes the TOTP value for a moment (RFC 6238, 4.2), `at` as a Date or epoch milliseconds. */
export function totp(secret: Uint8Array, at: Date | number, options: TotpOptions = {}): string {
  return hotp(secret, totpTimeStep(at, options.period), options);
}

/** Options of {@link verifyTotp}. */
export interface VerifyTotpOptions extends TotpOptions {
  /** Steps accepted either side of now, for clock drift (RFC 6238, 5.2). Default 1. */
  window?: number;
  /**
   * The last time step already accepted for this secret. Codes of that step or earlier are
   * refused, so a code seen over a shoulder cannot be replayed (RFC 6238, 5.2).
   */
  lastUsedStep?: number;
}

/** Outcome of {@link verifyTotp}: on success the step to remember as `lastUsedStep`. */
export type TotpVerification = { ok: true; timeStep: number; drift: number } | { ok: false };

/**
 * Checks a TOTP code against the steps within `window` of `now`, comparing in constant time
 * and checking every candidate step so timing does not reveal which one matched.
 */
export function verifyTotp(
  secret: Uint8Array,
  code: string,
  now: Date | number,
  options: VerifyTotpOptions = {},
): TotpVerification {
  const window = options.window ?? 1;
  const current = totpTimeStep(now, options.period);
  const given = Buffer.from(code, 'utf8');
  let match: TotpVerification = { ok: false };

  for (let drift = -window; drift <= window; drift += 1) {
    const timeStep = current + drift;
    const expected = Buffer.from(hotp(secret, timeStep, options), 'utf8');
    const fresh = options.lastUsedStep === undefined || timeStep > options.lastUsedStep;
    if (constantTimeEqual(given, expected) && fresh && !match.ok) {
      match = { ok: true, timeStep, drift };
    }
  }

  return match;
}

/**
 * A new random TOTP secret. 20 bytes is the HMAC-SHA-1 output size that RFC 4226, 4 (R6)
 * recommends as the shared secret length.
 */
export function generateTotpSecret(bytes = 20): Buffer {
  if (bytes < 16) {
    throw new CryptoError('out_of_range', 'a TOTP secret is at least 16 bytes (RFC 4226, 4)');
  }

  return randomBytes(bytes);
}

/** What {@link otpauthUri} needs. */
export interface OtpauthUriInput extends TotpOptions {
  secret: Uint8Array;
  /** The account as the user knows it, usually the login email. */
  account: string;
  /** Who issues the code, shown by the app ("Оргкарта"). */
  issuer: string;
}

/**
 * Builds the `otpauth://totp/...` URI that authenticator apps read from a QR code (the Key URI
 * Format of Google Authenticator): the label `issuer:account`, the base32 secret without
 * padding, and the issuer repeated as a parameter as that format recommends.
 */
export function otpauthUri(input: OtpauthUriInput): string {
  if (input.issuer.includes(':') || input.account.includes(':')) {
    throw new CryptoError('bad_format', 'the issuer and account of an otpauth URI cannot hold ":"');
  }

  const label = `${encodeURIComponent(input.issuer)}:${encodeURIComponent(input.account)}`;
  const query = new URLSearchParams({
    secret: base32Encode(input.secret, { padding: false }),
    issuer: input.issuer,
    algorithm: input.algorithm ?? 'SHA1',
    digits: String(input.digits ?? 6),
    period: String(input.period ?? 30),
  });

  return `otpauth://totp/${label}?${query.toString().replace(/\+/g, '%20')}`;
}
