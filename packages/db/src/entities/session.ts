import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity } from '@mikro-orm/core';

/**
 * A signed-in browser. Only the SHA-256 of the cookie token is stored, so a copy of the
 * database cannot be used to sign in.
 */
export const Session = defineEntity({
  name: 'Session',
  tableName: 'session',
  properties: (p) => ({
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    tokenHash: p.string().length(64).unique().hidden(),
    kind: p.enum(['user', 'operator']),
    userId: p.uuid().nullable().index(),
    operatorId: p.uuid().nullable().index(),
    ip: p.string().length(64),
    userAgent: p.string().length(500),
    createdAt: p.datetime().onCreate(() => new Date()),
    lastSeenAt: p.datetime(),
    /** The absolute limit: twelve hours after sign-in whatever the activity. */
    expiresAt: p.datetime(),
    endedAt: p.datetime().nullable(),
    endReason: p
      .enum(['sign_out', 'ended_by_user', 'idle', 'expired', 'password_changed'])
      .nullable(),
  }),
});

export type Session = InferEntity<typeof Session>;
