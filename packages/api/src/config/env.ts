import { z } from 'zod';

/** Variables that every process of the application reads (web and worker alike). */
export const commonEnvShape = {
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'нужен адрес postgres://…' }),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'нужен адрес redis://…' }),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]+$/, 'только строчные латинские буквы, цифры, - и _')
    .default('orgcard'),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'нужен адрес smtp://…' }),
  MAIL_FROM: z.string().min(3).default('Orgcard <no-reply@orgcard.local>'),
  APP_URL: z.url({ error: 'нужен адрес http(s)://…' }).default('http://localhost:3000'),
};

/** Variables choosing the company registry that pre-fills the registration form by INN. */
export const companyRegistryEnvShape = {
  COMPANY_REGISTRY: z.enum(['offline', 'http'], { error: 'offline или http' }).default('offline'),
  COMPANY_REGISTRY_URL: z
    .url({ protocol: /^https?$/, error: 'нужен адрес http(s)://…' })
    .optional(),
  COMPANY_REGISTRY_TOKEN: z.string().min(1).optional(),
};

export type CompanyRegistryEnv = z.infer<z.ZodObject<typeof companyRegistryEnvShape>>;

export type CompanyRegistrySettings =
  { kind: 'offline' } | { kind: 'http'; baseUrl: string; token: string };

/**
 * Reads the registry choice; the HTTP registry needs its address and key. Throws an `EnvError`
 * naming the missing variable, like `parseEnv`.
 */
export function companyRegistrySettings(env: CompanyRegistryEnv): CompanyRegistrySettings {
  if (env.COMPANY_REGISTRY === 'offline') return { kind: 'offline' };
  const needed = 'не задана (нужна при COMPANY_REGISTRY=http)';
  if (!env.COMPANY_REGISTRY_URL) throw new EnvError('COMPANY_REGISTRY_URL', needed);
  if (!env.COMPANY_REGISTRY_TOKEN) throw new EnvError('COMPANY_REGISTRY_TOKEN', needed);

  return { kind: 'http', baseUrl: env.COMPANY_REGISTRY_URL, token: env.COMPANY_REGISTRY_TOKEN };
}

/** Variables of card issuance (the worker's `card-issuance` job). */
export const issuanceEnvShape = {
  /** The issuer identification number that opens every card number; 1 to 9 digits. */
  CARD_NUMBER_PREFIX: z
    .string()
    .regex(/^\d{1,9}$/, 'от 1 до 9 цифр')
    .default('220099'),
};

/** Variables of the database preparation step (migrations and demo data). */
export const prepareEnvShape = {
  NODE_ENV: commonEnvShape.NODE_ENV,
  LOG_LEVEL: commonEnvShape.LOG_LEVEL,
  DATABASE_URL: commonEnvShape.DATABASE_URL,
  SEED_DEMO: z.enum(['yes', 'no']).optional(),
};

/**
 * The payee of the state fee, printed in the payment order and its QR code, and the secret
 * the bank signs payment confirmations with. Development defaults are a demonstration payee
 * whose account passes the control key with its BIC; production must set every one.
 */
export const feeEnvShape = {
  FEE_PAYEE_NAME: z
    .string()
    .trim()
    .min(3)
    .max(160)
    .default('Минцифры России (демонстрационный получатель)'),
  FEE_PAYEE_ACCOUNT: z
    .string()
    .regex(/^\d{20}$/, 'нужно 20 цифр')
    .default('40501810345250000001'),
  FEE_PAYEE_BANK: z.string().trim().min(3).max(45).default('ПАО Сбербанк'),
  FEE_PAYEE_BIC: z
    .string()
    .regex(/^\d{9}$/, 'нужно 9 цифр')
    .default('044525225'),
  FEE_PAYEE_CORR_ACCOUNT: z
    .string()
    .regex(/^\d{20}$/, 'нужно 20 цифр')
    .default('30101810400000000225'),
  FEE_PAYEE_INN: z
    .string()
    .regex(/^\d{10}$/, 'нужно 10 цифр')
    .default('7710474375'),
  FEE_PAYEE_KPP: z
    .string()
    .regex(/^\d{4}[0-9A-Z]{2}\d{3}$/, 'нужно 9 знаков КПП')
    .default('771001001'),
  FEE_CBC: z
    .string()
    .regex(/^\d{20}$/, 'нужно 20 цифр КБК')
    .default('07110807081011000110'),
  FEE_OKTMO: z
    .string()
    .regex(/^(\d{8}|\d{11})$/, 'нужно 8 или 11 цифр')
    .default('45382000'),
  BANK_WEBHOOK_SECRET: z.string().min(32, 'нужно не меньше 32 знаков').optional(),
};

export class EnvError extends Error {
  constructor(
    readonly variable: string,
    readonly rule: string,
  ) {
    super(`Неверная настройка ${variable}: ${rule}`);
  }
}

/**
 * Validates the environment against a schema. The first failing variable becomes an `EnvError`
 * whose message is one line naming the variable and the rule; callers print it and exit.
 */
export function parseEnv<Shape extends z.ZodRawShape>(
  shape: Shape,
  source: Record<string, string | undefined>,
): z.infer<z.ZodObject<Shape>> {
  // An empty value counts as unset, as in a copied .env.example.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const result = z.object(shape).safeParse(present);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const variable = String(issue?.path[0] ?? '?');
  const rule =
    issue?.code === 'invalid_type' && present[variable] === undefined
      ? 'не задана'
      : (issue?.message ?? 'неверное значение');

  throw new EnvError(variable, rule);
}

/** Runs `parseEnv` and, on failure, prints its one line and stops the process. */
export function loadEnvOrExit<Shape extends z.ZodRawShape>(
  shape: Shape,
  // The one place that reads the process environment; everything else is handed its values.
  source: Record<string, string | undefined> = process.env,
): z.infer<z.ZodObject<Shape>> {
  return exitOnEnvError(() => parseEnv(shape, source));
}

/** Runs a reading of the configuration; an `EnvError` prints its one line and stops the process. */
export function exitOnEnvError<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
