/**
 * Envelope encryption for files too large to hold in memory (uploaded documents, exports).
 * The data is cut into chunks, each sealed with AES-256-GCM under one fresh data key, following
 * the STREAM construction (Hoang, Reyhanitabar, Rogaway, Vizár, "Online Authenticated-Encryption
 * and its Nonce-Reuse Misuse-Resistance", CRYPTO 2015): the nonce of chunk i is a random 7-byte
 * prefix, the 4-byte big-endian counter i, and one byte that is 1 only for the last chunk. So
 * chunks cannot be reordered, dropped, duplicated, or the stream cut at a chunk boundary.
 *
 * Layout (version 2): key header (as sealed records) | nonce prefix (7) | chunk size (4, BE) |
 * chunks, each `ciphertext | tag (16)`; every chunk but the last holds exactly `chunk size`
 * bytes of plaintext, the last holds 0 to `chunk size`.
 *
 * The output of {@link openStream} is authenticated chunk by chunk; treat it as untrusted until
 * the stream ends without error (write to a temporary file, then rename).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';

import { CryptoError } from './errors';
import {
  DATA_KEY_BYTES,
  EnvelopeVersion,
  TAG_BYTES,
  associatedData,
  keyHeaderLength,
  readKeyHeader,
  requireAssociatedData,
  unwrapDataKey,
  writeKeyHeader,
} from './internal/envelope-header';
import type { Keyring } from './internal/envelope-header';

/** Default plaintext bytes per chunk. */
export const DEFAULT_CHUNK_SIZE = 64 * 1024;

const NONCE_PREFIX_BYTES = 7;
const STREAM_PARAMS_BYTES = NONCE_PREFIX_BYTES + 4;
const MIN_CHUNK_SIZE = 1024;
const MAX_CHUNK_SIZE = 16 * 1024 * 1024;
const MAX_CHUNKS = 2 ** 32;

/** Options of {@link sealStream}. */
export interface SealStreamOptions {
  /** Plaintext bytes per chunk, 1 KiB to 16 MiB. Default 64 KiB. */
  chunkSize?: number;
}

interface ChunkCipher {
  dataKey: Buffer;
  noncePrefix: Buffer;
  chunkSize: number;
  aad: Buffer;
  counter: number;
}

/**
 * A Transform stream that seals what is written to it for the record named by `aad`. Pipe the
 * file in and the sealed bytes out: `pipeline(file, sealStream(keyring, aad), storage)`.
 */
export function sealStream(
  keyring: Keyring,
  aad: string,
  options: SealStreamOptions = {},
): Transform {
  requireAssociatedData(aad);
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (!Number.isInteger(chunkSize) || chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE) {
    throw new CryptoError('out_of_range', 'the chunk size must be 1 KiB to 16 MiB');
  }

  const dataKey = randomBytes(DATA_KEY_BYTES);
  const chunks: ChunkCipher = {
    dataKey,
    noncePrefix: randomBytes(NONCE_PREFIX_BYTES),
    chunkSize,
    aad: associatedData('chunk', EnvelopeVersion.stream, [aad]),
    counter: 0,
  };
  const params = Buffer.alloc(4);
  params.writeUInt32BE(chunkSize);
  let header: Buffer | null = Buffer.concat([
    writeKeyHeader(keyring, EnvelopeVersion.stream, dataKey, aad),
    chunks.noncePrefix,
    params,
  ]);
  let pending = Buffer.alloc(0);

  const takeHeader = (): Buffer[] => {
    const parts = header === null ? [] : [header];
    header = null;

    return parts;
  };

  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      guard(callback, () => {
        pending = Buffer.concat([pending, chunk]);
        const output = takeHeader();
        // Keep at least one byte back: only the flush knows which chunk is the last.
        while (pending.length > chunkSize) {
          output.push(sealChunk(chunks, pending.subarray(0, chunkSize), false));
          pending = pending.subarray(chunkSize);
        }

        return Buffer.concat(output);
      });
    },
    flush(callback: TransformCallback) {
      guard(callback, () => {
        const output = Buffer.concat([...takeHeader(), sealChunk(chunks, pending, true)]);
        dataKey.fill(0);

        return output;
      });
    },
  });
}

/**
 * A Transform stream that opens a stream written by {@link sealStream} for the same `aad`.
 * Fails with `tampered` on any changed, reordered, missing or extra byte (the error may come
 * after earlier chunks were emitted), `unknown_key` if the master key is gone, `bad_format` if
 * the input is not a sealed stream.
 */
export function openStream(keyring: Keyring, aad: string): Transform {
  requireAssociatedData(aad);
  let pending = Buffer.alloc(0);
  let chunks: ChunkCipher | null = null;

  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      guard(callback, () => {
        pending = Buffer.concat([pending, chunk]);
        if (chunks === null) {
          const started = startOpening(keyring, pending, aad);
          if (started === null) {
            return Buffer.alloc(0);
          }
          chunks = started.chunks;
          pending = pending.subarray(started.headerLength);
        }

        const output: Buffer[] = [];
        const sealedChunkSize = chunks.chunkSize + TAG_BYTES;
        while (pending.length > sealedChunkSize) {
          output.push(openChunk(chunks, pending.subarray(0, sealedChunkSize), false));
          pending = pending.subarray(sealedChunkSize);
        }

        return Buffer.concat(output);
      });
    },
    flush(callback: TransformCallback) {
      guard(callback, () => {
        if (chunks === null) {
          throw new CryptoError('bad_format', 'the sealed stream ended inside its header');
        }
        const last = openChunk(chunks, pending, true);
        chunks.dataKey.fill(0);

        return last;
      });
    },
  });
}

function startOpening(
  keyring: Keyring,
  pending: Buffer,
  aad: string,
): { chunks: ChunkCipher; headerLength: number } | null {
  const keyLength = keyHeaderLength(pending);
  if (keyLength === null || pending.length < keyLength + STREAM_PARAMS_BYTES) {
    return null;
  }

  const header = readKeyHeader(pending);
  if (header.version !== EnvelopeVersion.stream) {
    throw new CryptoError('bad_format', 'this is a sealed record; open it with open()');
  }
  const chunkSize = pending.readUInt32BE(keyLength + NONCE_PREFIX_BYTES);
  if (chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE) {
    throw new CryptoError('bad_format', 'the sealed stream declares an impossible chunk size');
  }

  const chunks: ChunkCipher = {
    dataKey: unwrapDataKey(keyring, header, aad),
    noncePrefix: Buffer.from(pending.subarray(keyLength, keyLength + NONCE_PREFIX_BYTES)),
    chunkSize,
    aad: associatedData('chunk', EnvelopeVersion.stream, [aad]),
    counter: 0,
  };

  return { chunks, headerLength: keyLength + STREAM_PARAMS_BYTES };
}

function chunkNonce(chunks: ChunkCipher, last: boolean): Buffer {
  if (chunks.counter >= MAX_CHUNKS) {
    throw new CryptoError('out_of_range', 'the stream has more chunks than the nonce can count');
  }

  const nonce = Buffer.alloc(12);
  chunks.noncePrefix.copy(nonce, 0);
  nonce.writeUInt32BE(chunks.counter, NONCE_PREFIX_BYTES);
  nonce[11] = last ? 1 : 0;
  chunks.counter += 1;

  return nonce;
}

function sealChunk(chunks: ChunkCipher, plaintext: Buffer, last: boolean): Buffer {
  const cipher = createCipheriv('aes-256-gcm', chunks.dataKey, chunkNonce(chunks, last), {
    authTagLength: TAG_BYTES,
  });
  cipher.setAAD(chunks.aad);

  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

function openChunk(chunks: ChunkCipher, sealedChunk: Buffer, last: boolean): Buffer {
  if (sealedChunk.length < TAG_BYTES) {
    throw new CryptoError('tampered', 'the sealed stream was truncated');
  }

  const tagStart = sealedChunk.length - TAG_BYTES;
  const decipher = createDecipheriv('aes-256-gcm', chunks.dataKey, chunkNonce(chunks, last), {
    authTagLength: TAG_BYTES,
  });
  decipher.setAAD(chunks.aad);
  decipher.setAuthTag(sealedChunk.subarray(tagStart));

  try {
    return Buffer.concat([decipher.update(sealedChunk.subarray(0, tagStart)), decipher.final()]);
  } catch (error) {
    throw new CryptoError(
      'tampered',
      `chunk ${chunks.counter - 1} of the sealed stream failed authentication`,
      { cause: error },
    );
  }
}

function guard(callback: TransformCallback, step: () => Buffer): void {
  let output: Buffer;
  try {
    output = step();
  } catch (error) {
    callback(error as Error);

    return;
  }

  callback(null, output.length > 0 ? output : undefined);
}
