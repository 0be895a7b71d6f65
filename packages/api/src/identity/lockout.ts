import type { EntityManager } from '@orgcard/db';
import { AppError } from '../errors.ts';
import { block, countEvent, isBlocked, resetEvents } from '../auth/rate-limit.ts';
import type { AppServices } from '../services.ts';
import type { Account, AccountKind } from './accounts.ts';

/** Ten failed sign-in attempts (password or code) within an hour lock sign-in for 15 minutes. */
export const LOCK_AFTER_FAILURES = 10;
export const FAILURE_WINDOW_SECONDS = 3600;
export const LOCK_MINUTES = 15;

const failures = { name: 'sign-in:failures', windowSeconds: FAILURE_WINDOW_SECONDS };
const lock = 'sign-in:lock';

/**
 * The one message of a locked sign-in. An unknown address gets the very same one after as many
 * failures, so the lock tells a stranger nothing about which addresses have accounts.
 */
export const lockedMessage =
  `Вход временно заблокирован: слишком много неудачных попыток. ` +
  `Попробуйте снова через ${LOCK_MINUTES} минут.`;

type LockServices = Pick<AppServices, 'redis' | 'config'>;

/** Failures count against the address typed, whether or not it belongs to an account. */
function subjectOf(kind: AccountKind, email: string): string {
  return `${kind}:${email}`;
}

/**
 * Whether sign-in is locked for this address now. An account keeps its lock in the database
 * (`lockedUntil`, visible to support); an unknown address in Redis, where it expires by itself.
 */
export async function isSignInLocked(
  services: LockServices,
  kind: AccountKind,
  email: string,
  account: Account | null,
  now = new Date(),
): Promise<boolean> {
  if (account) return account.lockedUntil != null && account.lockedUntil > now;

  return isBlocked(services, lock, subjectOf(kind, email));
}

/** Refuses with the lock message. */
export function signInLocked(): AppError {
  return new AppError('rate_limited', lockedMessage);
}

/**
 * Counts one failed attempt; the tenth within an hour locks sign-in for 15 minutes and starts
 * the count afresh. Returns whether this failure locked it. Called outside any transaction,
 * as it talks to Redis.
 */
export async function recordSignInFailure(
  services: LockServices,
  em: EntityManager,
  kind: AccountKind,
  email: string,
  account: Account | null,
  now = new Date(),
): Promise<boolean> {
  const subject = subjectOf(kind, email);
  const count = await countEvent(services, failures, subject, now);
  if (count < LOCK_AFTER_FAILURES) return false;

  await resetEvents(services, failures.name, subject);
  if (account) {
    account.lockedUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
    await em.flush();
  } else {
    await block(services, lock, subject, LOCK_MINUTES * 60);
  }

  return true;
}

/** A completed sign-in forgets the failures before it. */
export async function clearSignInFailures(
  services: LockServices,
  kind: AccountKind,
  email: string,
): Promise<void> {
  await resetEvents(services, failures.name, subjectOf(kind, email));
}
