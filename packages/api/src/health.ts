import type { AppServices } from './services.ts';
import type { QueueName } from './jobs/queues.ts';

export interface QueueCounts {
  waiting: number;
  active: number;
  failed: number;
}

export interface HealthReport {
  ok: boolean;
  database: boolean;
  redis: boolean;
  queues: Partial<Record<QueueName, QueueCounts>>;
}

const PROBE_TIMEOUT_MS = 1500;

/** Resolves to the probe's value, or to `fallback` if it fails or takes too long. */
async function probe<T>(work: () => Promise<T>, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), PROBE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work().catch(() => fallback), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Checks the database, Redis and every queue; used by `/readyz` and `system.health`. */
export async function checkHealth(services: AppServices): Promise<HealthReport> {
  const database = await probe(async () => {
    await services.orm.em.getConnection().execute('select 1');

    return true;
  }, false);
  const redis = await probe(async () => (await services.redis.ping()) === 'PONG', false);
  const queues: HealthReport['queues'] = {};
  if (redis) {
    for (const [name, queue] of Object.entries(services.queues)) {
      const counts = await probe(() => queue.getJobCounts('waiting', 'active', 'failed'), null);
      if (counts) {
        queues[name as QueueName] = {
          waiting: counts.waiting ?? 0,
          active: counts.active ?? 0,
          failed: counts.failed ?? 0,
        };
      }
    }
  }

  return { ok: database && redis, database, redis, queues };
}
