import { User, type EntityManager } from '@orgcard/db';
import { enqueueJob } from '../outbox/enqueue.ts';
import type { TemplateName } from '../notifications/templates.ts';

/**
 * Queues one message by email and one by SMS to a person, in the caller's unit of work: the
 * messages leave only if the change they announce commits.
 */
export async function notifyUser(
  em: EntityManager,
  userId: string,
  template: TemplateName,
  data: Record<string, string>,
): Promise<void> {
  const user = await em.findOneOrFail(User, { id: userId });
  enqueueJob(em, 'notifications', { channel: 'email', to: user.email, template, data });
  enqueueJob(em, 'notifications', { channel: 'sms', to: user.phone, template, data });
}

/** The applicant's status page of an application, for links in messages. */
export function applicationPageUrl(appUrl: string, organisationId: string, applicationId: string) {
  return `${appUrl.replace(/\/$/, '')}/organisations/${organisationId}/applications/${applicationId}`;
}
