import { z } from 'zod';
import { checkPasswordPolicy, hashPassword, verifyPassword } from '@orgcard/crypto';
import type { EntityManager, Session, User } from '@orgcard/db';
import { AppError } from '../errors.ts';
import { enforceRateLimit, rateRules } from '../auth/rate-limit.ts';
import type { AppServices } from '../services.ts';
import type { RequestInfo } from '../trpc/context.ts';
import { newPasswordField, passwordField, passwordRuleMessages } from './fields.ts';
import { journalIdentityEvent } from './identity-journal.ts';
import { endOtherSessions } from './sessions.ts';

export const changePasswordInput = z.object({
  currentPassword: passwordField,
  newPassword: newPasswordField('Новый пароль'),
});

export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

/**
 * Replaces the password after checking the current one and the policy. Every other session
 * ends, as someone who knew the old password may be using one of them.
 */
export async function changePassword(
  services: Pick<AppServices, 'redis' | 'config'>,
  em: EntityManager,
  user: User,
  current: Session,
  request: Pick<RequestInfo, 'ip' | 'userAgent'>,
  input: ChangePasswordInput,
  now = new Date(),
): Promise<void> {
  await enforceRateLimit(services, rateRules.accountChangesPerUser, user.id, now);
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError('invalid_input', 'Текущий пароль: неверный пароль.', {
      field: 'currentPassword',
    });
  }
  if (checkPasswordPolicy(input.newPassword, user.email).includes('email')) {
    throw new AppError('invalid_input', `Новый пароль: ${passwordRuleMessages.email}`, {
      field: 'newPassword',
    });
  }
  if (input.newPassword === input.currentPassword) {
    throw new AppError('invalid_input', 'Новый пароль: должен отличаться от текущего.', {
      field: 'newPassword',
    });
  }
  const passwordHash = await hashPassword(input.newPassword);

  await em.transactional(async (tx) => {
    user.passwordHash = passwordHash;
    user.passwordChangedAt = now;
    const ended = await endOtherSessions(tx, user, current, request, 'password_changed', now);
    await journalIdentityEvent(tx, { kind: 'user', id: user.id, name: user.fullName }, request, {
      action: 'account.password_changed',
      details: { sessionsEnded: ended },
    });
  });
}
