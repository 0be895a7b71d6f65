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

/** Variables of the database preparation step (migrations and demo data). */
export const prepareEnvShape = {
  NODE_ENV: commonEnvShape.NODE_ENV,
  LOG_LEVEL: commonEnvShape.LOG_LEVEL,
  DATABASE_URL: commonEnvShape.DATABASE_URL,
  SEED_DEMO: z.enum(['yes', 'no']).optional(),
};

export class EnvError extends Error {
  constructor(readonly variable: string, readonly rule: string) {
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
  const rule = issue?.code === 'invalid_type' && present[variable] === undefined
    ? 'не задана'
    : (issue?.message ?? 'неверное значение');

  throw new EnvError(variable, rule);
}

/** Runs `parseEnv` and, on failure, prints its one line and stops the process. */
export function loadEnvOrExit<Shape extends z.ZodRawShape>(
  shape: Shape,
  source: Record<string, string | undefined>,
): z.infer<z.ZodObject<Shape>> {
  try {
    return parseEnv(shape, source);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
