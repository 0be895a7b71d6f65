import type { z } from 'zod';
import { validateCorrespondentAccount, validateSettlementAccount } from '@orgcard/crypto';
import { EnvError, feeEnvShape, parseEnv } from './env.ts';

/** The payee's requisites printed in every state fee payment order. */
export interface FeePayee {
  name: string;
  account: string;
  bankName: string;
  bic: string;
  correspondentAccount: string;
  inn: string;
  kpp: string;
  /** Budget classification code (КБК) of the fee. */
  cbc: string;
  /** The territory code (ОКТМО) the fee is credited to. */
  oktmo: string;
}

export interface FeeSettings {
  payee: FeePayee;
  /** Keys the HMAC of bank payment confirmations. */
  bankWebhookSecret: string;
}

type FeeEnv = z.infer<z.ZodObject<typeof feeEnvShape>> & { NODE_ENV: string };

const DEVELOPMENT_WEBHOOK_SECRET = 'orgcard-development-only-bank-webhook-secret';

/**
 * Builds the fee settings from validated variables. The payee's accounts must pass their
 * control keys with the BIC (Bank of Russia rule), or people would pay into a typo;
 * production refuses to start without a webhook secret of its own.
 */
export function loadFeeSettings(env: FeeEnv): FeeSettings {
  if (!validateSettlementAccount(env.FEE_PAYEE_ACCOUNT, env.FEE_PAYEE_BIC).ok) {
    throw new EnvError('FEE_PAYEE_ACCOUNT', 'контрольный ключ не сходится с БИК FEE_PAYEE_BIC');
  }
  if (!validateCorrespondentAccount(env.FEE_PAYEE_CORR_ACCOUNT, env.FEE_PAYEE_BIC).ok) {
    throw new EnvError(
      'FEE_PAYEE_CORR_ACCOUNT',
      'контрольный ключ не сходится с БИК FEE_PAYEE_BIC',
    );
  }
  if (env.NODE_ENV === 'production' && !env.BANK_WEBHOOK_SECRET) {
    throw new EnvError('BANK_WEBHOOK_SECRET', 'не задана');
  }

  return {
    payee: {
      name: env.FEE_PAYEE_NAME,
      account: env.FEE_PAYEE_ACCOUNT,
      bankName: env.FEE_PAYEE_BANK,
      bic: env.FEE_PAYEE_BIC,
      correspondentAccount: env.FEE_PAYEE_CORR_ACCOUNT,
      inn: env.FEE_PAYEE_INN,
      kpp: env.FEE_PAYEE_KPP,
      cbc: env.FEE_CBC,
      oktmo: env.FEE_OKTMO,
    },
    bankWebhookSecret: env.BANK_WEBHOOK_SECRET ?? DEVELOPMENT_WEBHOOK_SECRET,
  };
}

/** The development settings: every fee variable at its default. */
export function developmentFeeSettings(): FeeSettings {
  return loadFeeSettings({ NODE_ENV: 'development', ...parseEnv(feeEnvShape, {}) });
}
