import { ProcessedJob, type EntityManager } from '@orgcard/db';

/**
 * Runs `effect` unless a job with this key has already had its effect, then records it.
 * Returns false when the job was a repeat. The record is written after the effect, so a crash
 * between the two repeats the effect once at most (at-least-once delivery, deduplicated).
 */
export async function runOnce(
  em: EntityManager,
  key: string,
  effect: () => Promise<void>,
): Promise<boolean> {
  const fork = em.fork();
  if (await fork.findOne(ProcessedJob, { key })) return false;
  await effect();
  await fork
    .getConnection()
    .execute(
      'insert into processed_job (key, processed_at) values (?, now()) on conflict do nothing',
      [key],
    );

  return true;
}
