import { SignInChallenge, type EntityManager, type User } from '@orgcard/db';
import { AppError } from '../errors.ts';
import { issueCode, requireCode } from '../auth/one-time-codes.ts';
import { enforceRateLimit, rateRules } from '../auth/rate-limit.ts';
import { startSession } from '../auth/start-session.ts';
import type { AppServices } from '../services.ts';
import type { Context } from '../trpc/context.ts';
import { actorOf, findAccountById, type Account, type AccountKind } from './accounts.ts';
import { maskPhone } from './contacts.ts';
import { journalIdentityEvent } from './identity-journal.ts';
import {
  clearSignInFailures,
  isSignInLocked,
  recordSignInFailure,
  signInLocked,
} from './lockout.ts';
import { CHALLENGE_MAX_ATTEMPTS, journalSignInRefusal } from './sign-in.ts';
import { checkTotpCode } from './totp.ts';

type SignInServices = Pick<AppServices, 'redis' | 'config' | 'secrets'>;
type SignInContext = Pick<Context, 'request' | 'cookies'>;

export interface CompleteSignInInput {
  challengeId: string;
  code: string;
}

const startAgainMessage =
  'Вход: время на ввод кода истекло или попытки исчерпаны. Введите почту и пароль ещё раз.';

interface OpenChallenge {
  challenge: SignInChallenge;
  account: Account;
}

const lapsed = () => new AppError('invalid_state', startAgainMessage);

/** A challenge can be completed once, within five minutes, in five tries. */
function isUsable(challenge: SignInChallenge, now: Date): boolean {
  return (
    challenge.consumedAt == null &&
    challenge.expiresAt > now &&
    challenge.attempts < CHALLENGE_MAX_ATTEMPTS
  );
}

/**
 * The challenge behind an id with its account, usable or not. `kind` restricts it to user or
 * operator challenges; null takes either (to resend or describe).
 */
async function findChallenge(
  em: EntityManager,
  kind: AccountKind | null,
  challengeId: string,
): Promise<OpenChallenge | null> {
  const challenge = await em.findOne(SignInChallenge, {
    id: challengeId,
    ...(kind ? { kind } : {}),
  });
  const accountId = challenge?.kind === 'user' ? challenge.userId : challenge?.operatorId;
  const account =
    challenge && accountId ? await findAccountById(em, challenge.kind, accountId) : null;

  return challenge && account ? { challenge, account } : null;
}

/** Like {@link findChallenge}, but refuses a challenge that can no longer be completed. */
async function findOpenChallenge(
  em: EntityManager,
  kind: AccountKind | null,
  challengeId: string,
  now: Date,
): Promise<OpenChallenge> {
  const found = await findChallenge(em, kind, challengeId);
  if (!found || !isUsable(found.challenge, now)) throw lapsed();

  return found;
}

/** Checks the second factor; a refusal is a field error on `code`. The caller flushes. */
async function checkSecondFactor(
  services: SignInServices,
  em: EntityManager,
  { challenge, account }: OpenChallenge,
  code: string,
  now: Date,
): Promise<void> {
  challenge.attempts += 1;
  if (challenge.method === 'sms') {
    await requireCode(em, services.secrets.codeKey, 'sign_in', account.id, code);

    return;
  }
  const user = account as User;
  if (!user.totpSecretSealed || !checkTotpCode(services, user, user.totpSecretSealed, code, now)) {
    await em.flush();
    throw new AppError('invalid_input', 'Код: неверный код из приложения.', { field: 'code' });
  }
}

/**
 * The second step of signing in: the code from the SMS or the authenticator app. Success
 * opens the session (the cookie is set through the context) and is journaled; a wrong code
 * counts towards the lock like a wrong password.
 */
export async function completeSignIn(
  services: SignInServices,
  em: EntityManager,
  ctx: SignInContext,
  kind: AccountKind,
  input: CompleteSignInInput,
  now = new Date(),
): Promise<void> {
  await enforceRateLimit(services, rateRules.signInPerIp, ctx.request.ip, now);
  const open = await findChallenge(em, kind, input.challengeId);
  if (!open) throw lapsed();
  const { account, challenge } = open;
  const action = kind === 'user' ? 'auth.sign_in' : 'auth.operator_sign_in';
  const refuse = (reason: string) =>
    journalSignInRefusal(em, ctx.request, kind, account.email, account, { step: 'code', reason });

  if (!isUsable(challenge, now)) {
    await refuse('challenge_lapsed');
    throw lapsed();
  }
  if (await isSignInLocked(services, kind, account.email, account, now)) {
    await refuse('locked');
    throw signInLocked();
  }
  try {
    await checkSecondFactor(services, em, open, input.code, now);
  } catch (error) {
    await recordSignInFailure(services, em, kind, account.email, account, now);
    await refuse('wrong_code');
    throw error;
  }

  await em.transactional(async (tx) => {
    challenge.consumedAt = now;
    const who = kind === 'user' ? { kind, userId: account.id } : { kind, operatorId: account.id };
    const session = startSession(tx, ctx, who, now);
    // Ids are assigned when the row is written.
    await tx.flush();
    await journalIdentityEvent(tx, actorOf(kind, account), ctx.request, {
      action,
      details: { method: challenge.method, sessionId: session.id },
    });
  });
  await clearSignInFailures(services, kind, account.email);
}

/** Sends the SMS code of an open challenge again, at most once a minute. */
export async function resendSignInCode(
  services: SignInServices,
  em: EntityManager,
  challengeId: string,
  now = new Date(),
): Promise<void> {
  const { challenge, account } = await findOpenChallenge(em, null, challengeId, now);
  if (challenge.method !== 'sms') {
    throw new AppError(
      'invalid_state',
      'Код: для входа нужен код из приложения, SMS не отправляется.',
    );
  }

  await issueCode(
    em,
    services.secrets.codeKey,
    {
      purpose: 'sign_in',
      subjectId: account.id,
      channel: 'sms',
      destination: account.phone,
      template: 'sign-in-code',
    },
    now,
  );
  await em.flush();
}

/** What the code page shows about an open challenge, or null once it cannot be used. */
export async function describeChallenge(
  em: EntityManager,
  challengeId: string,
  now = new Date(),
): Promise<{ kind: AccountKind; method: 'sms' | 'totp'; destination: string } | null> {
  try {
    const { challenge, account } = await findOpenChallenge(em, null, challengeId, now);
    const destination = challenge.method === 'sms' ? maskPhone(account.phone) : '';

    return { kind: challenge.kind, method: challenge.method, destination };
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}
