import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { Orm } from '@orgcard/db';
import type { Secrets } from './config/secrets.ts';
import { queueNames, type QueueName } from './jobs/queues.ts';
import type { Logger } from './logger.ts';
import { DevSmsProvider, type SmsProvider } from './notifications/sms.ts';
import { developmentFeeSettings, type FeePayee, type FeeSettings } from './config/fee-settings.ts';
import { OfflineCompanyRegistry, type CompanyRegistry } from './organisations/company-registry.ts';

export interface ServicesConfig {
  nodeEnv: 'development' | 'production' | 'test';
  redisUrl: string;
  /** Prefix of every Redis key: queues and rate limits. Tests use one per file. */
  queuePrefix: string;
  appUrl: string;
}

/** Long-lived resources shared by every request of a process. */
export interface AppServices {
  config: ServicesConfig;
  secrets: Secrets;
  orm: Orm;
  redis: Redis;
  queues: Record<QueueName, Queue>;
  logger: Logger;
  sms: SmsProvider;
  /** The state fee's payee, printed in payment orders. */
  feePayee: FeePayee;
  /** Keys the HMAC signatures of the bank's payment confirmations. */
  bankWebhookSecret: string;
  /** Looks organisations up by INN to pre-fill the registration form. */
  companyRegistry: CompanyRegistry;
  close(): Promise<void>;
}

export interface ServicesInput {
  config: ServicesConfig;
  secrets: Secrets;
  orm: Orm;
  logger: Logger;
  /** The development payee and webhook secret unless configured. */
  fees?: FeeSettings;
  /** Offline (numbers only) unless configured otherwise. */
  companyRegistry?: CompanyRegistry;
}

/**
 * Opens the Redis connection and queue handles. The API only reads queue counts; jobs reach
 * the queues through the outbox, never from inside a request's transaction.
 */
export function createAppServices({
  config,
  secrets,
  orm,
  logger,
  fees = developmentFeeSettings(),
  companyRegistry = new OfflineCompanyRegistry(),
}: ServicesInput): AppServices {
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1 });
  redis.on('error', (error) => logger.debug({ err: error.message }, 'redis connection error'));
  const queues = Object.fromEntries(
    queueNames.map((name) => [
      name,
      new Queue(name, { connection: redis, prefix: config.queuePrefix }),
    ]),
  ) as Record<QueueName, Queue>;

  return {
    config,
    secrets,
    orm,
    redis,
    queues,
    logger,
    sms: new DevSmsProvider(orm.em),
    feePayee: fees.payee,
    bankWebhookSecret: fees.bankWebhookSecret,
    companyRegistry,
    async close() {
      await Promise.all(Object.values(queues).map((queue) => queue.close()));
      redis.disconnect();
    },
  };
}
