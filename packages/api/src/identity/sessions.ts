import { Session, type EntityManager, type User } from '@orgcard/db';
import { AppError } from '../errors.ts';
import { idleMinutesFor, resolveSession } from '../auth/resolve-session.ts';
import type { Context, RequestInfo } from '../trpc/context.ts';
import { deviceSummary } from './device-summary.ts';
import { journalIdentityEvent } from './identity-journal.ts';

type Request = Pick<RequestInfo, 'ip' | 'userAgent'>;

export interface SessionSummary {
  id: string;
  ip: string;
  device: string;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
}

function userActor(user: User) {
  return { kind: 'user', id: user.id, name: user.fullName } as const;
}

/**
 * The person's live sessions, the current one first, then by last activity. Sessions past
 * their idle or absolute limit are left out even before anyone has touched them.
 */
export async function listSessions(
  em: EntityManager,
  user: User,
  current: Session,
  now = new Date(),
): Promise<SessionSummary[]> {
  const idleMs = (await idleMinutesFor(em, current)) * 60_000;
  const sessions = await em.find(
    Session,
    {
      userId: user.id,
      kind: 'user',
      endedAt: null,
      expiresAt: { $gt: now },
      lastSeenAt: { $gt: new Date(now.getTime() - idleMs) },
    },
    { orderBy: { lastSeenAt: 'desc' } },
  );

  return sessions
    .map((session) => ({
      id: session.id,
      ip: session.ip,
      device: deviceSummary(session.userAgent),
      createdAt: session.createdAt,
      lastSeenAt: session.lastSeenAt,
      current: session.id === current.id,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/** Ends one of the person's own sessions; another person's looks the same as none at all. */
export async function endOwnSession(
  em: EntityManager,
  user: User,
  request: Request,
  sessionId: string,
  now = new Date(),
): Promise<void> {
  const session = await em.findOne(Session, {
    id: sessionId,
    userId: user.id,
    kind: 'user',
    endedAt: null,
  });
  if (!session) throw new AppError('not_found', 'Сеанс: не найден или уже завершён.');

  await em.transactional(async (tx) => {
    session.endedAt = now;
    session.endReason = 'ended_by_user';
    await journalIdentityEvent(tx, userActor(user), request, {
      action: 'account.session_ended',
      target: { type: 'session', id: session.id },
    });
  });
}

/** Ends every session of the person but `keep`; returns how many ended. */
export async function endOtherSessions(
  em: EntityManager,
  user: User,
  keep: Session,
  request: Request,
  reason: 'ended_by_user' | 'password_changed' = 'ended_by_user',
  now = new Date(),
): Promise<number> {
  const others = await em.find(Session, {
    userId: user.id,
    kind: 'user',
    endedAt: null,
    id: { $ne: keep.id },
  });
  const write = async (tx: EntityManager) => {
    for (const session of others) {
      session.endedAt = now;
      session.endReason = reason;
    }
    if (reason === 'ended_by_user') {
      await journalIdentityEvent(tx, userActor(user), request, {
        action: 'account.other_sessions_ended',
        details: { count: others.length },
      });
    }
  };
  if (em.isInTransaction()) await write(em);
  else await em.transactional(write);

  return others.length;
}

/**
 * Ends the session behind the request's cookie, whatever its kind, and clears the cookie.
 * Without a live session it only clears the cookie.
 */
export async function signOut(
  em: EntityManager,
  ctx: Pick<Context, 'request' | 'cookies'>,
  now = new Date(),
): Promise<void> {
  const signedIn = await resolveSession(em, ctx.request.sessionToken, now);
  ctx.cookies.clear();
  if (!signedIn) return;

  const { session } = signedIn;
  const account = signedIn.kind === 'user' ? signedIn.user : signedIn.operator;
  await em.transactional(async (tx) => {
    session.endedAt = now;
    session.endReason = 'sign_out';
    await journalIdentityEvent(
      tx,
      { kind: signedIn.kind, id: account.id, name: account.fullName },
      ctx.request,
      { action: 'auth.sign_out', target: { type: 'session', id: session.id } },
    );
  });
}
