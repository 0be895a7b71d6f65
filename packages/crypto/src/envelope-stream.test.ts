import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { describe, expect, it } from 'vitest';

import { createKeyring, open, rewrap, seal } from './envelope';
import { openStream, sealStream } from './envelope-stream';
import { isCryptoError } from './errors';
import { catchError, catchRejection } from './test-support/catch-error';

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const keyring = createKeyring({ current: 'k1', keys: { k1 } });
const rotated = createKeyring({ current: 'k2', keys: { k1, k2 } });
const ROW = 'documents:42:file';
const CHUNK = 4096;
// key header (2 + 2 + 12 + 32 + 16) + nonce prefix (7) + chunk size (4)
const STREAM_HEADER = 75;

/** Feeds `input` in pieces of uneven size through `transform` and collects the output. */
async function run(transform: Transform, input: Buffer): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for (
    let offset = 0, step = 1;
    offset < input.length;
    offset += step, step = ((step * 7 + 3) % 9001) + 1
  ) {
    pieces.push(input.subarray(offset, offset + step));
  }
  const output: Buffer[] = [];
  await pipeline(Readable.from(pieces), transform, async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) output.push(chunk);
  });

  return Buffer.concat(output);
}

async function sealAll(input: Buffer, aad = ROW): Promise<Buffer> {
  return run(sealStream(keyring, aad, { chunkSize: CHUNK }), input);
}

describe('sealStream and openStream', () => {
  it('round-trips a multi-megabyte file fed in uneven pieces', async () => {
    const file = randomBytes(5 * 1024 * 1024 + 123);
    const sealed = await run(sealStream(keyring, ROW), file);
    const opened = await run(openStream(keyring, ROW), sealed);

    expect(opened.equals(file)).toBe(true);
    expect(sealed.length).toBe(STREAM_HEADER + file.length + 16 * Math.ceil(file.length / 65536));
  });

  it.each([0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK])('round-trips %i bytes', async (size) => {
    const file = randomBytes(size);

    expect((await run(openStream(keyring, ROW), await sealAll(file))).equals(file)).toBe(true);
  });

  it('rejects a changed byte in the middle of the file', async () => {
    const sealed = await sealAll(randomBytes(5 * CHUNK));
    sealed.writeUInt8(
      sealed.readUInt8(STREAM_HEADER + 2 * CHUNK + 100) ^ 0x80,
      STREAM_HEADER + 2 * CHUNK + 100,
    );

    const error = await catchRejection(run(openStream(keyring, ROW), sealed));

    expect(isCryptoError(error, 'tampered')).toBe(true);
  });

  it('rejects a stream cut at a chunk boundary', async () => {
    const sealed = await sealAll(randomBytes(5 * CHUNK));
    const cut = sealed.subarray(0, STREAM_HEADER + 2 * (CHUNK + 16));

    expect(
      isCryptoError(await catchRejection(run(openStream(keyring, ROW), cut)), 'tampered'),
    ).toBe(true);
  });

  it('rejects chunks swapped in place', async () => {
    const sealed = await sealAll(randomBytes(5 * CHUNK));
    const size = CHUNK + 16;
    const first = Buffer.from(sealed.subarray(STREAM_HEADER, STREAM_HEADER + size));
    sealed.copy(sealed, STREAM_HEADER, STREAM_HEADER + size, STREAM_HEADER + 2 * size);
    first.copy(sealed, STREAM_HEADER + size);

    expect(
      isCryptoError(await catchRejection(run(openStream(keyring, ROW), sealed)), 'tampered'),
    ).toBe(true);
  });

  it('rejects bytes appended after the last chunk', async () => {
    const sealed = Buffer.concat([await sealAll(randomBytes(CHUNK / 2)), Buffer.from([0])]);

    expect(
      isCryptoError(await catchRejection(run(openStream(keyring, ROW), sealed)), 'tampered'),
    ).toBe(true);
  });

  it('rejects a sealed file copied to another record', async () => {
    const sealed = await sealAll(randomBytes(CHUNK));
    const error = await catchRejection(run(openStream(keyring, 'documents:43:file'), sealed));

    expect(isCryptoError(error, 'tampered')).toBe(true);
  });

  it('rejects input that ends inside the header', async () => {
    const sealed = await sealAll(randomBytes(10));
    const error = await catchRejection(run(openStream(keyring, ROW), sealed.subarray(0, 30)));

    expect(isCryptoError(error, 'bad_format')).toBe(true);
  });

  it('keeps records and streams apart', async () => {
    const sealedStream = await sealAll(randomBytes(10));
    const sealedRecord = seal(keyring, randomBytes(10), ROW);

    expect(
      isCryptoError(
        catchError(() => open(keyring, sealedStream, ROW)),
        'bad_format',
      ),
    ).toBe(true);
    const error = await catchRejection(run(openStream(keyring, ROW), sealedRecord));
    expect(isCryptoError(error, 'bad_format')).toBe(true);
  });

  it('opens a stream re-wrapped to a new master key', async () => {
    const file = randomBytes(3 * CHUNK + 5);
    const sealed = await sealAll(file);
    const rewrapped = rewrap(rotated, sealed, ROW);
    const onlyK2 = createKeyring({ current: 'k2', keys: { k2 } });

    expect((await run(openStream(onlyK2, ROW), rewrapped)).equals(file)).toBe(true);
  });

  it('refuses chunk sizes outside 1 KiB to 16 MiB', () => {
    expect(
      isCryptoError(
        catchError(() => sealStream(keyring, ROW, { chunkSize: 10 })),
        'out_of_range',
      ),
    ).toBe(true);
  });
});
