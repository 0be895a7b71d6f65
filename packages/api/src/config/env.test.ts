import { describe, expect, it } from 'vitest';
import { commonEnvShape, EnvError, parseEnv } from './env.ts';

const valid = {
  DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/orgcard',
  REDIS_URL: 'redis://127.0.0.1:6379',
  SMTP_URL: 'smtp://127.0.0.1:1025',
};

function failureOf(source: Record<string, string>): EnvError {
  try {
    parseEnv(commonEnvShape, source);
  } catch (error) {
    if (error instanceof EnvError) return error;
  }
  throw new Error('expected an EnvError');
}

describe('environment validation', () => {
  it('accepts a complete environment and fills the defaults', () => {
    const env = parseEnv(commonEnvShape, valid);

    expect(env).toMatchObject({ ...valid, NODE_ENV: 'development', QUEUE_PREFIX: 'orgcard' });
  });

  it('names a missing variable', () => {
    const { REDIS_URL: _, ...rest } = valid;

    expect(failureOf(rest).message).toBe('Неверная настройка REDIS_URL: не задана');
  });

  it('names a variable of the wrong scheme and its rule', () => {
    const error = failureOf({ ...valid, DATABASE_URL: 'mysql://localhost/orgcard' });

    expect(error.variable).toBe('DATABASE_URL');
    expect(error.message).toBe('Неверная настройка DATABASE_URL: нужен адрес postgres://…');
  });

  it('refuses a value outside the allowed set', () => {
    expect(failureOf({ ...valid, NODE_ENV: 'staging' }).variable).toBe('NODE_ENV');
    expect(failureOf({ ...valid, QUEUE_PREFIX: 'Has Spaces' }).message).toContain(
      'только строчные латинские буквы',
    );
  });
});
