/**
 * Envelope encryption at rest. Each record gets a fresh random 256-bit data key; the data is
 * encrypted with AES-256-GCM (NIST SP 800-38D) under that key, and the data key is wrapped,
 * also with AES-256-GCM, under a master key from configuration. The sealed value names its
 * master key, so master keys rotate: add a key, make it current, and {@link rewrap} old rows
 * at leisure, which re-encrypts 32 bytes per row and leaves the data untouched.
 *
 * Sealed record layout (version 1):
 *
 *   key header (see below) | data nonce (12) | data tag (16) | ciphertext
 *   key header = version (1) | key id length (1) | key id | wrap nonce (12) | wrapped key (32) | wrap tag (16)
 *
 * The caller's associated data (for example `documents:<id>:content`) is authenticated by both
 * the wrap and the data encryption, so a ciphertext copied into another row does not open.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

import { CryptoError } from './errors';
import { decodeBase64Strict } from './internal/bytes';
import {
  DATA_KEY_BYTES,
  EnvelopeVersion,
  KEY_ID_PATTERN,
  NONCE_BYTES,
  TAG_BYTES,
  associatedData,
  readKeyHeader,
  requireAssociatedData,
  unwrapDataKey,
  writeKeyHeader,
} from './internal/envelope-header';
import type { Keyring } from './internal/envelope-header';

export type { Keyring } from './internal/envelope-header';

/** Size of a master key: AES-256. */
export const MASTER_KEY_BYTES = 32;

/** What {@link createKeyring} takes: master keys by id and the id that seals new data. */
export interface KeyringConfig {
  current: string;
  keys: Readonly<Record<string, Uint8Array>> | ReadonlyMap<string, Uint8Array>;
}

/**
 * Builds a keyring from master keys. Key ids are 1-64 characters of `A-Z a-z 0-9 . _ -`; every
 * key must be exactly 32 bytes; `current` must be one of them. Keys are copied, so later
 * changes to the caller's buffers do not affect the keyring.
 */
export function createKeyring(config: KeyringConfig): Keyring {
  const entries: [string, Uint8Array][] = isKeyMap(config.keys)
    ? [...config.keys.entries()]
    : Object.entries(config.keys);
  const keys = new Map<string, Buffer>();

  for (const [keyId, key] of entries) {
    if (!KEY_ID_PATTERN.test(keyId)) {
      throw new CryptoError(
        'bad_format',
        `master key id "${keyId}" is not 1-64 of A-Z a-z 0-9 . _ -`,
      );
    }
    if (!(key instanceof Uint8Array) || key.length !== MASTER_KEY_BYTES) {
      throw new CryptoError('bad_key', `master key "${keyId}" must be exactly 32 bytes`);
    }
    keys.set(keyId, Buffer.from(key));
  }
  if (!keys.has(config.current)) {
    throw new CryptoError(
      'unknown_key',
      `current master key "${config.current}" is not configured`,
    );
  }

  return Object.freeze({ currentKeyId: config.current, keys });
}

function isKeyMap(keys: KeyringConfig['keys']): keys is ReadonlyMap<string, Uint8Array> {
  return keys instanceof Map;
}

/**
 * Parses master keys from configuration text `k1:<base64>,k2:<base64>` (spaces allowed around
 * items). Each value must decode to exactly 32 bytes; ids may not repeat. Which key is current
 * is configured separately and given to {@link createKeyring}.
 */
export function parseMasterKeys(config: string): Record<string, Buffer> {
  const keys: Record<string, Buffer> = {};
  const items = config
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0) {
    throw new CryptoError('bad_format', 'no master keys configured');
  }

  for (const item of items) {
    const separator = item.indexOf(':');
    const keyId = item.slice(0, separator);
    if (separator <= 0 || !KEY_ID_PATTERN.test(keyId)) {
      throw new CryptoError(
        'bad_format',
        'master keys must be written as id:base64, comma-separated',
      );
    }
    if (keyId in keys) {
      throw new CryptoError('bad_format', `master key "${keyId}" is configured twice`);
    }

    const key = decodeBase64Strict(item.slice(separator + 1).trim(), `master key "${keyId}"`);
    if (key.length !== MASTER_KEY_BYTES) {
      throw new CryptoError('bad_key', `master key "${keyId}" must decode to exactly 32 bytes`);
    }
    keys[keyId] = key;
  }

  return keys;
}

/**
 * Encrypts `plaintext` for the record named by `aad` under a fresh data key wrapped by the
 * current master key. The result is self-describing (version, key id, wrapped key, nonce, tag,
 * ciphertext) and adds 2 + key id + 88 bytes to the plaintext.
 */
export function seal(keyring: Keyring, plaintext: Uint8Array, aad: string): Buffer {
  requireAssociatedData(aad);

  const dataKey = randomBytes(DATA_KEY_BYTES);
  const header = writeKeyHeader(keyring, EnvelopeVersion.record, dataKey, aad);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', dataKey, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData('data', EnvelopeVersion.record, [aad]));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  dataKey.fill(0);

  return Buffer.concat([header, nonce, cipher.getAuthTag(), ciphertext]);
}

/**
 * Decrypts a sealed record. Throws `tampered` if any byte was changed or `aad` differs from the
 * one used to seal (a ciphertext copied to another row), `unknown_key` if its master key is no
 * longer configured, `bad_format`/`unsupported` for input that is not a sealed record.
 */
export function open(keyring: Keyring, sealed: Uint8Array, aad: string): Buffer {
  requireAssociatedData(aad);

  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  const header = readKeyHeader(bytes);
  if (header.version !== EnvelopeVersion.record) {
    throw new CryptoError('bad_format', 'this is a sealed stream; open it with openStream');
  }
  const nonceEnd = header.length + NONCE_BYTES;
  const tagEnd = nonceEnd + TAG_BYTES;
  if (bytes.length < tagEnd) {
    throw new CryptoError('bad_format', 'sealed record is truncated');
  }

  const dataKey = unwrapDataKey(keyring, header, aad);
  const decipher = createDecipheriv(
    'aes-256-gcm',
    dataKey,
    bytes.subarray(header.length, nonceEnd),
    {
      authTagLength: TAG_BYTES,
    },
  );
  decipher.setAAD(associatedData('data', EnvelopeVersion.record, [aad]));
  decipher.setAuthTag(bytes.subarray(nonceEnd, tagEnd));

  try {
    return Buffer.concat([decipher.update(bytes.subarray(tagEnd)), decipher.final()]);
  } catch (error) {
    throw new CryptoError('tampered', 'sealed record failed authentication: it was changed', {
      cause: error,
    });
  } finally {
    dataKey.fill(0);
  }
}

/**
 * Re-wraps the data key of a sealed record or stream under the current master key, copying the
 * encrypted data unchanged. Checks the old wrap (so `aad` must match) but not the data, which
 * {@link open} still authenticates. Use it to retire a master key.
 */
export function rewrap(keyring: Keyring, sealed: Uint8Array, aad: string): Buffer {
  requireAssociatedData(aad);

  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  const header = readKeyHeader(bytes);
  const dataKey = unwrapDataKey(keyring, header, aad);
  const newHeader = writeKeyHeader(keyring, header.version, dataKey, aad);
  dataKey.fill(0);

  return Buffer.concat([newHeader, bytes.subarray(header.length)]);
}

/** The id of the master key that wraps a sealed record or stream. */
export function sealedKeyId(sealed: Uint8Array): string {
  return readKeyHeader(Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength)).keyId;
}

/** Tells whether a sealed value is wrapped by a master key other than the current one. */
export function needsRewrap(keyring: Keyring, sealed: Uint8Array): boolean {
  return sealedKeyId(sealed) !== keyring.currentKeyId;
}
