/**
 * Every failure raised by `@orgcard/crypto` is a {@link CryptoError}. Callers branch on `code`
 * (and map it to a Russian message key); the message is for logs and never carries key
 * material, plaintext, PINs or codes.
 */
export type CryptoErrorCode =
  /** The input does not parse, or breaks a rule of its format (the message names the field). */
  | 'bad_format'
  /** A key has the wrong type or size. */
  | 'bad_key'
  /** The key id named by a ciphertext or token is not in the keyring or key set. */
  | 'unknown_key'
  /** Authentication failed: the data, its binding or its signature was changed. */
  | 'tampered'
  /** A format version or algorithm this package does not handle. */
  | 'unsupported'
  /** A number (index, size, length) lies outside the allowed range. */
  | 'out_of_range'
  /** The PIN is locked after too many wrong attempts. */
  | 'pin_locked'
  /** A token or certificate is past its validity. */
  | 'expired'
  /** A token or certificate is not valid yet. */
  | 'not_yet_valid'
  /** A signature is intact but its signer is not the one expected (issuer, token type). */
  | 'untrusted';

/** Options accepted by the {@link CryptoError} constructor. */
export interface CryptoErrorOptions {
  /** The underlying error, kept for debugging; never shown to users. */
  cause?: unknown;
  /** The input field at fault, when there is one (a payment QR key, a claim name). */
  field?: string;
}

/** The single error type of this package; `code` says what went wrong. */
export class CryptoError extends Error {
  override readonly name = 'CryptoError';
  readonly code: CryptoErrorCode;
  readonly field: string | undefined;

  constructor(code: CryptoErrorCode, message: string, options: CryptoErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.field = options.field;
  }
}

/**
 * Tells whether `error` is a {@link CryptoError}, optionally with the given code.
 * Works across module copies because it checks the shape, not only the prototype.
 */
export function isCryptoError(error: unknown, code?: CryptoErrorCode): error is CryptoError {
  if (!(error instanceof Error) || error.name !== 'CryptoError' || !('code' in error)) {
    return false;
  }

  return code === undefined || error.code === code;
}
