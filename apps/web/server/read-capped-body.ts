import type { Request } from 'express';

/**
 * Reads a request body into memory, up to `limit` bytes. Returns null as soon as the body
 * would pass the limit (or its declared length already does): the rest is drained and
 * discarded, never stored, so the caller can answer 413 at once.
 */
export function readCappedBody(request: Request, limit: number): Promise<Buffer | null> {
  if (Number(request.headers['content-length'] ?? 0) > limit) {
    request.resume();

    return Promise.resolve(null);
  }

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    request.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) {
        settled = true;
        chunks.length = 0;
        resolve(null);

        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!settled) resolve(Buffer.concat(chunks, size));
      settled = true;
    });
    request.on('error', (error) => {
      if (!settled) reject(error);
      settled = true;
    });
  });
}
