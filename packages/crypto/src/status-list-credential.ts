/**
 * The signed form of a status list: a BitstringStatusListCredential (Bitstring Status List
 * v1.0, 2.2) in the W3C Verifiable Credentials 2.0 data model, secured as a compact JWS with
 * ES256 under the same keys as the card credentials, so a verifier who trusts the JWKS can
 * trust the list it downloads. The payload also carries the JWT claims `iss`, `sub`, `iat`,
 * `nbf` and `exp` so that expiry is checked the same way as for card credentials.
 */
import { importJWK, SignJWT } from 'jose';

import type { CredentialSigningKey, PublicJwks } from './credential';
import { CryptoError } from './errors';
import { verifyJwt } from './internal/jwt';
import { decodeStatusList, statusListCredentialSubject } from './status-list';
import type { StatusList, StatusPurpose } from './status-list';

/** The `typ` header of status list credentials (VC-JOSE-COSE media type). */
export const STATUS_LIST_CREDENTIAL_TYPE = 'vc+jwt';

/** What a status list credential states. */
export interface StatusListCredential {
  /** The URL the credential is served at; card credentials point here. */
  id: string;
  purpose: StatusPurpose;
  list: StatusList;
  validFrom: Date;
  validUntil: Date;
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * Signs a status list for publication. `validUntil` should be short (hours): a verifier that
 * caches the list must fetch a new one after it, which bounds how long a revocation can go
 * unnoticed.
 */
export async function signStatusListCredential(
  key: CredentialSigningKey,
  credential: StatusListCredential,
  options: { issuer: string; issuedAt?: Date },
): Promise<string> {
  if (!(credential.validUntil.getTime() > credential.validFrom.getTime())) {
    throw new CryptoError('bad_format', 'a status list credential must end after it starts', {
      field: 'validUntil',
    });
  }

  const privateKey = await importJWK(key.privateJwk, 'ES256');

  return new SignJWT({
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: credential.id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: options.issuer,
    validFrom: credential.validFrom.toISOString(),
    validUntil: credential.validUntil.toISOString(),
    credentialSubject: statusListCredentialSubject(
      `${credential.id}#list`,
      credential.purpose,
      credential.list,
    ),
  })
    .setProtectedHeader({ alg: 'ES256', typ: STATUS_LIST_CREDENTIAL_TYPE, kid: key.kid })
    .setIssuer(options.issuer)
    .setSubject(credential.id)
    .setIssuedAt(seconds(options.issuedAt ?? new Date()))
    .setNotBefore(seconds(credential.validFrom))
    .setExpirationTime(seconds(credential.validUntil))
    .sign(privateKey);
}

/**
 * Verifies a status list credential and decodes its list. Fails like `verifyCredential`
 * (`unknown_key`, `tampered`, `expired`, `not_yet_valid`, `untrusted`, `bad_format`), and with
 * `untrusted` when it is not the list at `expectedId`, so a list for one purpose or issuer
 * cannot be passed off as another.
 */
export async function verifyStatusListCredential(
  jws: string,
  jwks: PublicJwks,
  options: { issuer: string; expectedId: string; now?: Date; clockToleranceSeconds?: number },
): Promise<StatusListCredential> {
  const { payload } = await verifyJwt(jws, jwks, {
    issuer: options.issuer,
    typ: STATUS_LIST_CREDENTIAL_TYPE,
    now: options.now,
    clockToleranceSeconds: options.clockToleranceSeconds,
  });
  if (payload.sub !== options.expectedId || payload.id !== options.expectedId) {
    throw new CryptoError('untrusted', 'the status list credential is not the one requested');
  }

  const subject = payload.credentialSubject as
    { type?: unknown; statusPurpose?: unknown; encodedList?: unknown } | undefined;
  const purpose = subject?.statusPurpose;
  if (
    subject?.type !== 'BitstringStatusList' ||
    (purpose !== 'revocation' && purpose !== 'suspension') ||
    typeof subject.encodedList !== 'string'
  ) {
    throw new CryptoError('bad_format', 'the status list credential has no valid subject');
  }

  return {
    id: options.expectedId,
    purpose,
    list: decodeStatusList(subject.encodedList),
    validFrom: new Date((payload.nbf ?? 0) * 1000),
    validUntil: new Date((payload.exp ?? 0) * 1000),
  };
}
