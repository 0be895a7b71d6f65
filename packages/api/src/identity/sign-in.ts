import { hashPassword, needsRehash, verifyPassword } from '@orgcard/crypto';
import { SignInChallenge, type EntityManager } from '@orgcard/db';
import { AppError } from '../errors.ts';
import { issueCode } from '../auth/one-time-codes.ts';
import { enforceRateLimit, rateRules } from '../auth/rate-limit.ts';
import type { AppServices } from '../services.ts';
import type { RequestInfo } from '../trpc/context.ts';
import {
  actorOf,
  dummyPasswordHash,
  findAccountByEmail,
  secondFactorOf,
  type Account,
  type AccountKind,
} from './accounts.ts';
import { maskEmail, maskPhone } from './contacts.ts';
import { journalIdentityEvent } from './identity-journal.ts';
import { isSignInLocked, recordSignInFailure, signInLocked } from './lockout.ts';

/** The second step must follow the first within five minutes. */
export const CHALLENGE_LIFETIME_MS = 5 * 60_000;
/** Tries of the second step, as for any code. */
export const CHALLENGE_MAX_ATTEMPTS = 5;

/** One message for a wrong address and a wrong password, so neither tells which it was. */
export const wrongCredentialsMessage = 'Неверная почта или пароль.';

export interface SignInInput {
  /** Lower-cased. */
  email: string;
  password: string;
}

export interface SignInStarted {
  challengeId: string;
  method: 'sms' | 'totp';
  /** Where the SMS code went, masked; empty for an authenticator app. */
  destination: string;
}

type SignInServices = Pick<AppServices, 'redis' | 'config' | 'secrets'>;
type Request = Pick<RequestInfo, 'ip' | 'userAgent'>;

/**
 * Journals a refused sign-in: as the account when the address is known, otherwise as a
 * stranger in the platform chain with the address masked.
 */
export async function journalSignInRefusal(
  em: EntityManager,
  request: Request,
  kind: AccountKind,
  email: string,
  account: Account | null,
  details: { step: 'password' | 'code'; reason: string },
): Promise<void> {
  const outcome = details.reason === 'locked' ? 'denied' : 'failure';
  const actor = account ? actorOf(kind, account) : ({ kind: 'anonymous' } as const);
  await journalIdentityEvent(em, actor, request, {
    action: kind === 'user' ? 'auth.sign_in' : 'auth.operator_sign_in',
    outcome,
    details: account ? details : { ...details, email: maskEmail(email) },
  });
}

/**
 * The first step of signing in: the password. On success it opens a challenge for the second
 * factor and, for SMS, sends the code. Failures are counted towards the lock and journaled,
 * and say only "wrong email or password".
 */
export async function startSignIn(
  services: SignInServices,
  em: EntityManager,
  request: Request,
  kind: AccountKind,
  input: SignInInput,
  now = new Date(),
): Promise<SignInStarted> {
  await enforceRateLimit(services, rateRules.signInPerIp, request.ip, now);
  await enforceRateLimit(services, rateRules.signInPerAccount, `${kind}:${input.email}`, now);
  const account = await findAccountByEmail(em, kind, input.email);

  if (await isSignInLocked(services, kind, input.email, account, now)) {
    await journalSignInRefusal(em, request, kind, input.email, account, {
      step: 'password',
      reason: 'locked',
    });
    throw signInLocked();
  }

  // The unknown address pays for a hash too: equal work, equal timing.
  const stored = account?.passwordHash ?? (await dummyPasswordHash());
  const passwordMatches = await verifyPassword(input.password, stored);
  if (!account || !passwordMatches) {
    await recordSignInFailure(services, em, kind, input.email, account, now);
    await journalSignInRefusal(em, request, kind, input.email, account, {
      step: 'password',
      reason: account ? 'wrong_password' : 'unknown_email',
    });
    throw new AppError('invalid_input', wrongCredentialsMessage);
  }

  return openChallenge(services, em, kind, account, input.password, now);
}

async function openChallenge(
  services: SignInServices,
  em: EntityManager,
  kind: AccountKind,
  account: Account,
  password: string,
  now: Date,
): Promise<SignInStarted> {
  // Hashes made with weaker parameters are upgraded while the password is at hand.
  if (needsRehash(account.passwordHash)) account.passwordHash = await hashPassword(password);
  const method = secondFactorOf(account);

  return em.transactional(async (tx) => {
    const challenge = tx.create(SignInChallenge, {
      kind,
      userId: kind === 'user' ? account.id : null,
      operatorId: kind === 'operator' ? account.id : null,
      method,
      attempts: 0,
      expiresAt: new Date(now.getTime() + CHALLENGE_LIFETIME_MS),
      consumedAt: null,
    });
    // Ids are assigned when the row is written.
    await tx.flush();
    if (method === 'sms') await sendSignInCode(services, tx, account, now);

    return {
      challengeId: challenge.id,
      method,
      destination: method === 'sms' ? maskPhone(account.phone) : '',
    };
  });
}

/**
 * Sends a sign-in code by SMS. Within a minute of the last one the last code stays valid and
 * nothing is sent, so signing in again quickly neither fails nor floods the phone.
 */
async function sendSignInCode(
  services: SignInServices,
  em: EntityManager,
  account: Account,
  now: Date,
): Promise<void> {
  try {
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
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'rate_limited')) throw error;
  }
}
