import { createHash } from 'node:crypto';
import { z } from 'zod';
import { createKeyring, parseMasterKeys, type Keyring } from '@orgcard/crypto';

const key32 = z
  .string()
  .refine((value) => Buffer.from(value, 'base64').length >= 32, 'нужно не меньше 32 байт в base64');

/** Secret settings; required in production, derived from a fixed phrase in development. */
export const secretsEnvShape = {
  MASTER_KEYS: z
    .string()
    .regex(
      /^[A-Za-z0-9_-]+:[A-Za-z0-9+/=]+(,[A-Za-z0-9_-]+:[A-Za-z0-9+/=]+)*$/,
      'формат id:base64[,id:base64]',
    )
    .optional(),
  MASTER_KEY_CURRENT: z.string().optional(),
  CODE_HMAC_KEY: key32.optional(),
  PIN_HMAC_KEY: key32.optional(),
};

export interface Secrets {
  keyring: Keyring;
  /** Keys the hashes of one-time codes. */
  codeKey: Buffer;
  /** Keys the hashes of PINs; kept apart from the database. */
  pinKey: Buffer;
}

function developmentKey(purpose: string): Buffer {
  return createHash('sha256').update(`orgcard-development-only:${purpose}`).digest();
}

type SecretsEnv = Partial<Record<keyof typeof secretsEnvShape, string>> & { NODE_ENV: string };

/**
 * Builds the keys. Outside production a missing key is derived from a fixed phrase, so that
 * `pnpm start` needs no set-up; production refuses to start without real keys.
 */
export function loadSecrets(env: SecretsEnv): Secrets {
  const production = env.NODE_ENV === 'production';
  const missing = (['MASTER_KEYS', 'CODE_HMAC_KEY', 'PIN_HMAC_KEY'] as const).find(
    (name) => !env[name],
  );
  if (production && missing) throw new Error(`Неверная настройка ${missing}: не задана`);
  const keys = env.MASTER_KEYS
    ? parseMasterKeys(env.MASTER_KEYS)
    : { dev1: developmentKey('master') };
  const current = env.MASTER_KEY_CURRENT ?? Object.keys(keys).at(-1) ?? 'dev1';

  return {
    keyring: createKeyring({ current, keys }),
    codeKey: env.CODE_HMAC_KEY ? Buffer.from(env.CODE_HMAC_KEY, 'base64') : developmentKey('codes'),
    pinKey: env.PIN_HMAC_KEY ? Buffer.from(env.PIN_HMAC_KEY, 'base64') : developmentKey('pins'),
  };
}
