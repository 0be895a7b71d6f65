/**
 * Base32 with the RFC 4648, 6 alphabet (A-Z, 2-7), used for TOTP secrets in `otpauth://` URIs.
 * Written here because Node has no base32 codec and the codec is twenty lines.
 */
import { CryptoError } from './errors';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Options of {@link base32Encode}. */
export interface Base32EncodeOptions {
  /** Pad with `=` to a multiple of 8 characters (RFC 4648, 6). Default `true`. */
  padding?: boolean;
}

/**
 * Encodes bytes as base32 (RFC 4648, 6). Every 5 bytes become 8 characters; a final partial
 * group is padded with `=` unless `padding` is `false` (authenticator apps accept both).
 */
export function base32Encode(bytes: Uint8Array, options: Base32EncodeOptions = {}): string {
  let output = '';
  let buffer = 0;
  let bits = 0;

  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      output += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) {
    output += ALPHABET[(buffer << (5 - bits)) & 31];
  }

  const padded = options.padding ?? true;

  return padded ? output.padEnd(Math.ceil(output.length / 8) * 8, '=') : output;
}

/**
 * Decodes base32 (RFC 4648, 6), ignoring case, spaces and the optional `=` padding. Throws
 * `bad_format` on characters outside the alphabet, an impossible length, or non-zero pad bits
 * (RFC 4648, 3.5), so that every accepted string has exactly one meaning.
 */
export function base32Decode(text: string): Buffer {
  const cleaned = text.replace(/\s+/g, '').toUpperCase().replace(/=+$/, '');
  if (![0, 2, 4, 5, 7].includes(cleaned.length % 8)) {
    throw new CryptoError('bad_format', 'base32 text has an impossible length');
  }

  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of cleaned) {
    const value = ALPHABET.indexOf(char);
    if (value === -1) {
      throw new CryptoError('bad_format', 'base32 text holds a character outside A-Z, 2-7');
    }
    buffer = ((buffer << 5) | value) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  if ((buffer & ((1 << bits) - 1)) !== 0) {
    throw new CryptoError('bad_format', 'base32 text has non-zero padding bits');
  }

  return Buffer.from(bytes);
}
