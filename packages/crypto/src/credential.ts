/**
 * The card credential: a compact JWS (RFC 7515) with ES256 (ECDSA P-256 and SHA-256, RFC 7518,
 * 3.4) whose payload is a JWT (RFC 7519) naming the card, its organisation and holder, its
 * validity and its entry in the status lists. It fits in the card's QR code and verifies offline
 * against the issuer's published JWKS (RFC 7517); the key id `kid` is the key's RFC 7638
 * thumbprint, so keys rotate by publishing the new key next to the old one.
 */
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, SignJWT } from 'jose';
import type { JWK, JWTPayload } from 'jose';

import { CryptoError } from './errors';
import { validateOgrn, validateOrganisationInn } from './identifiers';
import { verifyJwt } from './internal/jwt';

/** The `typ` header of card credentials (RFC 8725, 3.11: explicit typing). */
export const CARD_CREDENTIAL_TYPE = 'orgcard-card+jwt';

/** A credential signing key; seal `privateJwk` at rest with the envelope encryption. */
export interface CredentialSigningKey {
  /** RFC 7638 thumbprint of the public key, used as `kid`. */
  kid: string;
  /** The private key as a JWK (kty EC, crv P-256, with `d`). */
  privateJwk: JWK;
}

/** A published key set: `{ keys: [...] }` (RFC 7517, 5). */
export interface PublicJwks {
  keys: JWK[];
}

/** What a card credential states. */
export interface CardCredentialClaims {
  cardId: string;
  organisation: { inn: string; ogrn: string };
  holderName: string;
  validFrom: Date;
  validUntil: Date;
  /** Where the card's status lists are published and its index in them. */
  status: { list: string; index: number };
}

/** A verified credential: its claims plus who signed it and when. */
export interface VerifiedCardCredential extends CardCredentialClaims {
  issuer: string;
  issuedAt: Date;
  kid: string;
}

/** A fresh ES256 key pair for signing credentials, with its thumbprint as `kid`. */
export async function generateCredentialKey(): Promise<CredentialSigningKey> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const privateJwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(publicPart(privateJwk));

  return { kid, privateJwk: { ...privateJwk, kid, alg: 'ES256' } };
}

function publicPart(jwk: JWK): JWK {
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.x || !jwk.y) {
    throw new CryptoError('bad_key', 'a credential key is an EC P-256 JWK');
  }

  return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y };
}

/**
 * The JWKS to publish for verifiers: the public part of each key, with `kid`, `alg: ES256` and
 * `use: sig`. Never includes private parameters. List the current key and the keys still
 * backing valid credentials.
 */
export function publicJwks(keys: readonly CredentialSigningKey[]): PublicJwks {
  return {
    keys: keys.map((key) => ({
      ...publicPart(key.privateJwk),
      kid: key.kid,
      alg: 'ES256',
      use: 'sig',
    })),
  };
}

function checkClaims(claims: CardCredentialClaims): void {
  const problems: [boolean, string][] = [
    [claims.cardId.length === 0 || claims.cardId.length > 64, 'cardId'],
    [!validateOrganisationInn(claims.organisation.inn).ok, 'organisation.inn'],
    [!validateOgrn(claims.organisation.ogrn).ok, 'organisation.ogrn'],
    [claims.holderName.trim().length === 0 || claims.holderName.length > 200, 'holderName'],
    [!(claims.validUntil.getTime() > claims.validFrom.getTime()), 'validUntil'],
    [!Number.isSafeInteger(claims.status.index) || claims.status.index < 0, 'status.index'],
    [!URL.canParse(claims.status.list), 'status.list'],
  ];
  const failed = problems.find(([bad]) => bad);
  if (failed) {
    throw new CryptoError('bad_format', `credential claim ${failed[1]} is invalid`, {
      field: failed[1],
    });
  }
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * Signs a card credential as a compact JWS with the protected header `{ alg: ES256, typ,
 * kid }`. The payload carries `iss`, `sub` (card id), `iat`, `nbf` and `exp` (RFC 7519, 4.1)
 * and the claims `org`, `holder` and `status`. Claims are checked first (valid INN and OGRN,
 * validity in order); a bad one throws `bad_format` naming it.
 */
export async function signCredential(
  key: CredentialSigningKey,
  claims: CardCredentialClaims,
  options: { issuer: string; issuedAt?: Date },
): Promise<string> {
  checkClaims(claims);
  const privateKey = await importJWK(key.privateJwk, 'ES256');

  return new SignJWT({
    org: { inn: claims.organisation.inn, ogrn: claims.organisation.ogrn },
    holder: claims.holderName,
    status: { list: claims.status.list, index: claims.status.index },
  })
    .setProtectedHeader({ alg: 'ES256', typ: CARD_CREDENTIAL_TYPE, kid: key.kid })
    .setIssuer(options.issuer)
    .setSubject(claims.cardId)
    .setIssuedAt(seconds(options.issuedAt ?? new Date()))
    .setNotBefore(seconds(claims.validFrom))
    .setExpirationTime(seconds(claims.validUntil))
    .sign(privateKey);
}

/** Options of {@link verifyCredential}. */
export interface VerifyCredentialOptions {
  /** The expected `iss`. */
  issuer: string;
  /** The moment to check validity at. Default now. */
  now?: Date;
  /** Allowed clock difference in seconds, for phones with a drifting clock. Default 0. */
  clockToleranceSeconds?: number;
}

/**
 * Verifies a card credential against a published JWKS: ES256 only, the `kid` must name a key of
 * the set, the type and issuer must match, and `now` must lie within `nbf`..`exp`. Does not
 * consult the status lists; do that online with the returned `status`. Throws `unknown_key`,
 * `tampered` (bad signature), `expired`, `not_yet_valid`, `untrusted` (wrong issuer or type)
 * or `bad_format`.
 */
export async function verifyCredential(
  jws: string,
  jwks: PublicJwks,
  options: VerifyCredentialOptions,
): Promise<VerifiedCardCredential> {
  const { payload, kid } = await verifyJwt(jws, jwks, {
    issuer: options.issuer,
    typ: CARD_CREDENTIAL_TYPE,
    now: options.now,
    clockToleranceSeconds: options.clockToleranceSeconds,
  });

  return { ...readCardClaims(payload), kid };
}

function readCardClaims(payload: JWTPayload): Omit<VerifiedCardCredential, 'kid'> {
  const org = payload.org as { inn?: unknown; ogrn?: unknown } | undefined;
  const status = payload.status as { list?: unknown; index?: unknown } | undefined;
  const valid =
    typeof payload.iss === 'string' &&
    typeof payload.sub === 'string' &&
    typeof payload.iat === 'number' &&
    typeof payload.nbf === 'number' &&
    typeof payload.exp === 'number' &&
    typeof org?.inn === 'string' &&
    typeof org.ogrn === 'string' &&
    typeof payload.holder === 'string' &&
    typeof status?.list === 'string' &&
    typeof status.index === 'number';
  if (!valid) {
    throw new CryptoError('bad_format', 'the credential payload lacks a required claim');
  }

  return {
    issuer: payload.iss as string,
    issuedAt: new Date((payload.iat as number) * 1000),
    cardId: payload.sub as string,
    organisation: { inn: org.inn as string, ogrn: org.ogrn as string },
    holderName: payload.holder as string,
    validFrom: new Date((payload.nbf as number) * 1000),
    validUntil: new Date((payload.exp as number) * 1000),
    status: { list: status.list as string, index: status.index as number },
  };
}
