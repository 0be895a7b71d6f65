import { LockMode } from '@mikro-orm/core';
import type { Queue } from 'bullmq';
import { OutboxMessage, type Orm } from '@orgcard/db';
import type { Logger } from '@orgcard/api';
import type { QueueName } from '@orgcard/api/jobs';

export interface OutboxRelay {
  /** Moves one batch of pending rows to their queues; returns how many were sent. */
  tick(): Promise<number>;
  start(intervalMs: number): void;
  stop(): Promise<void>;
}

export interface OutboxRelayDeps {
  orm: Orm;
  queues: Record<QueueName, Queue>;
  logger: Logger;
  batchSize?: number;
}

/** How long BullMQ keeps finished jobs: a re-sent row within this window is dropped as a duplicate. */
const KEEP_FINISHED_SECONDS = 7 * 24 * 3600;

/**
 * The relay between the outbox table and BullMQ. Rows are locked with SKIP LOCKED so several
 * workers can relay side by side; each row becomes a job whose id is the row id, so a row sent
 * twice (the commit after `add` failed) is still one job.
 */
export function createOutboxRelay(deps: OutboxRelayDeps): OutboxRelay {
  const log = deps.logger.child({ component: 'outbox-relay' });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  async function relayBatch(): Promise<number> {
    return deps.orm.em.fork().transactional(async (em) => {
      const rows = await em.find(
        OutboxMessage,
        { status: 'pending' },
        {
          orderBy: { createdAt: 'asc' },
          limit: deps.batchSize ?? 100,
          lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE,
        },
      );
      let sent = 0;
      for (const row of rows) {
        const queue = deps.queues[row.queue as QueueName];
        try {
          if (!queue) throw new Error(`unknown queue ${row.queue}`);
          await queue.add(row.jobName, row.payload, {
            jobId: row.id,
            attempts: 5,
            backoff: { type: 'exponential', delay: 1000 },
            removeOnComplete: { age: KEEP_FINISHED_SECONDS },
            removeOnFail: { age: KEEP_FINISHED_SECONDS },
          });
          row.status = 'sent';
          row.sentAt = new Date();
          sent++;
        } catch (error) {
          row.attempts += 1;
          row.lastError = (error as Error).message.slice(0, 500);
          log.warn(
            { outboxId: row.id, queue: row.queue, err: row.lastError },
            'outbox row not sent',
          );
          // Redis is most likely away: the rest of the batch would fail the same way.
          break;
        }
      }

      return sent;
    });
  }

  async function tick(): Promise<number> {
    // One batch at a time per process; a timer tick during a slow batch waits for it.
    running ??= relayBatch().finally(() => (running = undefined));

    return running;
  }

  return {
    tick,
    start(intervalMs) {
      const loop = () => {
        tick()
          .then((sent) => sent > 0 && log.debug({ sent }, 'outbox relayed'))
          .catch((error: Error) => log.error({ err: error.message }, 'outbox relay failed'))
          .finally(() => {
            if (timer) timer = setTimeout(loop, intervalMs);
          });
      };
      timer = setTimeout(loop, intervalMs);
    },
    async stop() {
      clearTimeout(timer);
      timer = undefined;
      await running?.catch(() => 0);
    },
  };
}
