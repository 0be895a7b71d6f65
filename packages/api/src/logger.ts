import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

/**
 * Keys whose values never reach a log line. pino redacts by path, so the common nestings of
 * request inputs and job payloads are listed.
 */
const SECRET_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'code',
  'pin',
  'token',
  'secret',
  'cardNumber',
  'number',
  'passport',
  'authorization',
  'cookie',
  'privateKey',
  'masterKey',
  'otp',
  'totpSecret',
];
const redactPaths = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

export interface LoggerOptions {
  level: string;
  /** Pretty lines for development; JSON for production and machines. */
  pretty: boolean;
  name?: string;
  /** Where JSON lines go; standard output by default. */
  destination?: DestinationStream;
}

/** The one logger factory: JSON in production, pretty in development, secrets redacted. */
export function createLogger(options: LoggerOptions): Logger {
  const base = {
    level: options.level,
    redact: { paths: redactPaths, censor: '[скрыто]' },
    ...(options.name ? { name: options.name } : {}),
  };
  if (!options.pretty) return options.destination ? pino(base, options.destination) : pino(base);

  return pino(base, pretty({ colorize: true, sync: true, ignore: 'pid,hostname' }));
}
