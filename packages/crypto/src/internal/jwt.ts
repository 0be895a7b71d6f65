/**
 * ES256 JWT verification against a JWKS with jose, shared by card credentials and status list
 * credentials, mapping every jose failure to a {@link CryptoError} code.
 */
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import type { JSONWebKeySet, JWTPayload } from 'jose';

import { CryptoError } from '../errors';

/** Settings shared by the JWT verifications of this package. */
export interface JwtCheck {
  issuer: string;
  typ: string;
  now?: Date | undefined;
  clockToleranceSeconds?: number | undefined;
}

/**
 * Verifies a compact JWS JWT with ES256 against a JWKS and maps every failure to a
 * {@link CryptoError}. Shared with the status list credential.
 */
export async function verifyJwt(
  jws: string,
  jwks: JSONWebKeySet,
  check: JwtCheck,
): Promise<{ payload: JWTPayload; kid: string }> {
  let kid: string | undefined;
  try {
    kid = decodeProtectedHeader(jws).kid;
  } catch (error) {
    throw new CryptoError('bad_format', 'the token is not a compact JWS', { cause: error });
  }
  if (kid === undefined) {
    throw new CryptoError('bad_format', 'the token has no kid header');
  }

  try {
    const { payload } = await jwtVerify(jws, createLocalJWKSet(jwks), {
      algorithms: ['ES256'],
      issuer: check.issuer,
      typ: check.typ,
      currentDate: check.now ?? new Date(),
      clockTolerance: check.clockToleranceSeconds ?? 0,
      requiredClaims: ['iss', 'iat', 'exp'],
    });

    return { payload, kid };
  } catch (error) {
    throw joseFailure(error);
  }
}

function joseFailure(error: unknown): CryptoError {
  const code = (error as { code?: unknown }).code;
  const claim = (error as { claim?: unknown }).claim;
  const cause = { cause: error };
  switch (code) {
    case 'ERR_JWKS_NO_MATCHING_KEY':
      return new CryptoError('unknown_key', 'no published key matches the token kid', cause);
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return new CryptoError('tampered', 'the token signature does not verify', cause);
    case 'ERR_JWT_EXPIRED':
      return new CryptoError('expired', 'the token has expired', cause);
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      if (claim === 'nbf' || claim === 'iat') {
        return new CryptoError('not_yet_valid', 'the token is not valid yet', cause);
      }

      return new CryptoError(
        'untrusted',
        `the token claim ${String(claim)} is not the expected one`,
        cause,
      );
    default:
      return new CryptoError(
        'bad_format',
        'the token is malformed or uses another algorithm',
        cause,
      );
  }
}
