import type { z } from 'zod';
import { QUEUES, type QueueName } from './queues.ts';
import { notificationJobSchema } from './notification-job.ts';

export { QUEUES, queueNames, type QueueName } from './queues.ts';
export { notificationJobSchema, type NotificationJob } from './notification-job.ts';

/** The payload schema of each queue; the worker validates every job it takes against it. */
export const jobSchemas = {
  [QUEUES.notifications]: notificationJobSchema,
} satisfies Partial<Record<QueueName, z.ZodType>>;

export type JobQueue = keyof typeof jobSchemas;
export type JobPayload<Q extends JobQueue> = z.infer<(typeof jobSchemas)[Q]>;
