import { z } from 'zod';
import { templateNames } from '../notifications/templates.ts';

/** One message on one channel. The template renders the text from `data` when delivered. */
export const notificationJobSchema = z.discriminatedUnion('channel', [
  z.object({
    channel: z.literal('email'),
    to: z.email(),
    template: z.enum(templateNames),
    data: z.record(z.string(), z.string()),
  }),
  z.object({
    channel: z.literal('sms'),
    to: z.string().regex(/^\+7\d{10}$/),
    template: z.enum(templateNames),
    data: z.record(z.string(), z.string()),
  }),
]);

export type NotificationJob = z.infer<typeof notificationJobSchema>;
