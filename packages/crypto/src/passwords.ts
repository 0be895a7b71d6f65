/**
 * Password storage with scrypt (RFC 7914). The stored string follows the PHC string format,
 * `$scrypt$ln=15,r=8,p=1$<salt>$<hash>` (base64 without padding), so the cost travels with the
 * hash and can be raised later: {@link needsRehash} tells when a login should re-hash.
 */
import { randomBytes, scrypt } from 'node:crypto';

import { CryptoError } from './errors';
import { constantTimeEqual } from './internal/bytes';

/** scrypt cost parameters: N = 2^logN, block size r, parallelism p (RFC 7914, 2). */
export interface ScryptParams {
  logN: number;
  r: number;
  p: number;
}

/**
 * Today's parameters: N = 2^15, r = 8, p = 1, about 32 MiB and tens of milliseconds per hash,
 * the interactive-login setting recommended by OWASP's password storage guidance.
 */
export const DEFAULT_SCRYPT_PARAMS: Readonly<ScryptParams> = Object.freeze({
  logN: 15,
  r: 8,
  p: 1,
});

/** Longest password accepted, in characters: scrypt has no limit, request bodies should. */
export const MAX_PASSWORD_LENGTH = 1024;

const SALT_BYTES = 16;
const HASH_BYTES = 32;
const STORED_PATTERN =
  /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

interface StoredPassword {
  params: ScryptParams;
  salt: Buffer;
  hash: Buffer;
}

/**
 * Hashes a password with a fresh 16-byte random salt. The password is normalised to Unicode
 * NFKC first (NIST SP 800-63B, 5.1.1.2) so the same password typed on different keyboards
 * verifies. Resolves to the PHC string to store.
 */
export async function hashPassword(
  password: string,
  params: ScryptParams = DEFAULT_SCRYPT_PARAMS,
): Promise<string> {
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new CryptoError(
      'out_of_range',
      `a password is at most ${MAX_PASSWORD_LENGTH} characters`,
    );
  }
  assertParamsInRange(params);

  const salt = randomBytes(SALT_BYTES);
  const hash = await deriveKey(password, salt, params, HASH_BYTES);

  return formatStoredPassword({ params, salt, hash });
}

/**
 * Checks a password against a stored PHC string, comparing in constant time. Resolves to
 * `false` for a wrong or over-long password; throws `bad_format` if `stored` is not a string
 * this module wrote (a corrupt row should be noticed, not read as a wrong password).
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const expected = parseStoredPassword(stored);
  if (password.length > MAX_PASSWORD_LENGTH) {
    return false;
  }

  const actual = await deriveKey(password, expected.salt, expected.params, expected.hash.length);

  return constantTimeEqual(actual, expected.hash);
}

/**
 * Tells whether a stored hash is weaker than `params` (a smaller N, r or p, or a shorter salt or
 * hash), so the caller re-hashes the password it has just verified.
 */
export function needsRehash(stored: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): boolean {
  const current = parseStoredPassword(stored);

  return (
    current.params.logN < params.logN ||
    current.params.r < params.r ||
    current.params.p < params.p ||
    current.salt.length < SALT_BYTES ||
    current.hash.length < HASH_BYTES
  );
}

/** The rules of {@link checkPasswordPolicy}; each id maps to a message in the UI. */
export type PasswordRule = 'length' | 'upper' | 'lower' | 'digit' | 'symbol' | 'email';

/** Shortest password accepted by the policy, in characters (Unicode code points). */
export const MIN_PASSWORD_LENGTH = 12;

/**
 * Lists the policy rules a password breaks, in a fixed order; an empty list means it passes.
 * Letters and digits of any script count (Cyrillic capitals are upper case); anything that is
 * neither a letter nor a digit, space included, is a symbol. `email` fails when the password
 * contains the account's email or its local part (from 3 characters), case-insensitively.
 */
export function checkPasswordPolicy(password: string, email?: string): PasswordRule[] {
  const failed: PasswordRule[] = [];
  const checks: [PasswordRule, boolean][] = [
    ['length', [...password].length >= MIN_PASSWORD_LENGTH],
    ['upper', /\p{Lu}/u.test(password)],
    ['lower', /\p{Ll}/u.test(password)],
    ['digit', /\p{Nd}/u.test(password)],
    ['symbol', /[^\p{L}\p{N}]/u.test(password)],
    ['email', !containsEmail(password, email)],
  ];

  for (const [rule, passed] of checks) {
    if (!passed) {
      failed.push(rule);
    }
  }

  return failed;
}

function containsEmail(password: string, email: string | undefined): boolean {
  const normalisedEmail = email?.trim().toLowerCase() ?? '';
  if (normalisedEmail === '') {
    return false;
  }

  const lowered = password.toLowerCase();
  const localPart = normalisedEmail.split('@')[0] ?? '';

  return (
    lowered.includes(normalisedEmail) || (localPart.length >= 3 && lowered.includes(localPart))
  );
}

function deriveKey(
  password: string,
  salt: Buffer,
  params: ScryptParams,
  length: number,
): Promise<Buffer> {
  const N = 2 ** params.logN;
  // scrypt needs 128·r·(N + p + 2) bytes; Node's default cap (32 MiB) is just below N = 2^15.
  const maxmem = 128 * params.r * (N + params.p + 2) + 1024 * 1024;

  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFKC'),
      salt,
      length,
      { N, r: params.r, p: params.p, maxmem },
      (error, key) => {
        if (error) {
          reject(new CryptoError('bad_format', 'scrypt refused its parameters', { cause: error }));
        } else {
          resolve(key);
        }
      },
    );
  });
}

function assertParamsInRange(params: ScryptParams): void {
  const inRange =
    Number.isInteger(params.logN) &&
    Number.isInteger(params.r) &&
    Number.isInteger(params.p) &&
    params.logN >= 10 &&
    params.logN <= 22 &&
    params.r >= 1 &&
    params.r <= 32 &&
    params.p >= 1 &&
    params.p <= 16;
  if (!inRange) {
    throw new CryptoError('out_of_range', 'scrypt parameters outside 2^10..2^22, r 1..32, p 1..16');
  }
}

function formatStoredPassword({ params, salt, hash }: StoredPassword): string {
  const encode = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');

  return `$scrypt$ln=${params.logN},r=${params.r},p=${params.p}$${encode(salt)}$${encode(hash)}`;
}

function parseStoredPassword(stored: string): StoredPassword {
  const match = STORED_PATTERN.exec(stored);
  if (!match) {
    throw new CryptoError('bad_format', 'the stored password hash is not a scrypt PHC string');
  }

  const [, logN, r, p, salt, hash] = match;
  const parsed: StoredPassword = {
    params: { logN: Number(logN), r: Number(r), p: Number(p) },
    salt: Buffer.from(salt ?? '', 'base64'),
    hash: Buffer.from(hash ?? '', 'base64'),
  };
  assertParamsInRange(parsed.params);
  if (parsed.salt.length < 4 || parsed.hash.length < 16 || parsed.hash.length > 64) {
    throw new CryptoError('bad_format', 'the stored password hash has a bad salt or hash length');
  }

  return parsed;
}
