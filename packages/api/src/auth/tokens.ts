import { createHash, randomBytes } from 'node:crypto';

/** A random bearer token (256 bits, base64url) for a cookie or a link. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored instead of a token: its SHA-256, hex. Tokens carry enough entropy for it. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
