import { Session, type EntityManager } from '@orgcard/db';
import type { Context } from '../trpc/context.ts';
import { ABSOLUTE_SESSION_HOURS } from './resolve-session.ts';
import { newToken, tokenHash } from './tokens.ts';

/**
 * Opens a session for a user or an operator and sets the cookie. Only the token's hash is
 * stored; the cookie lives no longer than the session's absolute limit.
 */
export function startSession(
  em: EntityManager,
  ctx: Pick<Context, 'request' | 'cookies'>,
  who: { kind: 'user'; userId: string } | { kind: 'operator'; operatorId: string },
  now = new Date(),
): Session {
  const token = newToken();
  const maxAgeSeconds = ABSOLUTE_SESSION_HOURS * 3600;
  const session = em.create(Session, {
    tokenHash: tokenHash(token),
    kind: who.kind,
    userId: who.kind === 'user' ? who.userId : null,
    operatorId: who.kind === 'operator' ? who.operatorId : null,
    ip: ctx.request.ip.slice(0, 64),
    userAgent: ctx.request.userAgent.slice(0, 500),
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + maxAgeSeconds * 1000),
    endedAt: null,
    endReason: null,
  });
  ctx.cookies.set(token, maxAgeSeconds);

  return session;
}
