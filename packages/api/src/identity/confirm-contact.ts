import type { EntityManager, User } from '@orgcard/db';
import { AppError } from '../errors.ts';
import { requireCode } from '../auth/one-time-codes.ts';
import type { AppServices } from '../services.ts';
import type { RequestInfo } from '../trpc/context.ts';
import { journalIdentityEvent } from './identity-journal.ts';
import { sendConfirmationCode } from './sign-up.ts';

export type Contact = 'phone' | 'email';

function confirmedAt(user: User, contact: Contact): Date | null | undefined {
  return contact === 'phone' ? user.phoneConfirmedAt : user.emailConfirmedAt;
}

/**
 * Confirms the phone or the email with the code sent to it; a wrong code uses up one of five
 * tries. Confirming a confirmed contact again changes nothing.
 */
export async function confirmContact(
  services: Pick<AppServices, 'secrets'>,
  em: EntityManager,
  user: User,
  request: Pick<RequestInfo, 'ip' | 'userAgent'>,
  contact: Contact,
  code: string,
  now = new Date(),
): Promise<void> {
  if (confirmedAt(user, contact)) return;
  const purpose = contact === 'phone' ? 'confirm_phone' : 'confirm_email';
  await requireCode(em, services.secrets.codeKey, purpose, user.id, code);

  await em.transactional(async (tx) => {
    if (contact === 'phone') user.phoneConfirmedAt = now;
    else user.emailConfirmedAt = now;
    await journalIdentityEvent(tx, { kind: 'user', id: user.id, name: user.fullName }, request, {
      action: contact === 'phone' ? 'account.phone_confirmed' : 'account.email_confirmed',
    });
  });
}

/** Sends a new confirmation code, at most once a minute; refuses for a confirmed contact. */
export async function resendConfirmationCode(
  services: Pick<AppServices, 'secrets' | 'config'>,
  em: EntityManager,
  user: User,
  contact: Contact,
  now = new Date(),
): Promise<void> {
  if (confirmedAt(user, contact)) {
    const label = contact === 'phone' ? 'Телефон' : 'Почта';
    throw new AppError(
      'invalid_state',
      `${label}: уже подтверждён${contact === 'email' ? 'а' : ''}.`,
    );
  }

  await sendConfirmationCode(services, em, user, contact, now);
  await em.flush();
}
