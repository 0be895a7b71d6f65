import { randomBytes } from 'node:crypto';
import { hashPassword } from '@orgcard/crypto';
import { Operator, User, type EntityManager } from '@orgcard/db';
import type { JournalActor } from '../journal/write-journal.ts';

/** People sign in as users; the platform's staff sign in as operators, through their own page. */
export type AccountKind = 'user' | 'operator';

export type Account = User | Operator;

/** Finds an account of one kind by its (lower-cased) email. */
export async function findAccountByEmail(
  em: EntityManager,
  kind: AccountKind,
  email: string,
): Promise<Account | null> {
  return kind === 'user' ? em.findOne(User, { email }) : em.findOne(Operator, { email });
}

export async function findAccountById(
  em: EntityManager,
  kind: AccountKind,
  id: string,
): Promise<Account | null> {
  return kind === 'user' ? em.findOne(User, { id }) : em.findOne(Operator, { id });
}

/** The second factor an account uses: an operator always gets an SMS code. */
export function secondFactorOf(account: Account): 'sms' | 'totp' {
  return 'secondFactor' in account && account.secondFactor === 'totp' && account.totpSecretSealed
    ? 'totp'
    : 'sms';
}

export function actorOf(kind: AccountKind, account: Account): JournalActor {
  return { kind, id: account.id, name: account.fullName };
}

let dummyHash: Promise<string> | undefined;

/**
 * A password hash no one knows, verified when the email is unknown so that a wrong email
 * costs as much time as a wrong password and timing does not tell which one was wrong.
 */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(24).toString('base64'));

  return dummyHash;
}
