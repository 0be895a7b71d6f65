// The worker process: queue processors and the outbox relay, stopped cleanly on SIGTERM.
import { connectOrm } from '@orgcard/db';
import { createLogger, createMailer, DevSmsProvider, loadSecrets } from '@orgcard/api';
import { loadWorkerEnv } from './env.ts';
import { startWorker } from './worker.ts';

const env = loadWorkerEnv();
const logger = createLogger({
  level: env.LOG_LEVEL,
  pretty: env.NODE_ENV !== 'production',
  name: 'worker',
});
const orm = await connectOrm({
  databaseUrl: env.DATABASE_URL,
  poolMax: env.WORKER_CONCURRENCY + 2,
});
const mailer = createMailer(env.SMTP_URL, env.MAIL_FROM);
const worker = startWorker({
  orm,
  redisUrl: env.REDIS_URL,
  queuePrefix: env.QUEUE_PREFIX,
  logger,
  channels: { mailer, sms: new DevSmsProvider(orm.em) },
  domain: {
    secrets: loadSecrets(env),
    config: { appUrl: env.APP_URL, cardNumberPrefix: env.CARD_NUMBER_PREFIX },
  },
  concurrency: env.WORKER_CONCURRENCY,
  outboxPollMs: env.OUTBOX_POLL_MS,
});
logger.info({ prefix: env.QUEUE_PREFIX }, 'worker started');

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'worker stopping: finishing jobs in hand');
  await worker.stop();
  mailer.close();
  await orm.close(true);
  logger.info('worker stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
