import { UnrecoverableError, type Job } from 'bullmq';
import type { Orm } from '@orgcard/db';
import { deliverNotification, type DeliveryChannels } from '@orgcard/api';
import { notificationJobSchema } from '@orgcard/api/jobs';
import { runOnce } from '../run-once.ts';

/** `notifications`: delivers one message on one channel, once. */
export function createNotificationsProcessor(orm: Orm, channels: DeliveryChannels) {
  return async (job: Job): Promise<{ delivered: boolean }> => {
    const parsed = notificationJobSchema.safeParse(job.data);
    // A payload that does not match the contract will never succeed: do not retry it.
    if (!parsed.success) throw new UnrecoverableError('payload does not match the contract');
    const delivered = await runOnce(orm.em, `notifications:${job.id}`, () =>
      deliverNotification(channels, parsed.data),
    );

    return { delivered };
  };
}
