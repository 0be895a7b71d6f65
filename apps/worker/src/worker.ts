import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { Orm } from '@orgcard/db';
import { QUEUES, queueNames, type QueueName } from '@orgcard/api/jobs';
import type { DeliveryChannels, IssuanceDeps, Logger } from '@orgcard/api';
import { createOutboxRelay, type OutboxRelay } from './outbox-relay.ts';
import { createNotificationsProcessor } from './processors/notifications.ts';
import { createDocumentChecksProcessor } from './processors/document-checks.ts';
import { createCardIssuanceProcessor } from './processors/card-issuance.ts';

export interface WorkerDeps {
  orm: Orm;
  redisUrl: string;
  queuePrefix: string;
  logger: Logger;
  channels: DeliveryChannels;
  /** Keys and settings of the application jobs (checks, issuance). */
  domain: IssuanceDeps;
  concurrency: number;
  /** Milliseconds between outbox polls; 0 leaves the relay to be ticked by hand (tests). */
  outboxPollMs: number;
}

export interface RunningWorker {
  relay: OutboxRelay;
  queues: Record<QueueName, Queue>;
  /** Finishes the jobs in hand, stops taking new ones and closes every connection. */
  stop(): Promise<void>;
}

type Processor = (job: Job) => Promise<unknown>;

/** Starts one BullMQ worker per implemented queue, and the outbox relay. */
export function startWorker(deps: WorkerDeps): RunningWorker {
  // Workers block on Redis; they need their own connection with unlimited retries.
  const workerConnection = new Redis(deps.redisUrl, { maxRetriesPerRequest: null });
  // The relay must fail fast when Redis is away, so that outbox rows simply wait.
  const queueConnection = new Redis(deps.redisUrl, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
  });
  for (const connection of [workerConnection, queueConnection]) {
    connection.on('error', (error) => deps.logger.debug({ err: error.message }, 'redis error'));
  }
  const queues = Object.fromEntries(
    queueNames.map((name) => [
      name,
      new Queue(name, { connection: queueConnection, prefix: deps.queuePrefix }),
    ]),
  ) as Record<QueueName, Queue>;

  const processors: Partial<Record<QueueName, Processor>> = {
    [QUEUES.notifications]: createNotificationsProcessor(deps.orm, deps.channels),
    [QUEUES.documentChecks]: createDocumentChecksProcessor(deps.orm, deps.domain),
    [QUEUES.cardIssuance]: createCardIssuanceProcessor(deps.orm, deps.domain),
  };
  const workers = Object.entries(processors).map(([name, processor]) =>
    observeWorker(
      new Worker(name, observed(name, processor, deps.logger), {
        connection: workerConnection,
        prefix: deps.queuePrefix,
        concurrency: deps.concurrency,
      }),
      deps.logger,
    ),
  );

  const relay = createOutboxRelay({ orm: deps.orm, queues, logger: deps.logger });
  if (deps.outboxPollMs > 0) relay.start(deps.outboxPollMs);

  return {
    relay,
    queues,
    async stop() {
      await relay.stop();
      await Promise.all(workers.map((worker) => worker.close()));
      await Promise.all(Object.values(queues).map((queue) => queue.close()));
      // BullMQ leaves connections it was given open: close them, or the process keeps retrying.
      workerConnection.disconnect();
      queueConnection.disconnect();
    },
  };
}

/** Wraps a processor with a child logger per job: queue, job id, duration and outcome. */
function observed(queue: string, processor: Processor, logger: Logger): Processor {
  return async (job) => {
    const log = logger.child({ queue, jobId: job.id, attempt: job.attemptsMade + 1 });
    const started = performance.now();
    try {
      const result = await processor(job);
      log.info({ durationMs: Math.round(performance.now() - started), outcome: 'ok' }, 'job');

      return result;
    } catch (error) {
      const durationMs = Math.round(performance.now() - started);
      log.warn({ durationMs, outcome: 'failed', err: (error as Error).message }, 'job');
      throw error;
    }
  };
}

function observeWorker(worker: Worker, logger: Logger): Worker {
  worker.on('error', (error) =>
    logger.debug({ err: error.message, queue: worker.name }, 'worker error'),
  );

  return worker;
}
