import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { z } from 'zod';
import { hashPassword } from '@orgcard/crypto';
import { User, type EntityManager } from '@orgcard/db';
import { AppError } from '../errors.ts';
import { issueCode } from '../auth/one-time-codes.ts';
import { enforceRateLimit, rateRules } from '../auth/rate-limit.ts';
import { startSession } from '../auth/start-session.ts';
import type { AppServices } from '../services.ts';
import type { Context } from '../trpc/context.ts';
import {
  emailField,
  fullNameField,
  newPasswordField,
  phoneField,
  refinePasswordAgainstEmail,
} from './fields.ts';
import { journalIdentityEvent } from './identity-journal.ts';

export const signUpInput = z
  .object({
    fullName: fullNameField,
    email: emailField,
    phone: phoneField,
    password: newPasswordField('Пароль'),
  })
  .superRefine((value, ctx) => {
    refinePasswordAgainstEmail(value.password, value.email, 'Пароль', 'password', ctx);
  });

export type SignUpInput = z.infer<typeof signUpInput>;

const emailTaken = () =>
  new AppError('conflict', 'Почта: этот адрес уже зарегистрирован. Войдите или укажите другой.', {
    field: 'email',
  });

type SignUpServices = Pick<AppServices, 'redis' | 'config' | 'secrets'>;

/**
 * Creates a person's account with the phone and email still unconfirmed, sends a code to each,
 * and signs them in at once so that they can type the codes in. Nothing is written when the
 * email is taken.
 */
export async function signUp(
  services: SignUpServices,
  em: EntityManager,
  ctx: Pick<Context, 'request' | 'cookies'>,
  input: SignUpInput,
  now = new Date(),
): Promise<User> {
  await enforceRateLimit(services, rateRules.signUpPerIp, ctx.request.ip, now);
  if (await em.count(User, { email: input.email })) throw emailTaken();
  const passwordHash = await hashPassword(input.password);

  try {
    return await em.transactional(async (tx) => {
      const user = tx.create(User, {
        fullName: input.fullName,
        email: input.email,
        phone: input.phone,
        passwordHash,
        passwordChangedAt: now,
        emailConfirmedAt: null,
        phoneConfirmedAt: null,
        secondFactor: 'sms',
        totpLastStep: null,
        lockedUntil: null,
      });
      // Written now so that ids exist and a taken email fails before anything is sent.
      await tx.flush();
      await sendConfirmationCode(services, tx, user, 'phone', now);
      await sendConfirmationCode(services, tx, user, 'email', now);
      const session = startSession(tx, ctx, { kind: 'user', userId: user.id }, now);
      await tx.flush();
      const actor = { kind: 'user', id: user.id, name: user.fullName } as const;
      await journalIdentityEvent(tx, actor, ctx.request, {
        action: 'auth.sign_up',
        details: { sessionId: session.id },
      });

      return user;
    });
  } catch (error) {
    // Two sign-ups with one address at the same moment: the database lets only one through.
    if (error instanceof UniqueConstraintViolationException) throw emailTaken();
    throw error;
  }
}

/** Sends a code that confirms the phone (SMS) or the email (a letter with a link). */
export async function sendConfirmationCode(
  services: Pick<AppServices, 'secrets' | 'config'>,
  em: EntityManager,
  user: User,
  contact: 'phone' | 'email',
  now = new Date(),
): Promise<void> {
  if (contact === 'phone') {
    await issueCode(
      em,
      services.secrets.codeKey,
      {
        purpose: 'confirm_phone',
        subjectId: user.id,
        channel: 'sms',
        destination: user.phone,
        template: 'phone-code',
      },
      now,
    );

    return;
  }
  const link = new URL('/signup/confirm', services.config.appUrl).toString();
  await issueCode(
    em,
    services.secrets.codeKey,
    {
      purpose: 'confirm_email',
      subjectId: user.id,
      channel: 'email',
      destination: user.email,
      template: 'email-code',
      data: { link },
    },
    now,
  );
}
