import type { NotificationJob } from '../jobs/notification-job.ts';
import type { Mailer } from './mailer.ts';
import type { SmsProvider } from './sms.ts';
import { renderTemplate } from './templates.ts';

export interface DeliveryChannels {
  mailer: Mailer;
  sms: SmsProvider;
}

/** Renders one notification and hands it to its channel. */
export async function deliverNotification(
  channels: DeliveryChannels,
  job: NotificationJob,
): Promise<void> {
  const message = renderTemplate(job.template, job.data);
  if (job.channel === 'email') {
    await channels.mailer.send({ to: job.to, ...message });

    return;
  }
  await channels.sms.send(job.to, message.short);
}
