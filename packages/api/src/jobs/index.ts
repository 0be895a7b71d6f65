import type { z } from 'zod';
import { QUEUES, type QueueName } from './queues.ts';
import { notificationJobSchema } from './notification-job.ts';
import { cardIssuanceJobSchema, documentChecksJobSchema } from './application-jobs.ts';

export { QUEUES, queueNames, type QueueName } from './queues.ts';
export { notificationJobSchema, type NotificationJob } from './notification-job.ts';
export {
  cardIssuanceJobSchema,
  documentChecksJobSchema,
  type CardIssuanceJob,
  type DocumentChecksJob,
} from './application-jobs.ts';

/** The payload schema of each queue; the worker validates every job it takes against it. */
export const jobSchemas = {
  [QUEUES.notifications]: notificationJobSchema,
  [QUEUES.documentChecks]: documentChecksJobSchema,
  [QUEUES.cardIssuance]: cardIssuanceJobSchema,
} satisfies Partial<Record<QueueName, z.ZodType>>;

export type JobQueue = keyof typeof jobSchemas;
export type JobPayload<Q extends JobQueue> = z.infer<(typeof jobSchemas)[Q]>;
