import { OutboxMessage, type EntityManager } from '@orgcard/db';
import { jobSchemas, type JobPayload, type JobQueue } from '../jobs/index.ts';

/**
 * Adds a job to the outbox in the caller's unit of work: it is written by the same flush (and
 * so the same transaction) as the change that caused it. The relay in the worker moves it to
 * the queue afterwards, with the row id as the job id.
 */
export function enqueueJob<Q extends JobQueue>(
  em: EntityManager,
  queue: Q,
  payload: JobPayload<Q>,
  jobName: string = queue,
): OutboxMessage {
  const checked = jobSchemas[queue].parse(payload) as Record<string, unknown>;

  return em.create(OutboxMessage, { queue, jobName, payload: checked });
}
