import { createHash, createPublicKey, verify } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import {
  CARD_CREDENTIAL_TYPE,
  generateCredentialKey,
  publicJwks,
  signCredential,
  verifyCredential,
} from './credential';
import type { CardCredentialClaims } from './credential';
import { CryptoError, isCryptoError } from './errors';
import { catchRejection } from './test-support/catch-error';

const ISSUER = 'https://orgcard.example';
const CLAIMS: CardCredentialClaims = {
  cardId: 'card-0001',
  organisation: { inn: '7736207543', ogrn: '1027700229193' },
  holderName: 'Петрова Анна Сергеевна',
  validFrom: new Date('2025-01-01T00:00:00Z'),
  validUntil: new Date('2028-01-01T00:00:00Z'),
  status: { list: 'https://orgcard.example/status/1', index: 4711 },
};
const NOW = new Date('2025-06-01T12:00:00Z');
const key = await generateCredentialKey();
const jwks = publicJwks([key]);
const token = await signCredential(key, CLAIMS, { issuer: ISSUER, issuedAt: NOW });

function segments(jws: string): [string, string, string] {
  const [header = '', payload = '', signature = ''] = jws.split('.');

  return [header, payload, signature];
}

async function failureCode(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await catchRejection(promise);

  return error instanceof CryptoError ? error.code : undefined;
}

describe('signCredential and verifyCredential', () => {
  it('round-trips the claims and names the key that signed', async () => {
    const verified = await verifyCredential(token, jwks, { issuer: ISSUER, now: NOW });

    expect(verified).toEqual({ ...CLAIMS, issuer: ISSUER, issuedAt: NOW, kid: key.kid });
  });

  it('writes a compact ES256 JWS with typ and kid, small enough for a QR code', () => {
    const header = JSON.parse(Buffer.from(segments(token)[0], 'base64url').toString()) as object;

    expect(header).toEqual({ alg: 'ES256', typ: CARD_CREDENTIAL_TYPE, kid: key.kid });
    expect(token.length).toBeLessThan(700);
  });

  it('verifies with node:crypto as an independent ES256 implementation', () => {
    const [header, payload, signature] = segments(token);
    const publicKey = createPublicKey({ key: jwks.keys[0]!, format: 'jwk' });
    const valid = verify(
      'sha256',
      Buffer.from(`${header}.${payload}`),
      { key: publicKey, dsaEncoding: 'ieee-p1363' },
      Buffer.from(signature, 'base64url'),
    );

    expect(valid).toBe(true);
  });

  it('rejects a changed payload', async () => {
    const [header, payload, signature] = segments(token);
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const forged = Buffer.from(JSON.stringify({ ...claims, holder: 'Злоумышленник' })).toString(
      'base64url',
    );

    expect(
      await failureCode(
        verifyCredential(`${header}.${forged}.${signature}`, jwks, { issuer: ISSUER, now: NOW }),
      ),
    ).toBe('tampered');
  });

  it('rejects a changed signature', async () => {
    const [header, payload, signature] = segments(token);
    const bytes = Buffer.from(signature, 'base64url');
    bytes.writeUInt8(bytes.readUInt8(10) ^ 1, 10);

    expect(
      await failureCode(
        verifyCredential(`${header}.${payload}.${bytes.toString('base64url')}`, jwks, {
          issuer: ISSUER,
          now: NOW,
        }),
      ),
    ).toBe('tampered');
  });

  it('rejects an unsigned token claiming alg none', async () => {
    const [, payload] = segments(token);
    const none = Buffer.from(
      JSON.stringify({ alg: 'none', typ: CARD_CREDENTIAL_TYPE, kid: key.kid }),
    ).toString('base64url');

    expect(
      await failureCode(
        verifyCredential(`${none}.${payload}.`, jwks, { issuer: ISSUER, now: NOW }),
      ),
    ).toBe('bad_format');
  });

  it('refuses expired, not yet valid and foreign credentials', async () => {
    const later = new Date('2028-01-01T00:00:01Z');
    const earlier = new Date('2024-12-31T23:59:00Z');

    expect(await failureCode(verifyCredential(token, jwks, { issuer: ISSUER, now: later }))).toBe(
      'expired',
    );
    expect(await failureCode(verifyCredential(token, jwks, { issuer: ISSUER, now: earlier }))).toBe(
      'not_yet_valid',
    );
    expect(
      await failureCode(
        verifyCredential(token, jwks, { issuer: 'https://other.example', now: NOW }),
      ),
    ).toBe('untrusted');
  });

  it('tolerates a drifting clock only as far as asked', async () => {
    const justBefore = new Date('2024-12-31T23:59:30Z');
    const verified = await verifyCredential(token, jwks, {
      issuer: ISSUER,
      now: justBefore,
      clockToleranceSeconds: 60,
    });

    expect(verified.cardId).toBe('card-0001');
  });

  it('refuses claims that break identifier rules, naming the claim', async () => {
    const badInn = { ...CLAIMS, organisation: { ...CLAIMS.organisation, inn: '7736207544' } };
    const error = await catchRejection(signCredential(key, badInn, { issuer: ISSUER }));

    expect(isCryptoError(error, 'bad_format') && error.field).toBe('organisation.inn');
  });
});

describe('key rotation', () => {
  it('publishes only public parameters, with the RFC 7638 thumbprint as kid', () => {
    const [published] = jwks.keys;
    const canonical = JSON.stringify({ crv: 'P-256', kty: 'EC', x: published?.x, y: published?.y });

    expect(published).not.toHaveProperty('d');
    expect(published).toMatchObject({ alg: 'ES256', use: 'sig', kid: key.kid });
    expect(createHash('sha256').update(canonical).digest('base64url')).toBe(key.kid);
  });

  it('verifies old and new credentials while both keys are published', async () => {
    const next = await generateCredentialKey();
    const newToken = await signCredential(next, CLAIMS, { issuer: ISSUER, issuedAt: NOW });
    const both = publicJwks([key, next]);

    expect((await verifyCredential(token, both, { issuer: ISSUER, now: NOW })).kid).toBe(key.kid);
    expect((await verifyCredential(newToken, both, { issuer: ISSUER, now: NOW })).kid).toBe(
      next.kid,
    );
    expect(
      await failureCode(verifyCredential(token, publicJwks([next]), { issuer: ISSUER, now: NOW })),
    ).toBe('unknown_key');
  });
});
