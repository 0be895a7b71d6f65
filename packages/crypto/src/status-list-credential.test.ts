import { describe, expect, it } from 'vitest';

import { generateCredentialKey, publicJwks, signCredential, verifyCredential } from './credential';
import { CryptoError } from './errors';
import { createStatusList, getStatus, setStatus } from './status-list';
import { signStatusListCredential, verifyStatusListCredential } from './status-list-credential';
import { catchRejection } from './test-support/catch-error';

const ISSUER = 'https://orgcard.example';
const LIST_URL = 'https://orgcard.example/status/revocation/1';
const NOW = new Date('2025-06-01T12:00:00Z');
const key = await generateCredentialKey();
const jwks = publicJwks([key]);
const revoked = setStatus(createStatusList(), 4711, true);
const signed = await signStatusListCredential(
  key,
  {
    id: LIST_URL,
    purpose: 'revocation',
    list: revoked,
    validFrom: NOW,
    validUntil: new Date(NOW.getTime() + 3_600_000),
  },
  { issuer: ISSUER, issuedAt: NOW },
);

async function failureCode(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await catchRejection(promise);

  return error instanceof CryptoError ? error.code : undefined;
}

describe('status list credentials', () => {
  it('verifies and yields the list with the card marked as revoked', async () => {
    const credential = await verifyStatusListCredential(signed, jwks, {
      issuer: ISSUER,
      expectedId: LIST_URL,
      now: NOW,
    });

    expect(credential.purpose).toBe('revocation');
    expect(getStatus(credential.list, 4711)).toBe(true);
    expect(getStatus(credential.list, 4712)).toBe(false);
  });

  it('carries the W3C data model fields', () => {
    const payload = JSON.parse(
      Buffer.from(signed.split('.')[1] ?? '', 'base64url').toString(),
    ) as Record<string, unknown>;

    expect(payload).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      credentialSubject: { type: 'BitstringStatusList', statusPurpose: 'revocation' },
    });
  });

  it('rejects a list whose bits were changed after signing', async () => {
    const [header, payload, signature] = signed.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as {
      credentialSubject: { encodedList: string };
    };
    claims.credentialSubject.encodedList = `u${'A'.repeat(10)}`;
    const forged = Buffer.from(JSON.stringify(claims)).toString('base64url');

    expect(
      await failureCode(
        verifyStatusListCredential(`${header}.${forged}.${signature}`, jwks, {
          issuer: ISSUER,
          expectedId: LIST_URL,
          now: NOW,
        }),
      ),
    ).toBe('tampered');
  });

  it('refuses a stale list and a list served for another URL', async () => {
    const later = new Date(NOW.getTime() + 2 * 3_600_000);

    expect(
      await failureCode(
        verifyStatusListCredential(signed, jwks, {
          issuer: ISSUER,
          expectedId: LIST_URL,
          now: later,
        }),
      ),
    ).toBe('expired');
    expect(
      await failureCode(
        verifyStatusListCredential(signed, jwks, {
          issuer: ISSUER,
          expectedId: `${LIST_URL}0`,
          now: NOW,
        }),
      ),
    ).toBe('untrusted');
  });

  it('is not accepted as a card credential, nor a card credential as a list', async () => {
    const card = await signCredential(
      key,
      {
        cardId: 'card-1',
        organisation: { inn: '7707083893', ogrn: '1027700132195' },
        holderName: 'Иванов Иван',
        validFrom: NOW,
        validUntil: new Date('2027-01-01T00:00:00Z'),
        status: { list: LIST_URL, index: 1 },
      },
      { issuer: ISSUER, issuedAt: NOW },
    );

    expect(await failureCode(verifyCredential(signed, jwks, { issuer: ISSUER, now: NOW }))).toBe(
      'untrusted',
    );
    expect(
      await failureCode(
        verifyStatusListCredential(card, jwks, { issuer: ISSUER, expectedId: LIST_URL, now: NOW }),
      ),
    ).toBe('untrusted');
  });
});
