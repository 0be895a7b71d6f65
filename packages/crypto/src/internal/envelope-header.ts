/**
 * The key header shared by sealed records and sealed streams:
 *
 *   version (1) | key id length (1) | key id (ASCII) | wrap nonce (12) | wrapped key (32) | tag (16)
 *
 * The data key is wrapped with AES-256-GCM under the master key named by the key id. The wrap's
 * associated data holds the format version, the key id and the caller's associated data, so a
 * header moved to another row, another format or another key id fails to unwrap.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

import { CryptoError } from '../errors';
import { encodeParts } from './bytes';

export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;
export const DATA_KEY_BYTES = 32;
export const KEY_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** Format versions: the first byte of every sealed value. */
export const EnvelopeVersion = { record: 1, stream: 2 } as const;
export type EnvelopeVersion = (typeof EnvelopeVersion)[keyof typeof EnvelopeVersion];

/** Master keys by id and the id used for new data; see `createKeyring`. */
export interface Keyring {
  readonly currentKeyId: string;
  readonly keys: ReadonlyMap<string, Buffer>;
}

/** A parsed key header. */
export interface KeyHeader {
  version: EnvelopeVersion;
  keyId: string;
  wrapNonce: Buffer;
  wrappedKey: Buffer;
  wrapTag: Buffer;
  /** Bytes taken by the header; the format-specific part follows. */
  length: number;
}

/** Associated data for AES-GCM, separated by purpose and bound to the format version. */
export function associatedData(purpose: string, version: EnvelopeVersion, parts: string[]): Buffer {
  return encodeParts([`orgcard/envelope/${purpose}`, String(version), ...parts]);
}

/** Refuses empty associated data: a ciphertext bound to nothing could be moved anywhere. */
export function requireAssociatedData(aad: string): void {
  if (typeof aad !== 'string' || aad.length === 0) {
    throw new CryptoError('bad_format', 'associated data must name the record being sealed');
  }
}

/** Wraps `dataKey` under the keyring's current master key and returns the encoded header. */
export function writeKeyHeader(
  keyring: Keyring,
  version: EnvelopeVersion,
  dataKey: Buffer,
  aad: string,
): Buffer {
  const keyId = keyring.currentKeyId;
  const masterKey = masterKeyFor(keyring, keyId);
  const wrapNonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', masterKey, wrapNonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData('key', version, [keyId, aad]));
  const wrappedKey = Buffer.concat([cipher.update(dataKey), cipher.final()]);

  return Buffer.concat([
    Buffer.from([version, keyId.length]),
    Buffer.from(keyId, 'ascii'),
    wrapNonce,
    wrappedKey,
    cipher.getAuthTag(),
  ]);
}

/** Size of the key header at the start of `sealed`, or `null` while too few bytes are known. */
export function keyHeaderLength(sealed: Buffer): number | null {
  const keyIdLength = sealed[1];
  if (keyIdLength === undefined) {
    return null;
  }

  const length = 2 + keyIdLength + NONCE_BYTES + DATA_KEY_BYTES + TAG_BYTES;

  return sealed.length >= length ? length : null;
}

/** Parses the key header; throws `bad_format` or `unsupported` on anything unexpected. */
export function readKeyHeader(sealed: Buffer): KeyHeader {
  const version = sealed[0];
  if (version !== EnvelopeVersion.record && version !== EnvelopeVersion.stream) {
    throw new CryptoError(
      version === undefined ? 'bad_format' : 'unsupported',
      'sealed data has an unknown format version',
    );
  }

  const length = keyHeaderLength(sealed);
  const keyIdLength = sealed[1] ?? 0;
  const keyId = sealed.subarray(2, 2 + keyIdLength).toString('ascii');
  if (length === null || !KEY_ID_PATTERN.test(keyId)) {
    throw new CryptoError('bad_format', 'sealed data has a truncated or malformed header');
  }

  const nonceStart = 2 + keyIdLength;
  const keyStart = nonceStart + NONCE_BYTES;
  const tagStart = keyStart + DATA_KEY_BYTES;

  return {
    version,
    keyId,
    wrapNonce: sealed.subarray(nonceStart, keyStart),
    wrappedKey: sealed.subarray(keyStart, tagStart),
    wrapTag: sealed.subarray(tagStart, length),
    length,
  };
}

/** Unwraps the data key of a header; throws `unknown_key` or `tampered`. */
export function unwrapDataKey(keyring: Keyring, header: KeyHeader, aad: string): Buffer {
  const masterKey = masterKeyFor(keyring, header.keyId);
  const decipher = createDecipheriv('aes-256-gcm', masterKey, header.wrapNonce, {
    authTagLength: TAG_BYTES,
  });
  decipher.setAAD(associatedData('key', header.version, [header.keyId, aad]));
  decipher.setAuthTag(header.wrapTag);

  try {
    return Buffer.concat([decipher.update(header.wrappedKey), decipher.final()]);
  } catch (error) {
    throw new CryptoError(
      'tampered',
      'the data key failed authentication: the header was changed or belongs to another record',
      { cause: error },
    );
  }
}

function masterKeyFor(keyring: Keyring, keyId: string): Buffer {
  const key = keyring.keys.get(keyId);
  if (key === undefined) {
    throw new CryptoError('unknown_key', `master key "${keyId}" is not in the keyring`);
  }

  return key;
}
