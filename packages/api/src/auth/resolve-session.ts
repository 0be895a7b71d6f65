import { Member, Operator, Organisation, Session, User, type EntityManager } from '@orgcard/db';
import { tokenHash } from './tokens.ts';

export const DEFAULT_IDLE_MINUTES = 15;
/** Sessions end twelve hours after sign-in whatever the activity. */
export const ABSOLUTE_SESSION_HOURS = 12;
/** lastSeenAt is written at most this often, to spare a write on every request. */
const TOUCH_EVERY_MS = 15_000;

export type SignedIn =
  | { kind: 'user'; session: Session; user: User }
  | { kind: 'operator'; session: Session; operator: Operator };

/** The strictest idle timeout among the organisations the user belongs to. */
export async function idleMinutesFor(em: EntityManager, session: Session): Promise<number> {
  if (session.kind !== 'user' || !session.userId) return DEFAULT_IDLE_MINUTES;
  const memberships = await em.find(Member, { userId: session.userId, status: 'active' });
  if (memberships.length === 0) return DEFAULT_IDLE_MINUTES;
  const organisations = await em.find(Organisation, {
    id: { $in: memberships.map((member) => member.organisationId) },
  });

  return Math.min(...organisations.map((organisation) => organisation.idleTimeoutMinutes));
}

/**
 * Finds the live session behind a cookie token. An expired or idle session is ended on the
 * spot and yields null, as does an unknown token.
 */
export async function resolveSession(
  em: EntityManager,
  token: string | null,
  now = new Date(),
): Promise<SignedIn | null> {
  if (!token) return null;
  const session = await em.findOne(Session, { tokenHash: tokenHash(token), endedAt: null });
  if (!session) return null;

  if (session.expiresAt <= now) return endSession(em, session, 'expired', now);
  const idleMs = (await idleMinutesFor(em, session)) * 60_000;
  if (session.lastSeenAt.getTime() + idleMs <= now.getTime()) {
    return endSession(em, session, 'idle', now);
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    session.lastSeenAt = now;
    await em.flush();
  }

  if (session.kind === 'operator' && session.operatorId) {
    const operator = await em.findOne(Operator, { id: session.operatorId });

    return operator ? { kind: 'operator', session, operator } : null;
  }
  const user = session.userId ? await em.findOne(User, { id: session.userId }) : null;

  return user ? { kind: 'user', session, user } : null;
}

async function endSession(
  em: EntityManager,
  session: Session,
  reason: 'expired' | 'idle',
  now: Date,
): Promise<null> {
  session.endedAt = now;
  session.endReason = reason;
  await em.flush();

  return null;
}
